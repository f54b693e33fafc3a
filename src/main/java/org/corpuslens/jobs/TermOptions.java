package org.corpuslens.jobs;

import org.corpuslens.analytics.NewTerms;
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

  @Option(
      names = "--new-terms",
      description = "Also write new_terms (new words: strings HanLP does not know that recur, cohere and vary in "
          + "context) and new_terms.txt. Off by default: its n-gram pass costs more than the rest of the run "
          + "(88 s of 155 s on the 20k-post 新闻联播 archive, bench/issue-11-speed.md).")
  boolean newTerms;

  @Option(
      names = "--new-terms-min-count",
      paramLabel = "N",
      defaultValue = "10",
      description = "new_terms: a new word needs N occurrences in the articles read (default: ${DEFAULT-VALUE}).")
  long newTermsMinCount;

  @Option(
      names = "--new-terms-min-docs",
      paramLabel = "N",
      defaultValue = "3",
      description = "new_terms: a new word needs to occur in N articles (default: ${DEFAULT-VALUE}).")
  long newTermsMinDocs;

  @Option(
      names = "--new-terms-min-cohesion",
      paramLabel = "BITS",
      defaultValue = "8",
      description = "new_terms: pointwise mutual information of a new word's weakest split into two parts, in bits "
          + "(default: ${DEFAULT-VALUE}: its parts occur together 256 times more often than by chance).")
  double newTermsMinCohesion;

  @Option(
      names = "--new-terms-min-entropy",
      paramLabel = "BITS",
      defaultValue = "1.5",
      description = "new_terms: entropy of a new word's left neighbour characters and of its right ones, each, in bits "
          + "(default: ${DEFAULT-VALUE}).")
  double newTermsMinEntropy;

  @Option(
      names = "--new-terms-max-length",
      paramLabel = "N",
      defaultValue = "6",
      description = "new_terms: longest new word, 2 to 6 characters (default: ${DEFAULT-VALUE}).")
  int newTermsMaxLength;

  @Option(
      names = "--new-terms-max-chars",
      paramLabel = "N",
      defaultValue = "5000",
      description = "new_terms: characters read per article, title and text (default: ${DEFAULT-VALUE}); bounds the "
          + "candidate strings an article adds to max-length x N.")
  int newTermsMaxChars;

  @Option(
      names = "--new-terms-sample",
      paramLabel = "SHARE",
      defaultValue = "1",
      description = "new_terms: share of the articles read, above 0 and at most 1 (default: ${DEFAULT-VALUE}, all); "
          + "counts are then those of the sample.")
  double newTermsSample;

  @Option(
      names = "--new-terms-top",
      paramLabel = "N",
      defaultValue = "200",
      description = "new_terms: new words kept, the most frequent (default: ${DEFAULT-VALUE}); new_terms.txt lists them.")
  int newTermsTop;

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
    if (newTermsMinCount < 1 || newTermsMinDocs < 1) {
      throw new ConfigurationException("--new-terms-min-count and --new-terms-min-docs must be at least 1");
    }
    if (!Double.isFinite(newTermsMinCohesion) || !(newTermsMinEntropy >= 0) || Double.isInfinite(newTermsMinEntropy)) {
      throw new ConfigurationException("--new-terms-min-cohesion must be a number and --new-terms-min-entropy a number >= 0");
    }
    if (newTermsMaxLength < 2 || newTermsMaxLength > 6) {
      throw new ConfigurationException("--new-terms-max-length must be 2 to 6, got " + newTermsMaxLength);
    }
    if (newTermsMaxChars < 2) {
      throw new ConfigurationException("--new-terms-max-chars must be at least 2, got " + newTermsMaxChars);
    }
    if (!(newTermsSample > 0 && newTermsSample <= 1)) {
      throw new ConfigurationException("--new-terms-sample must be above 0 and at most 1, got " + newTermsSample);
    }
    if (newTermsTop < 1) {
      throw new ConfigurationException("--new-terms-top must be at least 1, got " + newTermsTop);
    }
    return new AnalyzeJob.TermSettings(
        minTermCount,
        new TermKeyness.Settings(keynessMinCount, keynessMinDocs, keynessWindow, keynessTop, keynessMinG2),
        new TermKeyness.ChangeSettings(changeWindow, changeMinCount, keynessTop, keynessMinG2),
        newTerms
            ? new NewTerms.Settings(newTermsMinCount, newTermsMinDocs, newTermsMinCohesion, newTermsMinEntropy,
                newTermsMaxLength, newTermsMaxChars, newTermsSample, newTermsTop)
            : null,
        java.util.List.of());
  }
}
