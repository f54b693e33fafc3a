package org.corpuslens.jobs;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where the tables go, and whether an existing output may be replaced. */
public final class OutputOptions {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Directory of the Parquet tables (any Hadoop file system URI).")
  String dir;

  @Option(
      names = "--overwrite",
      description = "Replace the tables of an existing output directory.")
  boolean overwrite;

  /** Local outputs are checked before Spark starts. */
  void validate() {
    if (!overwrite && Paths.isNonEmptyLocalDir(dir)) {
      throw new ConfigurationException(
          "--output " + dir + " already exists and is not empty: choose another directory or add --overwrite");
    }
  }

  /** Remote outputs are checked once Spark (and its Hadoop configuration) is up. */
  void checkRemote(SparkSession spark) throws IOException {
    if (overwrite || Paths.isLocal(dir)) {
      return;
    }
    Path p = new Path(dir);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(p) && fs.listStatus(p).length > 0) {
      throw new ConfigurationException(
          "--output " + dir + " already exists and is not empty: choose another directory or add --overwrite");
    }
  }
}
