package org.corpuslens.io;

import java.io.Serializable;
import java.util.Objects;
import org.corpuslens.pipeline.FileOutcome;

/**
 * The bytes of one post as read from a file or an archive entry, or why they could not be read.
 *
 * @param path the {@code source_path}: a file URI, or {@code ARCHIVE!/ENTRY} for an archive entry
 * @param idKey the stable key of the article id
 * @param bytes the content, or {@code null} when {@code readFailure} is set
 * @param readFailure a reject (unreadable, too large, corrupt archive), or {@code null}
 */
public record RawPost(String path, String idKey, byte[] bytes, FileOutcome.Reject readFailure)
    implements Serializable {
  public RawPost {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(idKey, "idKey");
    if ((bytes == null) == (readFailure == null)) {
      throw new IllegalArgumentException("exactly one of bytes and readFailure must be set");
    }
  }

  static RawPost failed(String path, FileOutcome.Reject reject) {
    return new RawPost(path, path, null, reject);
  }
}
