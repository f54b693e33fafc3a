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
    String resolved = master != null ? master : conf.get("spark.master", "local[*]");
    if (resolved.startsWith("local")) {
      // one JVM on the user's machine: no web UI (its server costs start-up time and a port;
      // spark.ui.enabled=true turns it back on), and task heartbeats every 5 s so that the
      // progress line sees long tasks advance (Spark's default is every 10 s; much shorter, and on
      // a busy machine the first heartbeat can come before the scheduler is up, with a warning)
      defaultConfig(builder, conf, "spark.ui.enabled", "false");
      defaultConfig(builder, conf, "spark.executor.heartbeatInterval", "5s");
    }
    // local files' permissions set without a chmod process per file and directory (NioLocalFileSystem)
    defaultConfig(builder, conf, FILE_IMPL, NioLocalFileSystem.class.getName());
    // the plans of the wide article rows are logged as one line, not truncated with a warning
    defaultConfig(builder, conf, "spark.sql.debug.maxToStringFields", "100");
    SparkSession spark = builder.getOrCreate();
    if (!conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's default of 200 is meant for big clusters; a few per core keeps tasks few and
      // adaptive execution still splits skewed or large shuffles
      int cores = spark.sparkContext().defaultParallelism();
      spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(Math.max(8, 4 * cores)));
    }
    return spark;
  }

  /**
   * A Hadoop configuration for work before Spark starts (the output's lock, the listing): with the
   * same {@code file:} file system as the session's ({@link NioLocalFileSystem} unless {@code
   * spark.hadoop.fs.file.impl} says otherwise). Hadoop caches one file system per scheme and user,
   * whatever the configuration: the first one made is the one every later caller gets.
   */
  public static org.apache.hadoop.conf.Configuration hadoopConfiguration() {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    conf.set("fs.file.impl", new SparkConf().get(FILE_IMPL, NioLocalFileSystem.class.getName()));
    return conf;
  }

  private static final String FILE_IMPL = "spark.hadoop.fs.file.impl";

  /** Whether a session made with {@code master} runs its tasks in this JVM (local mode). */
  public static boolean isLocal(String master) {
    return (master != null ? master : new SparkConf().get("spark.master", "local[*]")).startsWith("local");
  }

  private static void defaultConfig(SparkSession.Builder builder, SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      builder.config(key, value);
    }
  }
}
