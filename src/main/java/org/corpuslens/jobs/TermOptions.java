package org.corpuslens.jobs;

import picocli.CommandLine.Option;

/** Options of the term tables ({@code term_frequencies} and the tables derived from terms). */
public final class TermOptions {
  @Option(
      names = "--min-term-count",
      paramLabel = "N",
      defaultValue = "1",
      description = "Keep only term_frequencies rows (period, source, term) with at least N occurrences "
          + "(default: ${DEFAULT-VALUE}, every row). The run summary says how many rows were dropped; "
          + "period_source_tokens still counts every term.")
  long minTermCount;

  /** Validated settings, before Spark starts. */
  AnalyzeJob.TermSettings settings() {
    if (minTermCount < 1) {
      throw new ConfigurationException("--min-term-count must be at least 1, got " + minTermCount);
    }
    return new AnalyzeJob.TermSettings(minTermCount);
  }
}
