package org.corpuslens.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.io.SparkSessions;

/**
 * Benchmark helper (not a test): what Spark itself costs for the analytics' shape of work, apart
 * from any computation. In a fresh JVM with a session made by {@link SparkSessions}, {@code
 * TABLES} tiny tables (100 rows, one small aggregation each, as every analytic table has at least
 * one) are computed and written as Parquet one after the other, as a run writes its analytic
 * tables; then the same again (the JIT warm). Prints the wall of each round.
 *
 * <p>Usage: {@code TableWriteFloor OUTPUT_DIR [TABLES] [master]}.
 */
public final class TableWriteFloor {
  private TableWriteFloor() {}

  public static void main(String[] args) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    String out = args[0];
    int tables = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    SparkSession spark = SparkSessions.create("table-write-floor", args.length > 2 ? args[2] : "local[2]");
    try {
      double ready = (System.currentTimeMillis() - jvmStart) / 1000.0;
      StructType schema =
          new StructType()
              .add("period", DataTypes.StringType)
              .add("term", DataTypes.StringType)
              .add("count", DataTypes.LongType);
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        rows.add(RowFactory.create("2024-0" + (1 + i % 9), "词" + (i % 37), (long) i));
      }
      Dataset<Row> base = spark.createDataFrame(rows, schema);
      StringBuilder rounds = new StringBuilder();
      for (int round = 1; round <= 2; round++) {
        long t0 = System.nanoTime();
        for (int t = 0; t < tables; t++) {
          base.groupBy("period", "term")
              .sum("count")
              .write()
              .mode(SaveMode.Overwrite)
              .parquet(out + "/round" + round + "/table" + t);
        }
        rounds.append(String.format(Locale.ROOT, " round%d_s=%.2f", round, (System.nanoTime() - t0) / 1e9));
      }
      System.out.printf(Locale.ROOT, "tables=%d jvm_to_spark_ready_s=%.2f%s%n", tables, ready, rounds);
    } finally {
      spark.stop();
    }
  }
}
