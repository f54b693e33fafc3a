package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus for a lexicon with every rule kind ({@code all} groups with an exclusion, a
 * keyword topic, {@code min_mentions} 2 over title and text): the generator writes the rules'
 * terms, exclusions included, and its ground truth applies the rules with its own code; {@code run}
 * with the same lexicon must give exactly those trends, and topic_mentions must add up to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleCorpusIT {
  private static final int POSTS = Integer.getInteger("corpuslens.rules.posts", 3_000);

  private Path out;
  private JsonNode truth;
  private Duck duck;

  @BeforeAll
  void generateAndRun(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(System.getProperty("corpuslens.jvm.flags") != null, "integration test: runs under failsafe (mvn verify)");
    Path lexicon = tmp.resolve("rules.yaml");
    try (var in = RuleCorpusIT.class.getResourceAsStream("rules-lexicon.yaml")) {
      Files.copy(in, lexicon);
    }
    Path corpus = tmp.resolve("corpus");
    out = tmp.resolve("out");
    Cli.Result gen = Cli.run(tmp.resolve("generate.log"), "generate", "--articles", String.valueOf(POSTS), "--output", corpus.toString(),
        "--seed", "11", "--topics", lexicon.toString());
    assertThat(gen.exitCode()).as(gen.output()).isZero();
    Cli.Result run = Cli.run(tmp.resolve("run.log"), "run", "--input", corpus.toString(), "--output", out.toString(), "--topics",
        lexicon.toString(), "--no-report", "--master", "local[2]");
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

  @Test
  void trendsAndMentionsMatchTheGroundTruthsRuleMatches() throws Exception {
    TreeSet<String> actual = new TreeSet<>();
    for (Map<String, Object> r : duck.query("SELECT CAST(period AS VARCHAR) AS period, topic, article_count, mention_count, total_articles FROM "
        + Duck.table(out, "topic_trends"))) {
      actual.add(r.get("period") + "|" + r.get("topic") + "|" + r.get("article_count") + "|" + r.get("mention_count") + "|" + r.get("total_articles"));
    }
    List<String> want = new ArrayList<>();
    long[] matched = new long[3];
    List<String> topics = List.of("EPU", "绿色金融", "双碳");
    for (JsonNode r : truth.get("excluding_duplicates").get("topic_trends")) {
      want.add(r.get("period").asText() + "|" + r.get("topic").asText() + "|" + r.get("article_count").asLong() + "|"
          + r.get("mention_count").asLong() + "|" + r.get("total_articles").asLong());
      matched[topics.indexOf(r.get("topic").asText())] += r.get("article_count").asLong();
    }
    want.sort(null);
    assertThat(actual).containsExactlyElementsOf(want);
    // every rule topic matched articles, so the comparison is not of zeros
    for (int k = 0; k < topics.size(); k++) {
      assertThat(matched[k]).as(topics.get(k)).isPositive();
    }

    // the exclusion was written into articles with EPU terms, and none of them counts for EPU
    long excludedCandidates = ((Number) duck.query("SELECT count(*) AS n FROM " + Duck.table(out, "articles")
        + " WHERE duplicate_of IS NULL AND text LIKE '%足球%' AND (text LIKE '%经济%' OR text LIKE '%金融%')").get(0).get("n")).longValue();
    assertThat(excludedCandidates).isPositive();
    assertThat(duck.query("SELECT m.article_id FROM " + Duck.table(out, "topic_mentions") + " m JOIN " + Duck.table(out, "articles")
        + " a USING (article_id) WHERE m.topic = 'EPU' AND a.text LIKE '%足球%'")).isEmpty();
    // title mentions count for the topic whose scope has the title, and only for it
    assertThat(duck.query("SELECT DISTINCT topic FROM " + Duck.table(out, "topic_mentions") + " WHERE field = 'title'"))
        .allSatisfy(r -> assertThat(r.get("topic")).isEqualTo("双碳"));

    assertThat(duck.query("SELECT t.period, t.topic FROM " + Duck.table(out, "topic_trends") + " t LEFT JOIN (SELECT period, topic, count(*) AS n FROM "
        + Duck.table(out, "topic_mentions") + " GROUP BY ALL) m USING (period, topic) WHERE t.mention_count <> coalesce(m.n, 0)")).isEmpty();
  }
}
