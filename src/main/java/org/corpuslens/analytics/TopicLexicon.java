package org.corpuslens.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A set of policy topics and their keywords, read from YAML:
 *
 * <pre>
 * topics:
 *   绿色金融:
 *     keywords: [绿色金融, 绿色信贷, 绿色债券]
 * </pre>
 *
 * Unknown keys are errors (a misspelt {@code keyword:} would otherwise count nothing). The lexicon
 * is a small value: it is shipped to executors inside the job's closures.
 */
public final class TopicLexicon implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DEFAULT_RESOURCE = "/org/corpuslens/analytics/topics-default.yaml";
  private static final int MAX_KEYWORD_CHARS = 100;

  private final List<Topic> topics;
  private final String source;

  private TopicLexicon(List<Topic> topics, String source) {
    this.topics = List.copyOf(topics);
    this.source = source;
  }

  /** Builds a lexicon from topics given in code (tests, generators). */
  public static TopicLexicon of(List<Topic> topics) {
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("a lexicon needs at least one topic");
    }
    return new TopicLexicon(topics, "(in code)");
  }

  /** The default lexicon shipped in the jar: 科技创新, 数字经济, 生物医药, 绿色金融. */
  public static TopicLexicon defaults() {
    try (InputStream in = TopicLexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("default lexicon resource missing: " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default lexicon");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the default lexicon " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Parses lexicon YAML.
   *
   * @param yamlText the file's text
   * @param origin where it came from, for error messages (e.g. the file path)
   * @throws IllegalArgumentException with a message that says what to fix
   */
  public static TopicLexicon parse(String yamlText, String origin) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(10 * 1024 * 1024);
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(options)).load(yamlText);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
    }
    if (!(loaded instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException(origin + ": expected a mapping with the key 'topics'");
    }
    for (Object key : root.keySet()) {
      if (!"topics".equals(key)) {
        throw new IllegalArgumentException(
            origin + ": unknown top-level key '" + key + "' (only 'topics' is allowed)");
      }
    }
    if (!(root.get("topics") instanceof Map<?, ?> topicMap) || topicMap.isEmpty()) {
      throw new IllegalArgumentException(
          origin + ": 'topics' must map each topic name to '{keywords: [...]}', and name at least one topic");
    }
    List<Topic> topics = new ArrayList<>();
    for (Map.Entry<?, ?> entry : topicMap.entrySet()) {
      String name = String.valueOf(entry.getKey()).strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException(origin + ": a topic has a blank name");
      }
      if (!(entry.getValue() instanceof Map<?, ?> settings)) {
        throw new IllegalArgumentException(
            origin + ": topic '" + name + "' must be a mapping with 'keywords: [...]'");
      }
      for (Object key : settings.keySet()) {
        if (!"keywords".equals(key)) {
          throw new IllegalArgumentException(
              origin + ": topic '" + name + "' has unknown key '" + key + "' (allowed: keywords)");
        }
      }
      if (!(settings.get("keywords") instanceof List<?> list) || list.isEmpty()) {
        throw new IllegalArgumentException(
            origin + ": topic '" + name + "' needs 'keywords' as a non-empty list");
      }
      Set<String> keywords = new LinkedHashSet<>();
      for (Object item : list) {
        if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
          throw new IllegalArgumentException(
              origin + ": topic '" + name + "' has a keyword that is not text: " + item);
        }
        String keyword = String.valueOf(item).strip();
        if (keyword.isEmpty() || keyword.length() > MAX_KEYWORD_CHARS) {
          throw new IllegalArgumentException(
              origin + ": topic '" + name + "' has a blank or over-long keyword '" + keyword + "'");
        }
        keywords.add(keyword);
      }
      topics.add(new Topic(name, List.copyOf(keywords)));
    }
    return new TopicLexicon(topics, origin);
  }

  public List<Topic> topics() {
    return topics;
  }

  /** Every keyword of every topic, distinct, in lexicon order: the segmenter's custom words. */
  public List<String> allKeywords() {
    Set<String> all = new LinkedHashSet<>();
    topics.forEach(t -> all.addAll(t.keywords()));
    return List.copyOf(all);
  }

  /** Where the lexicon came from (a path, or "default lexicon"). */
  public String origin() {
    return source;
  }

  /** SHA-256 of the topics and keywords in order: identifies the lexicon in run summaries. */
  public String sha256() {
    StringBuilder canonical = new StringBuilder();
    for (Topic topic : topics) {
      canonical.append(topic.name()).append('\t').append(String.join("\u001f", topic.keywords())).append('\n');
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicLexicon other && topics.equals(other.topics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topics);
  }

  @Override
  public String toString() {
    return "TopicLexicon[" + origin() + ", " + topics.size() + " topics]";
  }
}
