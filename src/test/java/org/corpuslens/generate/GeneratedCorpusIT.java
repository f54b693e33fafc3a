package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.corpuslens.analytics.Topic;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correctness at scale: {@code generate} writes a corpus of at least 20,000 posts with its ground
 * truth, {@code run} processes it in its own JVM (local[2]), and every figure of the ground truth
 * is asserted exactly on the tables, read back with DuckDB. The size can be raised with
 * {@code -Dcorpuslens.generated.posts=N} (20,000 by default). To check a run made elsewhere (the
 * million-post benchmark, a cluster run), give the corpus and the run's output with {@code
 * -Dcorpuslens.generated.corpus=DIR -Dcorpuslens.generated.output=DIR}: nothing is generated or run,
 * and the same assertions read those tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedCorpusIT {
  private static final String GIVEN_CORPUS = System.getProperty("corpuslens.generated.corpus");
  private static final String GIVEN_OUTPUT = System.getProperty("corpuslens.generated.output");
  private static final int POSTS = Integer.getInteger("corpuslens.generated.posts", 20_000);
  private static final long SEED = 20_240_917L;

  private Path corpus;
  private Path out;
  private JsonNode truth;
  private Duck duck;
  private Cli.Result run;

  @BeforeAll
  void generateAndRun(@TempDir Path tmp) throws Exception {
    // a -Dtest pattern that names this package pulls *IT classes into surefire too: run only under
    // failsafe, which configures the launcher's JVM flags
    Assumptions.assumeTrue(System.getProperty("corpuslens.jvm.flags") != null, "integration test: runs under failsafe (mvn verify)");
    if (GIVEN_CORPUS != null && GIVEN_OUTPUT != null) {
      corpus = Path.of(GIVEN_CORPUS).toAbsolutePath();
      out = Path.of(GIVEN_OUTPUT).toAbsolutePath();
      truth = new ObjectMapper().readTree(corpus.resolve(CorpusGenerator.GROUND_TRUTH_FILE).toFile());
      duck = new Duck();
      return;
    }
    corpus = tmp.resolve("corpus");
    out = tmp.resolve("out");
    long t0 = System.nanoTime();
    Cli.Result gen = Cli.run(tmp.resolve("generate.log"), "generate", "--articles", String.valueOf(POSTS), "--output", corpus.toString(),
        "--seed", String.valueOf(SEED));
    assertThat(gen.exitCode()).as(gen.output()).isZero();
    long t1 = System.nanoTime();
    run = Cli.run(tmp.resolve("run.log"), "run", "--input", corpus.toString(), "--output", out.toString(), "--master", "local[2]");
    assertThat(run.exitCode()).as(run.output()).isZero();
    long t2 = System.nanoTime();
    // the wall times, for the record (the test log level hides INFO)
    System.out.printf(Locale.ROOT, "GeneratedCorpusIT: generate %d posts %.1f s, run %.1f s%n%s%n", POSTS, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
        gen.output().lines().filter(l -> l.startsWith("generated ")).findFirst().orElse(""));
    truth = new ObjectMapper().readTree(corpus.resolve(CorpusGenerator.GROUND_TRUTH_FILE).toFile());
    duck = new Duck();
  }

  @AfterAll
  void close() throws Exception {
    if (duck != null) {
      duck.close();
    }
  }

  private String t(String name) {
    return Duck.table(out, name);
  }

  private String relative(Object sourcePath) {
    String p = String.valueOf(sourcePath);
    String prefix = "file:" + corpus + "/";
    assertThat(p).startsWith(prefix);
    return p.substring(prefix.length());
  }

  private long scalar(String sql) throws Exception {
    return ((Number) duck.query(sql).get(0).values().iterator().next()).longValue();
  }

  @Test
  void everyInputFileIsAnArticleOrAReject() throws Exception {
    long posts = run == null ? truth.get("input_files").asLong() : POSTS;
    assertThat(truth.get("input_files").asLong()).isEqualTo(posts);
    long articles = scalar("SELECT count(*) FROM " + t("articles"));
    long rejects = scalar("SELECT count(*) FROM " + t("rejects"));
    assertThat(articles).isEqualTo(truth.get("articles").asLong());
    assertThat(rejects).isEqualTo(truth.get("rejects").asLong());
    assertThat(articles + rejects).isEqualTo(posts);
    if (run == null) {
      return; // a run made elsewhere: its console output is not here
    }
    assertThat(run.output()).contains("CorpusLens: " + POSTS + " input files -> " + articles + " articles ("
        + truth.get("duplicates").asLong() + " duplicates), " + rejects + " rejects");
  }

  @Test
  void everyExpectedRejectHasItsReason() throws Exception {
    Map<String, String> actual = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT source_path, reason FROM " + t("rejects"))) {
      assertThat(actual.put(relative(r.get("source_path")), (String) r.get("reason"))).isNull();
    }
    Map<String, String> want = new TreeMap<>();
    truth.get("expected_rejects").properties().forEach(e -> want.put(e.getKey(), e.getValue().asText()));
    assertThat(actual).isEqualTo(want);
    Map<String, Long> reasons = new TreeMap<>();
    truth.get("reject_reasons").properties().forEach(e -> reasons.put(e.getKey(), e.getValue().asLong()));
    assertThat(reasons.keySet()).as("reject kinds exercised").hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void topicTrendsMatchTheGroundTruth() throws Exception {
    TreeSet<String> actual = new TreeSet<>();
    for (Map<String, Object> r : duck.query("SELECT CAST(period AS VARCHAR) AS period, topic, article_count, mention_count, total_articles FROM "
        + t("topic_trends"))) {
      actual.add(r.get("period") + "|" + r.get("topic") + "|" + r.get("article_count") + "|" + r.get("mention_count") + "|" + r.get("total_articles"));
    }
    // the tables leave duplicates out by default
    assertThat(actual).containsExactlyElementsOf(rows(truth.get("excluding_duplicates").get("topic_trends")));
  }

  @Test
  void topicTrendsBySourceAddUpToTheGroundTruth() throws Exception {
    TreeSet<String> actual = new TreeSet<>();
    for (Map<String, Object> r : duck.query("SELECT CAST(period AS VARCHAR) AS period, topic, sum(article_count) AS a, sum(mention_count) AS m, "
        + "sum(total_articles) AS n FROM " + t("topic_trends_by_source") + " GROUP BY ALL")) {
      actual.add(r.get("period") + "|" + r.get("topic") + "|" + r.get("a") + "|" + r.get("m") + "|" + r.get("n"));
    }
    assertThat(actual).containsExactlyElementsOf(rows(truth.get("excluding_duplicates").get("topic_trends")));
  }

  @Test
  void sourceStatsCountArticlesAndRejectsPerSource() throws Exception {
    Map<String, Long> articles = new TreeMap<>();
    Map<String, Long> rejects = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT source, article_count, reject_count FROM " + t("source_stats"))) {
      long a = ((Number) r.get("article_count")).longValue();
      long j = ((Number) r.get("reject_count")).longValue();
      if (a > 0) {
        articles.put((String) r.get("source"), a);
      }
      if (j > 0) {
        rejects.put((String) r.get("source"), j);
      }
    }
    assertThat(articles).isEqualTo(longs(truth.get("excluding_duplicates").get("source_articles")));
    assertThat(rejects).isEqualTo(longs(truth.get("source_rejects")));
    assertThat(scalar("SELECT sum(duplicate_count) FROM " + t("source_stats"))).isEqualTo(truth.get("duplicates").asLong());
  }

  /**
   * term_keyness: each month's planted word (ground truth) is that period's most distinctive term
   * against the rest of the corpus, and each source's planted word is the source's most
   * distinctive term against the other sources of the month, wherever the source has at least 30
   * articles that month.
   */
  @Test
  void plantedTermsRankFirstInTermKeyness() throws Exception {
    JsonNode planted = truth.get("planted_terms");
    Map<String, String> months = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT DISTINCT strftime(period, '%Y-%m') AS m FROM " + t("articles"))) {
      months.put((String) r.get("m"), planted.get("months").get((String) r.get("m")).asText());
    }
    Map<String, String> periodFirst = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT strftime(period, '%Y-%m') AS m, term FROM " + t("term_keyness")
        + " WHERE source IS NULL AND topic IS NULL AND direction = 'over' AND rank = 1")) {
      periodFirst.put((String) r.get("m"), (String) r.get("term"));
    }
    assertThat(periodFirst).isEqualTo(months);

    Map<String, String> sourceFirst = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT strftime(period, '%Y-%m') || '|' || source AS k, term FROM " + t("term_keyness")
        + " WHERE source IS NOT NULL AND direction = 'over' AND rank = 1")) {
      sourceFirst.put((String) r.get("k"), (String) r.get("term"));
    }
    Map<String, String> want = new TreeMap<>();
    Map<String, String> got = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT strftime(period, '%Y-%m') || '|' || source AS k, source FROM " + t("articles")
        + " WHERE duplicate_of IS NULL GROUP BY ALL HAVING count(*) >= 30")) {
      String k = (String) r.get("k");
      want.put(k, planted.get("sources").get((String) r.get("source")).asText());
      got.put(k, sourceFirst.get(k));
    }
    assertThat(want).as("(month, source) cells with 30 articles").isNotEmpty();
    assertThat(got).isEqualTo(want);
  }

  @Test
  void dateKindsMatch() throws Exception {
    Map<String, Long> actual = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT date_kind, count(*) AS n FROM " + t("articles") + " GROUP BY date_kind")) {
      actual.put((String) r.get("date_kind"), ((Number) r.get("n")).longValue());
    }
    assertThat(actual).isEqualTo(longs(truth.get("date_kinds")));
  }

  /**
   * Duplicates (same title and text) found in the articles table, all but the earliest (by date,
   * then path) of each group left out, and marked by the pipeline's {@code duplicate_of} (with
   * near-duplicates, the articles left out are the ground truth's duplicates, and the exact copies
   * found here must be among them): the counts must match the ground truth's figures without duplicates. Mentions are
   * counted here with DuckDB's own regular expressions (RE2, leftmost-first alternation, longest
   * keywords first), over the pipeline's text.
   */
  @Test
  void figuresWithoutDuplicatesMatch() throws Exception {
    List<Topic> topics = TopicLexicon.defaults().topics();
    StringBuilder mentions = new StringBuilder();
    for (int i = 0; i < topics.size(); i++) {
      String alternation = topics.get(i).keywords().stream()
          .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
          .collect(Collectors.joining("|"));
      mentions.append(", len(regexp_extract_all(text, '").append(alternation).append("')) AS m").append(i);
    }
    String exactRank = "row_number() OVER (PARTITION BY title, text ORDER BY published_at, source_path)";
    String ranked = "SELECT period, source, title, text, " + exactRank + " AS rank, duplicate_of" + mentions + " FROM " + t("articles");
    if (truth.has("duplicate_of")) {
      // near-duplicates too: the exact copies (same title and text, found here) are among the
      // ground truth's duplicates, and the articles left out are exactly the ground truth's
      java.nio.file.Path list = java.nio.file.Files.createTempFile("duplicate-paths", ".csv");
      StringBuilder csv = new StringBuilder("path\n");
      truth.get("duplicate_of").properties().forEach(e -> csv.append("file:").append(corpus).append('/').append(e.getKey()).append('\n'));
      java.nio.file.Files.writeString(list, csv, java.nio.charset.StandardCharsets.UTF_8);
      String truthDuplicates = "(SELECT path FROM read_csv('" + list + "', header = true, columns = {'path': 'VARCHAR'}, quote = '', delim = '\t'))";
      assertThat(scalar("SELECT count(*) FROM " + truthDuplicates)).isEqualTo(truth.get("duplicates").asLong());
      assertThat(scalar("SELECT count(*) FROM (SELECT source_path, " + exactRank + " AS r FROM " + t("articles") + ") WHERE r > 1 AND source_path NOT IN "
          + truthDuplicates)).as("exact copies the ground truth does not know").isZero();
      ranked = "SELECT period, source, title, text, CASE WHEN source_path IN " + truthDuplicates + " THEN 2 ELSE 1 END AS rank, duplicate_of"
          + mentions + " FROM " + t("articles");
    }
    long duplicates = scalar("SELECT count(*) FROM (" + ranked + ") WHERE rank > 1");
    assertThat(duplicates).isEqualTo(truth.get("duplicates").asLong());
    assertThat(scalar("SELECT count(*) FROM (" + ranked + ") WHERE (rank > 1) <> (duplicate_of IS NOT NULL)")).isZero();

    for (boolean withoutDuplicates : new boolean[] {false, true}) {
      JsonNode want = withoutDuplicates ? truth.get("excluding_duplicates") : truth;
      String where = withoutDuplicates ? " WHERE rank = 1" : "";
      TreeSet<String> actual = new TreeSet<>();
      for (int i = 0; i < topics.size(); i++) {
        for (Map<String, Object> r : duck.query("SELECT CAST(period AS VARCHAR) AS period, count(*) FILTER (WHERE m" + i + " > 0) AS a, sum(m" + i
            + ") AS m, count(*) AS n FROM (" + ranked + ")" + where + " GROUP BY period")) {
          actual.add(r.get("period") + "|" + topics.get(i).name() + "|" + r.get("a") + "|" + r.get("m") + "|" + r.get("n"));
        }
      }
      assertThat(actual).as(withoutDuplicates ? "without duplicates" : "all articles").containsExactlyElementsOf(rows(want.get("topic_trends")));
      Map<String, Long> perSource = new TreeMap<>();
      for (Map<String, Object> r : duck.query("SELECT source, count(*) AS n FROM (" + ranked + ")" + where + " GROUP BY source")) {
        perSource.put((String) r.get("source"), ((Number) r.get("n")).longValue());
      }
      assertThat(perSource).isEqualTo(longs(want.get("source_articles")));
    }
  }

  @Test
  void theArticlesTableIsAFewFilesPerYearNotOnePerPackedBin() throws Exception {
    Assumptions.assumeTrue(run != null, "a run made here, with the default --output-file-bytes and local[2]");
    long years;
    long files;
    try (var dirs = java.nio.file.Files.list(out.resolve("articles"))) {
      years = dirs.filter(d -> d.getFileName().toString().startsWith("year=")).count();
    }
    try (var all = java.nio.file.Files.walk(out.resolve("articles"))) {
      files = all.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
    }
    // about 100 MB of input: max(2 x 2 cores, input / 256 MB) = 4 writing tasks, one file per year
    // each (the packing alone made 7 bins here, so up to 7 files per year)
    assertThat(years).isPositive();
    assertThat(files).isBetween(years, 4 * years);
  }

  @Test
  void boilerplateNeverReachesTheText() throws Exception {
    List<String> markers = new ArrayList<>(List.of("责任编辑：", "来源：", "appendQr", "&#123;", "&#125;", "article_adlist", "var pageConfig", "专题：",
        "专栏上线，"));
    markers.addAll(List.of(PostRenderer.QR_TEXTS));
    markers.addAll(List.of(PostRenderer.AD_TEXTS));
    List<String> hits = new ArrayList<>();
    for (String m : markers) {
      long n = scalar("SELECT count(*) FROM " + t("articles") + " WHERE contains(text, '" + m + "')");
      if (n > 0) {
        hits.add(m + ": " + n);
      }
    }
    for (String tail : List.of("查看原文", "查看知乎讨论", "查看知乎原文")) {
      long n = scalar("SELECT count(*) FROM " + t("articles") + " WHERE list_contains(string_split(text, chr(10)), '" + tail + "')");
      if (n > 0) {
        hits.add(tail + " (a paragraph): " + n);
      }
    }
    assertThat(hits).isEmpty();
    // no article lost its body to the boilerplate rules: the generator aims at 200+ characters; the
    // shortest texts it wrote in a million posts had 91 (two short paragraphs, both kept)
    assertThat(scalar("SELECT count(*) FROM " + t("articles") + " WHERE char_count < 80")).isZero();
  }

  private static List<String> rows(JsonNode trends) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : trends) {
      out.add(r.get("period").asText() + "|" + r.get("topic").asText() + "|" + r.get("article_count").asLong() + "|"
          + r.get("mention_count").asLong() + "|" + r.get("total_articles").asLong());
    }
    out.sort(null);
    return out;
  }

  private static Map<String, Long> longs(JsonNode object) {
    Map<String, Long> out = new HashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
    return new TreeMap<>(out);
  }
}
