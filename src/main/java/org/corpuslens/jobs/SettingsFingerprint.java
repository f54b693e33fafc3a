package org.corpuslens.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.corpuslens.analytics.TopicLexicon;

/**
 * Everything that decides what a run stores in {@code articles} and {@code rejects} for a given
 * input file: the inputs' roots (article ids are paths relative to them), the patterns, format and
 * mapping, the size limit, the lexicon (its terms are custom words of the segmenter), the stop
 * words, the zone and period (stored per article), and the versions of CorpusLens, HanLP and
 * jsoup. An incremental run reuses stored rows only when all of them are the same as in the run
 * that stored them; it is written as {@code _manifest.json} beside the manifest table.
 */
record SettingsFingerprint(Map<String, String> values) {
  static final String FILE_NAME = "_manifest.json";
  /** Bumped when the manifest's layout changes: an older manifest then forces a full run. */
  static final int LAYOUT = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  SettingsFingerprint {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static SettingsFingerprint of(ExtractJob.Plan plan, TopicLexicon lexicon) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("manifest_layout", String.valueOf(LAYOUT));
    v.put("inputs", String.join(",", plan.inputs().stream().map(SettingsFingerprint::normalised).toList()));
    v.put("patterns", String.join(",", plan.patterns()));
    v.put("format", String.valueOf(plan.format()));
    v.put("mapping", plan.mapping() == null ? "none" : "sha256:" + sha256(plan.mapping().toString()));
    v.put("max_file_bytes", String.valueOf(plan.maxFileBytes()));
    v.put("lexicon", "sha256:" + lexicon.sha256());
    v.put("segmenter_words", "sha256:" + sha256(String.join("\n", plan.segmenter().customWords())));
    v.put("stop_words", "sha256:" + sha256(String.join("\n", plan.segmenter().stopWords())));
    v.put("segmentation_standard", plan.segmenter().standard().id());
    v.put("zone", plan.zone().getId());
    v.put("period", plan.grain().columnValue());
    Map<String, String> versions = Versions.all();
    for (String tool : List.of("corpuslens", "hanlp", "jsoup")) {
      v.put("version_" + tool, versions.get(tool));
    }
    return new SettingsFingerprint(v);
  }

  private static String normalised(String input) {
    String s = input;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (Paths.isLocal(s) && !s.startsWith("file:")) {
      s = java.nio.file.Path.of(s).toAbsolutePath().normalize().toString();
    }
    return s;
  }

  /**
   * What differs from {@code previous}, one phrase per setting ({@code period (month → week)}); empty
   * when nothing does.
   */
  List<String> changesSince(SettingsFingerprint previous) {
    List<String> changes = new ArrayList<>();
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(values.keySet());
    keys.addAll(previous.values.keySet());
    for (String k : keys) {
      String was = previous.values.get(k);
      String now = values.get(k);
      if (!Objects.equals(was, now)) {
        changes.add(k + " (" + shortValue(was) + " → " + shortValue(now) + ")");
      }
    }
    return changes;
  }

  private static String shortValue(String v) {
    if (v == null) {
      return "none";
    }
    if (v.startsWith("sha256:")) {
      return "sha256 " + v.substring(7, Math.min(v.length(), 19));
    }
    return v.length() > 80 ? v.substring(0, 77) + "..." : v;
  }

  void write(String dir, Configuration conf) throws IOException {
    Path path = new Path(dir, FILE_NAME);
    FileSystem fs = path.getFileSystem(conf);
    try (OutputStream out = fs.create(path, true)) {
      out.write(JSON.writeValueAsString(Map.of("settings", values, "hash", "crc32c")).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The fingerprint stored in {@code dir}, or null when there is none (or it cannot be read). */
  static SettingsFingerprint read(String dir, Configuration conf) throws IOException {
    Path path = new Path(dir, FILE_NAME);
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) {
      return null;
    }
    try (InputStream in = fs.open(path)) {
      Map<String, Object> m = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
      Object settings = m.get("settings");
      if (!(settings instanceof Map<?, ?> s)) {
        return null;
      }
      Map<String, String> v = new LinkedHashMap<>();
      s.forEach((k, val) -> v.put(String.valueOf(k), val == null ? null : String.valueOf(val)));
      return new SettingsFingerprint(v);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return null;
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
