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
 * The packed file lists of a run, one small binary file per bin in a work folder beside the
 * output. A task then carries the name of its bin instead of its thousands of paths: with the
 * lists inside the tasks, a 1 GB driver ran out of memory serialising the tasks of 1,000,000
 * files. Each file: an int count, then per input file its size (long), archive flag (boolean),
 * relative path and path (modified UTF-8, so any character a file name may hold survives).
 */
final class BinFiles {
  private BinFiles() {}

  /** Writes one file per bin under {@code dir} and returns their paths, in bin order. */
  static List<String> write(List<List<InputFile>> bins, String dir, Configuration conf) throws IOException {
    Path root = new Path(dir);
    FileSystem fs = root.getFileSystem(conf);
    fs.mkdirs(root);
    List<String> names = new ArrayList<>(bins.size());
    for (int i = 0; i < bins.size(); i++) {
      Path file = new Path(root, String.format(Locale.ROOT, "bin-%05d", i));
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fs.create(file, true), 1 << 16))) {
        List<InputFile> bin = bins.get(i);
        out.writeInt(bin.size());
        for (InputFile f : bin) {
          out.writeLong(f.size());
          out.writeBoolean(f.archive());
          out.writeUTF(f.relativePath());
          out.writeUTF(f.path());
        }
      }
      names.add(fs.makeQualified(file).toString());
    }
    return names;
  }

  /** Reads a bin lazily, one input file at a time; closes the file after the last one. */
  static Iterator<InputFile> read(String binFile, Configuration conf) {
    Path path = new Path(binFile);
    DataInputStream in;
    int count;
    try {
      in = new DataInputStream(new BufferedInputStream(path.getFileSystem(conf).open(path), 1 << 16));
      count = in.readInt();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the file list " + binFile + " (written by the driver beside the output)", e);
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
      public InputFile next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          long size = in.readLong();
          boolean archive = in.readBoolean();
          String relative = in.readUTF();
          String file = in.readUTF();
          left--;
          return new InputFile(file, relative, size, archive);
        } catch (IOException e) {
          close();
          throw new UncheckedIOException("cannot read the file list " + binFile, e);
        }
      }

      private void close() {
        try {
          in.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot close the file list " + binFile, e);
        }
      }
    };
  }
}
