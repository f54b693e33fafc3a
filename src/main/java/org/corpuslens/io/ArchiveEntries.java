package org.corpuslens.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams the entries of an archive ({@code .tar.gz}, {@code .tgz}, {@code .tar}, {@code .zip})
 * one by one, never unpacking to disk. Only regular entries whose file name matches the input
 * patterns are returned; each is then read like a file by its record format, with {@code
 * source_path = ARCHIVE!/ENTRY}. A truncated or corrupt archive shows as an {@code IOException}
 * from {@link #nextEntry()} or from an entry's stream.
 */
public final class ArchiveEntries implements AutoCloseable {
  private static final String[] SUFFIXES = {".tar.gz", ".tgz", ".tar", ".zip"};

  /**
   * One archive entry; its {@code stream} is valid until the next call of {@link #nextEntry()}
   * and must not be closed (closing it is a no-op).
   *
   * @param name the entry's name inside the archive
   * @param path {@code ARCHIVE!/NAME}, the entry's source path
   * @param key the archive's key + {@code !/NAME}, the entry's id key
   * @param size the entry's size as the archive declares it, or -1
   */
  public record Entry(String name, String path, String key, long size, InputStream stream) {
    /** The entry's file name (last path segment). */
    public String fileName() {
      return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The name of the folder holding the entry, or {@code ""}. */
    public String folderName() {
      int slash = name.lastIndexOf('/');
      return slash <= 0 ? "" : name.substring(name.lastIndexOf('/', slash - 1) + 1, slash);
    }
  }

  private final String archivePath;
  private final String archiveKey;
  private final Predicate<String> matches;
  private final InputStream raw;
  private final TarArchiveInputStream tar;
  private final ZipInputStream zip;
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
   * @param matches which entry file names are inputs
   */
  public ArchiveEntries(InputStream in, String archivePath, String archiveKey, Predicate<String> matches) throws IOException {
    this.archivePath = archivePath;
    this.archiveKey = archiveKey;
    this.matches = matches;
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

  /** How many matching entries were returned so far. */
  public int entriesRead() {
    return entries;
  }

  /** The next matching regular entry, or {@code null} at the end of the archive. */
  public Entry nextEntry() throws IOException {
    while (true) {
      String name;
      long size;
      InputStream content;
      if (tar != null) {
        TarArchiveEntry e = tar.getNextEntry();
        if (e == null) {
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
      return new Entry(name, archivePath + "!/" + name, archiveKey + "!/" + name, size, new FilterInputStream(content) {
        @Override
        public void close() {
          // the archive stream stays open for the next entry
        }
      });
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
