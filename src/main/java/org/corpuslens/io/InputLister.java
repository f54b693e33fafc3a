package org.corpuslens.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobPattern;
import org.apache.hadoop.fs.Path;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.format.RecordFormat;
import org.corpuslens.ingest.format.RecordFormats;
import org.corpuslens.pipeline.FileOutcome;

/**
 * Lists the input files on the driver: recursively, every file whose name matches one of the
 * patterns (file names only, e.g. {@code *.md}). Unlike Spark's file sources it does not skip
 * names starting with {@code _} or {@code .} (the archive's posts live under {@code _posts}).
 *
 * <p>Archives ({@code .tar.gz}, {@code .tgz}, {@code .tar}, {@code .zip}) are listed whatever the
 * patterns; their entries are matched against the patterns when they are read.
 *
 * <p>Local paths are walked with NIO, following symbolic links with loop detection; other Hadoop
 * file systems ({@code hdfs://}, {@code s3a://}) with {@link FileSystem#listStatus}. Files larger
 * than the size limit, directories whose names match the pattern, symlink loops and unreadable
 * directories become rejects here, without being read.
 */
public final class InputLister {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InputLister.class);
  private final List<GlobPattern> patterns;
  private final long maxFileBytes;
  private final Configuration hadoopConf;
  private final RecordFormat forcedFormat;
  /** Files left out for their name, per extension, during the current {@link #list} call. */
  private final java.util.Map<String, Long> skipped = new java.util.TreeMap<>();
  /** The output of the run (a path without scheme), or null: skipped with its {@code .NAME.*} siblings. */
  private final String ownOutput;

  /**
   * @param globs file-name patterns such as {@code *.md}
   * @param maxFileBytes files larger than this are rejected as {@link RejectReason#TOO_LARGE}
   */
  public InputLister(List<String> globs, long maxFileBytes, Configuration hadoopConf) {
    this(globs, maxFileBytes, hadoopConf, null, null);
  }

  /**
   * A lister that chooses each file's format itself and skips no output folder of its own.
   */
  public InputLister(List<String> globs, long maxFileBytes, Configuration hadoopConf, String ownOutput) {
    this(globs, maxFileBytes, hadoopConf, null, ownOutput);
  }

  /**
   * A lister that skips the run's own output folder when it lies inside an input, together with
   * the hidden folders and files beside it that belong to it ({@code .NAME.staging-*}, {@code
   * .NAME.lock}). Every folder holding the tables of a CorpusLens run ({@code run_summary.json} or
   * {@code analyze_summary.json} beside a table folder) is skipped too, so no report or summary of
   * an output is ever read as a post.
   *
   * @param globs file-name patterns such as {@code *.md}
   * @param maxFileBytes one-record files larger than this are rejected as {@link
   *     RejectReason#TOO_LARGE}; files that may hold many records (JSON Lines, CSV...) are not
   *     limited as a whole (their records are)
   * @param forcedFormat the {@code --format}, or {@code null} when chosen per file
   * @param ownOutput the run's output folder (any Hadoop path), or null
   */
  public InputLister(
      List<String> globs, long maxFileBytes, Configuration hadoopConf, RecordFormat forcedFormat, String ownOutput) {
    if (globs.isEmpty()) {
      throw new IllegalArgumentException("at least one file pattern is needed");
    }
    this.patterns = globs.stream().map(GlobPattern::new).toList();
    this.maxFileBytes = maxFileBytes;
    this.hadoopConf = hadoopConf;
    this.forcedFormat = forcedFormat;
    this.ownOutput = ownOutput == null ? null : stripTrailingSlash(new Path(ownOutput).toUri().getPath());
  }

  private static String stripTrailingSlash(String p) {
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** Names of the files that mark a folder as a CorpusLens output. */
  static final List<String> OUTPUT_MARKERS = List.of("run_summary.json", "analyze_summary.json");

  /** Tables whose folder, beside a marker, makes a CorpusLens output. */
  static final List<String> OUTPUT_TABLES = List.of("articles", "rejects", "term_frequencies", "topic_trends", "source_stats");

  /** True when {@code path} (without scheme) is the run's own output, inside it, or one of its {@code .NAME.*} siblings. */
  boolean isOwnOutput(String path) {
    if (ownOutput == null) {
      return false;
    }
    String p = stripTrailingSlash(path);
    if (p.equals(ownOutput) || p.startsWith(ownOutput + "/")) {
      return true;
    }
    int slash = ownOutput.lastIndexOf('/');
    String siblingPrefix = ownOutput.substring(0, slash + 1) + "." + ownOutput.substring(slash + 1) + ".";
    return p.startsWith(siblingPrefix);
  }

  private static boolean isOutputFolder(java.util.Set<String> childNames, java.util.Set<String> childDirs) {
    return OUTPUT_MARKERS.stream().anyMatch(childNames::contains) && OUTPUT_TABLES.stream().anyMatch(childDirs::contains);
  }

  private boolean isLocalOutputFolder(java.nio.file.Path dir) {
    return OUTPUT_MARKERS.stream().anyMatch(m -> Files.isRegularFile(dir.resolve(m)))
        && OUTPUT_TABLES.stream().anyMatch(t -> Files.isDirectory(dir.resolve(t)));
  }

  private static void skipped(String path, String why) {
    LOG.warn("input: skipped {}: {}; its files are not posts", path, why);
  }

  /** Lists every root; a root that does not exist is a configuration error. */
  public InputListing list(List<String> roots) throws IOException {
    List<InputFile> files = new ArrayList<>();
    List<FileOutcome.Reject> rejects = new ArrayList<>();
    skipped.clear();
    for (String root : roots) {
      Path rootPath = new Path(root);
      FileSystem fs = rootPath.getFileSystem(hadoopConf);
      Path qualified = fs.makeQualified(rootPath);
      if (!fs.exists(qualified)) {
        throw new FileNotFoundException("input " + root + " does not exist");
      }
      if ("file".equals(qualified.toUri().getScheme())) {
        listLocal(qualified, files, rejects);
      } else {
        listHadoop(fs, qualified, files, rejects);
      }
    }
    files.sort(Comparator.comparing(InputFile::path));
    rejects.sort(Comparator.comparing(FileOutcome.Reject::sourcePath));
    return new InputListing(files, rejects, skipped);
  }

  /** True for post files and archives. */
  boolean matches(String fileName) {
    return matchesPost(fileName) || ArchiveEntries.isArchive(fileName);
  }

  boolean matchesPost(String fileName) {
    for (GlobPattern p : patterns) {
      if (p.matches(fileName)) {
        return true;
      }
    }
    return false;
  }

  private void addFile(
      String path, String relative, long size, long modified, List<InputFile> files, List<FileOutcome.Reject> rejects) {
    if (ArchiveEntries.isArchive(relative)) {
      files.add(new InputFile(path, relative, size, true, modified)); // its entries are checked one by one
    } else if (size > maxFileBytes
        && !RecordFormats.mayHoldManyRecords(relative.substring(relative.lastIndexOf('/') + 1), forcedFormat)) {
      rejects.add(
          new FileOutcome.Reject(
              path,
              RejectReason.TOO_LARGE,
              String.format(Locale.ROOT, "file has %,d bytes, over the limit of %,d bytes (--max-file-bytes)", size, maxFileBytes),
              size,
              null));
    } else {
      files.add(new InputFile(path, relative, size, false, modified));
    }
  }

  private void listLocal(Path root, List<InputFile> files, List<FileOutcome.Reject> rejects)
      throws IOException {
    java.nio.file.Path start = java.nio.file.Path.of(root.toUri());
    String rootName = start.getFileName() == null ? "" : start.getFileName().toString();
    if (Files.isRegularFile(start)) {
      addFile(hadoopPath(start), rootName, Files.size(start), Files.getLastModifiedTime(start).toMillis(), files, rejects);
      return;
    }
    Files.walkFileTree(
        start,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(java.nio.file.Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(start) && isOwnOutput(dir.toAbsolutePath().normalize().toString())) {
              skipped(dir.toString(), "it is this run's output (or belongs to it)");
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (!dir.equals(start) && isLocalOutputFolder(dir)) {
              skipped(dir.toString(), "it holds the tables of a CorpusLens run");
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (!dir.equals(start) && matches(dir.getFileName().toString())) {
              rejects.add(directoryNamedLikeAPost(hadoopPath(dir)));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) {
            if (!matches(file.getFileName().toString())) {
              skipped.merge(extension(file.getFileName().toString()), 1L, Long::sum);
            } else if (!isOwnOutput(file.toAbsolutePath().normalize().toString())) {
              String relative = rootName + "/" + start.relativize(file);
              if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                addFile(hadoopPath(file), relative, attrs.size(), attrs.lastModifiedTime().toMillis(), files, rejects);
              } else {
                rejects.add(
                    new FileOutcome.Reject(
                        hadoopPath(file),
                        RejectReason.NOT_A_FILE,
                        "matches the input pattern but is not a regular file",
                        0,
                        null));
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              rejects.add(
                  new FileOutcome.Reject(
                      hadoopPath(file),
                      RejectReason.NOT_A_FILE,
                      "symbolic link loop: it points back to " + file.toAbsolutePath().normalize() + " or one of its parents; not followed",
                      0,
                      null));
            } else {
              rejects.add(
                  new FileOutcome.Reject(
                      hadoopPath(file),
                      RejectReason.UNREADABLE,
                      (e instanceof AccessDeniedException ? "permission denied: " : "cannot be listed or read: ")
                          + e.getClass().getSimpleName() + ": " + e.getMessage(),
                      0,
                      null));
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void listHadoop(
      FileSystem fs, Path root, List<InputFile> files, List<FileOutcome.Reject> rejects)
      throws IOException {
    FileStatus rootStatus = fs.getFileStatus(root);
    String rootName = root.getName();
    if (rootStatus.isFile()) {
      addFile(root.toString(), rootName, rootStatus.getLen(), rootStatus.getModificationTime(), files, rejects);
      return;
    }
    String rootString = root.toUri().getPath();
    Deque<Path> dirs = new ArrayDeque<>();
    dirs.push(root);
    while (!dirs.isEmpty()) {
      Path dir = dirs.pop();
      FileStatus[] children;
      try {
        children = fs.listStatus(dir);
      } catch (IOException e) {
        rejects.add(
            new FileOutcome.Reject(
                dir.toString(), RejectReason.UNREADABLE, "cannot be listed: " + e, 0, null));
        continue;
      }
      java.util.Set<String> names = new java.util.HashSet<>();
      java.util.Set<String> dirNames = new java.util.HashSet<>();
      for (FileStatus child : children) {
        names.add(child.getPath().getName());
        if (child.isDirectory()) {
          dirNames.add(child.getPath().getName());
        }
      }
      if (!dir.equals(root) && (isOwnOutput(dir.toUri().getPath()) || isOutputFolder(names, dirNames))) {
        skipped(dir.toString(), isOwnOutput(dir.toUri().getPath()) ? "it is this run's output (or belongs to it)" : "it holds the tables of a CorpusLens run");
        continue;
      }
      for (FileStatus child : children) {
        Path p = child.getPath();
        if (isOwnOutput(p.toUri().getPath())) {
          if (child.isDirectory()) {
            skipped(p.toString(), "it is this run's output (or belongs to it)");
          }
          continue;
        }
        if (child.isDirectory()) {
          if (matches(p.getName())) {
            rejects.add(directoryNamedLikeAPost(p.toString()));
          }
          dirs.push(p);
        } else if (!matches(p.getName())) {
          skipped.merge(extension(p.getName()), 1L, Long::sum);
        } else {
          String childPath = p.toUri().getPath();
          String relative = rootName + childPath.substring(Math.min(rootString.length(), childPath.length()));
          addFile(p.toString(), relative, child.getLen(), child.getModificationTime(), files, rejects);
        }
      }
    }
  }

  /** The extension of a file name, lower case with its dot ({@code .json}, {@code .tar.gz}), or {@code (none)}. */
  static String extension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tar.gz")) {
      return ".tar.gz";
    }
    int dot = lower.lastIndexOf('.');
    return dot <= 0 || dot == lower.length() - 1 ? "(none)" : lower.substring(dot);
  }

  private static FileOutcome.Reject directoryNamedLikeAPost(String path) {
    return new FileOutcome.Reject(
        path,
        RejectReason.NOT_A_FILE,
        "matches the input pattern but is a directory; the files inside it are read as usual",
        0,
        null);
  }

  /**
   * The path as Hadoop writes it ({@code file:/a/b}). A walk's paths are absolute and already in
   * the form Hadoop's {@link Path} would normalise them to (no empty, {@code .} or {@code ..}
   * segment, no trailing slash), so they are written directly; anything else goes through {@link
   * Path}, whose URI round trip costs about as much as the rest of a listing.
   */
  static String hadoopPath(java.nio.file.Path p) {
    String abs = p.toAbsolutePath().toString();
    if (isNormalAbsolute(abs)) {
      return "file:" + abs;
    }
    try {
      return new Path("file", null, abs).toString();
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException("cannot express " + p + " as a Hadoop path", e));
    }
  }

  static boolean isNormalAbsolute(String abs) {
    return abs.length() > 1
        && abs.charAt(0) == '/'
        && !abs.endsWith("/")
        && !abs.contains("//")
        && !abs.contains("/./")
        && !abs.contains("/../")
        && !abs.endsWith("/.")
        && !abs.endsWith("/..");
  }
}
