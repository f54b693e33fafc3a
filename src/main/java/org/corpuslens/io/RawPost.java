package org.corpuslens.io;

import java.io.Serializable;
import java.util.Objects;
import org.corpuslens.pipeline.FileOutcome;
import org.corpuslens.pipeline.PageSource;

/**
 * The bytes of one post as read from a file or an archive entry, or why they could not be read.
 *
 * @param path the {@code source_path}: a file URI, or {@code ARCHIVE!/ENTRY} for an archive entry
 * @param idKey the stable key of the article id
 * @param bytes the content, or {@code null} when {@code readFailure} is set
 * @param readFailure a reject (unreadable, too large, corrupt archive), or {@code null}
 * @param page for a full web page (a WARC record), where it came from; {@code null} for a post
 * @param skippedKind for a WARC record that is neither an article nor a reject (a request,
 *     revisit, non-HTML response ...), its kind, counted in the run summary; else {@code null}
 */
public record RawPost(
    String path, String idKey, byte[] bytes, FileOutcome.Reject readFailure, PageSource page, String skippedKind)
    implements Serializable {
  public RawPost {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(idKey, "idKey");
    int set = (bytes == null ? 0 : 1) + (readFailure == null ? 0 : 1) + (skippedKind == null ? 0 : 1);
    if (set != 1) {
      throw new IllegalArgumentException("exactly one of bytes, readFailure and skippedKind must be set");
    }
  }

  /** A post (or a file whose kind is decided from its content). */
  public RawPost(String path, String idKey, byte[] bytes, FileOutcome.Reject readFailure) {
    this(path, idKey, bytes, readFailure, null, null);
  }

  /** A full web page read from a WARC record. */
  static RawPost page(String path, String idKey, byte[] bytes, PageSource page) {
    return new RawPost(path, idKey, bytes, null, Objects.requireNonNull(page, "page"), null);
  }

  /** A WARC record that is counted, not processed. */
  static RawPost skipped(String path, String kind) {
    return new RawPost(path, path, null, null, null, Objects.requireNonNull(kind, "kind"));
  }

  static RawPost failed(String path, FileOutcome.Reject reject) {
    return new RawPost(path, path, null, reject);
  }
}
