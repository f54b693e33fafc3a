package org.corpuslens.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code io} hands a format: one opened file (or archive entry, or byte range of a file) and
 * how its records are to be named. The format reads {@link #stream()} and never closes it (the
 * caller does).
 *
 * @param path the file's (or entry's) {@code source_path}; records add {@code #N}
 * @param idKey the stable key of the file (relative to its input root); records add {@code #N}
 * @param fileName the last segment of the path (no folders)
 * @param folderName the name of the folder holding the file, or {@code ""} (THUCNews' category)
 * @param size the file's size in bytes, or -1 when unknown (a streamed archive entry)
 * @param stream the bytes, positioned at {@code start}
 * @param start first byte of the range this reader owns (0 for a whole file)
 * @param end the range's end (exclusive): a {@link Layout#SPLITTABLE} reader reads the records
 *     that start in {@code [start, end)}, the last one past {@code end}; {@link Long#MAX_VALUE}
 *     for a whole file
 * @param firstRecordNumber the number of the first record of this range when it is known
 *     (line number for line formats); 1 for a whole file
 * @param maxRecordBytes records (or one-record files) larger than this are rejected as TOO_LARGE
 * @param options format options from the field mapping's {@code options:} (e.g. {@code records:
 *     articles} for the array inside a JSON document, {@code delimiter} for CSV); never null
 */
public record RecordInput(
    String path,
    String idKey,
    String fileName,
    String folderName,
    long size,
    InputStream stream,
    long start,
    long end,
    long firstRecordNumber,
    long maxRecordBytes,
    Map<String, String> options) {
  public RecordInput {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(idKey, "idKey");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(folderName, "folderName");
    Objects.requireNonNull(stream, "stream");
    options = options == null ? Map.of() : Map.copyOf(options);
    if (start < 0 || end < start || maxRecordBytes <= 0) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ") or limit " + maxRecordBytes);
    }
  }

  /** A whole file (or archive entry). */
  public static RecordInput whole(
      String path, String idKey, String fileName, String folderName, long size, InputStream stream, long maxRecordBytes,
      Map<String, String> options) {
    return new RecordInput(path, idKey, fileName, folderName, size, stream, 0, Long.MAX_VALUE, 1, maxRecordBytes, options);
  }

  /** The same input reading another stream (a buffered view of this one). */
  public RecordInput withStream(InputStream other) {
    return new RecordInput(path, idKey, fileName, folderName, size, other, start, end, firstRecordNumber, maxRecordBytes, options);
  }

  /** A format option, or {@code fallback}. */
  public String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  /** True when this is the whole file, not a byte range of it. */
  public boolean wholeFile() {
    return start == 0 && end == Long.MAX_VALUE;
  }

  /** The source path of record {@code n}: {@code PATH#n}. */
  public String recordPath(long n) {
    return path + "#" + n;
  }

  /** The id key of record {@code n}: {@code KEY#n}. */
  public String recordKey(long n) {
    return idKey + "#" + n;
  }

  /**
   * Reads the rest of the stream, at most {@link #maxRecordBytes()}.
   *
   * @return the bytes, or {@code null} when there are more than the limit
   */
  public byte[] readAllWithinLimit() throws IOException {
    byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRecordBytes + 1));
    return bytes.length > maxRecordBytes ? null : bytes;
  }
}
