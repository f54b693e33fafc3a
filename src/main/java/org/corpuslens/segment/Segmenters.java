package org.corpuslens.segment;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-JVM cache of segmenters: one {@link HanLpSegmenter} per distinct {@link
 * SegmenterConfig}, built on first request and shared afterwards (segmenters are thread-safe and
 * read-only once built). On Spark, call {@link #get(SegmenterConfig)} inside a task (e.g. at the
 * start of {@code mapPartitions}) with the config shipped from the driver; every executor JVM
 * then builds its segmenter once.
 *
 * <p>This map is the segment package's only static mutable state. It only grows; a JVM is
 * expected to see one or two configurations, so nothing is evicted.
 */
public final class Segmenters {

  private static final Logger LOG = LoggerFactory.getLogger(Segmenters.class);

  private static final ConcurrentMap<SegmenterConfig, HanLpSegmenter> CACHE =
      new ConcurrentHashMap<>();

  private Segmenters() {}

  /**
   * The shared segmenter for {@code config}, built once per JVM. Concurrent first calls with an
   * equal config wait for one build.
   *
   * @param config the configuration (compared by value)
   * @return the same instance for equal configs
   */
  public static HanLpSegmenter get(SegmenterConfig config) {
    Objects.requireNonNull(config, "config");
    HanLpSegmenter cached = CACHE.get(config);
    return cached != null ? cached : CACHE.computeIfAbsent(config, Segmenters::build);
  }

  private static HanLpSegmenter build(SegmenterConfig config) {
    long start = System.nanoTime();
    HanLpSegmenter segmenter = new HanLpSegmenter(config);
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info(
        "Built HanLP segmenter: {} custom words, {} stop words, {} ms",
        config.customWords().size(),
        config.stopWords().size(),
        millis);
    return segmenter;
  }
}
