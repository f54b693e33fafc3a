package org.corpuslens.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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

  /** Logs the summary as one line of JSON. */
  void log() {
    LOG.info("run summary: {}", toJson().replaceAll("\\s*\\n\\s*", " "));
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
