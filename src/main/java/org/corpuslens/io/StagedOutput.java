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
    Path staging = new Path(parent, "." + target.getName() + ".staging-" + runId);
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
    Path old = new Path(target.getParent(), "." + target.getName() + ".old-" + runId);
    boolean hadOld = fs.exists(target);
    if (hadOld) {
      rename(target, old);
    }
    rename(staging, target);
    if (hadOld && !fs.delete(old, true)) {
      LOG.warn("the previous output was replaced but {} could not be deleted", old);
    }
    LOG.info("output committed: {}", target);
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
    Path old = new Path(target.getParent(), "." + target.getName() + ".old-" + runId);
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

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
