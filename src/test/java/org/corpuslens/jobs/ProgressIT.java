package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpuslens.generate.CorpusGenerator;
import org.corpuslens.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line of a run whose stderr is not a terminal: lines of their own, every 0.2 s here,
 * with counts that never go down and end at the generator's ground truth (posts, articles,
 * rejects), an estimate of the time left while posts are processed, and the stage timings at
 * the end; run_summary.json counts the Spark jobs and stages.
 */
class ProgressIT {
  private static final int POSTS = 4000;
  private static final Pattern LINE = Pattern.compile(
      "corpuslens progress: ([^:]+): (\\d+) of (\\d+) files, (\\d+) articles, (\\d+) rejects, (?:(\\d+) min )?([0-9.]+) s elapsed(, about .* left)?");

  private record Progress(String stage, long files, long total, long articles, long rejects, double elapsed, boolean eta) {}

  @Test
  void progressLinesCountUpToTheTrueTotals(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path out = tmp.resolve("out");
    Cli.Result gen = Cli.run(tmp.resolve("generate.log"), "generate", "--articles", String.valueOf(POSTS), "--output",
        corpus.toString(), "--seed", "11");
    assertThat(gen.exitCode()).as(gen.output()).isZero();
    JsonNode truth = new ObjectMapper().readTree(corpus.resolve(CorpusGenerator.GROUND_TRUTH_FILE).toFile());

    Cli.Result run = Cli.run(tmp.resolve("run.log"), Map.of("CORPUSLENS_PROGRESS", "auto", "CORPUSLENS_PROGRESS_SECONDS", "0.2"),
        "run", "--input", corpus.toString(), "--output", out.toString(), "--master", "local[2]", "--no-report");
    assertThat(run.exitCode()).as(run.output()).isZero();
    // kept for a look when an assertion below fails (the temporary folder is deleted)
    java.nio.file.Files.writeString(Cli.projectDir().resolve("target/ProgressIT-run.log"), run.output());

    // elapsed is "98.4 s", then "1 min 40 s" from 100 s on (a loaded machine gets there)
    List<Progress> lines = new ArrayList<>();
    for (String l : run.output().lines().toList()) {
      Matcher m = LINE.matcher(l);
      if (m.find()) {
        lines.add(new Progress(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
            Long.parseLong(m.group(5)), (m.group(6) == null ? 0 : 60 * Long.parseLong(m.group(6))) + Double.parseDouble(m.group(7)),
            m.group(8) != null));
      }
    }
    long inputs = truth.get("input_files").asLong();
    assertThat(lines).as(run.output()).hasSizeGreaterThan(3);
    assertThat(lines).extracting(Progress::total).containsOnly(inputs);
    for (int i = 1; i < lines.size(); i++) {
      Progress a = lines.get(i - 1);
      Progress b = lines.get(i);
      assertThat(b.files()).as("files, line %d", i).isGreaterThanOrEqualTo(a.files());
      assertThat(b.articles()).as("articles, line %d", i).isGreaterThanOrEqualTo(a.articles());
      assertThat(b.rejects()).as("rejects, line %d", i).isGreaterThanOrEqualTo(a.rejects());
      assertThat(b.elapsed()).as("elapsed, line %d", i).isGreaterThanOrEqualTo(a.elapsed());
    }
    Progress last = lines.get(lines.size() - 1);
    assertThat(last.files()).isEqualTo(inputs);
    assertThat(last.articles()).isEqualTo(truth.get("articles").asLong());
    assertThat(last.rejects()).isEqualTo(truth.get("rejects").asLong());
    assertThat(lines).as("a line while posts were being processed, with the time left")
        .anySatisfy(p -> {
          assertThat(p.stage()).isEqualTo("processing posts");
          assertThat(p.files()).isBetween(1L, inputs - 1);
          assertThat(p.eta()).isTrue();
        });
    assertThat(lines).extracting(Progress::stage).contains("processing posts", "term_frequencies");

    assertThat(run.output()).contains("corpuslens progress: stage timings");
    assertThat(run.output()).containsPattern("\\n  processing posts +[0-9.]+ +\\d+ / \\d+ / \\d+");

    JsonNode work = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile()).get("spark_work");
    assertThat(work.get("jobs").asInt()).isPositive();
    assertThat(work.get("stages").asInt()).isGreaterThanOrEqualTo(work.get("jobs").asInt());
    assertThat(work.get("by_stage").get("processing posts").get("jobs").asInt()).isPositive();
    assertThat(work.get("by_stage").get("term_frequencies").get("stages").asInt()).isPositive();

    // local inputs are listed and checked before Spark starts: that time is reported, inside the
    // start-up (JVM start to Spark ready) and as part of the listing stage
    JsonNode timings = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile()).get("timings");
    double before = timings.get("list_before_spark_s").asDouble();
    assertThat(before).isPositive();
    assertThat(timings.get("list_wall_s").asDouble()).isGreaterThanOrEqualTo(before);
    assertThat(timings.get("jvm_start_to_spark_ready_s").asDouble()).isGreaterThan(before);
  }
}
