package org.corpuslens.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpuslens.ingest.RejectException;
import org.corpuslens.ingest.RejectReason;
import org.junit.jupiter.api.Test;

class FieldMappingTest {
  private static Map<String, Object> record(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void pathsReachNestedFieldsListsAndPointers() {
    Map<String, Object> r = record("a", Map.of("b", List.of(Map.of("c", "深"), Map.of("c", "浅"))), "x/y", "斜");
    assertThat(FieldPath.parse("a.b[0].c").resolve(r)).isEqualTo("深");
    assertThat(FieldPath.parse("a.b[].c").resolve(r)).isEqualTo(List.of("深", "浅"));
    assertThat(FieldPath.parse("/a/b/1/c").resolve(r)).isEqualTo("浅");
    assertThat(FieldPath.parse("/x~1y").resolve(r)).isEqualTo("斜");
    assertThat(FieldPath.parse("a.z").resolve(r)).isSameAs(FieldPath.MISSING);
    assertThat(FieldPath.parse("a.b[5]").resolve(r)).isSameAs(FieldPath.MISSING);
    assertThat(FieldPath.parse("content[]").topField()).isEqualTo("content");
    assertThatThrownBy(() -> FieldPath.parse("a..b")).hasMessageContaining("empty step");
    assertThatThrownBy(() -> FieldPath.parse("a[x]")).hasMessageContaining("[x]");
  }

  @Test
  void theDailyScrapeProfileJoinsContentParagraphsAndTakesTheReporter() throws RejectException {
    Map<String, Object> r = record("title", "北京发布绿色金融新政", "url", "https://news.example.cn/a/1.html", "article_id", 12345,
        "publish_time", "2026-06-12 11:38", "source", "示例日报", "reporter", "张三", "editor", "李四", "channel", "财经",
        "content", List.of("第一段。", "第二段。"), "content_text", "不用这个");
    FieldMapping p = Profiles.forFields(r.keySet()).orElseThrow();
    assertThat(p.name()).isEqualTo("daily-scrape");
    MappedRecord m = RecordMapper.apply(p, r);
    assertThat(m.text()).isEqualTo("第一段。\n第二段。");
    assertThat(m.html()).isFalse();
    assertThat(m.id()).isEqualTo("12345");
    assertThat(m.author()).isEqualTo("张三");
    assertThat(m.editor()).isEqualTo("李四");
    assertThat(m.channel()).isEqualTo("财经");
    assertThat(m.publishedAt()).isEqualTo("2026-06-12 11:38");
    // an empty content list falls back to content_text
    r.put("content", List.of());
    assertThat(RecordMapper.apply(p, r).text()).isEqualTo("不用这个");
  }

  @Test
  void news2016zhIsPickedBeforeTheGenericProfileAndKeepsItsExtraFields() throws RejectException {
    Map<String, Object> r = record("news_id", "n1", "title", "标题", "content", "<p>段一</p><p>段二</p>", "source", "某报",
        "time", "2016-04-09 17:47", "keywords", "经济,金融", "desc", "摘要");
    FieldMapping p = Profiles.forFields(r.keySet()).orElseThrow();
    assertThat(p.name()).isEqualTo("news2016zh");
    MappedRecord m = RecordMapper.apply(p, r);
    assertThat(m.html()).isTrue();
    assertThat(m.extra()).containsExactlyInAnyOrderEntriesOf(Map.of("keywords", "经济,金融", "desc", "摘要"));
    assertThat(Profiles.forFields(java.util.Set.of("headline", "body"))).isEmpty();
  }

  @Test
  void wrongTypesAreBadRecordsAndNoTextIsEmptyText() {
    FieldMapping p = Profiles.named("news2016zh").orElseThrow();
    Map<String, Object> base = record("news_id", "n1", "title", "标题", "content", "正文", "source", "某报", "time", "2016-04-09 17:47");
    Map<String, Object> arrayTitle = new LinkedHashMap<>(base);
    arrayTitle.put("title", List.of("a", "b"));
    assertThatThrownBy(() -> RecordMapper.apply(p, arrayTitle)).isInstanceOfSatisfying(RejectException.class,
        e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_RECORD)).hasMessage("title (title) is an array, not text");
    Map<String, Object> numberText = new LinkedHashMap<>(base);
    numberText.put("content", 42);
    assertThatThrownBy(() -> RecordMapper.apply(p, numberText)).isInstanceOfSatisfying(RejectException.class,
        e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_RECORD)).hasMessageContaining("a number (42)");
    Map<String, Object> noText = new LinkedHashMap<>(base);
    noText.remove("content");
    assertThatThrownBy(() -> RecordMapper.apply(p, noText)).isInstanceOfSatisfying(RejectException.class,
        e -> assertThat(e.reason()).isEqualTo(RejectReason.EMPTY_TEXT));
  }

  @Test
  void aMappingFileIsCheckedWhenLoaded() throws RejectException {
    FieldMapping m = FieldMapping.parse("""
        name: 我的导出
        fields:
          title: meta.headline
          text: [body, summary]
          published_at: /meta/time
        defaults: {source: 示例社}
        text_format: plain
        """, "m.yaml");
    MappedRecord r = RecordMapper.apply(m, record("meta", Map.of("headline", "标题", "time", 1_700_000_000L), "summary", "摘要 <b>不是</b> HTML"));
    assertThat(r.title()).isEqualTo("标题");
    assertThat(r.source()).isEqualTo("示例社");
    assertThat(r.html()).isFalse();
    assertThat(r.publishedAt()).isEqualTo(1_700_000_000L);
    assertThatThrownBy(() -> FieldMapping.parse("fields: {text: body}\ncolumns: x\n", "m.yaml")).hasMessageContaining("unknown key 'columns'");
    assertThatThrownBy(() -> FieldMapping.parse("fields: {headline: x, text: body}\n", "m.yaml")).hasMessageContaining("'headline'");
    assertThatThrownBy(() -> FieldMapping.parse("fields: {title: x}\n", "m.yaml")).hasMessageContaining("no text field");
    assertThatThrownBy(() -> FieldMapping.parse("fields: {text: body}\ntext_format: markdown\n", "m.yaml")).hasMessageContaining("text_format");
  }

  @Test
  void withoutASourceTheUrlHostIsTheSource() throws RejectException {
    FieldMapping m = FieldMapping.parse("fields: {text: t, url: u}\n", "m.yaml");
    assertThat(RecordMapper.apply(m, record("t", "x", "u", "http://www.example.com.cn/a.html")).source()).isEqualTo("www.example.com.cn");
  }
}
