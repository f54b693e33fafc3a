package org.corpuslens.analytics;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The per-article pieces of near-duplicate detection, plain Java: normalisation, character
 * shingles, their MinHash signature, and the exact Jaccard similarity of two texts.
 *
 * <p>Normalisation makes the differences of syndicated copies that carry no content vanish:
 * traditional characters become simplified (HanLP's converter), full-width forms half-width
 * (Unicode NFKC: {@code ＡＢ１２} is {@code AB12}, the ideographic space a space), Latin letters
 * lower case, and every character that is not a letter or digit (whitespace, punctuation of
 * both widths, symbols) is dropped.
 *
 * <p>Shingles are the distinct {@value #SHINGLE} -character substrings of the normalised text,
 * hashed to 64 bits. The signature is a one-permutation MinHash: each shingle hash is mixed once,
 * its top bits choose one of {@code bins} bins, and each bin keeps its minimum; empty bins (short
 * texts) borrow from the next non-empty bin to their right, circularly, with a per-distance
 * offset (rotation densification), so that two texts agree in a bin with a probability close to
 * their Jaccard similarity. Cost: one hash per shingle, whatever the number of bins.
 */
public final class NearDuplicateText {
  /** Characters per shingle. */
  public static final int SHINGLE = 5;

  /** Texts with fewer distinct shingles than this are not compared (captions, one-liners). */
  public static final int MIN_SHINGLES = 20;

  private static final long SEED = 0x9E3779B97F4A7C15L;

  private NearDuplicateText() {}

  /** Simplified, half-width, lower-case letters and digits only. */
  public static String normalize(String text) {
    String simplified = HanLP.convertToSimplifiedChinese(text);
    String nfkc = Normalizer.normalize(simplified, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(nfkc.length());
    nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** The sorted distinct 64-bit hashes of the {@value #SHINGLE}-character shingles of a normalised text. */
  public static long[] shingles(String normalized) {
    int[] cps = normalized.codePoints().toArray();
    if (cps.length < SHINGLE) {
      return new long[0];
    }
    long[] out = new long[cps.length - SHINGLE + 1];
    for (int i = 0; i < out.length; i++) {
      long h = SEED;
      for (int j = 0; j < SHINGLE; j++) {
        h = mix(h ^ cps[i + j]);
      }
      out[i] = h;
    }
    Arrays.sort(out);
    int n = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[n++] = out[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The shingles of {@code text} after {@link #normalize}. */
  public static long[] shinglesOf(String text) {
    return shingles(normalize(text));
  }

  /**
   * The one-permutation MinHash signature of a set of shingle hashes, {@code bins} values; null
   * when the set has fewer than {@link #MIN_SHINGLES} shingles.
   */
  public static int[] signature(long[] shingles, int bins) {
    if (shingles.length < MIN_SHINGLES) {
      return null;
    }
    long[] min = new long[bins];
    Arrays.fill(min, Long.MAX_VALUE);
    boolean[] filled = new boolean[bins];
    for (long s : shingles) {
      long h = mix(s ^ SEED);
      int bin = (int) Long.remainderUnsigned(h >>> 32, bins);
      long v = h & 0xFFFFFFFFL;
      if (v < min[bin]) {
        min[bin] = v;
        filled[bin] = true;
      }
    }
    int[] out = new int[bins];
    for (int b = 0; b < bins; b++) {
      int d = 0;
      int src = b;
      while (!filled[src]) { // at least one bin is filled: the set is not empty
        src = (src + 1) % bins;
        d++;
      }
      out[b] = (int) (min[src] + (long) d * 0x61C88647L);
    }
    return out;
  }

  /** The exact Jaccard similarity of two sorted distinct arrays: |A ∩ B| / |A ∪ B|; 0 when both are empty. */
  public static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0.0 : (double) common / union;
  }

  /** The Jaccard similarity of the shingles of two texts, each normalised. */
  public static double similarity(String a, String b) {
    return jaccard(shinglesOf(a), shinglesOf(b));
  }

  /**
   * LSH banding for a Jaccard threshold: {@code [rows, bands]}, the largest number of rows per band
   * (2..8, over 126-128 bins) for which a pair at the threshold becomes a candidate with
   * probability at least 0.995 (1 − (1 − t^r)^b). For 0.8: 6 rows × 21 bands; a pair at 0.5 is
   * then a candidate with probability 0.28, at 0.3 with 0.015.
   */
  public static int[] banding(double threshold) {
    int best = 2;
    for (int r = 2; r <= 8; r++) {
      int b = 128 / r;
      double p = 1 - Math.pow(1 - Math.pow(threshold, r), b);
      if (p >= 0.995) {
        best = r;
      }
    }
    return new int[] {best, 128 / best};
  }

  private static long mix(long z) { // SplitMix64's finaliser
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
