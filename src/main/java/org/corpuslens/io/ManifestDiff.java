package org.corpuslens.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/**
 * How one input path compares with the manifest of the previous run: plain Java, one path at a
 * time, so that the comparison of a million paths runs in Spark tasks (see {@link InputManifest}).
 *
 * <p>A file whose size and modification time equal the manifest's is unchanged without being
 * read. Otherwise, when hashing is asked for (runs with {@code --incremental}), its bytes are
 * hashed: the same size and the same hash as recorded make it unchanged (only touched; the
 * manifest takes the new modification time), anything else changed. Without hashing (a plain
 * full run, which reads every file anyway) entries carry no hash, and a later difference in size or
 * time makes the file changed. A path of the
 * manifest that is no longer listed is deleted. A path rejected while listing (too large, not a
 * regular file, unreadable) is never read: its reject row is made again by every run.
 */
public final class ManifestDiff {
  private ManifestDiff() {}

  /** {@link Entry#kind()} of a file that is read. */
  public static final String FILE = "file";

  /** {@link Entry#kind()} of a path rejected while listing. */
  public static final String LISTED_REJECT = "listed_reject";

  /** What became of a path since the previous run. */
  public enum Status {
    NEW, CHANGED, UNCHANGED, DELETED;

    /** The lower-case name used in the manifest table and the run summary. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One path of a manifest.
   *
   * @param path the Hadoop URI string, as {@link InputFile#path()} and {@code source_path}
   * @param kind {@link #FILE} or {@link #LISTED_REJECT}
   * @param size bytes
   * @param modified modification time, milliseconds since the epoch (0 for listed rejects)
   * @param hash CRC-32C of the file's bytes (null for listed rejects, unreadable files and runs
   *     without hashing)
   */
  public record Entry(String path, String kind, long size, long modified, Long hash) implements Serializable {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(kind, "kind");
    }

    boolean isFile() {
      return FILE.equals(kind);
    }
  }

  /** A path's status and the entry the next manifest keeps for it. */
  public record Outcome(Status status, Entry entry) implements Serializable {}

  /** What is known of a listed path now, read lazily: its size, modification time and hash. */
  public interface Current {
    String path();

    /** {@link #FILE} or {@link #LISTED_REJECT}. */
    String kind();

    long size() throws IOException;

    long modified() throws IOException;

    long hash() throws IOException;
  }

  /**
   * Compares a path with the previous manifest.
   *
   * @param previous the manifest's entry, or null when the path is not in it
   * @param current the path as listed now, or null when it is no longer listed
   */
  public static Outcome compare(Entry previous, Current current) throws IOException {
    return compare(previous, current, true);
  }

  /**
   * Compares a path with the previous manifest, hashing new files and files whose size or time
   * differ only if {@code hash}.
   */
  public static Outcome compare(Entry previous, Current current, boolean hash) throws IOException {
    if (current == null) {
      if (previous == null) {
        throw new IllegalArgumentException("a path must be listed now or in the previous manifest");
      }
      return new Outcome(Status.DELETED, previous);
    }
    if (!FILE.equals(current.kind())) {
      Entry entry = new Entry(current.path(), LISTED_REJECT, current.size(), 0L, null);
      Status status = previous == null ? Status.NEW
          : !previous.isFile() && previous.size() == entry.size() ? Status.UNCHANGED : Status.CHANGED;
      return new Outcome(status, entry);
    }
    long size = current.size();
    long modified = current.modified();
    // an unreadable file is recorded with time 0, so it never matches here and is read again
    if (previous != null && previous.isFile() && previous.size() == size && previous.modified() == modified
        && modified != 0L) {
      return new Outcome(Status.UNCHANGED, previous);
    }
    Long crc = hash ? current.hash() : null;
    Entry entry = new Entry(current.path(), FILE, size, modified, crc);
    if (previous == null) {
      return new Outcome(Status.NEW, entry);
    }
    boolean same = crc != null && previous.isFile() && previous.size() == size && previous.hash() != null
        && previous.hash().longValue() == crc.longValue();
    return new Outcome(same ? Status.UNCHANGED : Status.CHANGED, entry);
  }

  /**
   * The manifest path a table row belongs to: {@code source_path} without a record suffix ({@code
   * FILE#N}) and without an archive entry ({@code ARCHIVE!/ENTRY}).
   */
  public static String ownerOf(String sourcePath) {
    String p = sourcePath;
    int entry = p.indexOf("!/");
    if (entry >= 0) {
      return p.substring(0, entry);
    }
    int hash = p.lastIndexOf('#');
    if (hash > 0 && hash < p.length() - 1 && p.substring(hash + 1).chars().allMatch(Character::isDigit)) {
      return p.substring(0, hash);
    }
    return p;
  }
}
