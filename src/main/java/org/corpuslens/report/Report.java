package org.corpuslens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Row;
import org.corpuslens.tables.Col;
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
    writeFile(spark, output, html);
    LOG.info("report written to {} ({} bytes)", output, html.length);
  }

  /** Upper bound of {@code sample --per-topic}: the sample is collected to the driver. */
  public static final int MAX_SAMPLE_PER_TOPIC = 1000;

  /**
   * Writes {@code sample.csv} and {@code sample.html} into {@code outputDir}: {@code perTopic}
   * matching articles of each topic of {@code topic_mentions}, chosen by {@link
   * org.corpuslens.analytics.MentionSample} with {@code seed}.
   *
   * @return the number of sampled (topic, article) rows
   */
  public static int writeSample(SparkSession spark, String tables, String outputDir, int perTopic, long seed)
      throws IOException {
    if (perTopic < 1 || perTopic > MAX_SAMPLE_PER_TOPIC) {
      throw new IllegalArgumentException("the sample size per topic must be 1.." + MAX_SAMPLE_PER_TOPIC + ", not " + perTopic);
    }
    var mentions = org.corpuslens.io.ParquetTables.read(spark, tables, org.corpuslens.io.ParquetTables.TOPIC_MENTIONS);
    var articles = org.corpuslens.io.ParquetTables.read(spark, tables, org.corpuslens.io.ParquetTables.ARTICLES);
    // bounded: at most perTopic rows per topic of a lexicon
    List<SamplePage.Article> sample = new ArrayList<>();
    for (Row r : org.corpuslens.analytics.MentionSample.select(mentions, articles, perTopic, seed).collectAsList()) {
      List<SamplePage.Hit> hits = new ArrayList<>();
      for (Row h : r.<Row>getList(r.fieldIndex(org.corpuslens.analytics.MentionSample.HITS))) {
        hits.add(new SamplePage.Hit(h.getAs(Col.FIELD), h.<Integer>getAs(Col.OFFSET), h.getAs(Col.TERM),
            h.getAs(Col.RULE_PART)));
      }
      sample.add(new SamplePage.Article(r.getAs(Col.TOPIC), String.valueOf(r.<Object>getAs(Col.PERIOD)), r.getAs(Col.SOURCE),
          r.getAs(Col.ARTICLE_ID), r.getAs(Col.TITLE), r.getAs(Col.TEXT), r.<Long>getAs(Col.MENTION_COUNT), hits,
          r.getAs(Col.SNIPPET)));
    }
    Map<String, String> rules = new LinkedHashMap<>();
    JsonNode summary = ReportBuilder.readSummary(spark, tables);
    if (summary != null) {
      summary.path("lexicon").path("rules").fields().forEachRemaining(e -> rules.put(e.getKey(), e.getValue().asText()));
    }
    String dir = outputDir.endsWith("/") ? outputDir : outputDir + "/";
    writeFile(spark, dir + SAMPLE_CSV, SamplePage.csv(sample).getBytes(StandardCharsets.UTF_8));
    writeFile(spark, dir + SAMPLE_HTML, SamplePage.html(sample, rules, seed, perTopic).getBytes(StandardCharsets.UTF_8));
    LOG.info("sample of {} articles written to {}", sample.size(), outputDir);
    return sample.size();
  }

  public static final String SAMPLE_CSV = "sample.csv";
  public static final String SAMPLE_HTML = "sample.html";

  /**
   * Writes {@code bytes} to {@code output} (any Hadoop file system), replacing it: through a hidden
   * file beside it and a rename, so a failed or killed write never leaves a partial file.
   */
  static void writeFile(SparkSession spark, String output, byte[] bytes) throws IOException {
    FileSystem fs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
    Path path = fs.makeQualified(new Path(output));
    Path tmp = new Path(path.getParent(), "." + path.getName() + ".tmp-" + UUID.randomUUID());
    try {
      try (OutputStream out = fs.create(tmp, false)) {
        out.write(bytes);
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
  }
}
