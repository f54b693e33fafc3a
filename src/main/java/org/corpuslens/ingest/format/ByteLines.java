package org.corpuslens.ingest.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code \n}-terminated lines of bytes (a trailing {@code \r} dropped) and counts the bytes
 * consumed, for formats read by byte range. A line longer than the limit is skipped to its end
 * without being held in memory ({@link Line#tooLong()}). The byte {@code \n} never occurs inside a
 * multi-byte character of UTF-8 or GB18030, so it is a safe boundary in both.
 */
final class ByteLines {
  /** One line: its bytes (without the line break) or, when too long, {@code null} and its length. */
  record Line(byte[] bytes, long start, long length) {
    boolean tooLong() {
      return bytes == null;
    }
  }

  private final InputStream in;
  private final long limit;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int count;
  private long position;

  /**
   * @param in the stream, positioned at byte {@code position} of the file
   * @param limit longest line kept, in bytes
   */
  ByteLines(InputStream in, long position, long limit) {
    this.in = in;
    this.position = position;
    this.limit = limit;
  }

  /** The file position of the next byte to be read. */
  long position() {
    return position;
  }

  /** Skips through the next line break; false at end of stream. */
  boolean skipLine() throws IOException {
    while (true) {
      if (pos == count && !fill()) {
        return false;
      }
      byte b = buffer[pos++];
      position++;
      if (b == '\n') {
        return true;
      }
    }
  }

  /** The next line, or {@code null} at the end of the stream. */
  Line next() throws IOException {
    if (pos == count && !fill()) {
      return null;
    }
    long start = position;
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    long length = 0;
    boolean kept = true;
    while (true) {
      if (pos == count && !fill()) {
        break;
      }
      int from = pos;
      while (pos < count && buffer[pos] != '\n') {
        pos++;
      }
      int n = pos - from;
      length += n;
      position += n;
      if (kept) {
        if (length > limit) {
          kept = false;
          out = null;
        } else {
          out.write(buffer, from, n);
        }
      }
      if (pos < count) { // at '\n'
        pos++;
        position++;
        break;
      }
    }
    if (!kept) {
      return new Line(null, start, length);
    }
    byte[] bytes = out.toByteArray();
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
    return new Line(bytes, start, length);
  }

  private boolean fill() throws IOException {
    count = in.read(buffer, 0, buffer.length);
    pos = 0;
    if (count <= 0) {
      count = 0;
      return false;
    }
    return true;
  }

  /** Counts the {@code \n} bytes of a stream: the line index of a byte range. */
  static long countLineBreaks(InputStream in, long maxBytes) throws IOException {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    long left = maxBytes;
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r <= 0) {
        break;
      }
      for (int i = 0; i < r; i++) {
        if (buf[i] == '\n') {
          n++;
        }
      }
      left -= r;
    }
    return n;
  }
}
