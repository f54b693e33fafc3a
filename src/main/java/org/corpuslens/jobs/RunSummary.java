package org.corpuslens.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounting of a run, written as {@code run_summary.json} beside the tables and logged:
 * input files, articles, rejects per reason, versions, lexicon hash and options.
 */
final class RunSummary {
  static final String FILE_NAME = "run_summary.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private static final Logger LOG = LoggerFactory.getLogger(RunSummary.class);
  private final Map<String, Object> fields = new LinkedHashMap<>();

  RunSummary put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  Object get(String key) {
    return fields.get(key);
  }

  /**
   * Logs the summary: one short INFO line with the counts and where the whole summary is (the file
   * holds kilobytes of options, timings and Spark figures, which a log line should not repeat), and
   * the whole JSON, on one line, at DEBUG.
   */
  void log(String file) {
    LOG.info("{}", line(file));
    if (LOG.isDebugEnabled()) {
      LOG.debug("run summary (all of {}): {}", file, toJson().replaceAll("\\s*\\n\\s*", " "));
    }
  }

  /** The INFO line of {@link #log}: command, counts present in the summary, and the file. */
  String line(String file) {
    List<String> counts = new ArrayList<>();
    count(counts, "input_files", "input files");
    count(counts, "articles", "articles");
    count(counts, "duplicates", "duplicates");
    Object near = fields.get("near_duplicates");
    if (fields.get("duplicates") != null && near instanceof Number n && n.longValue() > 0) {
      counts.set(counts.size() - 1, counts.get(counts.size() - 1) + " (" + near + " near)");
    }
    count(counts, "rejects", "rejects");
    StringBuilder sb = new StringBuilder("run summary: ").append(fields.getOrDefault("command", "run"));
    if (!counts.isEmpty()) {
      sb.append(": ").append(String.join(", ", counts));
    }
    return sb.append("; all of it in ").append(file).toString();
  }

  private void count(List<String> counts, String key, String label) {
    Object v = fields.get(key);
    if (v != null) {
      counts.add(v + " " + label);
    }
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("run summary cannot be written as JSON", e);
    }
  }

  void write(String outputDir, Configuration conf) throws IOException {
    write(outputDir, FILE_NAME, conf);
  }

  void write(String outputDir, String fileName, Configuration conf) throws IOException {
    Path path = new Path(outputDir, fileName);
    FileSystem fs = path.getFileSystem(conf);
    try (OutputStream out = fs.create(path, true)) {
      out.write(toJson().getBytes(StandardCharsets.UTF_8));
    }
  }
}
