package org.corpuslens.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.corpuslens.pipeline.FileOutcome;

/**
 * The listing of a run as the manifest comparison reads it: chunk files in a work folder, so that
 * a task carries the name of its chunk instead of its paths (as {@link BinFiles} does for the
 * reader). Each file: an int count, then per listed path its path and kind (modified UTF-8), size
 * and modification time (longs). The listed files come first, in listing order, then the paths
 * rejected while listing (kind {@link ManifestDiff#LISTED_REJECT}, time unknown).
 */
final class ListingChunks {
  /** One listed path: what the comparison needs of it. */
  record Listed(String path, String kind, long size, long modified) {}

  private ListingChunks() {}

  /** Writes the listing in chunks of at most {@code rowsPerChunk} rows; returns their paths in order. */
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
    Path root = new Path(dir);
    FileSystem fs = root.getFileSystem(conf);
    fs.mkdirs(root);
    List<String> names = new ArrayList<>();
    for (int from = 0, i = 0; from < all.size() || i == 0; from += rowsPerChunk, i++) {
      List<Listed> chunk = all.subList(Math.min(from, all.size()), Math.min(from + rowsPerChunk, all.size()));
      Path file = new Path(root, String.format(Locale.ROOT, "listed-%05d", i));
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fs.create(file, true), 1 << 16))) {
        out.writeInt(chunk.size());
        for (Listed l : chunk) {
          out.writeUTF(l.path());
          out.writeUTF(l.kind());
          out.writeLong(l.size());
          out.writeLong(l.modified());
        }
      }
      names.add(fs.makeQualified(file).toString());
    }
    return names;
  }

  /** Reads a chunk lazily; closes the file after its last row. */
  static Iterator<Listed> read(String chunkFile, Configuration conf) {
    Path path = new Path(chunkFile);
    DataInputStream in;
    int count;
    try {
      in = new DataInputStream(new BufferedInputStream(path.getFileSystem(conf).open(path), 1 << 16));
      count = in.readInt();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the listing chunk " + chunkFile + " (written by the driver beside the output)", e);
    }
    return new Iterator<>() {
      private int left = count;

      @Override
      public boolean hasNext() {
        if (left == 0) {
          close();
        }
        return left > 0;
      }

      @Override
      public Listed next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          Listed l = new Listed(in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
          left--;
          return l;
        } catch (IOException e) {
          close();
          throw new UncheckedIOException("cannot read the listing chunk " + chunkFile, e);
        }
      }

      private void close() {
        try {
          in.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot close the listing chunk " + chunkFile, e);
        }
      }
    };
  }
}
