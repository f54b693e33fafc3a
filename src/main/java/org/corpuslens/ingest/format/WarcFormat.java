package org.corpuslens.ingest.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.corpuslens.ingest.RejectReason;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * WARC files ({@code .warc}, {@code .warc.gz}; WARC 1.0 and 1.1, ISO 28500), read with jwarc one
 * record at a time, never more than one record's body in memory. A {@code response} record with
 * HTTP status 200 and an HTML content type, and a {@code resource} record of HTML, become a page
 * ({@link Content.DocumentKind#HTML_PAGE}) whose {@code source_path} is {@code FILE#OFFSET}: the
 * record's byte offset in the file (compressed, for gzip: where a reader seeks to fetch the record
 * again), with the target URI, the WARC-Date and the charset of the HTTP header in its {@link
 * RecordMeta}. Every other record is counted by its {@link Kind} ({@link Content.Skipped}): not an
 * article, not a reject. A body over {@code --max-file-bytes} is a {@code TOO_LARGE} reject. A
 * truncated gzip member or record ends the file with one {@code UNREADABLE} reject whose path is
 * the file's, after the records read before it.
 */
public final class WarcFormat implements RecordFormat {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "warc";

  /** Kinds of records that are counted but not processed. */
  public enum Kind {
    REQUEST("request"),
    METADATA("metadata"),
    WARCINFO("warcinfo"),
    REVISIT("revisit"),
    NON_HTML("non_html"),
    NON_200("non_200"),
    OTHER("other");

    private final String summaryName;

    Kind(String summaryName) {
      this.summaryName = summaryName;
    }

    /** The name in {@code run_summary.json}. */
    public String summaryName() {
      return summaryName;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".warc", ".warc.gz");
  }

  @Override
  public Layout layout() {
    return Layout.STREAM;
  }

  /** CONTENT for a plain WARC ({@code WARC/1.}); a gzip stream with a WARC name is NAME. */
  @Override
  public Match detect(String fileName, byte[] head) {
    String start = new String(head, 0, Math.min(head.length, 8), StandardCharsets.ISO_8859_1);
    if (start.startsWith("WARC/1.")) {
      return Match.CONTENT;
    }
    boolean gzip = head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (gzip && lower.endsWith(".warc.gz")) {
      return Match.CONTENT;
    }
    return RecordFormats.hasExtension(fileName, extensions()) ? Match.NAME : Match.NO;
  }

  @Override
  public RecordIterator open(RecordInput input) throws IOException {
    return new Records(input, new WarcReader(input.stream()));
  }

  /** The records of one WARC file. */
  private static final class Records implements RecordIterator {
    private final RecordInput input;
    private final WarcReader reader;
    private SourceRecord next;
    private boolean done;
    private long records;
    private long lastStart;

    Records(RecordInput input, WarcReader reader) {
      this.input = input;
      this.reader = reader;
    }

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

    private SourceRecord advance() {
      long recordStart = -1;
      try {
        Optional<WarcRecord> read = reader.next();
        if (read.isEmpty()) {
          done = true;
          return null;
        }
        WarcRecord record = read.get();
        recordStart = record.position();
        SourceRecord out = toRecord(record, recordStart);
        record.body().consume();
        records++;
        lastStart = recordStart;
        return out;
      } catch (IOException | RuntimeException e) {
        done = true;
        String where =
            recordStart >= 0
                ? "in the record at byte " + recordStart
                : records == 0 ? "at its start" : "after the record at byte " + lastStart;
        return SourceRecord.failed(input.path(), input.idKey(), NAME, 0, RejectReason.UNREADABLE,
            "WARC file truncated or corrupt " + where + ", after " + records + " complete records; the rest of the file "
                + "is not read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }

    private SourceRecord toRecord(WarcRecord record, long offset) throws IOException {
      if (record instanceof WarcResponse response) {
        MediaType recordType = response.contentType();
        if (!"application".equals(recordType.type()) || !"http".equals(recordType.subtype())) {
          return skip(offset, Kind.OTHER); // a DNS or Gemini response
        }
        HttpResponse http = response.http();
        if (http.status() != 200) {
          return skip(offset, Kind.NON_200);
        }
        MediaType type = http.contentType();
        byte[] bytes = http.bodyDecoded().stream().readNBytes(limit());
        if (!isHtml(type, bytes)) {
          return skip(offset, Kind.NON_HTML);
        }
        return page(offset, response.target(), record, bytes, charset(type), 200);
      }
      if (record instanceof WarcResource resource) {
        MediaType type = resource.contentType();
        byte[] bytes = resource.body().stream().readNBytes(limit());
        if (!isHtml(type, bytes)) {
          return skip(offset, Kind.NON_HTML);
        }
        return page(offset, resource.target(), record, bytes, charset(type), null);
      }
      Kind kind =
          switch (record.type().toLowerCase(Locale.ROOT)) {
            case "request" -> Kind.REQUEST;
            case "metadata" -> Kind.METADATA;
            case "warcinfo" -> Kind.WARCINFO;
            case "revisit" -> Kind.REVISIT;
            default -> Kind.OTHER;
          };
      return skip(offset, kind);
    }

    private int limit() {
      return (int) Math.min(Integer.MAX_VALUE - 8, input.maxRecordBytes() + 1);
    }

    private SourceRecord page(long offset, String target, WarcRecord record, byte[] bytes, String charset, Integer status) {
      String path = input.recordPath(offset);
      String key = input.recordKey(offset);
      if (bytes.length > input.maxRecordBytes()) {
        return SourceRecord.failed(path, key, NAME, bytes.length, RejectReason.TOO_LARGE, String.format(Locale.ROOT,
            "the WARC record's body is over the limit of %,d bytes (--max-file-bytes)", input.maxRecordBytes()));
      }
      if (bytes.length == 0) {
        return SourceRecord.failed(path, key, NAME, 0, RejectReason.EMPTY_FILE, "the WARC record of " + target + " has an empty body");
      }
      return SourceRecord.of(path, key, NAME, bytes.length, new Content.Document(bytes, Content.DocumentKind.HTML_PAGE),
          new RecordMeta(target, record.date().toString(), charset, status));
    }

    private SourceRecord skip(long offset, Kind kind) {
      return SourceRecord.of(input.recordPath(offset), input.recordKey(offset), NAME, 0, new Content.Skipped(kind.summaryName()),
          RecordMeta.NONE);
    }
  }

  /** HTML by the declared type, or, when none is declared, by the first bytes. */
  static boolean isHtml(MediaType type, byte[] head) {
    if (type != null && type.isValid() && !type.raw().isBlank()) {
      String base = type.type() + "/" + type.subtype();
      return base.equals("text/html") || base.equals("application/xhtml+xml");
    }
    String start = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("<!doctype html") || start.startsWith("<html");
  }

  private static String charset(MediaType type) {
    if (type == null) {
      return null;
    }
    for (var e : type.parameters().entrySet()) {
      if (e.getKey().equalsIgnoreCase("charset") && !e.getValue().isBlank()) {
        return e.getValue().strip();
      }
    }
    return null;
  }
}
