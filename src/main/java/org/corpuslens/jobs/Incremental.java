package org.corpuslens.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.corpuslens.io.InputListing;
import org.corpuslens.io.InputManifest;
import org.corpuslens.io.ManifestDiff;
import org.corpuslens.io.ParquetTables;

/**
 * {@code run --incremental}: whether the previous output can be updated (same settings, a
 * manifest), and what the listing holds that is new, changed or deleted since then.
 */
final class Incremental {
  private Incremental() {}

  /**
   * Whether this run updates the previous output.
   *
   * @param said the one line for stderr when a requested incremental run is a full one, else null
   */
  record Decision(boolean incremental, String said) {}

  /** Whether a local folder holds the tables of a CorpusLens run (an incremental run may replace them). */
  static boolean looksLikeOutput(String dir) {
    java.nio.file.Path p = Paths.local(dir);
    return java.nio.file.Files.exists(p.resolve(SettingsFingerprint.FILE_NAME))
        || java.nio.file.Files.exists(p.resolve(RunSummary.FILE_NAME))
        || java.nio.file.Files.isDirectory(p.resolve(ParquetTables.ARTICLES));
  }

  static Decision decide(String output, SettingsFingerprint now, boolean requested, Configuration conf) throws IOException {
    if (!requested) {
      return new Decision(false, null);
    }
    String prefix = "corpuslens: --incremental: full run, ";
    Path articles = new Path(ParquetTables.path(output, ParquetTables.ARTICLES));
    FileSystem fs = articles.getFileSystem(conf);
    if (!fs.exists(articles)) {
      return new Decision(false, prefix + "there is no earlier output at " + output);
    }
    SettingsFingerprint before = SettingsFingerprint.read(output, conf);
    if (before == null || !InputManifest.exists(output, conf)) {
      return new Decision(false, prefix + "the output " + output + " has no manifest of its inputs ("
          + SettingsFingerprint.FILE_NAME + " and " + InputManifest.TABLE + "; written by `run` since incremental runs exist)");
    }
    List<String> changes = now.changesSince(before);
    if (!changes.isEmpty()) {
      return new Decision(false, prefix + "settings that decide the stored rows changed since the previous run: "
          + String.join("; ", changes));
    }
    return new Decision(true, null);
  }

  /** The plan's listing (made before Spark started), or a new one for inputs on a remote file system. */
  static InputListing listing(ExtractJob.Plan plan, Configuration conf) {
    InputListing listing = plan.listing() == null ? null : plan.listing().take();
    return listing != null ? listing : InputCheck.listAndCheck(plan, conf);
  }

  /**
   * Compares the listing with the manifest of {@code previousOutput} (null: a full run, every path
   * new). {@code hash}: files are hashed for the next manifest (runs with {@code --incremental},
   * also when they turn out full); a plain full run, which reads every file anyway, records
   * sizes and times only.
   */
  static Delta compare(
      SparkSession spark, InputListing listing, String previousOutput, boolean prune, boolean hash, String workDir)
      throws java.io.IOException {
    spark.sparkContext().setJobDescription("comparing the inputs with the manifest");
    Dataset<Row> compared = InputManifest.compare(spark, listing, previousOutput, hash, workDir);
    Map<String, Long> byStatus = new TreeMap<>();
    for (ManifestDiff.Status s : ManifestDiff.Status.values()) {
      byStatus.put(s.code(), 0L);
    }
    if (previousOutput == null && !hash) {
      // a plain full run: every listed path is new and nothing is hashed, so there is nothing to
      // compare; the manifest's rows are made once, when it is written (no Spark job here)
      byStatus.put(ManifestDiff.Status.NEW.code(), listing.inputCount());
    } else {
      compared = compared.persist(StorageLevel.MEMORY_AND_DISK());
      for (Row r : compared.groupBy(col(InputManifest.STATUS)).count().collectAsList()) {
        byStatus.put(r.getString(0), r.getLong(1));
      }
    }
    Set<String> read = new HashSet<>();
    Set<String> replaced = new HashSet<>();
    if (previousOutput != null) { // the paths that are not unchanged: a day's worth, not the archive
      String unchanged = ManifestDiff.Status.UNCHANGED.code();
      String deleted = ManifestDiff.Status.DELETED.code();
      for (Row r : compared
          .where(col(InputManifest.STATUS).notEqual(unchanged).or(col(InputManifest.KIND).equalTo(ManifestDiff.LISTED_REJECT)))
          .select(col(InputManifest.PATH), col(InputManifest.KIND), col(InputManifest.STATUS))
          .collectAsList()) {
        String path = r.getString(0);
        boolean file = ManifestDiff.FILE.equals(r.getString(1));
        String status = r.getString(2);
        if (status.equals(deleted)) {
          if (prune) {
            replaced.add(path);
          }
        } else {
          if (file) {
            read.add(path);
          }
          // a changed file's rows, and every path rejected while listing (its reject is made again)
          replaced.add(path);
        }
      }
    }
    spark.sparkContext().setJobDescription(null);
    return new Delta(compared, byStatus, read, replaced, previousOutput != null, prune);
  }

  /**
   * The outcome of the comparison; {@link #compared} is cached until {@link #release} when it was
   * computed here (runs with a previous manifest or hashing), else computed when it is written.
   */
  record Delta(
      Dataset<Row> compared, Map<String, Long> byStatus, Set<String> read, Set<String> replaced, boolean incremental,
      boolean prune) {
    long count(ManifestDiff.Status s) {
      return byStatus.getOrDefault(s.code(), 0L);
    }

    /** An incremental run that would write the same tables again. */
    boolean nothingToDo() {
      return count(ManifestDiff.Status.NEW) == 0
          && count(ManifestDiff.Status.CHANGED) == 0
          && (!prune || count(ManifestDiff.Status.DELETED) == 0);
    }

    String describe() {
      return String.format(Locale.ROOT, "%d unchanged, %d deleted %s", count(ManifestDiff.Status.UNCHANGED),
          count(ManifestDiff.Status.DELETED), prune ? "and pruned" : "(their rows kept)");
    }

    Map<String, Object> summary(Decision decision, ExtractJob.Counts counts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("requested", decision.incremental() || decision.said() != null);
      m.put("full_run_reason", decision.said());
      m.put("files_new", count(ManifestDiff.Status.NEW));
      m.put("files_changed", count(ManifestDiff.Status.CHANGED));
      m.put("files_deleted", count(ManifestDiff.Status.DELETED));
      m.put("files_unchanged", count(ManifestDiff.Status.UNCHANGED));
      m.put("deleted_rows", count(ManifestDiff.Status.DELETED) == 0 ? null : prune ? "pruned" : "kept");
      Map<String, Object> read = new LinkedHashMap<>();
      read.put("input_files", counts.inputFiles());
      read.put("articles", counts.articles());
      read.put("rejects", counts.rejects());
      m.put("read_this_run", read);
      Object marked = counts.timings().remove("duplicates_marked");
      if (marked != null) {
        m.put("duplicates_marked", marked);
      }
      m.put("hash", "CRC-32C of the file's bytes, computed with --incremental for new files and files whose size or "
          + "modification time differ from the manifest");
      return m;
    }

    void release() {
      compared.unpersist();
    }
  }
}
