package org.corpuslens.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Helpers for the paths users type: local paths are checked before Spark starts. */
final class Paths {
  private Paths() {}

  /** A plain path or a {@code file:} URI. */
  static boolean isLocal(String path) {
    int colon = path.indexOf(':');
    int slash = path.indexOf('/');
    return colon < 0 || (slash >= 0 && colon > slash) || path.startsWith("file:");
  }

  static Path local(String path) {
    return path.startsWith("file:") ? Path.of(URI.create(path.replace(" ", "%20"))) : Path.of(path);
  }

  /** Reads a small text file, local or on any Hadoop file system, strictly as UTF-8. */
  static String readUtf8(String path) throws IOException {
    if (isLocal(path)) {
      return Files.readString(local(path), StandardCharsets.UTF_8);
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try (InputStream in = p.getFileSystem(org.corpuslens.io.SparkSessions.hadoopConfiguration()).open(p)) {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(in.readAllBytes()))
          .toString();
    }
  }

  /** True when a local output exists and has entries. */
  static boolean isNonEmptyLocalDir(String path) {
    if (!isLocal(path)) {
      return false;
    }
    Path p = local(path);
    if (!Files.exists(p)) {
      return false;
    }
    if (!Files.isDirectory(p)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(p)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + p, e);
    }
  }
}
