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
 * or, with rules (see {@link Topic}):
 *
 * <pre>
 * topics:
 *   EPU:
 *     all: [[经济, 金融], [政策, 监管], [不确定, 风险]]
 *     not: [足球]
 *     min_mentions: 1
 *     scope: text        # title | text | both
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
            origin + ": topic '" + name + "' must be a mapping with 'keywords: [...]' (or any/all/not rules)");
      }
      topics.add(topic(origin, name, settings));
    }
    Set<String> names = new java.util.HashSet<>();
    for (Topic t : topics) {
      if (!names.add(t.name())) {
        throw new IllegalArgumentException(origin + ": topic '" + t.name() + "' is defined twice");
      }
    }
    return new TopicLexicon(topics, origin);
  }

  private static final Set<String> TOPIC_KEYS = Set.of("keywords", "any", "all", "not", "min_mentions", "scope");

  private static Topic topic(String origin, String name, Map<?, ?> settings) {
    String where = origin + ": topic '" + name + "'";
    for (Object key : settings.keySet()) {
      if (!(key instanceof String k) || !TOPIC_KEYS.contains(k)) {
        throw new IllegalArgumentException(
            where + " has unknown key '" + key + "' (allowed: keywords, any, all, not, min_mentions, scope)");
      }
    }
    if (settings.containsKey("keywords") && settings.containsKey("any")) {
      throw new IllegalArgumentException(where + " has both 'keywords' and 'any', which mean the same: keep one");
    }
    String anyKey = settings.containsKey("any") ? "any" : "keywords";
    List<String> any = settings.containsKey(anyKey) ? terms(where, anyKey, settings.get(anyKey)) : List.of();
    List<List<String>> all = new ArrayList<>();
    if (settings.containsKey("all")) {
      if (!(settings.get("all") instanceof List<?> groups) || groups.isEmpty()) {
        throw new IllegalArgumentException(
            where + ": 'all' must be a non-empty list of groups, e.g. all: [[经济, 金融], [政策], [不确定]]");
      }
      for (int g = 0; g < groups.size(); g++) {
        if (!(groups.get(g) instanceof List<?>)) {
          throw new IllegalArgumentException(
              where + ": group " + (g + 1) + " of 'all' must be a list of terms, not '" + groups.get(g)
                  + "' (write all: [[a, b], [c]])");
        }
        all.add(terms(where, Topic.allPart(g), groups.get(g)));
      }
    }
    if (any.isEmpty() && all.isEmpty()) {
      throw new IllegalArgumentException(where + " needs 'keywords' (or 'any') as a non-empty list, or 'all'");
    }
    List<String> not = settings.containsKey("not") ? terms(where, "not", settings.get("not")) : List.of();
    int minMentions = 1;
    if (settings.containsKey("min_mentions")) {
      Object v = settings.get("min_mentions");
      if (!(v instanceof Integer i) || i < 1) {
        throw new IllegalArgumentException(where + ": 'min_mentions' must be a whole number of at least 1, not '" + v + "'");
      }
      minMentions = i;
    }
    Topic.Scope scope = Topic.Scope.TEXT;
    if (settings.containsKey("scope")) {
      Object v = settings.get("scope");
      if (!(v instanceof String s)) {
        throw new IllegalArgumentException(where + ": 'scope' must be one of title, text, both, not '" + v + "'");
      }
      try {
        scope = Topic.Scope.parse(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    try {
      return new Topic(name, any, all, not, minMentions, scope);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
    }
  }

  /** A non-empty list of distinct, non-blank terms. */
  private static List<String> terms(String where, String part, Object value) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      String example = "not".equals(part) ? "[足球]" : "[a, b]";
      throw new IllegalArgumentException(
          where + " needs '" + part + "' as a non-empty list of terms, e.g. " + example + ", not '" + value + "'");
    }
    Set<String> terms = new LinkedHashSet<>();
    for (Object item : list) {
      if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
        throw new IllegalArgumentException(where + " has a term in '" + part + "' that is not text: " + item);
      }
      String term = String.valueOf(item).strip();
      if (term.isEmpty() || term.length() > MAX_KEYWORD_CHARS) {
        throw new IllegalArgumentException(where + " has a blank or over-long term '" + term + "' in '" + part + "'");
      }
      terms.add(term);
    }
    return List.copyOf(terms);
  }

  public List<Topic> topics() {
    return topics;
  }

  /**
   * Every term of every topic (any, all groups and exclusions), distinct, in lexicon order: the
   * segmenter's custom words.
   */
  public List<String> allKeywords() {
    Set<String> all = new LinkedHashSet<>();
    topics.forEach(t -> all.addAll(t.terms()));
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
      canonical.append(topic.name()).append('\t').append(String.join("\u001f", topic.any()));
      if (!topic.isKeywordTopic()) { // keyword topics hash as they did before rules existed
        canonical.append("\tall=").append(topic.all()).append("\tnot=").append(topic.not())
            .append("\tmin=").append(topic.minMentions()).append("\tscope=").append(topic.scope().columnValue());
      }
      canonical.append('\n');
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
