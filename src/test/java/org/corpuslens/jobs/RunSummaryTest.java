package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  @Test
  void theLogLineGivesTheCountsAndTheFileNotTheWholeJson() {
    RunSummary summary = new RunSummary()
        .put("command", "run")
        .put("input_files", 61L)
        .put("articles", 50L)
        .put("duplicates", 3L)
        .put("near_duplicates", 1L)
        .put("rejects", 11L)
        .put("options", Map.of("zone", "Asia/Shanghai", "inputs", "sample-data"))
        .put("timings", Map.of("aggregate_write_wall_s", 12.5));
    String line = summary.line("out/x/run_summary.json");
    assertThat(line).isEqualTo("run summary: run: 61 input files, 50 articles, 3 duplicates (1 near), 11 rejects; "
        + "all of it in out/x/run_summary.json");
    // the options and timings stay in the file (and at DEBUG), not in the INFO line
    assertThat(line).doesNotContain("{", "Asia/Shanghai", "aggregate_write_wall_s");
    assertThat(summary.toJson()).contains("\"zone\" : \"Asia/Shanghai\"", "aggregate_write_wall_s");
  }

  @Test
  void noNearDuplicatesAreNotMentioned() {
    RunSummary summary = new RunSummary().put("command", "extract").put("articles", 5L).put("duplicates", 0L)
        .put("near_duplicates", 0L).put("rejects", 0L);
    assertThat(summary.line("o/run_summary.json"))
        .isEqualTo("run summary: extract: 5 articles, 0 duplicates, 0 rejects; all of it in o/run_summary.json");
  }

  @Test
  void countsThatASummaryDoesNotHoldAreLeftOut() {
    // analyze's summary has no input files, articles or rejects of its own
    RunSummary summary = new RunSummary().put("command", "analyze").put("tables", Map.of());
    assertThat(summary.line("out/analyze_summary.json")).isEqualTo("run summary: analyze; all of it in out/analyze_summary.json");
  }
}
