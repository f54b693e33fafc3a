package org.corpuslens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.segment.HanLpSegmenter;
import org.corpuslens.segment.SegmentationStandard;
import org.corpuslens.segment.SegmenterConfig;

/**
 * Segmentation speed of each {@link SegmentationStandard}, alternated within every round in one JVM
 * (thread CPU time of {@code segmentAll} over every line of a file, after warm-up rounds), so the
 * standards' own cost shows apart from the machine's noise. Not a test.
 *
 * <p>Usage: {@code SegmentationStandardSpeed FILE [ROUNDS]}; prints per standard the median
 * characters per CPU second and its ratio to MSR's.
 */
public final class SegmentationStandardSpeed {
  private SegmentationStandardSpeed() {}

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long chars = lines.stream().mapToLong(String::length).sum();
    SegmentationStandard[] standards = SegmentationStandard.values();
    HanLpSegmenter[] segmenters = new HanLpSegmenter[standards.length];
    for (int s = 0; s < standards.length; s++) {
      segmenters[s] = new HanLpSegmenter(
          SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords()).withStandard(standards[s]));
    }
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    double[][] speed = new double[standards.length][rounds];
    long sink = 0;
    for (int r = -rounds; r < rounds; r++) { // the first half warms up
      for (int s = 0; s < standards.length; s++) {
        long t0 = bean.getCurrentThreadCpuTime();
        for (String line : lines) {
          sink += segmenters[s].segmentAll(line).size();
        }
        long ns = bean.getCurrentThreadCpuTime() - t0;
        if (r >= 0) {
          speed[s][r] = chars / (ns / 1e9);
        }
      }
    }
    double msr = median(speed[0]);
    for (int s = 0; s < standards.length; s++) {
      double m = median(speed[s]);
      System.out.printf(Locale.ROOT, "standard=%s chars=%d rounds=%d median_chars_per_cpu_s=%.0f vs_msr=%.3f min=%.0f max=%.0f%n",
          standards[s].id(), chars, rounds, m, m / msr, Arrays.stream(speed[s]).min().orElseThrow(),
          Arrays.stream(speed[s]).max().orElseThrow());
    }
    System.out.println("# tokens " + sink);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
