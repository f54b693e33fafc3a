package org.corpuslens.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.segment.HanLpSegmenter;
import org.corpuslens.segment.SegmenterConfig;

/**
 * The benchmark's reference: HanLP alone, one thread, on the very texts a run extracted (read from
 * its {@code articles} table with DuckDB), with the run's segmenter configuration. Prints one line
 * {@code chars=N runs_s=[...] median_chars_per_s=X}. Used by {@code jobs/bench.sh}; not a test.
 *
 * <p>Usage: {@code SegmenterThroughput TABLES_DIR [RUNS] [MAX_CHARS] [THREADS]}. With {@code THREADS}
 * above 1, that many threads segment the same texts at once (sharing one segmenter, as the
 * executors do), and the figure is the throughput per thread: it shows what running all cores at
 * once costs each of them (shared caches and memory bandwidth), apart from Spark.
 */
public final class SegmenterThroughput {
  private SegmenterThroughput() {}

  public static void main(String[] args) throws Exception {
    Path tables = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long maxChars = args.length > 2 ? Long.parseLong(args[2]) : 60_000_000L;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    List<String> texts = new ArrayList<>();
    long chars = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT text FROM read_parquet('" + tables.resolve("articles") + "/**/*.parquet') ORDER BY article_id")) {
      while (rs.next() && chars < maxChars) {
        String t = rs.getString(1);
        texts.add(t);
        chars += t.length();
      }
    }
    HanLpSegmenter segmenter = new HanLpSegmenter(SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords()));
    // warm-up on a tenth of the text
    for (int i = 0; i < texts.size() / 10; i++) {
      segmenter.segment(texts.get(i));
    }
    double[] seconds = new double[runs];
    long tokens = 0;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        List<java.util.concurrent.Future<Long>> parts = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
          parts.add(pool.submit(() -> {
            long n = 0;
            for (String t : texts) {
              n += segmenter.segment(t).size();
            }
            return n;
          }));
        }
        for (java.util.concurrent.Future<Long> f : parts) {
          tokens += f.get() / threads;
        }
        seconds[r] = (System.nanoTime() - t0) / 1e9;
      }
    } finally {
      pool.shutdown();
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double median = sorted[runs / 2];
    System.out.printf(Locale.ROOT, "threads=%d articles=%d chars=%d tokens_per_run=%d runs_s=%s median_chars_per_s=%.0f%n",
        threads, texts.size(), chars, tokens / runs, Arrays.toString(seconds), chars / median);
  }
}
