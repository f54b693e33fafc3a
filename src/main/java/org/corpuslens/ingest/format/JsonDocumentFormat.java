package org.corpuslens.ingest.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.corpuslens.ingest.RejectReason;

/**
 * A JSON document holding articles, streamed with Jackson's parser (never loaded whole): a
 * top-level array of objects; an object with an array of objects in it (a daily scrape file's
 * {@code "articles": [...]}: the first array field whose first element is an object, or the one the
 * mapping names with {@code options: {records: data.articles}}); or a single object, which is one
 * record. Several top-level values one after the other are read in turn. Record N is the N-th
 * object ({@code FILE#N}); an element that is not an object, or has a duplicate key, is a {@code
 * BAD_RECORD}; a syntax error (a truncated file) ends the file with one {@code BAD_RECORD} giving
 * the line and column, after the records read so far.
 */
public final class JsonDocumentFormat implements RecordFormat {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "json";
  /** Format option: dotted path of the array of records inside each top-level object. */
  public static final String RECORDS_OPTION = "records";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".json");
  }

  @Override
  public Layout layout() {
    return Layout.STREAM;
  }

  @Override
  public Match detect(String fileName, byte[] head) {
    int i = JsonLinesFormat.skipBomAndSpace(head);
    if (i < head.length && (head[i] == '[' || head[i] == '{') && !JsonLinesFormat.linesByName(fileName)) {
      return Match.CONTENT;
    }
    return fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? Match.NAME : Match.NO;
  }

  @Override
  public RecordIterator open(RecordInput input) throws IOException {
    JsonParser p = JsonValues.factory().createParser(input.stream());
    String option = input.option(RECORDS_OPTION, "");
    List<String> recordsPath = option.isBlank() ? null : Arrays.asList(option.strip().split("\\."));
    return new RecordIterator() {
      private long index;
      private int inRecordsArray; // depth of the records array we are inside of (0: none)
      private SourceRecord next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          try {
            next = advance();
          } catch (IOException | RuntimeException e) {
            done = true;
            next = SourceRecord.failed(input.recordPath(index + 1), input.recordKey(index + 1), NAME, -1, RejectReason.BAD_RECORD,
                "the JSON document breaks off after " + index + " records" + where() + ": " + JsonValues.message(e));
          }
        }
        return next != null;
      }

      private String where() {
        var loc = p.currentLocation();
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
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
        try {
          p.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      private SourceRecord advance() throws IOException {
        while (true) {
          if (inRecordsArray > 0) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
              inRecordsArray = 0;
              finishEnclosingObjects();
              continue;
            }
            if (t == null) {
              throw new IOException("unexpected end of input inside an array");
            }
            return element();
          }
          JsonToken t = p.nextToken();
          if (t == null) {
            done = true;
            return null;
          }
          if (t == JsonToken.START_ARRAY) {
            inRecordsArray = 1;
            continue;
          }
          if (t == JsonToken.START_OBJECT) {
            SourceRecord whole = object(recordsPath);
            if (whole != null) {
              return whole;
            }
            continue;
          }
          index++;
          return bad(index, -1, "a top-level value is " + t.asString() + ", not an object or an array of objects");
        }
      }

      /** Reads the element at the current token as one record. */
      private SourceRecord element() throws IOException {
        long startOffset = p.currentTokenLocation().getByteOffset();
        JsonToken t = p.currentToken();
        JsonValues.Value v = JsonValues.read(p);
        long size = Math.max(0, p.currentLocation().getByteOffset() - startOffset);
        index++;
        if (t != JsonToken.START_OBJECT) {
          return bad(index, size, "element " + index + " is " + JsonValues.describe(v.value()) + ", not an object");
        }
        return record(v, size);
      }

      private SourceRecord record(JsonValues.Value v, long size) {
        if (size > input.maxRecordBytes()) {
          return SourceRecord.failed(input.recordPath(index), input.recordKey(index), NAME, size, RejectReason.TOO_LARGE,
              String.format(Locale.ROOT, "record %d has %,d bytes, over the limit of %,d bytes (--max-file-bytes)", index, size,
                  input.maxRecordBytes()));
        }
        if (v.duplicateKey() != null) {
          return bad(index, size, "record " + index + " has the key \"" + v.duplicateKey() + "\" twice");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) v.value();
        return SourceRecord.of(input.recordPath(index), input.recordKey(index), NAME, size, new Content.Fields(fields), RecordMeta.NONE);
      }

      /**
       * At the START_OBJECT of a top-level object: walks its fields looking for the array of
       * records. Returns the object itself as one record when it holds none; otherwise leaves the
       * parser inside that array (and returns null).
       */
      private SourceRecord object(List<String> path) throws IOException {
        long startOffset = p.currentTokenLocation().getByteOffset();
        Map<String, Object> fields = new LinkedHashMap<>();
        String duplicate = null;
        int depth = 0; // objects entered along an explicit path
        while (true) {
          JsonToken t = p.nextToken();
          if (t == JsonToken.END_OBJECT) {
            if (depth > 0) {
              depth--;
              continue;
            }
            break;
          }
          if (t != JsonToken.FIELD_NAME) {
            throw new IOException("expected a field name, found " + t);
          }
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (path != null) {
            if (depth < path.size() && name.equals(path.get(depth))) {
              if (depth == path.size() - 1 && value == JsonToken.START_ARRAY) {
                enclosing = depth + 1;
                inRecordsArray = 1;
                return null;
              }
              if (value == JsonToken.START_OBJECT) {
                depth++;
                continue;
              }
            }
            p.skipChildren();
            continue;
          }
          if (value == JsonToken.START_ARRAY) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) { // an array of objects: the records
              enclosing = 1;
              inRecordsArray = 1;
              return element();
            }
            java.util.List<Object> list = new java.util.ArrayList<>();
            while (first != JsonToken.END_ARRAY) {
              list.add(JsonValues.read(p).value());
              first = p.nextToken();
            }
            if (fields.put(name, list) != null && duplicate == null) {
              duplicate = name;
            }
            continue;
          }
          JsonValues.Value v = JsonValues.read(p);
          if (fields.containsKey(name) && duplicate == null) {
            duplicate = name;
          }
          fields.put(name, v.value());
        }
        if (path != null) {
          throw new IOException("the document has no array of records at \"" + String.join(".", path) + "\" (mapping option records)");
        }
        long size = Math.max(0, p.currentLocation().getByteOffset() - startOffset);
        index++;
        return record(new JsonValues.Value(fields, duplicate), size);
      }

      private int enclosing; // objects to close after the records array ends

      /** After the records array: skips the rest of the objects that held it. */
      private void finishEnclosingObjects() throws IOException {
        while (enclosing > 0) {
          JsonToken t = p.nextToken();
          if (t == null) {
            throw new IOException("unexpected end of input inside an object");
          }
          if (t == JsonToken.END_OBJECT) {
            enclosing--;
          } else if (t == JsonToken.FIELD_NAME) {
            p.nextToken();
            p.skipChildren();
          }
        }
      }

      private SourceRecord bad(long n, long size, String why) {
        return SourceRecord.failed(input.recordPath(n), input.recordKey(n), NAME, size, RejectReason.BAD_RECORD, why);
      }
    };
  }
}
