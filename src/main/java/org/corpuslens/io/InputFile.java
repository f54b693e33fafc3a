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
 */
public record InputFile(String path, String relativePath, long size, boolean archive) implements Serializable {
  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(relativePath, "relativePath");
  }

  /** A plain post file. */
  public InputFile(String path, String relativePath, long size) {
    this(path, relativePath, size, false);
  }
}
