package org.corpuslens.generate;

/**
 * Draws indexes with given weights in constant time (Walker's alias method, Vose's construction).
 * Immutable once built, so it may be shared between threads.
 */
final class AliasSampler {
  private final double[] probability;
  private final int[] alias;

  AliasSampler(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("no weights");
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and non-negative");
      }
      total += w;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("weights sum to zero");
    }
    probability = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1.0;
      if (scaled[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      probability[large[--nl]] = 1.0;
    }
    while (ns > 0) {
      probability[small[--ns]] = 1.0;
    }
  }

  int sample(Rng rng) {
    int i = rng.nextInt(probability.length);
    return rng.nextDouble() < probability[i] ? i : alias[i];
  }

  int size() {
    return probability.length;
  }
}
