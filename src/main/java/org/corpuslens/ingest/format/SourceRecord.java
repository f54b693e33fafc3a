package org.corpuslens.ingest.format;

import java.io.Serializable;
import java.util.Objects;
import org.corpuslens.ingest.RejectReason;

/**
 * One record read from an input file: what the pipeline turns into exactly one article or one
 * reject. Serializable: records of a streamed file are shuffled to spread them over the cores.
 *
 * @param sourcePath the {@code source_path}: the file's path for a one-record file, {@code FILE#N}
 *     for the N-th record of a many-record file (a line number for line formats, else a 1-based index)
 * @param idKey the stable key of the article id (path relative to the input root, same suffix)
 * @param format the {@link RecordFormat#name()} that read it
 * @param sizeBytes the record's size in bytes (the file's for a one-record file)
 * @param content the document or fields; {@code null} when {@code failure} is set
 * @param meta optional metadata, never {@code null}
 * @param failure why the record could not be read (a broken JSON line, an unreadable file), or
 *     {@code null}
 * @param accountsForFile true on exactly one record (or failure) of each input file or archive
 *     entry: set by the reader, used for the run's accounting
 */
public record SourceRecord(
    String sourcePath,
    String idKey,
    String format,
    long sizeBytes,
    Content content,
    RecordMeta meta,
    Failure failure,
    boolean accountsForFile)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Why a record (or a whole file) could not be read: becomes a reject. */
  public record Failure(RejectReason reason, String detail) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Failure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  public SourceRecord {
    Objects.requireNonNull(sourcePath, "sourcePath");
    Objects.requireNonNull(idKey, "idKey");
    Objects.requireNonNull(format, "format");
    meta = meta == null ? RecordMeta.NONE : meta;
    if ((content == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of content and failure must be set");
    }
  }

  /** A readable record. */
  public static SourceRecord of(String sourcePath, String idKey, String format, long sizeBytes, Content content, RecordMeta meta) {
    return new SourceRecord(sourcePath, idKey, format, sizeBytes, content, meta, null, false);
  }

  /** A record (or file) that could not be read. */
  public static SourceRecord failed(
      String sourcePath, String idKey, String format, long sizeBytes, RejectReason reason, String detail) {
    return new SourceRecord(sourcePath, idKey, format, sizeBytes, null, null, new Failure(reason, detail), false);
  }

  /** This record, marked as the one that accounts for its file. */
  public SourceRecord accountingForFile() {
    return new SourceRecord(sourcePath, idKey, format, sizeBytes, content, meta, failure, true);
  }
}
