package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code generate --format warc}, then {@code extract} on the generated {@code
 * .warc.gz}, then every page's article checked against the generator's ground truth (text, title,
 * date, source, URL at {@code FILE#OFFSET}) and the skipped records against its counts.
 */
public class GeneratedPagesIT {

  @Test
  void extractedPagesMatchTheGroundTruth(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("pages");
    Cli.Result gen = Cli.run(tmp.resolve("gen.log"), "generate", "--format", "warc", "--articles", "600", "--seed", "5",
        "--output", corpus.toString());
    assertThat(gen.exitCode()).as(gen.output()).isZero();
    Path out = tmp.resolve("out");
    Cli.Result run = Cli.run(tmp.resolve("run.log"), "extract", "--input", corpus.toString(), "--output", out.toString(),
        "--master", "local[2]");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertMatchesGroundTruth(corpus, out, 600, 2);
  }

  /**
   * Checks the tables under {@code out} against the ground truth of the pages generated into
   * {@code corpus} (as WARC): one article per page with its text, title, source, URL and date, no
   * reject, the skipped records per kind.
   */
  public static void assertMatchesGroundTruth(Path corpus, Path out, int expectedPages, int warcFiles) throws Exception {
    JsonNode truth = new ObjectMapper().readTree(corpus.resolve(PageGenerator.GROUND_TRUTH_FILE).toFile());
    Map<String, Map<String, Object>> rows = new HashMap<>();
    Duck duck = new Duck();
    for (Map<String, Object> r : duck.query("SELECT source_path, url, title, source, text, "
        + "strftime(published_at, '%Y-%m-%dT%H:%M:%SZ') AS published_at FROM " + Duck.table(out, "articles"))) {
      rows.put(String.valueOf(r.get("source_path")), r);
    }
    assertThat(duck.query("SELECT count(*) AS n FROM " + Duck.table(out, "rejects")).get(0).get("n")).isEqualTo(0L);
    int pages = 0;
    for (JsonNode p : truth.get("pages")) {
      String path = "file:" + corpus.resolve(p.get("path").asText().replaceAll("#.*", "")) + p.get("path").asText().replaceAll("^[^#]*", "");
      Map<String, Object> row = rows.get(path);
      assertThat(row).as(path).isNotNull();
      StringBuilder text = new StringBuilder();
      for (JsonNode para : p.get("paragraphs")) {
        text.append(text.length() == 0 ? "" : "\n").append(para.asText());
      }
      assertThat(row.get("text")).as(path).isEqualTo(text.toString());
      assertThat(row.get("title")).as(path).isEqualTo(p.get("title").asText());
      assertThat(row.get("source")).as(path).isEqualTo(p.get("source").asText());
      assertThat(row.get("url")).as(path).isEqualTo(p.get("url").asText());
      assertThat(row.get("published_at")).as(path).isEqualTo(p.get("published_at").asText());
      pages++;
    }
    assertThat(pages).isEqualTo(expectedPages);
    assertThat(rows).hasSize(expectedPages);

    JsonNode warc = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile()).get("formats").get("warc");
    for (String kind : List.of("request", "warcinfo", "non_html", "non_200", "revisit")) {
      long want = truth.get("skipped_records").path(kind).asLong(0);
      assertThat(warc.path("skipped_" + kind).asLong(0)).as(kind).isEqualTo(want);
    }
    assertThat(warc.get("files").asLong()).isEqualTo(warcFiles);
  }
}
