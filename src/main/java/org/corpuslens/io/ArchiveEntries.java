package org.corpuslens.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.pipeline.FileOutcome;

/**
 * Streams the posts inside an archive ({@code .tar.gz}, {@code .tgz}, {@code .tar}, {@code .zip})
 * entry by entry, never unpacking to disk. Each regular entry whose name matches the post patterns
 * becomes one {@link RawPost} with {@code source_path = ARCHIVE!/ENTRY}; an entry over the size
 * limit becomes a {@code TOO_LARGE} reject without being read; a truncated or corrupt archive ends
 * with one reject for the archive itself, after the entries read so far.
 */
public final class ArchiveEntries implements Iterator<RawPost>, AutoCloseable {
  private static final String[] SUFFIXES = {".tar.gz", ".tgz", ".tar", ".zip"};

  private final String archivePath;
  private final String archiveKey;
  private final Predicate<String> matches;
  private final long maxEntryBytes;
  private final InputStream raw;
  private final TarArchiveInputStream tar;
  private final ZipInputStream zip;
  private RawPost next;
  private boolean done;
  private int entries;

  /** True when {@code fileName} names an archive CorpusLens reads. */
  public static boolean isArchive(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String s : SUFFIXES) {
      if (lower.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param in the archive's bytes (closed by {@link #close})
   * @param archivePath the archive's path (prefix of every entry's source path)
   * @param archiveKey the archive's stable key (prefix of every entry's id key)
   * @param matches which entry file names are posts
   */
  public ArchiveEntries(InputStream in, String archivePath, String archiveKey, Predicate<String> matches, long maxEntryBytes)
      throws IOException {
    this.archivePath = archivePath;
    this.archiveKey = archiveKey;
    this.matches = matches;
    this.maxEntryBytes = maxEntryBytes;
    this.raw = new BufferedInputStream(in, 1 << 16);
    String lower = archivePath.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".zip")) {
      zip = new ZipInputStream(raw);
      tar = null;
    } else {
      InputStream body = lower.endsWith(".tar") ? raw : new GZIPInputStream(raw, 1 << 16);
      tar = new TarArchiveInputStream(body);
      zip = null;
    }
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
    try {
      while (true) {
        String name;
        long size;
        InputStream content;
        if (tar != null) {
          TarArchiveEntry e = tar.getNextEntry();
          if (e == null) {
            done = true;
            return null;
          }
          if (!e.isFile()) {
            continue;
          }
          name = e.getName();
          size = e.getSize();
          content = tar;
        } else {
          ZipEntry e = zip.getNextEntry();
          if (e == null) {
            done = true;
            return null;
          }
          if (e.isDirectory()) {
            continue;
          }
          name = e.getName();
          size = e.getSize();
          content = zip;
        }
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        if (!matches.test(fileName)) {
          continue;
        }
        entries++;
        String path = archivePath + "!/" + name;
        String key = archiveKey + "!/" + name;
        if (size > maxEntryBytes) {
          return RawPost.failed(path, new FileOutcome.Reject(path, RejectReason.TOO_LARGE,
              "archive entry has " + size + " bytes, over the limit of " + maxEntryBytes + " bytes (--max-file-bytes)", size, null));
        }
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxEntryBytes + 1));
        if (bytes.length > maxEntryBytes) {
          return RawPost.failed(path, new FileOutcome.Reject(path, RejectReason.TOO_LARGE,
              "archive entry is over the limit of " + maxEntryBytes + " bytes (--max-file-bytes)", bytes.length, null));
        }
        return new RawPost(path, key, bytes, null);
      }
    } catch (IOException | RuntimeException e) {
      done = true;
      return RawPost.failed(archivePath, new FileOutcome.Reject(archivePath, RejectReason.UNREADABLE,
          "archive is truncated or corrupt after " + entries + " entries: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 0, null));
    }
  }

  @Override
  public void close() {
    try {
      raw.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + archivePath, e);
    }
  }
}
