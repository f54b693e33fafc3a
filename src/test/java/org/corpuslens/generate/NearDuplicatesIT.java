package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicates against the generator's ground truth: a corpus with 10 % near-duplicates (each
 * with known edits) and 3 % exact copies; the pipeline's {@code duplicate_of} (as paths) is
 * compared with the ground truth's, pair by pair: precision and recall at least 0.97, overall and
 * for the near-duplicates alone, and per kind of edit at least 0.9. The {@code syndication} table
 * is checked against the same pairs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearDuplicatesIT {
  private static final int POSTS = Integer.getInteger("corpuslens.neardup.posts", 3_000);
  private static final long SEED = 7_331L;

  private Path corpus;
  private Path out;
  private JsonNode truth;
  private Duck duck;

  @BeforeAll
  void generateAndRun(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(System.getProperty("corpuslens.jvm.flags") != null, "integration test: runs under failsafe (mvn verify)");
    corpus = tmp.resolve("corpus");
    out = tmp.resolve("out");
    Cli.Result gen = Cli.run(tmp.resolve("generate.log"), "generate", "--articles", String.valueOf(POSTS), "--output", corpus.toString(),
        "--seed", String.valueOf(SEED), "--near-duplicate-rate", "0.10", "--duplicate-rate", "0.03");
    assertThat(gen.exitCode()).as(gen.output()).isZero();
    Cli.Result run = Cli.run(tmp.resolve("run.log"), "run", "--input", corpus.toString(), "--output", out.toString(), "--master", "local[2]");
    assertThat(run.exitCode()).as(run.output()).isZero();
    truth = new ObjectMapper().readTree(corpus.resolve(CorpusGenerator.GROUND_TRUTH_FILE).toFile());
    duck = new Duck();
  }

  @AfterAll
  void close() throws Exception {
    if (duck != null) {
      duck.close();
    }
  }

  private String relative(Object sourcePath) {
    String p = String.valueOf(sourcePath);
    String prefix = "file:" + corpus + "/";
    assertThat(p).startsWith(prefix);
    return p.substring(prefix.length());
  }

  private Map<String, String> predicted() throws Exception {
    Map<String, String> pairs = new HashMap<>();
    String articles = Duck.table(out, "articles");
    for (Map<String, Object> r : duck.query(
        "SELECT d.source_path AS copy, k.source_path AS kept FROM " + articles + " d JOIN " + articles
            + " k ON d.duplicate_of = k.article_id")) {
      pairs.put(relative(r.get("copy")), relative(r.get("kept")));
    }
    return pairs;
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> m = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 1.0 : part / (double) whole;
  }

  @Test
  void duplicateOfMatchesTheGroundTruthWithPrecisionAndRecallOver97Percent() throws Exception {
    Map<String, String> want = map(truth.get("duplicate_of"));
    Map<String, String> got = predicted();
    long hits = want.entrySet().stream().filter(e -> e.getValue().equals(got.get(e.getKey()))).count();
    double precision = share(hits, got.size());
    double recall = share(hits, want.size());
    Map<String, String> nearEdits = map(truth.get("near_duplicate_paths"));
    long nearHits = nearEdits.keySet().stream().filter(p -> want.get(p) != null && want.get(p).equals(got.get(p))).count();
    long nearPredicted = got.keySet().stream().filter(p -> !want.containsKey(p) || nearEdits.containsKey(p)).count();
    System.out.printf(Locale.ROOT, "NearDuplicatesIT: %d true pairs (%d near), %d found; precision %.4f, recall %.4f; near: recall %.4f%n",
        want.size(), nearEdits.size(), got.size(), precision, recall, share(nearHits, nearEdits.size()));
    assertThat(nearEdits.size()).as("planted near-duplicates").isGreaterThan(POSTS / 20);
    assertThat(precision).isGreaterThanOrEqualTo(0.97);
    assertThat(recall).isGreaterThanOrEqualTo(0.97);
    assertThat(share(nearHits, nearEdits.size())).as("near-duplicate recall").isGreaterThanOrEqualTo(0.97);
    assertThat(share(nearHits, nearPredicted)).as("near-duplicate precision").isGreaterThanOrEqualTo(0.97);

    // every kind of edit is found
    Map<String, long[]> byEdit = new TreeMap<>();
    for (Map.Entry<String, String> e : nearEdits.entrySet()) {
      boolean hit = want.get(e.getKey()).equals(got.get(e.getKey()));
      for (String edit : e.getValue().split("\\+")) {
        long[] c = byEdit.computeIfAbsent(edit, k -> new long[2]);
        c[0] += hit ? 1 : 0;
        c[1]++;
      }
    }
    assertThat(byEdit.keySet()).contains("lead_line", "added_paragraph", "trimmed_paragraph", "source_line", "editor_line", "traditional", "widths", "title");
    byEdit.forEach((edit, c) -> {
      System.out.printf(Locale.ROOT, "  %s: %d / %d found%n", edit, c[0], c[1]);
      assertThat(share(c[0], c[1])).as(edit).isGreaterThanOrEqualTo(0.9);
    });
  }

  @Test
  void nearDuplicatesHaveTheirSimilarityAndExactCopiesOne() throws Exception {
    String articles = Duck.table(out, "articles");
    assertThat(duck.query("SELECT count(*) AS n FROM " + articles + " WHERE (duplicate_of IS NULL) <> (similarity IS NULL)")
        .get(0).get("n")).isEqualTo(0L);
    assertThat(duck.query("SELECT min(similarity) AS s FROM " + articles).get(0).get("s")).satisfies(
        s -> assertThat(((Number) s).doubleValue()).isGreaterThanOrEqualTo(0.6));
    Set<String> traditional = new HashSet<>();
    map(truth.get("near_duplicate_paths")).forEach((p, e) -> {
      if (e.contains("traditional")) {
        traditional.add(p);
      }
    });
    assertThat(traditional).isNotEmpty();
  }

  @Test
  void syndicationCountsTheCopiesPerPairOfSources() throws Exception {
    // from the ground truth: the source is the fourth segment of source/_posts/<section>/<source>/<feed>/<file>
    Map<String, Long> want = new TreeMap<>();
    map(truth.get("duplicate_of")).forEach((copy, kept) -> want.merge(kept.split("/")[3] + " -> " + copy.split("/")[3], 1L, Long::sum));
    Map<String, Long> got = new TreeMap<>();
    Map<String, Double> medians = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT source, copied_by, article_count, median_delay_minutes FROM " + Duck.table(out, "syndication"))) {
      got.put(r.get("source") + " -> " + r.get("copied_by"), ((Number) r.get("article_count")).longValue());
      medians.put(r.get("source") + " -> " + r.get("copied_by"), ((Number) r.get("median_delay_minutes")).doubleValue());
    }
    long total = want.values().stream().mapToLong(Long::longValue).sum();
    long off = 0;
    Set<String> keys = new HashSet<>(want.keySet());
    keys.addAll(got.keySet());
    for (String k : keys) {
      off += Math.abs(want.getOrDefault(k, 0L) - got.getOrDefault(k, 0L));
    }
    assertThat(share(off, total)).as("copies counted under another pair of sources").isLessThanOrEqualTo(0.06);
    // the median delay, recomputed by DuckDB from the articles
    String articles = Duck.table(out, "articles");
    for (Map<String, Object> r : duck.query(
        "SELECT k.source AS source, d.source AS copied_by, median(epoch(d.published_at) - epoch(k.published_at)) / 60.0 AS m FROM "
            + articles + " d JOIN " + articles + " k ON d.duplicate_of = k.article_id GROUP BY 1, 2")) {
      String k = r.get("source") + " -> " + r.get("copied_by");
      assertThat(medians.get(k)).as(k).isCloseTo(((Number) r.get("m")).doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
    }
  }
}
