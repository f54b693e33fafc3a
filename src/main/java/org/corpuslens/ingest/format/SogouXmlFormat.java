package org.corpuslens.ingest.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpuslens.ingest.RejectException;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.TextDecoder;

/**
 * SogouCS-style XML: concatenated {@code <doc>...</doc>} blocks with no root element, each tag on
 * its own line ({@code <url>}, {@code <docno>}, {@code <contenttitle>}, {@code <content>}), usually
 * GB18030. Splittable by byte range: a range owns the blocks whose {@code <doc>} line starts in it
 * ({@code \n} and {@code <} never occur inside a GB18030 character). Record N is the block whose
 * {@code <doc>} is on line N ({@code FILE#N}). Each block is decoded on its own (UTF-8 when valid,
 * else GB18030, strictly); its child elements become fields, entities decoded. A block not closed
 * before the next {@code <doc>} or the end of the file is a BAD_RECORD.
 */
public final class SogouXmlFormat implements RecordFormat {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "sogou-xml";
  private static final Pattern ELEMENT = Pattern.compile("<([A-Za-z][\\w.-]*)>(.*?)</\\1>", Pattern.DOTALL);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".xml"); // SogouCS' own news_tensite_xml.dat is recognised by its first line
  }

  @Override
  public Layout layout() {
    return Layout.SPLITTABLE;
  }

  /** CONTENT when the first non-blank line is {@code <doc>} (whatever the name, e.g. {@code .txt}, {@code .dat}); NAME for {@code .xml}. */
  @Override
  public Match detect(String fileName, byte[] head) {
    int i = JsonLinesFormat.skipBomAndSpace(head);
    if (startsWith(head, i, "<doc>")) {
      return Match.CONTENT;
    }
    return RecordFormats.hasExtension(fileName, extensions()) ? Match.NAME : Match.NO;
  }

  private static boolean startsWith(byte[] b, int at, String ascii) {
    if (at + ascii.length() > b.length) {
      return false;
    }
    for (int k = 0; k < ascii.length(); k++) {
      if (b[at + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLine(byte[] line, String tag) {
    int from = line.length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF ? 3 : 0;
    int to = line.length;
    while (from < to && (line[from] == ' ' || line[from] == '\t')) {
      from++;
    }
    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t' || line[to - 1] == '\r')) {
      to--;
    }
    return to - from == tag.length() && startsWith(line, from, tag);
  }

  @Override
  public RecordIterator open(RecordInput input) throws IOException {
    ByteLines lines = new ByteLines(input.stream(), input.start(), input.maxRecordBytes());
    if (input.start() > 0) {
      lines.skipLine();
    }
    return new RecordIterator() {
      private long lineNumber = input.firstRecordNumber() - 1;
      private ByteLines.Line pending; // a <doc> line read while finishing the previous block
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

      private ByteLines.Line nextLine() throws IOException {
        if (pending != null) {
          ByteLines.Line l = pending;
          pending = null;
          return l;
        }
        ByteLines.Line l = lines.next();
        if (l != null) {
          lineNumber++;
        }
        return l;
      }

      private SourceRecord advance() throws IOException {
        // find the next <doc> line that starts in this range
        long docLine;
        while (true) {
          ByteLines.Line l = nextLine();
          if (l == null || l.start() > input.end()) {
            done = true;
            return null;
          }
          if (!l.tooLong() && isLine(l.bytes(), "<doc>")) {
            docLine = lineNumber;
            break;
          }
        }
        String path = input.recordPath(docLine);
        String key = input.recordKey(docLine);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        boolean tooLarge = false;
        while (true) {
          ByteLines.Line l = lines.next();
          if (l == null) {
            done = true;
            return SourceRecord.failed(path, key, NAME, block.size(), RejectReason.BAD_RECORD,
                "the <doc> of line " + docLine + " is not closed before the end of the file");
          }
          lineNumber++;
          if (!l.tooLong() && isLine(l.bytes(), "<doc>")) {
            pending = l; // already counted: nextLine() hands it back without counting it again
            return SourceRecord.failed(path, key, NAME, block.size(), RejectReason.BAD_RECORD,
                "the <doc> of line " + docLine + " is not closed before the next <doc> (line " + lineNumber + ")");
          }
          if (!l.tooLong() && isLine(l.bytes(), "</doc>")) {
            break;
          }
          if (l.tooLong() || block.size() + l.length() > input.maxRecordBytes()) {
            tooLarge = true;
          } else {
            block.write(l.bytes());
            block.write('\n');
          }
        }
        if (tooLarge) {
          return SourceRecord.failed(path, key, NAME, block.size(), RejectReason.TOO_LARGE, String.format(Locale.ROOT,
              "the <doc> of line %d is over the limit of %,d bytes (--max-file-bytes)", docLine, input.maxRecordBytes()));
        }
        byte[] bytes = block.toByteArray();
        String text;
        try {
          text = TextDecoder.decode(bytes.length == 0 ? new byte[] {' '} : bytes);
        } catch (RejectException e) {
          return SourceRecord.failed(path, key, NAME, bytes.length, e.reason(), "the <doc> of line " + docLine + ": " + e.getMessage());
        }
        return SourceRecord.of(path, key, NAME, bytes.length, new Content.Fields(fields(text)), RecordMeta.NONE);
      }
    };
  }

  static Map<String, Object> fields(String block) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Matcher m = ELEMENT.matcher(block);
    while (m.find()) {
      fields.putIfAbsent(m.group(1), unescape(m.group(2).strip()));
    }
    return fields;
  }

  private static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
  }
}
