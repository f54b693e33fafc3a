package org.corpuslens.io;

import java.io.Serializable;
import java.util.Objects;

/**
 * A file found under an input root.
 *
 * @param path the file's full path as a Hadoop URI string ({@code file:/...}, {@code hdfs://...})
 * @param relativePath the path relative to the input root, prefixed with the root's own name: the
 *     stable key of the article id
 * @param size the file's length in bytes at listing time
 * @param archive whether the file is an archive of posts, read entry by entry
 * @param modified the file's modification time at listing time, milliseconds since the epoch, or
 *     {@link #UNKNOWN} (then the input manifest asks the file system)
 */
public record InputFile(String path, String relativePath, long size, boolean archive, long modified)
    implements Serializable {
  /** {@link #modified} of a file listed without its time. */
  public static final long UNKNOWN = -1;

  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(relativePath, "relativePath");
  }

  /** A file listed without its modification time. */
  public InputFile(String path, String relativePath, long size, boolean archive) {
    this(path, relativePath, size, archive, UNKNOWN);
  }

  /** A plain post file. */
  public InputFile(String path, String relativePath, long size) {
    this(path, relativePath, size, false);
  }
}
