package org.corpuslens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.pipeline.FileOutcome;
import org.corpuslens.pipeline.PostProcessor;
import org.corpuslens.segment.HanLpSegmenter;
import org.corpuslens.segment.SegmenterConfig;
import org.corpuslens.segment.Segmenters;

/**
 * Benchmark helper (not a test): the floor under any design of the {@code run} job on one machine.
 * A fresh JVM without Spark lists the posts under a folder and does only the per-record work of a
 * run (read the bytes, decode, front matter, extraction, segmentation with the shipped
 * configuration: {@link PostProcessor#process}) on {@code THREADS} threads sharing one segmenter,
 * as an executor does; it writes nothing and computes no table. Prints the wall from the JVM's
 * start, its parts, and the process CPU time.
 *
 * <p>Usage: {@code PipelineFloor FOLDER [THREADS]}.
 */
public final class PipelineFloor {
  private PipelineFloor() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Path root = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    double toMain = since(jvmStart);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    double listed = since(jvmStart);

    HanLpSegmenter segmenter =
        Segmenters.get(SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords()));
    segmenter.segment("预热一下分词器。");
    double segmenterReady = since(jvmStart);

    Instant runStart = Instant.now();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      parts.add(pool.submit(() -> work(files, next, segmenter, runStart)));
    }
    long articles = 0;
    long rejects = 0;
    long chars = 0;
    for (Future<long[]> f : parts) {
      long[] r = f.get();
      articles += r[0];
      rejects += r[1];
      chars += r[2];
    }
    pool.shutdown();
    double done = since(jvmStart);
    double cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1e9;
    System.out.printf(
        Locale.ROOT,
        "files=%d articles=%d rejects=%d segmented_chars=%d threads=%d jvm_to_main_s=%.2f listed_s=%.2f"
            + " segmenter_ready_s=%.2f done_s=%.2f process_cpu_s=%.1f%n",
        files.size(), articles, rejects, chars, threads, toMain, listed, segmenterReady, done, cpu);
  }

  private static long[] work(List<Path> files, AtomicInteger next, HanLpSegmenter segmenter, Instant runStart)
      throws IOException {
    PostProcessor processor = new PostProcessor(segmenter, runStart);
    long articles = 0;
    long rejects = 0;
    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
      Path file = files.get(i);
      byte[] bytes = Files.readAllBytes(file);
      FileOutcome outcome = processor.process(file.toString(), file.toString(), bytes);
      if (outcome instanceof FileOutcome.Article) {
        articles++;
      } else {
        rejects++;
      }
    }
    return new long[] {articles, rejects, processor.stageTotals()[3]};
  }

  private static double since(long jvmStart) {
    return (System.currentTimeMillis() - jvmStart) / 1000.0;
  }
}
