package org.corpuslens.jobs;

import org.corpuslens.analytics.TermKeyness;
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

  @Option(
      names = "--keyness-window",
      paramLabel = "N",
      defaultValue = "0",
      description = "Reference of a period's distinctive terms in term_keyness: 0 = the rest of the corpus "
          + "(default), N = the N preceding periods.")
  int keynessWindow;

  @Option(
      names = "--keyness-min-count",
      paramLabel = "N",
      defaultValue = "5",
      description = "term_keyness: a term needs at least N occurrences in the period, source or topic "
          + "(default: ${DEFAULT-VALUE}).")
  long keynessMinCount;

  @Option(
      names = "--keyness-min-docs",
      paramLabel = "N",
      defaultValue = "2",
      description = "term_keyness: a term needs to occur in at least N articles (default: ${DEFAULT-VALUE}).")
  long keynessMinDocs;

  @Option(
      names = "--keyness-top",
      paramLabel = "N",
      defaultValue = "100",
      description = "term_keyness and term_changes: rows kept per target and direction (default: ${DEFAULT-VALUE}).")
  int keynessTop;

  @Option(
      names = "--keyness-min-g2",
      paramLabel = "G2",
      defaultValue = "3.84",
      description = "term_keyness and term_changes: leave out terms whose log-likelihood G2 is below this "
          + "(default: ${DEFAULT-VALUE}, p < 0.05; 10.83 for p < 0.001; 0 keeps all).")
  double keynessMinG2;

  @Option(
      names = "--change-window",
      paramLabel = "N",
      defaultValue = "3",
      description = "term_changes: a period's term shares are compared with its N preceding periods "
          + "(default: ${DEFAULT-VALUE}).")
  int changeWindow;

  @Option(
      names = "--change-min-count",
      paramLabel = "N",
      defaultValue = "10",
      description = "term_changes: a rising term needs N occurrences in the period, a falling one N in the "
          + "preceding periods (default: ${DEFAULT-VALUE}).")
  long changeMinCount;

  /** Validated settings, before Spark starts. */
  AnalyzeJob.TermSettings settings() {
    if (minTermCount < 1) {
      throw new ConfigurationException("--min-term-count must be at least 1, got " + minTermCount);
    }
    if (keynessWindow < 0) {
      throw new ConfigurationException("--keyness-window must be 0 (rest of the corpus) or a number of periods, got " + keynessWindow);
    }
    if (keynessMinCount < 1 || keynessMinDocs < 1 || changeMinCount < 1) {
      throw new ConfigurationException("--keyness-min-count, --keyness-min-docs and --change-min-count must be at least 1");
    }
    if (keynessTop < 1) {
      throw new ConfigurationException("--keyness-top must be at least 1, got " + keynessTop);
    }
    if (!(keynessMinG2 >= 0) || Double.isInfinite(keynessMinG2)) {
      throw new ConfigurationException("--keyness-min-g2 must be a number >= 0, got " + keynessMinG2);
    }
    if (changeWindow < 1) {
      throw new ConfigurationException("--change-window must be at least 1, got " + changeWindow);
    }
    return new AnalyzeJob.TermSettings(
        minTermCount,
        new TermKeyness.Settings(keynessMinCount, keynessMinDocs, keynessWindow, keynessTop, keynessMinG2),
        new TermKeyness.ChangeSettings(changeWindow, changeMinCount, keynessTop, keynessMinG2));
  }
}
