package org.corpuslens.pipeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.format.Content;
import org.corpuslens.ingest.format.RecordMeta;
import org.corpuslens.ingest.format.SourceRecord;
import org.corpuslens.ingest.mapping.FieldMapping;
import org.corpuslens.ingest.mapping.Profiles;
import org.corpuslens.segment.HanLpSegmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-record orchestration: a {@link SourceRecord} of any format becomes exactly one article
 * or one reject (format → fields → extraction → segmentation). A post goes through {@link
 * PostProcessor}; named fields through the {@code --mapping}, else the first built-in profile that
 * fits the record's fields ({@link Profiles}). Plain Java, one instance per thread; never throws
 * for bad data.
 */
public final class RecordProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);
  private final PostProcessor posts;
  private final MappedRecordProcessor mapped;
  private final FieldMapping mapping;
  private String lastMapping;

  /**
   * @param mapping the {@code --mapping}, or {@code null} to pick a built-in profile per record
   * @param zone the zone of local (naive) times in mapped records
   * @param languages the languages of full pages that become articles ({@code --languages})
   */
  public RecordProcessor(
      HanLpSegmenter segmenter, Instant runStart, FieldMapping mapping, ZoneId zone, java.util.Set<String> languages) {
    Objects.requireNonNull(segmenter, "segmenter");
    this.posts = new PostProcessor(segmenter, runStart, languages);
    this.mapped = new MappedRecordProcessor(segmenter, runStart, zone);
    this.mapping = mapping;
  }

  /** Full pages must be Chinese. */
  public RecordProcessor(HanLpSegmenter segmenter, Instant runStart, FieldMapping mapping, ZoneId zone) {
    this(segmenter, runStart, mapping, zone, PostProcessor.DEFAULT_LANGUAGES);
  }

  /** Processes one record. */
  public FileOutcome process(SourceRecord record) {
    lastMapping = null;
    long size = Math.max(0, record.sizeBytes());
    if (record.failure() != null) {
      return new FileOutcome.Reject(record.sourcePath(), record.failure().reason(), record.failure().detail(), size, null);
    }
    Content content = record.content();
    try {
      if (content instanceof Content.Document doc && doc.kind() == Content.DocumentKind.HEXO_POST) {
        return posts.process(record.sourcePath(), record.idKey(), doc.bytes());
      }
      if (content instanceof Content.Document doc && doc.kind() == Content.DocumentKind.HTML_PAGE) {
        RecordMeta meta = record.meta();
        return posts.processPage(record.sourcePath(), record.idKey(), doc.bytes(),
            new PageSource(meta.url(), crawlTime(meta.time()), meta.charset()));
      }
      if (content instanceof Content.Fields f) {
        Optional<FieldMapping> m = mapping != null ? Optional.of(mapping) : Profiles.forFields(f.values().keySet());
        if (m.isEmpty()) {
          return new FileOutcome.Reject(record.sourcePath(), RejectReason.UNMAPPED,
              "no built-in profile fits the fields " + f.values().keySet() + "; describe them with --mapping FILE", size, null);
        }
        lastMapping = m.get().name();
        return mapped.process(record.sourcePath(), record.idKey(), size, m.get(), f.values());
      }
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("processing {} failed; it goes to rejects as PROCESSING_ERROR", record.sourcePath(), e);
      return new FileOutcome.Reject(record.sourcePath(), RejectReason.PROCESSING_ERROR, e.getClass().getName() + ": " + e.getMessage(), size, null);
    }
    if (content instanceof Content.Skipped skipped) {
      return new FileOutcome.Skipped(record.sourcePath(), skipped.kind());
    }
    return new FileOutcome.Reject(
        record.sourcePath(),
        RejectReason.PROCESSING_ERROR,
        "format " + record.format() + " gives " + describe(content) + ", which this version cannot interpret",
        size,
        null);
  }

  /** The mapping the last processed record was read with (profile name or mapping name), or null. */
  public String lastMapping() {
    return lastMapping;
  }

  /** A container's time (a WARC-Date, ISO 8601), or {@code null} when absent or unreadable. */
  static Instant crawlTime(String time) {
    if (time == null || time.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(time.strip());
    } catch (java.time.format.DateTimeParseException e) {
      return null; // not an ISO instant: the page's own date, or MISSING_DATE, decides
    }
  }

  private static String describe(Content content) {
    return content instanceof Content.Document d ? "a document of kind " + d.kind() : "named fields";
  }

  /** Time spent per stage so far (see {@link PostProcessor#stageTotals()}), posts and mapped records together. */
  public long[] stageTotals() {
    long[] t = posts.stageTotals();
    return new long[] {t[0] + mapped.parseNanos, t[1] + mapped.extractNanos, t[2] + mapped.segmentNanos, t[3] + mapped.segmentedChars};
  }
}
