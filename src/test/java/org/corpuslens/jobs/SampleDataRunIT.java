package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: {@code run} on {@code sample-data/} in local mode, in its own JVM
 * (the posts under {@code source/} and the dumps of every other format under {@code dumps/});
 * every table read back with DuckDB and compared with {@code sample-data/expected.json}, the ground
 * truth written with the sample posts. Then {@code extract} + {@code analyze} must give the same
 * tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataRunIT {
  private static final String[] TABLES = {
    "articles", "rejects", "term_frequencies", "topic_trends", "topic_trends_by_source", "source_stats",
    "topic_index", "topic_mentions"
  };
  private static final List<String> BOILERPLATE =
      List.of("海量资讯、精准解读", "责任编辑", "appendQr", "&#123;", "&#125;", "article_adlist", "{border", "border:1px");

  /** The dumps' extensions besides the posts' ({@code expected.json} at the top is not an input). */
  private static final String PATTERNS = "*.md,*.html,*.htm,*.json,*.csv,*.xml,*.txt";

  private Path tmp;
  private Path sample;
  private Path out;
  private JsonNode expected;
  private Duck duck;
  private Cli.Result result;

  @BeforeAll
  void runOnSampleData(@TempDir Path tempDir) throws Exception {
    tmp = tempDir;
    sample = Cli.projectDir().resolve("sample-data");
    expected = new ObjectMapper().readTree(sample.resolve("expected.json").toFile());
    out = tmp.resolve("out");
    result = Cli.run(tmp.resolve("run.log"), "run", "--input", sample.resolve("source").toString(), sample.resolve("dumps").toString(),
        "--pattern", PATTERNS, "--output", out.toString(), "--master", "local[2]");
    assertThat(result.exitCode()).as(result.output()).isZero();
    duck = new Duck();
  }

  private String t(String name) {
    return Duck.table(out, name);
  }

  private String relative(Object sourcePath) {
    String p = String.valueOf(sourcePath);
    String prefix = "file:" + sample.toString() + "/";
    assertThat(p).startsWith(prefix);
    return p.substring(prefix.length());
  }

  /** Spark warns when a window has no partition (all rows move to one task); no table may use one. */
  @Test
  void noWindowRunsWithoutAPartition() {
    assertThat(result.output()).contains("corpuslens").doesNotContain("No Partition Defined");
  }

  @Test
  void everyFileIsAnArticleOrARejectWithTheExpectedReason() throws Exception {
    Map<String, String> actual = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT source_path FROM " + t("articles"))) {
      assertThat(actual.put(relative(r.get("source_path")), "article")).as("duplicate article row").isNull();
    }
    for (Map<String, Object> r : duck.query("SELECT source_path, reason, detail FROM " + t("rejects"))) {
      assertThat(actual.put(relative(r.get("source_path")), "reject:" + r.get("reason"))).as("file in both tables").isNull();
      assertThat(String.valueOf(r.get("detail"))).isNotBlank();
    }
    Map<String, String> want = new HashMap<>();
    for (JsonNode f : expected.get("files")) {
      want.put(f.get("path").asText(), "article".equals(f.get("status").asText()) ? "article" : "reject:" + f.get("reason").asText());
    }
    assertThat(actual).isEqualTo(want);
    long files = want.keySet().stream().map(p -> p.replaceAll("#\\d+$", "")).distinct().count();
    assertThat(result.output()).contains("CorpusLens: " + files + " input files");
  }

  @Test
  void articleFieldsMatchTheGroundTruth() throws Exception {
    Map<String, Map<String, Object>> rows = new HashMap<>();
    for (Map<String, Object> r : duck.query(
        "SELECT source_path, source, section, channel, title, editor, original_source, strftime(published_at, '%Y-%m-%dT%H:%M:%SZ') AS published_at, "
            + "record_format, url, author, record_id, "
            + "CAST(published_date AS VARCHAR) AS published_date, date_kind, CAST(period AS VARCHAR) AS period, text, image_count, char_count, paragraph_count, token_count, len(tokens) AS n_tokens "
            + "FROM " + t("articles"))) {
      rows.put(relative(r.get("source_path")), r);
    }
    int checked = 0;
    for (JsonNode f : expected.get("files")) {
      if (!"article".equals(f.get("status").asText())) {
        continue;
      }
      String path = f.get("path").asText();
      Map<String, Object> row = rows.get(path);
      assertThat(row).as(path).isNotNull();
      for (String field : List.of("source", "section", "channel", "title", "editor", "original_source", "published_at", "published_date",
          "date_kind", "period", "record_format", "url", "author", "record_id")) {
        if (f.has(field)) {
          Object want = f.get(field).isNull() ? null : f.get(field).asText();
          assertThat(row.get(field)).as(path + " " + field).isEqualTo(want);
        }
      }
      if (f.has("image_count")) {
        assertThat(((Number) row.get("image_count")).intValue()).as(path + " image_count").isEqualTo(f.get("image_count").asInt());
      }
      String text = (String) row.get("text");
      if (f.has("text_equals")) {
        assertThat(text).as(path).isEqualTo(f.get("text_equals").asText());
      }
      for (JsonNode phrase : f.path("text_contains")) {
        assertThat(text).as(path).contains(phrase.asText());
      }
      for (JsonNode phrase : f.path("text_excludes")) {
        assertThat(text).as(path).doesNotContain(phrase.asText());
      }
      for (String b : BOILERPLATE) {
        assertThat(text).as(path).doesNotContain(b);
      }
      assertThat(((Number) row.get("token_count")).intValue()).isEqualTo(((Number) row.get("n_tokens")).intValue()).isPositive();
      assertThat(((Number) row.get("char_count")).intValue()).isPositive();
      checked++;
    }
    assertThat(checked).isEqualTo(rows.size()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void topicTrendsMatchTheGroundTruth() throws Exception {
    Set<String> actual = new HashSet<>();
    for (Map<String, Object> r : duck.query(
        "SELECT CAST(period AS VARCHAR) AS period, topic, article_count, mention_count, total_articles FROM " + t("topic_trends"))) {
      actual.add(r.get("period") + "|" + r.get("topic") + "|" + r.get("article_count") + "|" + r.get("mention_count") + "|" + r.get("total_articles"));
    }
    Set<String> want = new HashSet<>();
    for (JsonNode r : expected.get("topic_trends")) {
      want.add(r.get("period").asText() + "|" + r.get("topic").asText() + "|" + r.get("article_count").asLong() + "|"
          + r.get("mention_count").asLong() + "|" + r.get("total_articles").asLong());
    }
    assertThat(actual).isEqualTo(want);
    // the index: each topic's mean over the periods is 100 (when the topic occurs at all)
    for (Map<String, Object> r : duck.query("SELECT topic, avg(\"index\") AS mean FROM " + t("topic_trends") + " GROUP BY topic")) {
      assertThat(((Number) r.get("mean")).doubleValue()).as(String.valueOf(r.get("topic"))).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    // by source sums up to the overall figures
    List<Map<String, Object>> diff = duck.query(
        "SELECT o.period, o.topic FROM " + t("topic_trends") + " o JOIN (SELECT period, topic, sum(article_count) a, sum(mention_count) m, sum(total_articles) n FROM "
            + t("topic_trends_by_source") + " GROUP BY ALL) s USING (period, topic) WHERE o.article_count <> s.a OR o.mention_count <> s.m OR o.total_articles <> s.n");
    assertThat(diff).isEmpty();
  }

  @Test
  void sourceStatsCountArticlesAndRejectsPerSource() throws Exception {
    Map<String, Long> actual = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT source, article_count FROM " + t("source_stats") + " WHERE article_count > 0")) {
      actual.put((String) r.get("source"), ((Number) r.get("article_count")).longValue());
    }
    Map<String, Long> want = new HashMap<>();
    expected.get("source_articles").properties().forEach(e -> want.put(e.getKey(), e.getValue().asLong()));
    assertThat(actual).isEqualTo(want);
    List<Map<String, Object>> rejects = duck.query("SELECT sum(reject_count) AS n FROM " + t("source_stats"));
    List<Map<String, Object>> attributable = duck.query("SELECT count(*) AS n FROM " + t("rejects") + " WHERE source IS NOT NULL");
    assertThat(((Number) rejects.get(0).get("n")).longValue()).isEqualTo(((Number) attributable.get(0).get("n")).longValue());
  }

  @Test
  void termFrequenciesAddUpAndHoldNoStopWordsOrPunctuation() throws Exception {
    List<Map<String, Object>> totals = duck.query(
        "SELECT (SELECT sum(count) FROM " + t("term_frequencies") + ") AS tf, (SELECT sum(token_count) FROM " + t("articles") + ") AS tokens");
    assertThat(((Number) totals.get(0).get("tf")).longValue()).isEqualTo(((Number) totals.get(0).get("tokens")).longValue());
    List<Map<String, Object>> bad = duck.query(
        "SELECT period, source FROM " + t("term_frequencies") + " GROUP BY period, source, period_source_tokens HAVING sum(count) <> period_source_tokens");
    assertThat(bad).isEmpty();
    List<Map<String, Object>> stop = duck.query(
        "SELECT term FROM " + t("term_frequencies") + " WHERE term IN ('的', '了', '和', '，', '。', '、', '2022', '３') OR regexp_matches(term, '^[0-9\\s\\p{P}]+$')");
    assertThat(stop).isEmpty();
    // the lexicon keeps compound terms whole
    List<Map<String, Object>> green = duck.query(
        "SELECT sum(count) AS n FROM " + t("term_frequencies") + " WHERE term IN ('绿色金融', '数字经济', '生物医药', '科技创新')");
    assertThat(((Number) green.get(0).get("n")).longValue()).isPositive();
  }

  @Test
  void termFrequenciesEqualWhatDuckDbCountsFromTheArticlesTokens() throws Exception {
    // an independent implementation of the table's definition, in SQL, on the written articles:
    // one row per token, counted per (period, source, term); documents as distinct article ids;
    // the tag with most occurrences there, among equals the alphabetically first
    String tokens = "(SELECT period, source, article_id, unnest(tokens) AS term, unnest(token_pos) AS pos FROM "
        + t("articles") + " WHERE duplicate_of IS NULL)";
    String perTag = "(SELECT period, source, term, pos, count(*) AS n FROM " + tokens + " GROUP BY ALL)";
    String expected = "(SELECT t.period, t.source, t.term, b.pos, t.count, t.doc_count, d.period_source_tokens, d.period_source_articles"
        + " FROM (SELECT period, source, term, count(*) AS count, count(DISTINCT article_id) AS doc_count FROM " + tokens + " GROUP BY ALL) t"
        + " JOIN (SELECT period, source, term, arg_min(pos, (-n, pos)) AS pos FROM " + perTag + " GROUP BY ALL) b USING (period, source, term)"
        + " JOIN (SELECT period, source, sum(token_count) AS period_source_tokens, count(*) AS period_source_articles FROM "
        + t("articles") + " WHERE duplicate_of IS NULL GROUP BY ALL) d USING (period, source))";
    String actual = "(SELECT period, source, term, pos, count, doc_count, period_source_tokens, period_source_articles FROM "
        + t("term_frequencies") + ")";
    assertSameRows(expected, actual, "term_frequencies against DuckDB");
    // the sample has terms whose tag differs between occurrences: the pick is exercised
    List<Map<String, Object>> mixed = duck.query(
        "SELECT count(*) AS n FROM (SELECT period, source, term FROM " + perTag + " GROUP BY ALL HAVING count(*) > 1)");
    assertThat(((Number) mixed.get(0).get("n")).longValue()).isPositive();
  }

  @Test
  void theSamePostsInATarGzGiveTheSameAnalytics() throws Exception {
    Path archive = tmp.resolve("posts.tar.gz");
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
            new java.util.zip.GZIPOutputStream(Files.newOutputStream(archive)));
        var files = java.util.stream.Stream.concat(Files.walk(sample.resolve("source")), Files.walk(sample.resolve("dumps")))) {
      tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(f.toFile(), sample.relativize(f).toString());
        tar.putArchiveEntry(entry);
        Files.copy(f, tar);
        tar.closeArchiveEntry();
      }
    }
    Path packed = tmp.resolve("packed");
    Cli.Result r = Cli.run(tmp.resolve("packed.log"), "run", "--input", archive.toString(), "--pattern", PATTERNS, "--output", packed.toString(),
        "--master", "local[2]");
    assertThat(r.exitCode()).as(r.output()).isZero();
    for (String table : List.of("term_frequencies", "topic_trends", "topic_trends_by_source", "source_stats")) {
      assertSameRows(Duck.table(out, table), Duck.table(packed, table), table);
    }
    assertSameRows("(SELECT reason, size_bytes, source FROM " + t("rejects") + ")",
        "(SELECT reason, size_bytes, source FROM " + Duck.table(packed, "rejects") + ")", "rejects");
    List<String> paths = duck.query("SELECT source_path FROM " + Duck.table(packed, "articles")).stream()
        .map(row -> (String) row.get("source_path")).toList();
    assertThat(paths).allMatch(p -> p.startsWith("file:" + archive + "!/source/_posts/") || p.startsWith("file:" + archive + "!/dumps/"))
        .anyMatch(p -> p.contains("!/source/_posts/")).anyMatch(p -> p.contains("!/dumps/"));
  }

  private void assertSameRows(String a, String b, String what) throws Exception {
    Map<String, Object> c = duck.query("SELECT (SELECT count(*) FROM " + a + ") AS a, (SELECT count(*) FROM " + b + ") AS b, "
        + "(SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")) AS a_only, "
        + "(SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")) AS b_only").get(0);
    assertThat(c.get("a")).as(what).isEqualTo(c.get("b"));
    assertThat(((Number) c.get("a")).longValue()).as(what).isPositive();
    assertThat(((Number) c.get("a_only")).longValue() + ((Number) c.get("b_only")).longValue()).as(what).isZero();
  }

  @Test
  void extractThenAnalyzeGivesTheSameTables() throws Exception {
    Path split = tmp.resolve("split");
    Cli.Result extract = Cli.run(tmp.resolve("extract.log"), "extract", "--input", sample.resolve("source").toString(),
        sample.resolve("dumps").toString(), "--pattern", PATTERNS, "--output", split.toString(), "--master", "local[2]");
    assertThat(extract.exitCode()).as(extract.output()).isZero();
    Cli.Result analyze = Cli.run(tmp.resolve("analyze.log"), "analyze", "--tables", split.toString(), "--master", "local[2]");
    assertThat(analyze.exitCode()).as(analyze.output()).isZero();
    for (String table : TABLES) {
      String a = t(table);
      String b = Duck.table(split, table);
      List<Map<String, Object>> counts = duck.query(
          "SELECT (SELECT count(*) FROM " + a + ") AS a, (SELECT count(*) FROM " + b + ") AS b, "
              + "(SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")) AS a_only, "
              + "(SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")) AS b_only");
      Map<String, Object> c = counts.get(0);
      assertThat(c.get("a")).as(table).isEqualTo(c.get("b"));
      assertThat(((Number) c.get("a")).longValue()).as(table).isPositive();
      assertThat(((Number) c.get("a_only")).longValue()).as(table).isZero();
      assertThat(((Number) c.get("b_only")).longValue()).as(table).isZero();
    }
    assertThat(Files.exists(split.resolve("run_summary.json"))).isTrue();
  }

  /**
   * topic_mentions and topic_index against figures recomputed here with DuckDB from other tables:
   * one mention row per counted mention (trends), each pointing at its term in the article, and the
   * scaled index rebuilt from topic_trends_by_source with SQL (shares, sample standard deviation
   * per source, mean over sources, base mean 100). Sample data has at most two articles per source
   * and month, so a second analyze with --index-min-articles 1 gives the index something to scale.
   */
  @Test
  void topicMentionsAndIndexRecomputedFromTheOtherTables() throws Exception {
    assertThat(duck.query("SELECT t.period, t.topic FROM " + t("topic_trends") + " t LEFT JOIN (SELECT period, topic, count(*) AS n FROM "
        + t("topic_mentions") + " GROUP BY ALL) m USING (period, topic) WHERE t.mention_count <> coalesce(m.n, 0)")).isEmpty();
    assertThat(((Number) duck.query("SELECT count(*) AS n FROM " + t("topic_mentions")).get(0).get("n")).longValue()).isPositive();
    assertThat(duck.query("SELECT m.article_id FROM " + t("topic_mentions") + " m JOIN " + t("articles")
        + " a USING (article_id) WHERE m.field = 'text' AND (substr(a.text, m.offset + 1, length(m.term)) <> m.term"
        + " OR position(m.term IN m.snippet) = 0 OR length(m.snippet) > length(m.term) + 80)")).isEmpty();
    assertIndexMatchesSql(out, 10);

    Path minOne = tmp.resolve("index-min-1");
    Cli.Result analyze = Cli.run(tmp.resolve("analyze-min-1.log"), "analyze", "--tables", out.toString(), "--output",
        minOne.toString(), "--index-min-articles", "1", "--master", "local[2]");
    assertThat(analyze.exitCode()).as(analyze.output()).isZero();
    assertThat(assertIndexMatchesSql(minOne, 1)).isPositive();

    Path audit = tmp.resolve("audit");
    Cli.Result sampled = Cli.run(tmp.resolve("sample.log"), "sample", "--tables", out.toString(), "--output", audit.toString(),
        "--per-topic", "3", "--seed", "5", "--master", "local[2]");
    assertThat(sampled.exitCode()).as(sampled.output()).isZero();
    assertThat(Files.readString(audit.resolve("sample.csv"), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("topic,period,source,article_id,title,mention_count,terms,snippet,relevant\r\n");
    // read back with DuckDB's CSV reader (snippets hold line breaks): per topic min(3, its matching articles), all of them matching
    String csv = "read_csv('" + audit.resolve("sample.csv") + "', header = true, all_varchar = true)";
    Map<String, Object> counts = duck.query("SELECT (SELECT count(*) FROM " + csv + ") AS rows, (SELECT sum(least(3, n)) FROM (SELECT topic, "
        + "count(DISTINCT article_id) AS n FROM " + t("topic_mentions") + " GROUP BY topic)) AS want, (SELECT count(*) FROM " + csv
        + " s WHERE NOT EXISTS (SELECT 1 FROM " + t("topic_mentions") + " m WHERE m.article_id = s.article_id AND m.topic = s.topic)) AS strays").get(0);
    assertThat(((Number) counts.get("rows")).longValue()).isEqualTo(((Number) counts.get("want")).longValue()).isPositive();
    assertThat(((Number) counts.get("strays")).longValue()).isZero();
    assertThat(Files.readString(audit.resolve("sample.html"), java.nio.charset.StandardCharsets.UTF_8)).contains("<mark>");
  }

  /** Rebuilds topic_index of {@code dir} in SQL and compares; returns the number of non-null index values. */
  private long assertIndexMatchesSql(Path dir, int minArticles) throws Exception {
    String bySource = Duck.table(dir, "topic_trends_by_source");
    String shares = "SELECT topic, source, period, article_count::DOUBLE / total_articles AS x FROM " + bySource
        + " WHERE total_articles >= " + minArticles;
    String sd = "SELECT topic, source, stddev_samp(x) AS sd, count(*) AS n FROM (" + shares + ") GROUP BY ALL";
    String z = "SELECT topic, period, avg(x / sd) AS z FROM (" + shares + ") JOIN (" + sd + ") USING (topic, source)"
        + " WHERE n >= 2 AND sd > 0 GROUP BY ALL";
    String expected = "SELECT topic, period, 100 * z / avg(z) OVER (PARTITION BY topic) AS idx FROM (" + z + ")";
    List<Map<String, Object>> bad = duck.query("SELECT i.topic, i.period, i.\"index\", e.idx FROM " + Duck.table(dir, "topic_index")
        + " i FULL JOIN (" + expected + ") e USING (topic, period) WHERE (i.\"index\" IS NULL) <> (e.idx IS NULL)"
        + " OR abs(i.\"index\" - e.idx) > 1e-9 OR i.topic IS NULL");
    assertThat(bad).as("topic_index against SQL, min " + minArticles).isEmpty();
    // every period of the run from the first to the last, each topic
    assertThat(duck.query("SELECT topic FROM " + Duck.table(dir, "topic_index") + " GROUP BY topic HAVING count(*) <> "
        + "(SELECT date_diff('month', min(period), max(period)) + 1 FROM " + Duck.table(dir, "topic_trends") + ")")).isEmpty();
    return ((Number) duck.query("SELECT count(\"index\") AS n FROM " + Duck.table(dir, "topic_index")).get(0).get("n")).longValue();
  }
}
