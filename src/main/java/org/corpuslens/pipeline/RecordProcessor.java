package org.corpuslens.pipeline;

import java.util.Objects;
import org.corpuslens.ingest.format.Content;
import org.corpuslens.ingest.format.SourceRecord;
import org.corpuslens.segment.HanLpSegmenter;
import java.time.Instant;

/**
 * The per-record orchestration: a {@link SourceRecord} of any format becomes exactly one article
 * or one reject (format → fields → extraction → segmentation). Plain Java, one instance per
 * thread; never throws for bad data.
 */
public final class RecordProcessor {
  private final PostProcessor posts;

  public RecordProcessor(HanLpSegmenter segmenter, Instant runStart) {
    this.posts = new PostProcessor(Objects.requireNonNull(segmenter, "segmenter"), runStart);
  }

  /** Processes one record. */
  public FileOutcome process(SourceRecord record) {
    if (record.failure() != null) {
      return new FileOutcome.Reject(
          record.sourcePath(), record.failure().reason(), record.failure().detail(), Math.max(0, record.sizeBytes()), null);
    }
    Content content = record.content();
    if (content instanceof Content.Document doc && doc.kind() == Content.DocumentKind.HEXO_POST) {
      return posts.process(record.sourcePath(), record.idKey(), doc.bytes());
    }
    return new FileOutcome.Reject(
        record.sourcePath(),
        org.corpuslens.ingest.RejectReason.PROCESSING_ERROR,
        "format " + record.format() + " gives " + describe(content) + ", which this version cannot interpret",
        Math.max(0, record.sizeBytes()),
        null);
  }

  private static String describe(Content content) {
    return content instanceof Content.Document d ? "a document of kind " + d.kind() : "named fields";
  }

  /** Time spent per stage so far (see {@link PostProcessor#stageTotals()}). */
  public long[] stageTotals() {
    return posts.stageTotals();
  }
}
