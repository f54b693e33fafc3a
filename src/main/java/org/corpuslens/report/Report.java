package org.corpuslens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HTML report of a tables directory and writes it (any Hadoop file system URI). */
public final class Report {
  /** The report's file name beside the tables when {@code run} writes it. */
  public static final String DEFAULT_FILE = "report.html";

  private static final Logger LOG = LoggerFactory.getLogger(Report.class);

  private Report() {}

  /** The default output of the report of {@code tables}: {@code tables/report.html}. */
  public static String defaultOutput(String tables) {
    return tables.endsWith("/") ? tables + DEFAULT_FILE : tables + "/" + DEFAULT_FILE;
  }

  /** Writes the report of the tables under {@code tables} to {@code output}, replacing it. */
  public static void write(SparkSession spark, String tables, String output) throws IOException {
    ReportData data = ReportBuilder.build(spark, tables, Instant.now());
    String html = HtmlReport.render(data, EChartsBundle.load());
    Path path = new Path(output);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream out = fs.create(path, true)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    LOG.info("report written to {} ({} bytes)", output, html.length());
  }
}
