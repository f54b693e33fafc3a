package org.corpuslens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.corpuslens.extract.PageExtractor;
import org.corpuslens.segment.HanLpSegmenter;
import org.jsoup.Jsoup;

/**
 * {@link PageStageBenchmark}'s comparison measured in thread CPU time and alternated within each
 * round (five passes of extraction, of segmentation, of jsoup's parse alone, over the same 60
 * pages): on a shared machine the JMH benchmarks, run one after the other, see different loads,
 * while CPU time taken side by side does not depend on how long the thread waits for a core.
 * Prints the medians of the rounds after as many warm-up rounds. Not a test.
 *
 * <p>Usage: {@code PageStageCpuRatio [ROUNDS [WEIGHT | FOLDER]]} (default 60 rounds, light pages);
 * WEIGHT: characters of HTML per page of the heavy variant ({@code 30000}, {@code 60000}, {@code
 * 120000}; 0 = the light pages), see {@link BenchPages#generated(int)}; FOLDER: the saved pages
 * under it ({@link BenchPages#folder}), such as a real gold set kept outside the repository.
 */
public final class PageStageCpuRatio {
  private static final int PASSES = 5;

  private PageStageCpuRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    boolean folder = args.length > 1 && !args[1].chars().allMatch(Character::isDigit);
    int weight = args.length > 1 && !folder ? Integer.parseInt(args[1]) : 0;
    BenchPages b = folder ? BenchPages.folder(java.nio.file.Path.of(args[1])) : BenchPages.generated(weight);
    List<String> urls = b.urls();
    List<String> pages = b.pages();
    List<String> texts = b.texts();
    HanLpSegmenter segmenter = BenchPages.segmenter();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] extract = new long[rounds];
    long[] segment = new long[rounds];
    long[] parse = new long[rounds];
    double[] ratio = new double[rounds];
    double[] parseRatio = new double[rounds];
    long sink = 0;
    for (int r = -rounds; r < rounds; r++) { // the first half warms up
      long t0 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < PASSES; k++) {
        for (int i = 0; i < pages.size(); i++) {
          sink += PageExtractor.extract(pages.get(i), urls.get(i)).paragraphs().size();
        }
      }
      long t1 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < PASSES; k++) {
        for (String t : texts) {
          sink += segmenter.segment(t).hashCode();
        }
      }
      long t2 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < PASSES; k++) {
        for (int i = 0; i < pages.size(); i++) {
          sink += Jsoup.parse(pages.get(i), urls.get(i) == null ? "" : urls.get(i)).childNodeSize();
        }
      }
      long t3 = threads.getCurrentThreadCpuTime();
      if (r >= 0) {
        extract[r] = t1 - t0;
        segment[r] = t2 - t1;
        parse[r] = t3 - t2;
        ratio[r] = (double) extract[r] / segment[r];
        parseRatio[r] = (double) parse[r] / segment[r];
      }
    }
    for (long[] a : List.of(extract, segment, parse)) {
      Arrays.sort(a);
    }
    Arrays.sort(ratio);
    Arrays.sort(parseRatio);
    int m = rounds / 2;
    double perPass = 1e6 * PASSES;
    long htmlChars = 0;
    for (String p : pages) {
      htmlChars += p.length();
    }
    System.out.printf(
        Locale.ROOT,
        "weight=%d html_chars_per_page=%d rounds=%d extract_ms=%.1f segment_ms=%.1f parse_ms=%.1f ratio=%.3f [%.3f..%.3f] parse_ratio=%.3f (%d)%n",
        weight, htmlChars / pages.size(), rounds, extract[m] / perPass, segment[m] / perPass, parse[m] / perPass, ratio[m], ratio[0],
        ratio[rounds - 1], parseRatio[m], sink % 2);
  }
}
