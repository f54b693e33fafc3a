package org.corpuslens.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.format.RecordFormat;
import org.corpuslens.ingest.format.RecordFormats;
import org.corpuslens.ingest.format.RecordInput;
import org.corpuslens.ingest.format.RecordIterator;
import org.corpuslens.ingest.format.SourceRecord;

/**
 * Executor side of the reading: opens one listed file (or each entry of an archive), picks its
 * record format from the first bytes and the name (or {@code --format}), and returns its records
 * lazily. Guarantees the run's accounting: every file and archive entry gives at least one record
 * or failure, exactly one of them marked {@link SourceRecord#accountsForFile()}; a file that cannot
 * be opened or breaks off while being read gives a failure instead of an exception.
 */
final class FileRecords {
  /** Format name of the records of files that no format could read. */
  static final String NO_FORMAT = "none";

  private FileRecords() {}

  /** The records of a listed file or archive. */
  static Iterator<SourceRecord> of(InputFile file, OpenFile opener, ReadSettings settings) {
    if (file.archive()) {
      return archive(file, opener, settings);
    }
    InputStream in;
    try {
      in = opener.open(file.path());
    } catch (IOException e) {
      return List.of(unreadable(file.path(), file.relativePath(), file.size(), "cannot be read", e).accountingForFile()).iterator();
    }
    String name = fileName(file.path());
    RecordInput whole = RecordInput.whole(
        file.path(), file.relativePath(), name, folderName(file.path()), file.size(), in, settings.maxFileBytes(),
        settings.formatOptions());
    return records(whole, settings.forcedFormat(), in);
  }

  /** The records of a byte range of a big splittable file, with the format chosen on the driver. */
  static Iterator<SourceRecord> split(InputSplit split, OpenFile unused, Configuration conf, ReadSettings settings) {
    InputFile file = split.file();
    InputStream in;
    try {
      in = InputReader.openAt(file.path(), conf, split.start());
    } catch (IOException e) {
      SourceRecord r = unreadable(file.path(), file.relativePath(), file.size(), "cannot be read", e);
      return List.of(split.start() == 0 ? r.accountingForFile() : r).iterator();
    }
    RecordInput input = new RecordInput(file.path(), file.relativePath(), fileName(file.path()), folderName(file.path()), file.size(),
        in, split.start(), split.end(), split.firstRecordNumber(), settings.maxFileBytes(), settings.formatOptions());
    return records(input, RecordFormats.byName(split.format()).orElseThrow(), in);
  }

  /**
   * The records of one opened input (a file, a range of a file, an archive entry). Closes {@code
   * toClose} (may be null) after the last record.
   */
  static Iterator<SourceRecord> records(RecordInput input, RecordFormat forced, InputStream toClose) {
    BufferedInputStream in = new BufferedInputStream(input.stream(), 1 << 16);
    RecordIterator records;
    String formatName = forced == null ? NO_FORMAT : forced.name();
    try {
      in.mark(RecordFormats.HEAD_BYTES + 1);
      byte[] head = in.readNBytes(RecordFormats.HEAD_BYTES);
      in.reset();
      Optional<RecordFormat> format = RecordFormats.choose(input.fileName(), head, forced);
      if (format.isEmpty()) {
        close(toClose);
        return List.of(SourceRecord.failed(input.path(), input.idKey(), NO_FORMAT, input.size(), RejectReason.UNKNOWN_FORMAT,
            "no record format recognises this file by its content or name (formats: " + RecordFormats.names()
                + "); choose one with --format").accountingForFile()).iterator();
      }
      formatName = format.get().name();
      records = format.get().open(input.withStream(in));
    } catch (IOException | RuntimeException e) {
      FileRecords.close(toClose);
      return List.of(unreadable(input.path(), input.idKey(), input.size(), "cannot be read", e).accountingForFile()).iterator();
    }
    return new Accounted(input, formatName, records, toClose);
  }

  /** Wraps a format's records: marks the first, turns a read error into a last failure, closes at the end. */
  private static final class Accounted implements Iterator<SourceRecord>, AutoCloseable {
    private final RecordInput input;
    private final String format;
    private final RecordIterator records;
    private final InputStream toClose;
    private SourceRecord next;
    private boolean done;
    private long count;

    Accounted(RecordInput input, String format, RecordIterator records, InputStream toClose) {
      this.input = input;
      this.format = format;
      this.records = records;
      this.toClose = toClose;
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
      SourceRecord r;
      try {
        if (records.hasNext()) {
          r = records.next();
        } else {
          finish();
          if (count > 0 || input.start() > 0) {
            return null; // a later byte range of a file that had records in an earlier one is not accounted here
          }
          r = SourceRecord.failed(input.path(), input.idKey(), format, input.size(), RejectReason.NO_RECORDS,
              "the file holds no record (read as " + format + ")");
        }
      } catch (RuntimeException e) {
        finish();
        r = e instanceof UncheckedIOException
            ? unreadable(input.path(), input.idKey(), input.size(), "reading broke off after " + count + " records", e)
            : SourceRecord.failed(input.path(), input.idKey(), format, Math.max(0, input.size()), RejectReason.PROCESSING_ERROR,
                "the " + format + " reader failed after " + count + " records: " + e.getClass().getName() + ": " + e.getMessage());
        if (count > 0) {
          return r;
        }
      }
      count++;
      return count == 1 && input.start() == 0 ? r.accountingForFile() : r;
    }

    /** Stops early: closes the format and the file. */
    @Override
    public void close() {
      if (!done) {
        finish();
      }
    }

    private void finish() {
      done = true;
      records.close();
      FileRecords.close(toClose);
    }
  }

  /** The records of every matching entry of an archive; a corrupt archive ends with one failure for it. */
  private static Iterator<SourceRecord> archive(InputFile file, OpenFile opener, ReadSettings settings) {
    ArchiveEntries entries;
    try {
      entries = new ArchiveEntries(opener.open(file.path()), file.path(), file.relativePath(), InputReader.pattern(settings.patterns()));
    } catch (IOException e) {
      return List.of(unreadable(file.path(), file.path(), file.size(), "not a readable archive", e).accountingForFile()).iterator();
    }
    RecordFormat forced = settings.forcedFormat();
    return new Iterator<>() {
      private Iterator<SourceRecord> current = Collections.emptyIterator();
      private boolean done;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && !done) {
          try {
            ArchiveEntries.Entry e = entries.nextEntry();
            if (e == null) {
              done = true;
              entries.close();
            } else {
              current = records(
                  RecordInput.whole(e.path(), e.key(), e.fileName(), e.folderName(), e.size(), e.stream(), settings.maxFileBytes(),
                      settings.formatOptions()),
                  forced, null);
            }
          } catch (IOException | RuntimeException ex) {
            done = true;
            entries.close();
            current = List.of(SourceRecord.failed(file.path(), file.path(), NO_FORMAT, 0, RejectReason.UNREADABLE,
                "archive is truncated or corrupt after " + entries.entriesRead() + " entries: " + ex.getClass().getSimpleName()
                    + ": " + ex.getMessage())).iterator();
          }
        }
        return current.hasNext();
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private static SourceRecord unreadable(String path, String key, long size, String what, Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    return SourceRecord.failed(path, key, NO_FORMAT, Math.max(0, size), RejectReason.UNREADABLE,
        what + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  private static void close(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close an input", e);
      }
    }
  }

  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String folderName(String path) {
    int slash = path.lastIndexOf('/');
    if (slash <= 0) {
      return "";
    }
    int before = path.lastIndexOf('/', slash - 1);
    String folder = path.substring(before + 1, slash);
    return folder.contains(":") ? "" : folder;
  }

  /** Opens a listed path (local files with {@code java.nio}, others through Hadoop). */
  @FunctionalInterface
  interface OpenFile {
    InputStream open(String path) throws IOException;
  }
}
