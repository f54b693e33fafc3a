package org.corpuslens.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.corpuslens.ingest.RejectReason;

/**
 * JSON Lines: one JSON object per line (the news2016zh dump, {@code .jsonl}, {@code .ndjson}, and
 * {@code .json} files whose first line is a whole object). Splittable by byte range on {@code \n}.
 * Record N is line N ({@code FILE#N}); blank lines are not records; a line that is not one valid
 * JSON object (truncated, an array, a duplicate key, trailing text) is a {@code BAD_RECORD} with its
 * line number and the parser's message, and the next line is read as usual.
 */
public final class JsonLinesFormat implements RecordFormat {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "jsonl";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".jsonl", ".ndjson", ".json");
  }

  @Override
  public Layout layout() {
    return Layout.SPLITTABLE;
  }

  /**
   * CONTENT when the first line is one complete JSON object and a line break follows it, or when
   * a {@code .jsonl}/{@code .ndjson} file starts with {@code {} (its first line may be the broken
   * one: the name then specialises what the content says, as Tika lets it).
   */
  @Override
  public Match detect(String fileName, byte[] head) {
    int i = skipBomAndSpace(head);
    if (i < head.length && head[i] == '{') {
      if (linesByName(fileName)) {
        return Match.CONTENT;
      }
      int nl = indexOf(head, (byte) '\n', i);
      if (nl > 0 && isOneObject(head, i, nl - i)) {
        return Match.CONTENT;
      }
    }
    return linesByName(fileName) ? Match.NAME : Match.NO;
  }

  static boolean linesByName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
  }

  private static boolean isOneObject(byte[] bytes, int offset, int length) {
    try (JsonParser p = JsonValues.factory().createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  static int skipBomAndSpace(byte[] head) {
    int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] b, byte x, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public RecordIterator open(RecordInput input) throws IOException {
    ByteLines lines = new ByteLines(input.stream(), input.start(), input.maxRecordBytes());
    if (input.start() > 0) {
      lines.skipLine(); // the line under way at start belongs to the previous range
    }
    JsonFactory json = JsonValues.factory();
    return new RecordIterator() {
      private long lineNumber = input.firstRecordNumber() - 1;
      private SourceRecord next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          try {
            next = advance();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
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

      private SourceRecord advance() throws IOException {
        while (true) {
          if (lines.position() > input.end()) {
            done = true;
            return null;
          }
          ByteLines.Line line = lines.next();
          if (line == null) {
            done = true;
            return null;
          }
          lineNumber++;
          String path = input.recordPath(lineNumber);
          String key = input.recordKey(lineNumber);
          if (line.tooLong()) {
            return SourceRecord.failed(path, key, NAME, line.length(), RejectReason.TOO_LARGE, String.format(Locale.ROOT,
                "line %d has %,d bytes, over the limit of %,d bytes (--max-file-bytes)", lineNumber, line.length(), input.maxRecordBytes()));
          }
          byte[] b = line.bytes();
          int from = line.start() == 0 ? skipBom(b) : 0;
          if (isBlank(b, from)) {
            continue;
          }
          return parse(json, b, from, path, key, lineNumber);
        }
      }
    };
  }

  private static SourceRecord parse(JsonFactory json, byte[] b, int from, String path, String key, long lineNumber) {
    try (JsonParser p = json.createParser(b, from, b.length - from)) {
      JsonToken first = p.nextToken();
      JsonValues.Value v = JsonValues.read(p);
      if (p.nextToken() != null) {
        return bad(path, key, b.length, lineNumber, "more than one JSON value on the line (text after column "
            + p.currentTokenLocation().getColumnNr() + ")");
      }
      if (first != JsonToken.START_OBJECT) {
        return bad(path, key, b.length, lineNumber, "the line is " + JsonValues.describe(v.value()) + ", not a JSON object");
      }
      if (v.duplicateKey() != null) {
        return bad(path, key, b.length, lineNumber, "duplicate key \"" + v.duplicateKey() + "\"");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) v.value();
      return SourceRecord.of(path, key, NAME, b.length, new Content.Fields(fields), RecordMeta.NONE);
    } catch (IOException | RuntimeException e) {
      return bad(path, key, b.length, lineNumber, JsonValues.message(e));
    }
  }

  private static SourceRecord bad(String path, String key, long size, long lineNumber, String why) {
    return SourceRecord.failed(path, key, NAME, size, RejectReason.BAD_RECORD, "line " + lineNumber + ": " + why);
  }

  private static int skipBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
  }

  private static boolean isBlank(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
