package org.corpuslens.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.corpuslens.pipeline.FileOutcome;

/**
 * The listing of a run as the manifest comparison reads it: chunk files in a work folder
 * ({@link ChunkFiles}), so that a task carries the name of its chunk instead of its paths. Per
 * listed path: its path and kind (modified UTF-8), size and modification time (longs). The listed
 * files come first, in listing order, then the paths rejected while listing (kind {@link
 * ManifestDiff#LISTED_REJECT}, time unknown).
 */
final class ListingChunks {
  /** One listed path: what the comparison needs of it. */
  record Listed(String path, String kind, long size, long modified) {}

  private ListingChunks() {}

  /** Writes the listing in chunks of at most {@code rowsPerChunk} rows (an empty listing: one empty chunk); returns their paths in order. */
  static List<String> write(InputListing listing, int rowsPerChunk, String dir, Configuration conf) throws IOException {
    if (rowsPerChunk < 1) {
      throw new IllegalArgumentException("rows per chunk must be at least 1, got " + rowsPerChunk);
    }
    List<Listed> all = new ArrayList<>(listing.files().size() + listing.rejects().size());
    for (InputFile f : listing.files()) {
      all.add(new Listed(f.path(), ManifestDiff.FILE, f.size(), f.modified()));
    }
    for (FileOutcome.Reject r : listing.rejects()) {
      all.add(new Listed(r.sourcePath(), ManifestDiff.LISTED_REJECT, r.sizeBytes(), InputFile.UNKNOWN));
    }
    List<List<Listed>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size() || chunks.isEmpty(); from += rowsPerChunk) {
      chunks.add(all.subList(Math.min(from, all.size()), Math.min(from + rowsPerChunk, all.size())));
    }
    return ChunkFiles.write(chunks, dir, "listed", conf, (out, l) -> {
      out.writeUTF(l.path());
      out.writeUTF(l.kind());
      out.writeLong(l.size());
      out.writeLong(l.modified());
    });
  }

  /** Reads a chunk lazily; closes the file after its last row. */
  static Iterator<Listed> read(String chunkFile, Configuration conf) {
    return ChunkFiles.read(chunkFile, conf, "listing chunk",
        in -> new Listed(in.readUTF(), in.readUTF(), in.readLong(), in.readLong()));
  }
}
