package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corpuslens.segment.KnownWords;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * New words, end to end: a generated corpus with invented words planted from known months
 * (ground truth {@code planted_terms.new_words}); {@code run} must list each in new_terms with that
 * month as first period and its occurrences as DuckDB counts them in the articles, and no word of
 * HanLP's dictionaries; the segmenter cuts them into pieces, so term_frequencies does not have
 * them. A second run given the first's new_terms.txt as {@code --user-dictionary} counts each whole
 * in term_frequencies, exactly as often as DuckDB finds it in the texts, and no longer lists it as new.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewTermsIT {
  private static final int POSTS = 1_200;
  private static final long SEED = 1_515L;

  private Path corpus;
  private Path first;
  private Path second;
  private JsonNode newWords;
  private Duck duck;

  @BeforeAll
  void generateAndRunTwice(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(System.getProperty("corpuslens.jvm.flags") != null, "integration test: runs under failsafe (mvn verify)");
    corpus = tmp.resolve("corpus");
    first = tmp.resolve("first");
    second = tmp.resolve("second");
    Cli.Result gen = Cli.run(tmp.resolve("generate.log"), "generate", "--articles", String.valueOf(POSTS), "--output",
        corpus.toString(), "--seed", String.valueOf(SEED), "--from", "2024-01-01", "--to", "2024-12-31");
    assertThat(gen.exitCode()).as(gen.output()).isZero();
    Cli.Result run1 = Cli.run(tmp.resolve("run1.log"), "run", "--input", corpus.toString(), "--output", first.toString(),
        "--master", "local[2]", "--no-report", "--new-terms");
    assertThat(run1.exitCode()).as(run1.output()).isZero();
    Cli.Result run2 = Cli.run(tmp.resolve("run2.log"), "run", "--input", corpus.toString(), "--output", second.toString(),
        "--master", "local[2]", "--no-report", "--new-terms", "--user-dictionary", first.resolve("new_terms.txt").toString());
    assertThat(run2.exitCode()).as(run2.output()).isZero();
    newWords = new ObjectMapper().readTree(corpus.resolve(CorpusGenerator.GROUND_TRUTH_FILE).toFile())
        .get("planted_terms").get("new_words");
    assertThat(newWords.size()).isEqualTo(PlantedTerms.NEW_WORDS);
    duck = new Duck();
  }

  @AfterAll
  void close() throws Exception {
    if (duck != null) {
      duck.close();
    }
  }

  private List<String> words() {
    List<String> out = new ArrayList<>();
    newWords.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Occurrences of {@code word} in {@code expr} over the counted articles, by DuckDB. */
  private long occurrences(Path out, String word, String expr) throws Exception {
    Object n = duck.query("SELECT sum((length(s) - length(replace(s, '" + word + "', ''))) // " + word.length()
        + ") AS n FROM (SELECT " + expr + " AS s FROM " + Duck.table(out, "articles") + " WHERE duplicate_of IS NULL)")
        .get(0).get("n");
    return n == null ? 0 : ((Number) n).longValue();
  }

  @Test
  void theInventedWordsAreFoundWithTheirFirstMonth() throws Exception {
    Map<String, String> want = new TreeMap<>();
    newWords.fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asText()));
    Map<String, String> got = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT DISTINCT term, strftime(first_period, '%Y-%m') AS m FROM "
        + Duck.table(first, "new_terms"))) {
      got.put((String) r.get("term"), (String) r.get("m"));
    }
    assertThat(got).containsAllEntriesOf(want);
    // each word's total as DuckDB counts it in the title, a line break and the text, and its periods add up to it
    for (String w : words()) {
      Map<String, Object> r = duck.query("SELECT max(total_count) AS total, sum(count) AS periods, min(period) = min(first_period) AS ok FROM "
          + Duck.table(first, "new_terms") + " WHERE term = '" + w + "'").get(0);
      long expected = occurrences(first, w, "substring(coalesce(title, '') || chr(10) || coalesce(text, ''), 1, 5000)");
      assertThat(expected).as(w).isGreaterThan(0);
      assertThat(((Number) r.get("total")).longValue()).as(w).isEqualTo(expected);
      assertThat(((Number) r.get("periods")).longValue()).as(w).isEqualTo(expected);
    }
    // no word of HanLP's dictionaries
    KnownWords hanlp = new KnownWords(List.of());
    List<String> all = new ArrayList<>();
    for (Map<String, Object> r : duck.query("SELECT DISTINCT term FROM " + Duck.table(first, "new_terms"))) {
      all.add((String) r.get("term"));
    }
    assertThat(all).noneMatch(hanlp::isWord);
    System.out.println("NewTermsIT: new_terms of the first run: " + all);
    // new_terms.txt: the words by rank, the planted ones among them
    List<String> list = Files.readAllLines(first.resolve("new_terms.txt"), StandardCharsets.UTF_8);
    assertThat(list).containsAll(words()).doesNotHaveDuplicates().hasSameSizeAs(all);
  }

  @Test
  void fedBackAsUserDictionaryTheyAreCountedWhole() throws Exception {
    for (String w : words()) {
      String sql = "SELECT coalesce(sum(count), 0) AS n FROM %s WHERE term = '" + w + "'";
      long before = ((Number) duck.query(String.format(sql, Duck.table(first, "term_frequencies"))).get(0).get("n")).longValue();
      long after = ((Number) duck.query(String.format(sql, Duck.table(second, "term_frequencies"))).get(0).get("n")).longValue();
      assertThat(before).as(w + " split by HanLP without the user dictionary").isZero();
      assertThat(after).as(w + " whole with it").isEqualTo(occurrences(second, w, "text"));
      assertThat(after).as(w).isGreaterThan(0);
    }
    List<String> stillNew = new ArrayList<>();
    for (Map<String, Object> r : duck.query("SELECT DISTINCT term FROM " + Duck.table(second, "new_terms"))) {
      stillNew.add((String) r.get("term"));
    }
    assertThat(stillNew).doesNotContainAnyElementsOf(words());
  }
}
