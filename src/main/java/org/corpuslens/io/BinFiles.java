package org.corpuslens.io;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The packed file lists of a run, one small binary file per bin in a work folder beside the
 * output ({@link ChunkFiles}). A task then carries the name of its bin instead of its thousands of
 * paths: with the lists inside the tasks, a 1 GB driver ran out of memory serialising the tasks of
 * 1,000,000 files. Per input file: its size (long), archive flag (boolean), relative path and path
 * (modified UTF-8, so any character a file name may hold survives).
 */
final class BinFiles {
  private BinFiles() {}

  /** Writes one file per bin under {@code dir} and returns their paths, in bin order. */
  static List<String> write(List<List<InputFile>> bins, String dir, Configuration conf) throws IOException {
    return ChunkFiles.write(bins, dir, "bin", conf, (out, f) -> {
      out.writeLong(f.size());
      out.writeBoolean(f.archive());
      out.writeUTF(f.relativePath());
      out.writeUTF(f.path());
    });
  }

  /** Reads a bin lazily, one input file at a time; closes the file after the last one. */
  static Iterator<InputFile> read(String binFile, Configuration conf) {
    return ChunkFiles.read(binFile, conf, "file list", in -> {
      long size = in.readLong();
      boolean archive = in.readBoolean();
      String relative = in.readUTF();
      String file = in.readUTF();
      return new InputFile(file, relative, size, archive);
    });
  }
}
