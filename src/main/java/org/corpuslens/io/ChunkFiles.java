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

/**
 * Lists the driver hands to its tasks as small binary files in a work folder beside the output, so
 * that a task carries a file name instead of thousands of entries ({@link BinFiles}: the reader's
 * packed bins; {@link ListingChunks}: the listing the input manifest compares). Each file: an int
 * count, then the entries in the format's own encoding.
 */
final class ChunkFiles {
  /** Writes one entry. */
  interface Encoder<T> {
    void write(DataOutputStream out, T entry) throws IOException;
  }

  /** Reads one entry. */
  interface Decoder<T> {
    T read(DataInputStream in) throws IOException;
  }

  private ChunkFiles() {}

  /** Writes {@code prefix-00000}, {@code prefix-00001}, ... under {@code dir}, one per list; returns their paths in order. */
  static <T> List<String> write(List<? extends List<T>> lists, String dir, String prefix, Configuration conf, Encoder<T> encoder)
      throws IOException {
    Path root = new Path(dir);
    FileSystem fs = root.getFileSystem(conf);
    fs.mkdirs(root);
    List<String> names = new ArrayList<>(lists.size());
    for (int i = 0; i < lists.size(); i++) {
      Path file = new Path(root, String.format(Locale.ROOT, "%s-%05d", prefix, i));
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fs.create(file, true), 1 << 16))) {
        List<T> list = lists.get(i);
        out.writeInt(list.size());
        for (T entry : list) {
          encoder.write(out, entry);
        }
      }
      names.add(fs.makeQualified(file).toString());
    }
    return names;
  }

  /** Reads a file lazily, one entry at a time; closes it after the last one. {@code what} names the list in errors. */
  static <T> Iterator<T> read(String chunkFile, Configuration conf, String what, Decoder<T> decoder) {
    Path path = new Path(chunkFile);
    DataInputStream in;
    int count;
    try {
      in = new DataInputStream(new BufferedInputStream(path.getFileSystem(conf).open(path), 1 << 16));
      count = in.readInt();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + what + " " + chunkFile + " (written by the driver beside the output)", e);
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
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          T entry = decoder.read(in);
          left--;
          return entry;
        } catch (IOException e) {
          close();
          throw new UncheckedIOException("cannot read the " + what + " " + chunkFile, e);
        }
      }

      private void close() {
        try {
          in.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot close the " + what + " " + chunkFile, e);
        }
      }
    };
  }
}
