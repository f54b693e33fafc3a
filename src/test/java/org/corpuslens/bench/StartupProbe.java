package org.corpuslens.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.io.SparkSessions;

/**
 * Benchmark helper (not a test): JVM start to main, and to a ready Spark session made by {@link
 * SparkSessions}, in seconds; then one trivial job. {@code java ... StartupProbe [master]}.
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    double toMain = (System.currentTimeMillis() - jvmStart) / 1000.0;
    SparkSession spark = SparkSessions.create("startup-probe", args.length > 0 ? args[0] : "local[2]");
    try {
      double ready = (System.currentTimeMillis() - jvmStart) / 1000.0;
      long n = spark.range(1000).count();
      double firstJob = (System.currentTimeMillis() - jvmStart) / 1000.0;
      System.out.printf(Locale.ROOT, "jvm_to_main_s=%.2f jvm_to_spark_ready_s=%.2f jvm_to_first_job_s=%.2f rows=%d%n", toMain, ready, firstJob, n);
    } finally {
      spark.stop();
    }
  }
}
