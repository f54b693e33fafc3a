package org.corpuslens.generate;

/**
 * A small deterministic random generator: SplitMix64, written out here so that the generated
 * bytes for a seed never depend on the JDK's implementation of {@code SplittableRandom} or {@code
 * Random}. Not thread-safe; create one per post (they are cheap).
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  public Rng(long seed) {
    this.state = seed;
  }

  /** A generator for one purpose ({@code salt}) of one item ({@code index}) of a run ({@code seed}). */
  public static Rng of(long seed, long index, long salt) {
    return new Rng(mix(mix(seed ^ salt) + index * GOLDEN));
  }

  /** The SplitMix64 finalizer: a bijective bit mixer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, bound), bound &gt; 0 (Lemire's multiply-and-reject, unbiased). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Uniform in [from, to] (both inclusive). */
  public int between(int from, int to) {
    return from + nextInt(to - from + 1);
  }

  /** Uniform in [0, bound), bound &gt; 0. */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
    long v;
    do {
      v = nextLong() >>> 1;
    } while (v >= limit);
    return v % bound;
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return nextDouble() < p;
  }

  /** One element of a non-empty list or array, uniformly. */
  public <T> T pick(java.util.List<T> items) {
    return items.get(nextInt(items.size()));
  }

  public String pick(String[] items) {
    return items[nextInt(items.length)];
  }
}
