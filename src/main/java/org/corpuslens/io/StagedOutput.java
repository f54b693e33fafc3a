package org.corpuslens.io;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a run's output appear all at once. Tables are written into a hidden staging directory
 * beside the output ({@code .NAME.staging-RUNID}); only when every table is complete is it swapped
 * in with renames. A run that fails or is killed leaves the previous output untouched and no
 * partial table in it (only the hidden staging directory, removed on failure when possible).
 */
public final class StagedOutput {
  private static final Logger LOG = LoggerFactory.getLogger(StagedOutput.class);

  static final String STAGING = ".staging-";
  static final String OLD = ".old-";
  static final String REPLACED = ".replaced-";

  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final String runId;

  private StagedOutput(FileSystem fs, Path target, Path staging, String runId) {
    this.fs = fs;
    this.target = target;
    this.staging = staging;
    this.runId = runId;
  }

  /** Creates the staging directory beside {@code output}. */
  public static StagedOutput begin(String output, Configuration conf) throws IOException {
    Path target = new Path(output);
    FileSystem fs = target.getFileSystem(conf);
    target = fs.makeQualified(target);
    Path parent = target.getParent();
    if (parent == null) {
      throw new IOException("the output " + output + " must not be a file system root");
    }
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Path staging = new Path(parent, "." + target.getName() + STAGING + runId);
    if (!fs.mkdirs(staging)) {
      throw new IOException("cannot create the staging directory " + staging);
    }
    return new StagedOutput(fs, target, staging, runId);
  }

  /** Where the tables are written until {@link #commit} or {@link #commitInto}. */
  public String dir() {
    return staging.toString();
  }

  /** The output the staging directory replaces. */
  public String target() {
    return target.toString();
  }

  /** Replaces the whole output directory with the staged one. */
  public void commit() throws IOException {
    haltIfAsked("commit-start");
    Path old = new Path(target.getParent(), "." + target.getName() + OLD + runId);
    boolean hadOld = fs.exists(target);
    if (hadOld) {
      rename(target, old);
    }
    haltIfAsked("commit-previous-moved");
    rename(staging, target);
    haltIfAsked("commit-new-moved");
    if (hadOld && !fs.delete(old, true)) {
      LOG.warn("the previous output was replaced but {} could not be deleted", old);
    }
    LOG.info("output committed: {}", target);
    haltIfAsked("commit-done");
  }

  /** The system property naming the step at which the JVM halts, for the kill tests. */
  public static final String HALT_PROPERTY = "corpuslens.test.halt-at";

  /**
   * Halts the JVM at once (as {@code kill -9} would: no shutdown hooks, no finally blocks) when the
   * system property {@value #HALT_PROPERTY} names {@code step}. A failure-injection hook for tests
   * of what a killed run leaves; unset, it does nothing.
   */
  public static void haltIfAsked(String step) {
    if (step.equals(System.getProperty(HALT_PROPERTY))) {
      System.err.println("corpuslens: halting at step " + step + " (" + HALT_PROPERTY + ")");
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
  }

  /**
   * Moves each staged entry into the existing output directory, replacing entries of the same
   * name and keeping the others (the analytic tables of {@code analyze} beside {@code articles}).
   */
  public void commitInto() throws IOException {
    if (!fs.exists(target)) {
      commit();
      return;
    }
    Path old = new Path(target.getParent(), "." + target.getName() + REPLACED + runId);
    fs.mkdirs(old);
    for (FileStatus entry : fs.listStatus(staging)) {
      Path name = new Path(target, entry.getPath().getName());
      if (fs.exists(name)) {
        rename(name, new Path(old, entry.getPath().getName()));
      }
      rename(entry.getPath(), name);
    }
    if (!fs.delete(old, true) || !fs.delete(staging, true)) {
      LOG.warn("the output was updated but {} or {} could not be deleted", old, staging);
    }
    LOG.info("output committed into {}", target);
  }

  /** Deletes the staging directory after a failure; the previous output is untouched. */
  public void abort() {
    try {
      if (!fs.delete(staging, true)) {
        LOG.warn("could not delete the staging directory {}", staging);
      }
    } catch (IOException e) {
      LOG.warn("could not delete the staging directory {}", staging, e);
    }
  }

  /**
   * Cleans up after dead runs, beside {@code output}; call it only while holding the output's
   * {@link OutputLock}, so no live run owns what it removes. Leftover staging folders ({@code
   * .NAME.staging-*}) are deleted. A commit killed between its two renames left the previous
   * output in {@code .NAME.old-*} and none at {@code NAME}: it is put back. A commit killed after
   * them left {@code .NAME.old-*} beside the new output: deleted. An in-place {@code analyze}
   * commit killed midway left replaced tables in {@code .NAME.replaced-*}: those missing from the
   * output are put back (each table is then either the new or the previous one, never partial).
   *
   * @return one line per kind of thing done, for the user; empty when there was nothing
   */
  public static java.util.List<String> recover(String output, Configuration conf) throws IOException {
    Path target = new Path(output);
    FileSystem fs = target.getFileSystem(conf);
    target = fs.makeQualified(target);
    Path parent = target.getParent();
    java.util.List<String> said = new java.util.ArrayList<>();
    if (parent == null || !fs.exists(parent)) {
      return said;
    }
    String prefix = "." + target.getName();
    java.util.List<FileStatus> staging = new java.util.ArrayList<>();
    java.util.List<FileStatus> old = new java.util.ArrayList<>();
    java.util.List<FileStatus> replaced = new java.util.ArrayList<>();
    for (FileStatus s : fs.listStatus(parent)) {
      String name = s.getPath().getName();
      if (!name.startsWith(prefix) || !s.isDirectory()) {
        continue;
      }
      String rest = name.substring(prefix.length());
      if (rest.startsWith(STAGING)) {
        staging.add(s);
      } else if (rest.startsWith(OLD)) {
        old.add(s);
      } else if (rest.startsWith(REPLACED)) {
        replaced.add(s);
      }
    }
    if (!fs.exists(target) && !old.isEmpty()) {
      old.sort(java.util.Comparator.comparingLong(FileStatus::getModificationTime));
      FileStatus newest = old.remove(old.size() - 1);
      if (!fs.rename(newest.getPath(), target)) {
        throw new IOException("cannot restore the previous output " + newest.getPath() + " to " + target);
      }
      said.add("restored the previous output " + target + " from " + newest.getPath().getName()
          + ", left aside by a run killed while committing");
    }
    for (FileStatus r : replaced) {
      int back = 0;
      for (FileStatus entry : fs.listStatus(r.getPath())) {
        Path dest = new Path(target, entry.getPath().getName());
        if (!fs.exists(dest)) {
          if (!fs.rename(entry.getPath(), dest)) {
            throw new IOException("cannot put back " + entry.getPath() + " to " + dest);
          }
          back++;
        }
      }
      if (back > 0) {
        said.add("put back " + back + " table(s) into " + target + " that a run killed while committing had moved to "
            + r.getPath().getName());
      }
    }
    java.util.List<FileStatus> leftovers = new java.util.ArrayList<>(staging);
    leftovers.addAll(old);
    leftovers.addAll(replaced);
    if (!leftovers.isEmpty()) {
      long bytes = 0;
      java.util.List<String> names = new java.util.ArrayList<>();
      for (FileStatus s : leftovers) {
        bytes += fs.getContentSummary(s.getPath()).getLength();
        names.add(s.getPath().getName());
        if (!fs.delete(s.getPath(), true)) {
          throw new IOException("cannot delete the leftover folder " + s.getPath() + " of a dead run");
        }
      }
      java.util.Collections.sort(names);
      said.add(String.format(
          java.util.Locale.ROOT,
          "removed %d leftover folder(s) of dead runs beside %s (%.1f MB): %s",
          leftovers.size(), target, bytes / 1e6, String.join(", ", names)));
    }
    for (String line : said) {
      LOG.warn(line);
    }
    return said;
  }

  /**
   * The output a run writing into {@code dir} produces: the folder a staging folder {@code
   * .NAME.staging-ID} replaces, or {@code dir} itself when it is not a staging folder.
   */
  public static String targetOf(String dir) {
    Path p = new Path(dir);
    String name = p.getName();
    int at = name.lastIndexOf(STAGING);
    if (!name.startsWith(".") || at < 2 || p.getParent() == null) {
      return p.toString();
    }
    return new Path(p.getParent(), name.substring(1, at)).toString();
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
