package org.corpuslens.analytics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The character n-grams of one text, for new-word discovery (plain Java, no Spark). A gram is 1 to
 * {@code maxLength} consecutive Han characters (U+4E00 to U+9FFF, U+3400 to U+4DBF) inside one run
 * of them: anything else (punctuation, digits, Latin letters, spaces, line breaks) ends a run, and
 * no gram crosses it. A gram's left (right) neighbour is the Han character just before (after) it,
 * or {@link #EDGE} where the run starts (ends): the text's edges and every non-Han character count
 * as one and the same neighbour, so that a fragment always followed by punctuation does not look
 * freely combinable.
 *
 * <p>Only the first {@code maxChars} characters of a text are read: the cap bounds the grams one
 * article adds ({@code maxLength × maxChars} at most).
 */
public final class NgramScan {
  /** The neighbour of a gram at the edge of a Han run. */
  public static final String EDGE = "";

  private NgramScan() {}

  /** Whether {@code c} is a Han character of the BMP's unified ideographs (extension A included). */
  public static boolean isHan(char c) {
    return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF');
  }

  /**
   * Occurrences of every gram of 1 to {@code maxLength} characters in the first {@code maxChars}
   * characters of {@code text}.
   */
  public static Map<String, Integer> counts(String text, int maxLength, int maxChars) {
    Map<String, Integer> counts = new HashMap<>();
    if (text == null) {
      return counts;
    }
    forEachHanRun(text, maxChars, (runStart, runEnd) -> {
      for (int s = runStart; s < runEnd; s++) {
        for (int len = 1; len <= maxLength && s + len <= runEnd; len++) {
          counts.merge(text.substring(s, s + len), 1, Integer::sum);
        }
      }
    });
    return counts;
  }

  /** Receives a run of Han characters: {@code [start, end)} of the text. */
  @FunctionalInterface
  private interface RunSink {
    void accept(int start, int end);
  }

  /** Each maximal run of Han characters in the first {@code maxChars} characters of {@code text}, in order. */
  private static void forEachHanRun(String text, int maxChars, RunSink sink) {
    int end = Math.min(text.length(), maxChars);
    int i = 0;
    while (i < end) {
      if (!isHan(text.charAt(i))) {
        i++;
        continue;
      }
      int runEnd = i;
      while (runEnd < end && isHan(text.charAt(runEnd))) {
        runEnd++;
      }
      sink.accept(i, runEnd);
      i = runEnd;
    }
  }

  /** One gram's occurrences with a given pair of neighbours. */
  public record Context(String gram, String left, String right) {}

  /**
   * Occurrences of each gram of {@code grams} (2 to {@code maxLength} characters) in the first
   * {@code maxChars} characters of {@code text}, per (left neighbour, right neighbour). A null
   * {@code grams} takes every gram of 2 to {@code maxLength} characters.
   */
  public static Map<Context, Integer> contexts(String text, int maxLength, int maxChars, Set<String> grams) {
    Map<Context, Integer> out = new HashMap<>();
    if (text == null) {
      return out;
    }
    forEachHanRun(text, maxChars, (runStart, runEnd) -> {
      for (int s = runStart; s < runEnd; s++) {
        String left = s == runStart ? EDGE : String.valueOf(text.charAt(s - 1));
        for (int len = 2; len <= maxLength && s + len <= runEnd; len++) {
          String gram = text.substring(s, s + len);
          if (grams == null || grams.contains(gram)) {
            String right = s + len == runEnd ? EDGE : String.valueOf(text.charAt(s + len));
            out.merge(new Context(gram, left, right), 1, Integer::sum);
          }
        }
      }
    });
    return out;
  }

  /**
   * Pointwise mutual information, in bits, of the weakest split of a gram: the minimum over its
   * splits into a prefix {@code a} and a suffix {@code b} of log2(c(w) N / (c(a) c(b))), with
   * probabilities estimated as counts over {@code totalChars} (N).
   *
   * @param count occurrences of the gram
   * @param prefixCounts occurrences of its prefixes of 1 to length - 1 characters
   * @param suffixCounts occurrences of its suffixes of length - 1 down to 1 characters (the suffix
   *     that completes prefix k at index k)
   */
  public static double cohesion(long count, long[] prefixCounts, long[] suffixCounts, long totalChars) {
    double min = Double.POSITIVE_INFINITY;
    for (int k = 0; k < prefixCounts.length; k++) {
      double pmi = log2((double) count * totalChars / ((double) prefixCounts[k] * suffixCounts[k]));
      min = Math.min(min, pmi);
    }
    return min;
  }

  /** Entropy in bits of a distribution given as counts: -sum p log2 p. */
  public static double entropy(long... counts) {
    long total = 0;
    double sumNLogN = 0;
    for (long n : counts) {
      total += n;
      sumNLogN += n == 0 ? 0 : n * log2(n);
    }
    return total == 0 ? 0 : log2(total) - sumNLogN / total;
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
