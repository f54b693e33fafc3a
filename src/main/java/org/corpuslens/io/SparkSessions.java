package org.corpuslens.io;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the Spark session of a job with CorpusLens' defaults in one place: UTC session time
 * zone (periods are computed in the zone the user asks for, explicitly), Parquet timestamps as
 * microseconds (readable by DuckDB, pandas, Trino), zstd compression, adaptive shuffle sizing.
 * Cluster sizing belongs to spark-submit and {@code jobs/conf/*.conf}, not here.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * @param master {@code local[*]} etc., or {@code null} to take the master from spark-submit
   *     (falls back to {@code local[*]} when there is none)
   */
  public static SparkSession create(String appName, String master) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
            .config("spark.sql.parquet.compression.codec", "zstd")
            .config("spark.sql.adaptive.enabled", "true")
            .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
            // articles are partitioned by year: with a writer per year open at once, a task
            // writes its rows as they come instead of sorting them (text and tokens) by year
            .config("spark.sql.maxConcurrentOutputFileWriters", "16")
            .config("spark.ui.showConsoleProgress", "false");
    if (master != null) {
      builder.master(master);
    } else if (!conf.contains("spark.master")) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    if (!conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's default of 200 is meant for big clusters; a few per core keeps tasks few and
      // adaptive execution still splits skewed or large shuffles
      int cores = spark.sparkContext().defaultParallelism();
      spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(Math.max(8, 4 * cores)));
    }
    return spark;
  }
}
