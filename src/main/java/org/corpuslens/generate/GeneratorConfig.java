package org.corpuslens.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import org.corpuslens.analytics.TopicLexicon;

/**
 * The settings of one generated corpus.
 *
 * @param posts how many files to write (articles, duplicates and broken files together)
 * @param output the output directory (posts under {@code source/_posts}, ground truth beside)
 * @param seed the seed: the same settings and seed give the same bytes
 * @param sources how many sources (at least 2)
 * @param from first day of the posts (Asia/Shanghai)
 * @param to last day of the posts (Asia/Shanghai), inclusive
 * @param duplicateRate share of the posts that copy an earlier article under another source
 * @param brokenRate share of the posts that must be rejected
 * @param lexicon the topics whose keywords are inserted
 * @param lexiconName how the lexicon was given ("default" or the file), for the ground truth
 * @param threads worker threads
 * @param nearDuplicateRate share of the posts that copy an earlier article under another source with
 *     small edits (see {@link NearEdit})
 */
public record GeneratorConfig(
    long posts,
    Path output,
    long seed,
    int sources,
    LocalDate from,
    LocalDate to,
    double duplicateRate,
    double brokenRate,
    TopicLexicon lexicon,
    String lexiconName,
    int threads,
    double nearDuplicateRate) {

  public static final int DEFAULT_SOURCES = 16;
  public static final LocalDate DEFAULT_FROM = LocalDate.of(2022, 1, 1);
  public static final LocalDate DEFAULT_TO = LocalDate.of(2023, 12, 31);
  public static final double DEFAULT_DUPLICATE_RATE = 0.03;
  public static final double DEFAULT_BROKEN_RATE = 0.01;
  public static final double DEFAULT_NEAR_DUPLICATE_RATE = 0.02;

  /** Without near-duplicates: the posts of earlier versions, byte for byte. */
  public GeneratorConfig(long posts, Path output, long seed, int sources, LocalDate from, LocalDate to, double duplicateRate,
      double brokenRate, TopicLexicon lexicon, String lexiconName, int threads) {
    this(posts, output, seed, sources, from, to, duplicateRate, brokenRate, lexicon, lexiconName, threads, 0.0);
  }

  public GeneratorConfig {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(lexicon, "lexicon");
    Objects.requireNonNull(lexiconName, "lexiconName");
    if (posts < 1) {
      throw new IllegalArgumentException("--articles must be at least 1, not " + posts);
    }
    if (sources < 2 || sources > 10_000) {
      throw new IllegalArgumentException("--sources must be between 2 and 10000, not " + sources);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    if (from.getYear() < 1990) {
      throw new IllegalArgumentException("--from " + from + " is before 1990: the pipeline would reject every post as IMPLAUSIBLE_DATE");
    }
    if (!(duplicateRate >= 0 && brokenRate >= 0 && nearDuplicateRate >= 0 && duplicateRate + brokenRate + nearDuplicateRate <= 0.5)) {
      throw new IllegalArgumentException(
          "--duplicate-rate, --near-duplicate-rate and --broken-rate must be non-negative and add up to at most 0.5, not "
              + duplicateRate + " + " + nearDuplicateRate + " + " + brokenRate);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
    }
  }

  /** The defaults for everything but the size, output and seed. */
  public static GeneratorConfig of(long posts, Path output, long seed) {
    return new GeneratorConfig(posts, output, seed, DEFAULT_SOURCES, DEFAULT_FROM, DEFAULT_TO, DEFAULT_DUPLICATE_RATE,
        DEFAULT_BROKEN_RATE, TopicLexicon.defaults(), "default", Math.max(1, Runtime.getRuntime().availableProcessors()),
        DEFAULT_NEAR_DUPLICATE_RATE);
  }
}
