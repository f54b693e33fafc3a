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
    long[] out = shingleHashes(normalized);
    Arrays.sort(out);
    int n = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[n++] = out[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The hash of every {@value #SHINGLE}-character shingle of a normalised text, in text order, repeats included. */
  static long[] shingleHashes(String normalized) {
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
    return out;
  }

  /**
   * The LSH bucket keys of a text: its {@link #signature} over {@code rows × bands} bins cut into
   * {@code bands} bands of {@code rows} values, each band hashed to 64 bits; null when the text has
   * fewer than {@link #MIN_SHINGLES} distinct shingles. Two texts share the key of a band when
   * their signatures agree on all its values (up to 64-bit hash collisions).
   *
   * <p>The signature is taken over the text's shingle hashes as they come, repeats included: a
   * minimum per bin does not change with repeats, so no sort or deduplication is needed here.
   */
  public static long[] bandKeys(String text, int rows, int bands) {
    long[] hashes = shingleHashes(normalize(text));
    if (!hasDistinct(hashes, MIN_SHINGLES)) {
      return null;
    }
    return bandKeys(signature(hashes, rows * bands, false), rows, bands);
  }

  /** The bucket keys of a signature of {@code rows × bands} values. */
  static long[] bandKeys(int[] signature, int rows, int bands) {
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = SEED + b;
      for (int r = 0; r < rows; r++) {
        h = mix(h ^ (signature[b * rows + r] & 0xFFFFFFFFL));
      }
      keys[b] = h;
    }
    return keys;
  }

  /** True when {@code values} holds at least {@code n} distinct values (stops as soon as it has seen them). */
  static boolean hasDistinct(long[] values, int n) {
    if (values.length < n) {
      return false;
    }
    int size = Integer.highestOneBit(Math.max(4 * n, 16) - 1) << 1; // a power of two above 4n
    long[] slots = new long[size];
    boolean[] used = new boolean[size];
    int distinct = 0;
    for (long v : values) {
      int i = (int) mix(v) & (size - 1);
      while (used[i] && slots[i] != v) {
        i = (i + 1) & (size - 1);
      }
      if (!used[i]) {
        used[i] = true;
        slots[i] = v;
        if (++distinct >= n) {
          return true;
        }
      }
    }
    return false;
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
    return signature(shingles, bins, true);
  }

  /** {@link #signature(long[], int)}; {@code checkSize}: null below {@link #MIN_SHINGLES} values (the caller checked). */
  private static int[] signature(long[] shingles, int bins, boolean checkSize) {
    if (checkSize && shingles.length < MIN_SHINGLES) {
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
