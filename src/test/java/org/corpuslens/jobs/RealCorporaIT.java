package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real archive posts in {@code ../shared/corpora} (the seed and the RSSHub sample), read, never
 * copied: every file accounted for, no boilerplate left in any text. Skipped when the folder is
 * absent (a fresh clone has no {@code ../shared}).
 */
class RealCorporaIT {
  private static final List<String> BOILERPLATE =
      List.of("海量资讯、精准解读", "责任编辑", "appendQr", "&#123;", "&#125;", "article_adlist", "{border", "border:1px",
          "查看原文", "查看知乎讨论", "查看知乎原文", "<p>", "<div");

  @Test
  void seedAndRssHubSampleAreAccountedForAndClean(@TempDir Path tmp) throws Exception {
    Path corpora = Cli.projectDir().resolve("../shared/corpora").normalize();
    Path seed = corpora.resolve("seed");
    Path sample = corpora.resolve("rsshub-sample");
    assumeTrue(Files.isDirectory(seed) && Files.isDirectory(sample), "../shared/corpora is absent");
    long posts;
    try (Stream<Path> s = Stream.concat(Files.walk(seed), Files.walk(sample))) {
      posts = s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).count();
    }
    Path out = tmp.resolve("out");
    Cli.Result result = Cli.run(tmp.resolve("run.log"), "run", "--input", seed.toString(), sample.toString(),
        "--output", out.toString(), "--master", "local[2]");
    assertThat(result.exitCode()).as(result.output()).isZero();
    try (Duck duck = new Duck()) {
      long articles = ((Number) duck.query("SELECT count(*) AS n FROM " + Duck.table(out, "articles")).get(0).get("n")).longValue();
      long rejects = ((Number) duck.query("SELECT count(*) AS n FROM " + Duck.table(out, "rejects")).get(0).get("n")).longValue();
      assertThat(articles + rejects).isEqualTo(posts);
      assertThat(articles).isGreaterThanOrEqualTo(posts - 2);
      for (Map<String, Object> r : duck.query("SELECT source_path, text FROM " + Duck.table(out, "articles"))) {
        String text = (String) r.get("text");
        for (String b : BOILERPLATE) {
          assertThat(text).as(r.get("source_path") + " keeps " + b).doesNotContain(b);
        }
      }
      // the seed: Sina Finance, its editor kept, the four policy topics found, published 2022-02-10 23:04 Beijing
      List<Map<String, Object>> seedRow = duck.query(
          "SELECT source, section, channel, editor, CAST(published_date AS VARCHAR) AS d, text FROM " + Duck.table(out, "articles")
              + " WHERE source_path LIKE '%北京大动作%'");
      assertThat(seedRow).singleElement().satisfies(r -> {
        assertThat(r.get("source")).isEqualTo("新浪财经");
        assertThat(r.get("section")).isEqualTo("金融");
        assertThat(r.get("editor")).isEqualTo("李墨轩");
        assertThat(r.get("d")).isEqualTo("2022-02-10");
        assertThat((String) r.get("text")).contains("科技创新").contains("数字经济").contains("生物医药").contains("绿色金融");
      });
      List<Map<String, Object>> topics = duck.query(
          "SELECT topic, sum(article_count) AS a FROM " + Duck.table(out, "topic_trends") + " GROUP BY topic");
      assertThat(topics).hasSize(4).allSatisfy(r -> assertThat(((Number) r.get("a")).longValue()).isPositive());
    }
  }
}
