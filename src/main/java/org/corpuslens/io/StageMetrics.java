package org.corpuslens.io;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Time spent in each per-file stage, summed over all tasks (executor thread time, in
 * nanoseconds): reading, decoding and front matter, extraction, segmentation; and the characters
 * segmented. Accumulators updated inside a transformation may count a retried task twice: these
 * are performance figures, never used for the tables.
 */
public final class StageMetrics implements Serializable {
  private static final long serialVersionUID = 1L;
  final LongAccumulator readNanos;
  final LongAccumulator parseNanos;
  final LongAccumulator extractNanos;
  final LongAccumulator segmentNanos;
  final LongAccumulator segmentedChars;

  public StageMetrics(SparkContext sc) {
    readNanos = sc.longAccumulator("corpuslens.read_ns");
    parseNanos = sc.longAccumulator("corpuslens.parse_ns");
    extractNanos = sc.longAccumulator("corpuslens.extract_ns");
    segmentNanos = sc.longAccumulator("corpuslens.segment_ns");
    segmentedChars = sc.longAccumulator("corpuslens.segmented_chars");
  }

  void add(long[] stageTotals) {
    parseNanos.add(stageTotals[0]);
    extractNanos.add(stageTotals[1]);
    segmentNanos.add(stageTotals[2]);
    segmentedChars.add(stageTotals[3]);
  }

  /** Seconds of task time per stage, and characters segmented, for the run summary. */
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("read_s", readNanos.value() / 1e9);
    m.put("decode_and_front_matter_s", parseNanos.value() / 1e9);
    m.put("extract_s", extractNanos.value() / 1e9);
    m.put("segment_s", segmentNanos.value() / 1e9);
    m.put("segmented_chars", segmentedChars.value());
    return m;
  }
}
