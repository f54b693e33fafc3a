package org.corpuslens.ingest.format;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.corpuslens.ingest.RejectReason;

/**
 * CSV and TSV exports with a header row: quoted fields may hold delimiters and line breaks, so a
 * file is read from its first byte by one task (not splittable). Charset: a UTF-8 byte-order mark,
 * else UTF-8 when the first bytes are valid UTF-8, else GB18030 (GBK/GB2312 exports), or the
 * mapping's {@code options: {charset: ...}}; decoding is strict: an invalid byte ends the file
 * with one UNREADABLE reject, after the rows of the 64 KB blocks before it. Record N is data row N ({@code FILE#N},
 * the header not counted); a row with more fields than the header is a BAD_RECORD; blank lines
 * are skipped. Parsing by univocity-parsers (on Spark's class path, as Spark's own CSV source uses
 * it). Options: {@code delimiter} (default {@code ,}, tab for {@code .tsv}), {@code quote}, {@code charset}.
 */
public final class CsvFormat implements RecordFormat {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "csv";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".csv", ".tsv");
  }

  @Override
  public Layout layout() {
    return Layout.STREAM;
  }

  @Override
  public Match detect(String fileName, byte[] head) {
    return RecordFormats.hasExtension(fileName, extensions()) ? Match.NAME : Match.NO;
  }

  /** The charset of a CSV file from its first bytes: BOM, valid UTF-8, else GB18030. */
  static Charset charsetOf(byte[] head) {
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    int end = head.length;
    // a multi-byte character cut by the end of the head is not an error
    int back = 0;
    while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
      back++;
    }
    if (end - back - 1 >= 0 && (head[end - back - 1] & 0x80) != 0) {
      end = end - back - 1;
    }
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      d.decode(java.nio.ByteBuffer.wrap(head, 0, end));
      return StandardCharsets.UTF_8;
    } catch (java.nio.charset.CharacterCodingException e) {
      return Charset.forName("GB18030");
    }
  }

  @Override
  public RecordIterator open(RecordInput input) throws IOException {
    InputStream in = input.stream();
    in.mark(RecordFormats.HEAD_BYTES + 1);
    byte[] head = in.readNBytes(RecordFormats.HEAD_BYTES);
    in.reset();
    String named = input.option("charset", "auto");
    Charset charset = named.equalsIgnoreCase("auto") ? charsetOf(head) : Charset.forName(named);
    if (charset.equals(StandardCharsets.UTF_8) && head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      in.skipNBytes(3);
    }
    Reader reader = new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    CsvParserSettings settings = new CsvParserSettings();
    boolean tsv = input.fileName().toLowerCase(Locale.ROOT).endsWith(".tsv");
    String delimiter = input.option("delimiter", tsv ? "\t" : ",");
    settings.getFormat().setDelimiter(delimiter.equals("\\t") ? "\t" : delimiter);
    settings.getFormat().setQuote(input.option("quote", "\"").charAt(0));
    settings.getFormat().setQuoteEscape(input.option("quote", "\"").charAt(0));
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setHeaderExtractionEnabled(false);
    settings.setSkipEmptyLines(true);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setMaxColumns(4096);
    settings.setMaxCharsPerColumn((int) Math.min(Integer.MAX_VALUE - 8, input.maxRecordBytes()));
    settings.setErrorContentLength(80);
    settings.setReadInputOnSeparateThread(false); // no extra thread per file in the executors
    settings.setInputBufferSize(1 << 16);
    CsvParser parser = new CsvParser(settings);
    String[] header;
    try {
      parser.beginParsing(reader);
      header = parser.parseNext();
    } catch (TextParsingException e) {
      throw new IOException("the header row cannot be read (" + charset + "): " + oneLine(e), e);
    }
    if (header == null) {
      parser.stopParsing();
      return RecordIterator.of(List.of());
    }
    String[] names = header.clone();
    for (int i = 0; i < names.length; i++) {
      names[i] = names[i] == null || names[i].isBlank() ? "column" + (i + 1) : names[i].strip();
    }
    return new RecordIterator() {
      private long row;
      private SourceRecord next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          next = advance();
        }
        return next != null;
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        SourceRecord r = next;
        next = null;
        return r;
      }

      @Override
      public void close() {
        parser.stopParsing();
      }

      private SourceRecord advance() {
        String[] values;
        try {
          values = parser.parseNext();
        } catch (TextParsingException e) {
          done = true;
          IOException io = ioCause(e);
          if (io != null) { // an invalid byte for the charset, a read error
            throw new UncheckedIOException(new IOException("not valid " + charset + " after row " + row + ": " + io, io));
          }
          row++;
          return SourceRecord.failed(input.recordPath(row), input.recordKey(row), NAME, -1, RejectReason.BAD_RECORD,
              "row " + row + " cannot be parsed (the rest of the file is not read): " + oneLine(e));
        }
        if (values == null) {
          done = true;
          return null;
        }
        row++;
        String path = input.recordPath(row);
        String key = input.recordKey(row);
        long size = 0;
        for (String v : values) {
          size += v == null ? 0 : v.length();
        }
        if (values.length > names.length) {
          return SourceRecord.failed(path, key, NAME, size, RejectReason.BAD_RECORD, String.format(Locale.ROOT,
              "row %d has %d fields, the header %d (an unquoted delimiter or line break?)", row, values.length, names.length));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
          String v = i < values.length ? values[i] : null;
          if (fields.containsKey(names[i])) {
            return SourceRecord.failed(path, key, NAME, size, RejectReason.BAD_RECORD, "the header names the column \"" + names[i] + "\" twice");
          }
          fields.put(names[i], v);
        }
        return SourceRecord.of(path, key, NAME, size, new Content.Fields(fields), RecordMeta.NONE);
      }
    };
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    return m.length() <= 300 ? m : m.substring(0, 300) + "…";
  }
}
