package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.corpuslens.io.StageMetrics;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The progress line when stderr is not a terminal, in the test's own Spark session: a job counts
 * 4,000 posts (every third one a reject) into accumulators with the names CorpusLens' tasks use;
 * the logged lines count up, never down, to exactly those totals, and name the stage the job
 * described itself with.
 */
@ExtendWith(LocalSpark.class)
class RunProgressTest {
  private static final Pattern LINE = Pattern.compile(
      "corpuslens progress: ([^:]+): (\\d+) of (\\d+) files, (\\d+) articles, (\\d+) rejects");

  @Test
  void loggedLinesCountUpToTheTotals(SparkSession spark) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    LongAccumulator files = spark.sparkContext().longAccumulator(StageMetrics.FILES_DONE);
    LongAccumulator articles = spark.sparkContext().longAccumulator(StageMetrics.ARTICLES_DONE);
    LongAccumulator rejects = spark.sparkContext().longAccumulator(StageMetrics.REJECTS_DONE);
    List<Integer> posts = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      posts.add(i);
    }
    Map<String, Object> work;
    try (RunProgress progress = RunProgress.start(spark.sparkContext(), new RunProgress.Settings(RunProgress.Mode.LOG, 0.05), err)) {
      spark.sparkContext().setJobDescription("processing posts");
      spark.sparkContext().setLocalProperty(RunProgress.TOTAL_FILES, "4000");
      spark.sparkContext().setLocalProperty(RunProgress.LISTED_REJECTS, "0");
      try {
        long n = jsc.parallelize(posts, 8).map(i -> {
          files.add(1);
          (i % 3 == 0 ? rejects : articles).add(1);
          Thread.sleep(1);
          return i;
        }).count();
        assertThat(n).isEqualTo(4000);
      } finally {
        spark.sparkContext().setJobDescription(null);
        spark.sparkContext().setLocalProperty(RunProgress.TOTAL_FILES, null);
        spark.sparkContext().setLocalProperty(RunProgress.LISTED_REJECTS, null);
      }
      work = progress.sparkWork();
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    List<long[]> lines = new ArrayList<>();
    for (String l : out.lines().toList()) {
      Matcher m = LINE.matcher(l);
      if (m.find()) {
        assertThat(m.group(1)).isEqualTo("processing posts");
        assertThat(m.group(3)).isEqualTo("4000");
        lines.add(new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5))});
      }
    }
    assertThat(lines).as(out).hasSizeGreaterThan(1);
    for (int i = 1; i < lines.size(); i++) {
      for (int k = 0; k < 3; k++) {
        assertThat(lines.get(i)[k]).as("line %d, counter %d", i, k).isGreaterThanOrEqualTo(lines.get(i - 1)[k]);
      }
    }
    assertThat(lines.get(lines.size() - 1)).as(out).containsExactly(4000L, 2666L, 1334L);
    assertThat(out).contains("stage timings").containsPattern("\\n  processing posts +[0-9.]+ +1 / 1 / 8");
    assertThat(work.get("jobs")).isEqualTo(1);
    assertThat(work.get("tasks")).isEqualTo(8L);
  }

  @Test
  void settingsAreCheckedBeforeSparkStarts() {
    assertThat(RunProgress.mode(null, true)).isEqualTo(RunProgress.Mode.TERMINAL);
    assertThat(RunProgress.mode("auto", false)).isEqualTo(RunProgress.Mode.LOG);
    assertThat(RunProgress.mode("OFF", true)).isEqualTo(RunProgress.Mode.OFF);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunProgress.mode("loud", false))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("auto, terminal, log or off");
  }
}
