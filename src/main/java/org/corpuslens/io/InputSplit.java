package org.corpuslens.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A byte range of a big file of a splittable format (JSON Lines), read by one task. The range owns
 * the records that start after {@code start} (or at 0) up to and including {@code end}, as
 * Hadoop's {@code LineRecordReader} does.
 *
 * @param file the listed file
 * @param format the record format chosen for the file on the driver (from its first bytes)
 * @param start first byte
 * @param end last byte + 1 of the range
 * @param firstRecordNumber number of the first record (line) this range owns, once known; 0 before
 */
public record InputSplit(InputFile file, String format, long start, long end, long firstRecordNumber) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How much longer than a split the last one may be (Hadoop's SPLIT_SLOP). */
  static final double SLOP = 1.1;

  public InputSplit {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
    }
  }

  /** Cuts a file into ranges of {@code size} bytes, the last up to {@link #SLOP} × size. */
  static List<InputSplit> of(InputFile file, String format, long size) {
    List<InputSplit> out = new ArrayList<>();
    long length = file.size();
    long start = 0;
    while ((double) (length - start) / size > SLOP) {
      out.add(new InputSplit(file, format, start, start + size, 0));
      start += size;
    }
    out.add(new InputSplit(file, format, start, length, 0));
    return out;
  }

  InputSplit numbered(long first) {
    return new InputSplit(file, format, start, end, first);
  }
}
