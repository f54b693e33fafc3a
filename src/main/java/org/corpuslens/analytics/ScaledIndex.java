package org.corpuslens.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published construction of a newspaper-based policy index (Baker, Bloom and Davis 2016; for
 * the mainland papers Davis, Liu and Sheng), for one topic, in plain Java:
 *
 * <ol>
 *   <li>per source and period, the share x = matching articles / all articles, for periods where
 *       the source has at least {@code minArticles} articles (otherwise the source sits the period
 *       out);
 *   <li>per source (and era), σ = the sample standard deviation (n − 1 in the denominator) of x
 *       over the base periods of the era; a source with fewer than two base periods or σ = 0 has
 *       no scale and sits the era out;
 *   <li>per period, Z = the simple average of x / σ over the sources that qualify in it;
 *   <li>per era, M = the mean of Z over its base periods, and index = 100 × Z / M.
 * </ol>
 *
 * Every period from the first to the last is a row (the gaps too): one where no source qualifies
 * has a null index. Sums run in a fixed order (sources by name, periods by date), so the same
 * input gives the same doubles on every run.
 */
public final class ScaledIndex {
  private ScaledIndex() {}

  /** One (source, period) cell of one topic: matching and all articles. */
  public record Cell(String source, LocalDate period, long matching, long total) {}

  /**
   * One period of the index.
   *
   * @param index the scaled index, or null when no source qualifies (or the era's base mean is 0)
   * @param sourcesUsed the sources averaged in this period
   * @param matching matching articles of the period, all sources
   * @param total all articles of the period, all sources
   */
  public record Point(LocalDate period, Double index, int sourcesUsed, long matching, long total) {}

  /**
   * @param cells the topic's cells (any order; a period of the run must appear at least once,
   *     with zero matching articles if none match)
   */
  public static List<Point> compute(List<Cell> cells, PeriodGrain grain, IndexBase base, long minArticles) {
    if (cells.isEmpty()) {
      return List.of();
    }
    // source -> period -> share, only where the source qualifies
    Map<String, TreeMap<LocalDate, Double>> shares = new TreeMap<>();
    TreeMap<LocalDate, long[]> totals = new TreeMap<>();
    for (Cell c : cells) {
      long[] t = totals.computeIfAbsent(c.period(), p -> new long[2]);
      t[0] += c.matching();
      t[1] += c.total();
      if (c.total() >= minArticles && c.total() > 0) {
        shares.computeIfAbsent(c.source(), s -> new TreeMap<>()).put(c.period(), (double) c.matching() / c.total());
      }
    }
    List<LocalDate> periods = new ArrayList<>();
    for (LocalDate p = totals.firstKey(); !p.isAfter(totals.lastKey()); p = grain.next(p)) {
      periods.add(p);
    }
    int eras = Math.max(1, base.ranges().size());
    // per era, per source: sigma (null when the source cannot be scaled in that era)
    List<Map<String, Double>> sigmas = new ArrayList<>();
    for (int e = 0; e < eras; e++) {
      Map<String, Double> sigma = new TreeMap<>();
      for (Map.Entry<String, TreeMap<LocalDate, Double>> s : shares.entrySet()) {
        List<Double> xs = new ArrayList<>();
        for (Map.Entry<LocalDate, Double> x : s.getValue().entrySet()) {
          if (base.eraOf(x.getKey()) == e && base.inBase(x.getKey())) {
            xs.add(x.getValue());
          }
        }
        double sd = sampleStd(xs);
        if (xs.size() >= 2 && sd > 0) {
          sigma.put(s.getKey(), sd);
        }
      }
      sigmas.add(sigma);
    }
    // Z per period, and per era the base mean of Z
    Double[] z = new Double[periods.size()];
    int[] used = new int[periods.size()];
    double[] baseSum = new double[eras];
    int[] baseCount = new int[eras];
    for (int i = 0; i < periods.size(); i++) {
      LocalDate p = periods.get(i);
      int era = base.eraOf(p);
      double sum = 0;
      int n = 0;
      for (Map.Entry<String, Double> s : sigmas.get(era).entrySet()) {
        Double x = shares.get(s.getKey()).get(p);
        if (x != null) {
          sum += x / s.getValue();
          n++;
        }
      }
      used[i] = n;
      if (n > 0) {
        z[i] = sum / n;
        if (base.inBase(p)) {
          baseSum[era] += z[i];
          baseCount[era]++;
        }
      }
    }
    List<Point> out = new ArrayList<>(periods.size());
    for (int i = 0; i < periods.size(); i++) {
      LocalDate p = periods.get(i);
      int era = base.eraOf(p);
      double mean = baseCount[era] == 0 ? 0 : baseSum[era] / baseCount[era];
      Double index = z[i] == null || mean <= 0 ? null : 100 * z[i] / mean;
      long[] t = totals.getOrDefault(p, new long[2]);
      out.add(new Point(p, index, used[i], t[0], t[1]));
    }
    return out;
  }

  /** Sample standard deviation (n − 1); 0 for fewer than two values. */
  static double sampleStd(List<Double> xs) {
    int n = xs.size();
    if (n < 2) {
      return 0;
    }
    double mean = 0;
    for (double x : xs) {
      mean += x;
    }
    mean /= n;
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (n - 1));
  }
}
