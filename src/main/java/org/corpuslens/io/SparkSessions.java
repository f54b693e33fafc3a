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
            .config("spark.ui.showConsoleProgress", "false");
    if (master != null) {
      builder.master(master);
    } else if (!conf.contains("spark.master")) {
      builder.master("local[*]");
    }
    return builder.getOrCreate();
  }
}
