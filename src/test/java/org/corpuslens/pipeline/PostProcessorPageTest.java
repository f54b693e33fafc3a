package org.corpuslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Map;
import org.corpuslens.ingest.format.RecordFormat;
import org.corpuslens.ingest.format.RecordFormats;
import org.corpuslens.ingest.format.RecordInput;
import org.corpuslens.ingest.format.RecordIterator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.ingest.DateKind;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.segment.SegmenterConfig;
import org.corpuslens.segment.Segmenters;
import org.junit.jupiter.api.Test;

/** Full pages through {@link PostProcessor}: WARC records and saved pages. */
class PostProcessorPageTest {
  static final Instant RUN = Instant.parse("2026-11-29T00:00:00Z");
  static final Instant CRAWL = Instant.parse("2023-03-16T04:00:00Z");

  static final PostProcessor CHINESE =
      new PostProcessor(Segmenters.get(SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords())), RUN);

  static String page(String head, String body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>"
        + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/gn\">国内</a> <a href=\"/gj\">国际</a></div>"
        + "<h1>绿色金融改革试点扩围</h1><div class=\"info\">2023-03-15 10:23 来源：经济日报</div>"
        + "<div class=\"article\">" + body + "</div>"
        + "<div class=\"footer\">版权所有 某某网</div></body></html>";
  }

  static final String BODY =
      "<p>记者从会上了解到，绿色金融改革创新试验区将扩大到更多省份，推动绿色信贷和绿色债券发展。</p>"
          + "<p>专家表示，试点扩围有助于引导更多资金投向节能环保和清洁能源领域。</p>";

  /** A file read as the format registry chooses it, processed by the record pipeline. */
  static FileOutcome savedPage(String path, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String name = path.substring(path.lastIndexOf('/') + 1);
    RecordFormat format = RecordFormats.choose(name, bytes, null).orElseThrow();
    try (RecordIterator records = format.open(RecordInput.whole(path, path.substring(6), name, "s", bytes.length,
        new ByteArrayInputStream(bytes), 1_000_000, Map.of()))) {
      return new RecordProcessor(Segmenters.get(SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords())), RUN, null, java.time.ZoneId.of("Asia/Shanghai"))
          .process(records.next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aWarcPageBecomesAnArticleWithItsMetadata() {
    String html = page("<title>绿色金融改革试点扩围_某某网</title>", BODY);
    FileOutcome out = CHINESE.processPage(
        "file:/w/a.warc.gz#1234", "w/a.warc.gz#1234", html.getBytes(StandardCharsets.UTF_8),
        new PageSource("https://www.example.com/2023/0315/a.html", CRAWL, "utf-8"));

    assertThat(out).isInstanceOf(FileOutcome.Article.class);
    FileOutcome.Article a = (FileOutcome.Article) out;
    assertThat(a.text()).isEqualTo(
        "记者从会上了解到，绿色金融改革创新试验区将扩大到更多省份，推动绿色信贷和绿色债券发展。\n"
            + "专家表示，试点扩围有助于引导更多资金投向节能环保和清洁能源领域。");
    assertThat(a.title()).isEqualTo("绿色金融改革试点扩围");
    assertThat(a.source()).isEqualTo("经济日报");
    assertThat(a.originalSource()).isEqualTo("经济日报");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2023-03-15T02:23:00Z"));
    assertThat(a.dateKind()).isEqualTo(DateKind.PUBLISHED);
    assertThat(a.url()).isEqualTo("https://www.example.com/2023/0315/a.html");
    assertThat(a.language()).isEqualTo("zh");
    assertThat(a.paragraphCount()).isEqualTo(2);
    assertThat(a.tokens()).isNotEmpty();
    assertThat(a.sourcePath()).isEqualTo("file:/w/a.warc.gz#1234");
  }

  @Test
  void theHttpCharsetComesFirstThenTheMetaThenDetection() {
    String html = page("<title>绿色金融改革试点扩围</title>", BODY).replace("utf-8", "gbk");
    byte[] gbk = html.getBytes(Charset.forName("GBK"));
    PageSource header = new PageSource("https://www.example.com/a.html", CRAWL, "GBK");
    PageSource none = new PageSource("https://www.example.com/a.html", CRAWL, null);
    // the server's default ISO-8859-1 would be mojibake: ignored for non-ASCII bytes
    PageSource western = new PageSource("https://www.example.com/a.html", CRAWL, "ISO-8859-1");
    for (PageSource s : new PageSource[] {header, none, western}) {
      FileOutcome out = CHINESE.processPage("p#1", "p#1", gbk, s);
      assertThat(out).as("%s", s).isInstanceOf(FileOutcome.Article.class);
      assertThat(((FileOutcome.Article) out).text()).contains("绿色信贷");
    }
  }

  @Test
  void withoutAPublicationDateTheCrawlTimeIsUsed() {
    String html = page("<title>绿色金融改革试点扩围</title>", BODY).replace("2023-03-15 10:23 ", "");
    FileOutcome.Article a = (FileOutcome.Article) CHINESE.processPage(
        "p#1", "p#1", html.getBytes(StandardCharsets.UTF_8), new PageSource("https://www.example.com/a.html", CRAWL, null));
    assertThat(a.publishedAt()).isEqualTo(CRAWL);
    assertThat(a.dateKind()).isEqualTo(DateKind.CRAWLED);

    FileOutcome saved = savedPage("file:/s/a.html", html);
    assertThat(saved).isInstanceOf(FileOutcome.Reject.class);
    assertThat(((FileOutcome.Reject) saved).reason()).as(((FileOutcome.Reject) saved).detail()).isEqualTo(RejectReason.MISSING_DATE);
  }

  @Test
  void englishPagesAreRejectedUnlessAccepted() {
    String html = "<html><head><title>Green finance pilots widen</title></head><body><div class=\"article\">"
        + "<p>Reporters learned at the meeting that the green finance pilot zones will be extended to more provinces.</p>"
        + "<p>Experts said the expansion would steer more funds into energy saving and clean energy projects.</p>"
        + "</div></body></html>";
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    PageSource src = new PageSource("https://www.example.com/en/a.html", CRAWL, "utf-8");

    FileOutcome out = CHINESE.processPage("p#1", "p#1", bytes, src);
    assertThat(out).isInstanceOf(FileOutcome.Reject.class);
    assertThat(((FileOutcome.Reject) out).reason()).isEqualTo(RejectReason.NOT_CHINESE);
    assertThat(((FileOutcome.Reject) out).detail()).contains("language other");

    PostProcessor any = new PostProcessor(
        Segmenters.get(SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords())), RUN, Set.of("zh", "other"));
    FileOutcome accepted = any.processPage("p#1", "p#1", bytes, src);
    assertThat(accepted).isInstanceOf(FileOutcome.Article.class);
    assertThat(((FileOutcome.Article) accepted).language()).isEqualTo("other");
    assertThat(((FileOutcome.Article) accepted).source()).isEqualTo("example.com");
  }

  @Test
  void savedPagesWithoutFrontMatterGoTheFullPageWay() {
    String html = "<!-- saved from url=(0048)https://www.example.com/2023/0315/saved-page.html -->\n"
        + page("<title>绿色金融改革试点扩围_某某网</title>", BODY);
    FileOutcome out = savedPage("file:/s/页面.html", html);
    assertThat(out).isInstanceOf(FileOutcome.Article.class);
    FileOutcome.Article a = (FileOutcome.Article) out;
    assertThat(a.url()).isEqualTo("https://www.example.com/2023/0315/saved-page.html");
    assertThat(a.title()).isEqualTo("绿色金融改革试点扩围");
    assertThat(a.text()).startsWith("记者从会上了解到");

    // a post in an .html file (front matter first) is still a post
    String post = "---\ntitle: '标题'\ncategories:\n - 金融\n - 某报\nauthor: 某报\ndate: 2022-04-12 12:14:54\n---\n" + BODY;
    FileOutcome.Article p = (FileOutcome.Article) savedPage("file:/s/post.html", post);
    assertThat(p.source()).isEqualTo("某报");
    assertThat(p.url()).isNull();
  }
}
