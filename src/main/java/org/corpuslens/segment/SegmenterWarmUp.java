package org.corpuslens.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the JVM's segmenter and runs it over a short text in a background thread, so that its
 * dictionaries are loaded and its hot code compiled while Spark starts. Only useful where the
 * tasks run in the same JVM (local mode): the tasks then find the segmenter ready in {@link
 * Segmenters}. The text is written for this purpose ({@code warm-up-zh.txt}); the result is thrown
 * away.
 */
public final class SegmenterWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(SegmenterWarmUp.class);
  private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);
  private static final int MAX_ROUNDS = 400;

  private SegmenterWarmUp() {}

  /** Starts the warm-up in a daemon thread and returns at once. */
  public static Thread start(SegmenterConfig config) {
    Thread t = new Thread(() -> run(config), "corpuslens-segmenter-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  static int run(SegmenterConfig config) {
    long start = System.nanoTime();
    HanLpSegmenter segmenter = Segmenters.get(config);
    String text = text();
    int rounds = 0;
    long tokens = 0;
    long built = System.nanoTime(); // the budget counts from here: the build itself is needed anyway
    while (rounds < MAX_ROUNDS && System.nanoTime() - built < BUDGET_NANOS) {
      tokens += segmenter.segment(text).size();
      rounds++;
    }
    LOG.info("segmenter warmed up: {} rounds ({} tokens) in {} ms", rounds, tokens, (System.nanoTime() - start) / 1_000_000);
    return rounds;
  }

  static String text() {
    try (InputStream in = SegmenterWarmUp.class.getResourceAsStream("warm-up-zh.txt")) {
      if (in == null) {
        throw new IllegalStateException("warm-up-zh.txt is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
