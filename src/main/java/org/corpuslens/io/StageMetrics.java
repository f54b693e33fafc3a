package org.corpuslens.io;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Time spent in each per-file stage, summed over all tasks (executor thread time, in
 * nanoseconds): reading, decoding and front matter, extraction, segmentation; and the characters
 * segmented; and, for the progress line, the posts done so far: files (or archive entries),
 * articles, rejects ({@link #FILES_DONE}, {@link #ARTICLES_DONE}, {@link #REJECTS_DONE}, read by
 * name from the tasks' accumulator updates). Accumulators updated inside a transformation may count
 * a retried task twice: these are performance and progress figures, never used for the tables.
 */
public final class StageMetrics implements Serializable {
  private static final long serialVersionUID = 1L;
  final LongAccumulator readNanos;
  final LongAccumulator parseNanos;
  final LongAccumulator extractNanos;
  final LongAccumulator segmentNanos;
  final LongAccumulator segmentedChars;
  /** Accumulator names of the posts done: the progress line reads them from task updates. */
  public static final String FILES_DONE = "corpuslens.files_done";

  public static final String ARTICLES_DONE = "corpuslens.articles_done";
  public static final String REJECTS_DONE = "corpuslens.rejects_done";
  final LongAccumulator articlesDone;
  final LongAccumulator rejectsDone;
  final LongAccumulator filesDone;

  public StageMetrics(SparkContext sc) {
    readNanos = sc.longAccumulator("corpuslens.read_ns");
    parseNanos = sc.longAccumulator("corpuslens.parse_ns");
    extractNanos = sc.longAccumulator("corpuslens.extract_ns");
    segmentNanos = sc.longAccumulator("corpuslens.segment_ns");
    segmentedChars = sc.longAccumulator("corpuslens.segmented_chars");
    filesDone = sc.longAccumulator(FILES_DONE);
    articlesDone = sc.longAccumulator(ARTICLES_DONE);
    rejectsDone = sc.longAccumulator(REJECTS_DONE);
  }

  /**
   * One record done: an article or a reject; {@code accountsForFile} on the one record of each
   * input file (or archive) that accounts for it.
   */
  void done(boolean article, boolean accountsForFile) {
    if (accountsForFile) {
      filesDone.add(1);
    }
    (article ? articlesDone : rejectsDone).add(1);
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
