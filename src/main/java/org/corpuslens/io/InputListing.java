package org.corpuslens.io;

import java.util.List;
import org.corpuslens.pipeline.FileOutcome;

/**
 * The result of listing the inputs: the files to read, and the paths that matched the pattern but
 * are rejected without reading (too large, not a regular file, unreadable directory entries).
 */
public record InputListing(List<InputFile> files, List<FileOutcome.Reject> rejects) {
  public InputListing {
    files = List.copyOf(files);
    rejects = List.copyOf(rejects);
  }

  /** Everything the run must account for: files to read plus rejects found while listing. */
  public long inputCount() {
    return (long) files.size() + rejects.size();
  }

  public long totalBytes() {
    return files.stream().mapToLong(InputFile::size).sum();
  }
}
