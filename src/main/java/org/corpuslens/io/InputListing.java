package org.corpuslens.io;

import java.util.List;
import java.util.Map;
import org.corpuslens.pipeline.FileOutcome;

/**
 * The result of listing the inputs: the files to read, the paths that matched the pattern but are
 * rejected without reading (too large, not a regular file, unreadable directory entries), and how
 * many files were left out for their name, per extension ({@code .json} → 2).
 */
public record InputListing(List<InputFile> files, List<FileOutcome.Reject> rejects, Map<String, Long> skippedByExtension) {
  public InputListing {
    files = List.copyOf(files);
    rejects = List.copyOf(rejects);
    skippedByExtension = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(skippedByExtension));
  }

  public InputListing(List<InputFile> files, List<FileOutcome.Reject> rejects) {
    this(files, rejects, Map.of());
  }

  /** Everything the run must account for: files to read plus rejects found while listing. */
  public long inputCount() {
    return (long) files.size() + rejects.size();
  }

  public long totalBytes() {
    return files.stream().mapToLong(InputFile::size).sum();
  }
}
