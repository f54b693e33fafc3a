package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.segment.SegmenterConfig;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many-record files through the whole extract stage: a JSON Lines file big enough to be cut into
 * byte ranges, a JSON document, a post and an archive holding JSON Lines. Every line is accounted
 * for once, under its own line number, whatever range read it.
 */
@ExtendWith(LocalSpark.class)
class RecordFormatsExtractTest {
  @TempDir Path dir;

  private static final int LINES = 300;

  /** Line n (1-based) of the dump: every 50th is truncated, every 70th is blank. */
  private static String line(int n) {
    if (n % 70 == 0) {
      return "";
    }
    String json = "{\"news_id\": \"n" + n + "\", \"title\": \"第" + n + "条新闻\", \"content\": \"数字经济第" + n + "段正文。\\n第二段。\", "
        + "\"source\": \"来源" + (n % 3) + "\", \"time\": \"2016-04-09 17:" + String.format("%02d", n % 60) + "\", \"keywords\": \"k" + n + "\"}";
    return n % 50 == 0 ? json.substring(0, json.length() / 2) : json;
  }

  @Test
  void everyRecordOfEveryFormatIsAccountedForOnce(SparkSession spark) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    StringBuilder dump = new StringBuilder();
    for (int n = 1; n <= LINES; n++) {
      dump.append(line(n)).append(n % 2 == 0 ? "\r\n" : "\n");
    }
    Files.writeString(in.resolve("news2016zh.json"), dump, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("2026-06-12.json"), """
        {"date": "2026-06-12", "count": 2, "articles": [
          {"article_id": "d1", "title": "日报一", "url": "https://daily.example.cn/1", "publish_time": "2026-06-12 11:38",
           "source": "示例日报", "reporter": "张三", "editor": "李四", "channel": "财经", "content": ["第一段。", "第二段。"]},
          {"article_id": "d2", "title": ["不是", "文本"], "publish_time": "2026-06-12 12:00", "content": ["x"]}
        ]}
        """, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("一.md"), "---\ntitle: '帖子'\nauthor: 甲报\ndate: Thu, 10 Feb 2022 15:04:05 GMT\n---\n<p>帖子正文。</p>\n",
        StandardCharsets.UTF_8);
    Files.write(in.resolve("more.tar.gz"), tarGz("inner/a.jsonl", line(1) + "\n" + line(2) + "\n"));

    ExtractJob.Plan plan = new ExtractJob.Plan(List.of(in.toString()), dir.resolve("out").toString(), List.of("*.md", "*.json", "*.jsonl"),
        1 << 20, SegmenterConfig.withDefaultStopWords(List.of("数字经济")), ZoneId.of("Asia/Shanghai"), PeriodGrain.MONTH,
        4096, 0, 1 << 20, Instant.parse("2026-12-05T00:00:00Z"), "auto", 0.8, null, null);
    ExtractJob.Counts counts = ExtractJob.run(spark, plan);

    Map<String, String> outcome = new HashMap<>();
    Map<String, Row> articles = new HashMap<>();
    for (Row r : spark.read().parquet(ParquetTables.path(plan.output(), ParquetTables.ARTICLES)).collectAsList()) {
      String path = r.getAs("source_path");
      assertThat(outcome.put(path.substring(path.lastIndexOf('/') + 1), "article")).isNull();
      articles.put(path.substring(path.lastIndexOf('/') + 1), r);
    }
    for (Row r : spark.read().parquet(ParquetTables.path(plan.output(), ParquetTables.REJECTS)).collectAsList()) {
      String path = r.getAs("source_path");
      assertThat(outcome.put(path.substring(path.lastIndexOf('/') + 1), r.getAs("reason"))).isNull();
    }
    Map<String, String> expected = new HashMap<>();
    for (int n = 1; n <= LINES; n++) {
      if (n % 70 != 0) {
        expected.put("news2016zh.json#" + n, n % 50 == 0 ? "BAD_RECORD" : "article");
      }
    }
    expected.put("2026-06-12.json#1", "article");
    expected.put("2026-06-12.json#2", "BAD_RECORD");
    expected.put("一.md", "article");
    expected.put("a.jsonl#1", "article");
    expected.put("a.jsonl#2", "article");
    assertThat(outcome).isEqualTo(expected);

    Row n7 = articles.get("news2016zh.json#7");
    assertThat((String) n7.getAs("title")).isEqualTo("第7条新闻");
    assertThat((String) n7.getAs("text")).isEqualTo("数字经济第7段正文。\n第二段。");
    assertThat((String) n7.getAs("source")).isEqualTo("来源1");
    assertThat((String) n7.getAs("record_id")).isEqualTo("n7");
    assertThat((String) n7.getAs("record_format")).isEqualTo("jsonl");
    assertThat(n7.<java.sql.Timestamp>getAs("published_at").toInstant()).isEqualTo(Instant.parse("2016-04-09T09:07:00Z"));
    assertThat(n7.<scala.collection.Map<String, String>>getAs("extra").get("keywords").get()).isEqualTo("k7");
    assertThat(n7.<scala.collection.Seq<String>>getAs("tokens").contains("数字经济")).isTrue();
    Row d1 = articles.get("2026-06-12.json#1");
    assertThat((String) d1.getAs("text")).isEqualTo("第一段。\n第二段。");
    assertThat((String) d1.getAs("author")).isEqualTo("张三");
    assertThat((String) d1.getAs("editor")).isEqualTo("李四");
    assertThat((String) d1.getAs("url")).isEqualTo("https://daily.example.cn/1");
    assertThat((String) d1.getAs("record_format")).isEqualTo("json");
    assertThat((String) articles.get("一.md").getAs("record_format")).isEqualTo("post");

    long lines = expected.keySet().stream().filter(k -> k.startsWith("news2016zh")).count();
    assertThat(counts.byFormat().get("jsonl")).containsEntry("files", 2L).containsEntry("records", lines + 2);
    assertThat(counts.byFormat().get("json")).containsEntry("files", 1L).containsEntry("records", 2L);
    assertThat(counts.byFormat().get("post")).containsEntry("files", 1L);
    assertThat(counts.recordsByMapping()).containsEntry("news2016zh", lines - LINES / 50 + 2).containsEntry("daily-scrape", 2L); // d2 was mapped, then rejected for its title
    assertThat(counts.inputFiles()).isEqualTo(4); // the dump, the document, the post, the archive's entry
  }

  @Test
  void zeroArticlesStillGiveValidEmptyTables(SparkSession spark) throws IOException {
    Path in = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(in.resolve("broken.jsonl"), "{\"news_id\": \"x\", \"title\": \"断\n[1]\n", StandardCharsets.UTF_8);
    String out = dir.resolve("out-empty").toString();
    ExtractJob.Plan plan = new ExtractJob.Plan(List.of(in.toString()), out, List.of("*.jsonl"), 1 << 20,
        SegmenterConfig.withDefaultStopWords(List.of()), ZoneId.of("Asia/Shanghai"), PeriodGrain.MONTH, 1 << 20, 0, 1 << 20,
        Instant.parse("2026-12-05T00:00:00Z"), "auto", 0.8, null, null);
    ExtractJob.Counts counts = ExtractJob.run(spark, plan);
    assertThat(counts.articles()).isZero();
    assertThat(counts.rejectsByReason()).containsEntry("BAD_RECORD", 2L);
    AnalyzeJob.run(spark, new AnalyzeJob.Plan(out, out, org.corpuslens.analytics.TopicLexicon.defaults(), ZoneId.of("Asia/Shanghai"),
        PeriodGrain.MONTH, false));
    for (String table : List.of(ParquetTables.ARTICLES, ParquetTables.TERM_FREQUENCIES, ParquetTables.TOPIC_TRENDS,
        ParquetTables.SOURCE_STATS)) {
      assertThat(ParquetTables.read(spark, out, table).count()).as(table).isZero();
    }
    assertThat(ParquetTables.read(spark, out, ParquetTables.ARTICLES).columns()).contains("title", "text", "year", "record_format");
    assertThat(ParquetTables.read(spark, out, ParquetTables.REJECTS).count()).isEqualTo(2);
  }

  private static byte[] tarGz(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      byte[] c = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setSize(c.length);
      tar.putArchiveEntry(e);
      tar.write(c);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
