package org.corpuslens.io;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.corpuslens.ingest.format.RecordFormat;
import org.corpuslens.ingest.format.RecordFormats;

/**
 * How the inputs are read: shipped inside the reading tasks.
 *
 * @param targetPartitionBytes bytes of input (plus open cost per file) packed into one partition;
 *     also the size of a byte range of a splittable file
 * @param openCostBytes the estimated cost of opening a file, in bytes: packs small files
 * @param maxFileBytes one-record files (and records of many-record files) larger than this are
 *     rejected as too large
 * @param patterns file-name patterns of the inputs, applied to archive entries too
 * @param format the {@code --format}: a built-in format's name, or {@value RecordFormats#AUTO}
 *     (chosen per file by content and name)
 * @param formatOptions options handed to every format ({@link
 *     org.corpuslens.ingest.format.RecordInput#options()})
 */
public record ReadSettings(
    long targetPartitionBytes,
    long openCostBytes,
    long maxFileBytes,
    List<String> patterns,
    String format,
    Map<String, String> formatOptions)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ReadSettings {
    patterns = List.copyOf(patterns);
    formatOptions = formatOptions == null ? Map.of() : Map.copyOf(formatOptions);
    Objects.requireNonNull(format, "format");
    if (targetPartitionBytes <= 0 || openCostBytes < 0 || maxFileBytes <= 0) {
      throw new IllegalArgumentException("partition sizes must be positive");
    }
    if (!format.equals(RecordFormats.AUTO) && RecordFormats.byName(format).isEmpty()) {
      throw new IllegalArgumentException("unknown format " + format + "; known: " + RecordFormats.names());
    }
  }

  /** Without format options. */
  public ReadSettings(long targetPartitionBytes, long openCostBytes, long maxFileBytes, List<String> patterns, String format) {
    this(targetPartitionBytes, openCostBytes, maxFileBytes, patterns, format, Map.of());
  }

  /** The format every file is read with, or {@code null} when it is chosen per file. */
  public RecordFormat forcedFormat() {
    return format.equals(RecordFormats.AUTO) ? null : RecordFormats.byName(format).orElseThrow();
  }
}
