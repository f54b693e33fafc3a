package org.corpuslens.io;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.corpuslens.segment.SegmenterConfig;

/**
 * What the executors need to turn files into articles: shipped inside the job's closure, so a
 * lexicon given with {@code --topics} reaches every executor without being read from disk there.
 *
 * @param segmenter the segmenter's custom words and stop words
 * @param runStart the run's start, for the date plausibility check
 * @param targetPartitionBytes bytes of input (plus open cost per file) packed into one partition
 * @param openCostBytes the estimated cost of opening a file, in bytes: packs small files
 * @param maxFileBytes files (and archive entries) larger than this are rejected as too large
 * @param patterns file-name patterns of posts, applied to archive entries
 */
public record ProcessingSettings(
    SegmenterConfig segmenter,
    Instant runStart,
    long targetPartitionBytes,
    long openCostBytes,
    long maxFileBytes,
    List<String> patterns)
    implements Serializable {
  public ProcessingSettings {
    Objects.requireNonNull(segmenter, "segmenter");
    Objects.requireNonNull(runStart, "runStart");
    patterns = List.copyOf(patterns);
    if (targetPartitionBytes <= 0 || openCostBytes < 0 || maxFileBytes <= 0) {
      throw new IllegalArgumentException("partition sizes must be positive");
    }
  }
}
