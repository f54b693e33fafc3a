package org.corpuslens.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.pipeline.FileOutcome;
import org.corpuslens.pipeline.PageSource;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Streams the records of one WARC file ({@code .warc}, {@code .warc.gz}; WARC 1.0 and 1.1) with
 * jwarc, one record at a time. A {@code response} record with HTTP status 200 and an HTML content
 * type, and a {@code resource} record of HTML, become a page ({@link RawPost#page}) whose {@code
 * source_path} is {@code FILE#OFFSET} (the record's byte offset in the file, compressed for gzip:
 * where a reader can seek to fetch it again), with the target URI, the WARC-Date and the charset
 * of the HTTP header. Every other record is counted by its {@link Kind} ({@link
 * RawPost#skipped}). A body over the size limit is a {@code TOO_LARGE} reject. A truncated gzip
 * member or record ends the file with one {@code UNREADABLE} reject whose {@code source_path} is
 * the file itself (as for a corrupt archive) and whose detail says where reading failed, after the
 * records read before it.
 */
public final class WarcRecords implements Iterator<RawPost>, AutoCloseable {
  private static final String[] SUFFIXES = {".warc", ".warc.gz"};

  /** Kinds of records that are counted but not processed (the {@code reason} of skipped rows). */
  public enum Kind {
    REQUEST("request"),
    METADATA("metadata"),
    WARCINFO("warcinfo"),
    REVISIT("revisit"),
    NON_HTML("non_html"),
    NON_200("non_200"),
    OTHER("other");

    private final String name;

    Kind(String name) {
      this.name = name;
    }

    /** The name used in {@code run_summary.json}. */
    public String summaryName() {
      return name;
    }
  }

  private final String filePath;
  private final String fileKey;
  private final long maxBodyBytes;
  private final InputStream raw;
  private final WarcReader reader;
  private RawPost next;
  private boolean done;
  private long records;
  private long lastStart;

  /** True when {@code fileName} names a WARC file. */
  public static boolean isWarc(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String s : SUFFIXES) {
      if (lower.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param in the WARC file's bytes from offset 0 (closed by {@link #close})
   * @param filePath the file's path: {@code source_path} is {@code filePath#offset}
   * @param fileKey the file's stable key (the article id is derived from {@code fileKey#offset})
   * @param maxBodyBytes a record whose HTTP body is larger is a {@code TOO_LARGE} reject
   * @throws IOException when the file is not a WARC at all (the caller makes it a reject)
   */
  public WarcRecords(InputStream in, String filePath, String fileKey, long maxBodyBytes) throws IOException {
    this.filePath = filePath;
    this.fileKey = fileKey;
    this.maxBodyBytes = maxBodyBytes;
    this.raw = new BufferedInputStream(in, 1 << 16);
    this.reader = new WarcReader(raw);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public RawPost next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawPost r = next;
    next = null;
    return r;
  }

  private RawPost advance() {
    long recordStart = -1;
    try {
      Optional<WarcRecord> read = reader.next();
      if (read.isEmpty()) {
        done = true;
        return null;
      }
      WarcRecord record = read.get();
      recordStart = record.position();
      RawPost post = toPost(record, recordStart);
      record.body().consume();
      records++;
      lastStart = recordStart;
      return post;
    } catch (IOException | RuntimeException e) {
      done = true;
      String where =
          recordStart >= 0
              ? "in the record at byte " + recordStart
              : records == 0 ? "at its start" : "after the record at byte " + lastStart;
      return RawPost.failed(filePath, new FileOutcome.Reject(filePath, RejectReason.UNREADABLE,
          "WARC file truncated or corrupt " + where + ", after " + records
              + " complete records; the rest of the file is not read: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          0, null));
    }
  }

  private RawPost toPost(WarcRecord record, long offset) throws IOException {
    String path = filePath + "#" + offset;
    String key = fileKey + "#" + offset;
    if (record instanceof WarcResponse response) {
      MediaType recordType = response.contentType();
      if (!"application".equals(recordType.type()) || !"http".equals(recordType.subtype())) {
        return skip(record, path, Kind.OTHER); // a gemini or dns response
      }
      HttpResponse http = response.http();
      if (http.status() != 200) {
        return skip(record, path, Kind.NON_200);
      }
      MediaType type = http.contentType();
      MessageBody body = http.bodyDecoded();
      byte[] bytes = body.stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (!isHtml(type, bytes)) {
        return skip(record, path, Kind.NON_HTML);
      }
      return page(response.target(), record, path, key, bytes, charset(type));
    }
    if (record instanceof WarcResource resource) {
      MediaType type = resource.contentType();
      byte[] bytes = resource.body().stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (!isHtml(type, bytes)) {
        return skip(record, path, Kind.NON_HTML);
      }
      return page(resource.target(), record, path, key, bytes, charset(type));
    }
    Kind kind =
        switch (record.type().toLowerCase(Locale.ROOT)) {
          case "request" -> Kind.REQUEST;
          case "metadata" -> Kind.METADATA;
          case "warcinfo" -> Kind.WARCINFO;
          case "revisit" -> Kind.REVISIT;
          default -> Kind.OTHER;
        };
    return skip(record, path, kind);
  }

  private RawPost page(String target, WarcRecord record, String path, String key, byte[] bytes, String charset) {
    if (bytes.length > maxBodyBytes) {
      return RawPost.failed(path, new FileOutcome.Reject(path, RejectReason.TOO_LARGE,
          "WARC record body is over the limit of " + maxBodyBytes + " bytes (--max-file-bytes)", bytes.length, null));
    }
    if (bytes.length == 0) {
      return RawPost.failed(path, new FileOutcome.Reject(path, RejectReason.EMPTY_FILE,
          "WARC record of " + target + " has an empty body", 0, null));
    }
    return RawPost.page(path, key, bytes, new PageSource(target, record.date(), charset));
  }

  private static RawPost skip(WarcRecord record, String path, Kind kind) throws IOException {
    record.body().consume();
    return RawPost.skipped(path, kind.summaryName());
  }

  /** HTML by the declared type, or, when none is declared, by the first bytes. */
  static boolean isHtml(MediaType type, byte[] head) {
    if (type != null && type.isValid() && !type.raw().isBlank()) {
      String base = type.type() + "/" + type.subtype();
      return base.equals("text/html") || base.equals("application/xhtml+xml");
    }
    String start = new String(head, 0, Math.min(head.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
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

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + filePath, e);
    }
  }
}
