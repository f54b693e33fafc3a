package org.corpuslens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
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

  /**
   * Writes the report of the tables under {@code tables} to {@code output}, replacing it. The page
   * is written to a hidden file beside {@code output} and renamed, so a failed or killed write
   * never leaves a partial page.
   */
  public static void write(SparkSession spark, String tables, String output) throws IOException {
    ReportData data = ReportBuilder.build(spark, tables, Instant.now());
    byte[] html = HtmlReport.render(data, EChartsBundle.load()).getBytes(StandardCharsets.UTF_8);
    FileSystem fs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
    Path path = fs.makeQualified(new Path(output));
    Path tmp = new Path(path.getParent(), "." + path.getName() + ".tmp-" + UUID.randomUUID());
    try {
      try (OutputStream out = fs.create(tmp, false)) {
        out.write(html);
      }
      if (fs.exists(path) && !fs.delete(path, false)) {
        throw new IOException("cannot replace " + path);
      }
      if (!fs.rename(tmp, path)) {
        throw new IOException("cannot rename " + tmp + " to " + path);
      }
    } finally {
      if (fs.exists(tmp) && !fs.delete(tmp, false)) {
        LOG.warn("could not delete {}", tmp);
      }
    }
    LOG.info("report written to {} ({} bytes)", output, html.length);
  }
}
