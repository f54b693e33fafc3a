package org.corpuslens.ingest.mapping;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which field of a record is the article's id, title, text, time, source... A mapping is YAML:
 *
 * <pre>
 * name: my-dump                  # shown in run_summary.json
 * match: [news_id, title]        # profiles only: picked when a record has all these fields
 * options: {records: articles}   # format options (the array of records in a JSON document)
 * fields:
 *   id: news_id
 *   title: title
 *   text: ["content[]", content_text]   # alternatives: the first present; [] joins list items as paragraphs
 *   published_at: time
 *   source: source
 *   section: category
 *   channel: channel
 *   url: url
 *   author: reporter
 *   editor: editor
 * keep: [keywords, desc]         # more fields kept in the articles' extra column
 * text_format: auto              # auto (HTML when it has tags), html or plain
 * defaults: {source: 新华社}      # constants for fields a record lacks
 * </pre>
 *
 * Paths are dotted ({@code a.b[0]}) or JSON pointers ({@code /a/b}). Unknown keys fail at load.
 */
public record FieldMapping(
    String name,
    List<String> match,
    Map<String, String> options,
    Map<Target, List<FieldPath>> fields,
    List<FieldPath> keep,
    TextFormat textFormat,
    Map<Target, String> defaults)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How the text field is read. */
  public enum TextFormat {
    /** HTML when it holds tags, else plain text. */
    AUTO,
    /** Always through the HTML main-text extraction. */
    HTML,
    /** Plain text: one paragraph per non-blank line. */
    PLAIN
  }

  private static final Set<String> KEYS = Set.of("name", "match", "options", "fields", "keep", "text_format", "defaults");

  public FieldMapping {
    Objects.requireNonNull(name, "name");
    match = List.copyOf(match);
    options = Map.copyOf(options);
    EnumMap<Target, List<FieldPath>> f = new EnumMap<>(Target.class);
    fields.forEach((k, v) -> f.put(k, List.copyOf(v)));
    fields = java.util.Collections.unmodifiableMap(f);
    keep = List.copyOf(keep);
    Objects.requireNonNull(textFormat, "textFormat");
    EnumMap<Target, String> d = new EnumMap<>(Target.class);
    d.putAll(defaults);
    defaults = java.util.Collections.unmodifiableMap(d);
    if (!fields.containsKey(Target.TEXT)) {
      throw new IllegalArgumentException("mapping " + name + " names no text field (fields: text: ...)");
    }
  }

  /** Whether a record with these top-level fields fits this profile ({@link #match()}). */
  public boolean matches(Set<String> recordFields) {
    return !match.isEmpty() && recordFields.containsAll(match);
  }

  /** The top-level fields this mapping reads (for the fail-fast check against sampled records). */
  public Map<String, String> readFields() {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((t, paths) -> {
      if (!defaults.containsKey(t)) {
        out.put(t.key(), String.join(" or ", paths.stream().map(FieldPath::topField).toList()));
      }
    });
    keep.forEach(p -> out.put("keep", p.topField()));
    return out;
  }

  /** Loads a mapping from YAML text; {@link IllegalArgumentException} says what is wrong. */
  public static FieldMapping parse(String yamlText, String origin) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(1 << 20);
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(options)).load(yamlText);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(origin + " is not valid YAML: " + e.getMessage().replaceAll("\\s+", " "), e);
    }
    if (!(loaded instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException(origin + " must be a YAML mapping with a 'fields:' section");
    }
    for (Object k : root.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new IllegalArgumentException(origin + ": unknown key '" + k + "' (known: " + new java.util.TreeSet<>(KEYS) + ")");
      }
    }
    String name = root.containsKey("name") ? String.valueOf(root.get("name")) : origin;
    List<String> match = strings(root.get("match"), origin + ": match");
    Map<String, String> opts = new LinkedHashMap<>();
    if (root.get("options") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> opts.put(String.valueOf(k), String.valueOf(v)));
    } else if (root.get("options") != null) {
      throw new IllegalArgumentException(origin + ": options must be a mapping such as {records: articles}");
    }
    if (!(root.get("fields") instanceof Map<?, ?> fieldMap)) {
      throw new IllegalArgumentException(origin + ": 'fields:' must map article fields (title, text, published_at...) to record fields");
    }
    Map<Target, List<FieldPath>> fields = new EnumMap<>(Target.class);
    for (Map.Entry<?, ?> e : fieldMap.entrySet()) {
      String key = String.valueOf(e.getKey());
      Target t = Target.ofKey(key);
      if (t == null) {
        throw new IllegalArgumentException(origin + ": unknown article field '" + key + "' under fields (known: "
            + java.util.Arrays.stream(Target.values()).map(Target::key).toList() + ")");
      }
      List<FieldPath> paths = new ArrayList<>();
      for (String p : strings(e.getValue(), origin + ": fields." + key)) {
        try {
          paths.add(FieldPath.parse(p));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(origin + ": fields." + key + ": " + ex.getMessage(), ex);
        }
      }
      if (paths.isEmpty()) {
        throw new IllegalArgumentException(origin + ": fields." + key + " names no field");
      }
      fields.put(t, paths);
    }
    List<FieldPath> keep = strings(root.get("keep"), origin + ": keep").stream().map(FieldPath::parse).toList();
    TextFormat format;
    try {
      format = TextFormat.valueOf(String.valueOf(root.get("text_format") == null ? "auto" : root.get("text_format")).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": text_format must be auto, html or plain", e);
    }
    Map<Target, String> defaults = new EnumMap<>(Target.class);
    if (root.get("defaults") instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Target t = Target.ofKey(String.valueOf(e.getKey()));
        if (t == null) {
          throw new IllegalArgumentException(origin + ": unknown article field '" + e.getKey() + "' under defaults");
        }
        defaults.put(t, String.valueOf(e.getValue()));
      }
    } else if (root.get("defaults") != null) {
      throw new IllegalArgumentException(origin + ": defaults must be a mapping such as {source: 新华社}");
    }
    try {
      return new FieldMapping(name, match, opts, fields, keep, format, defaults);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
    }
  }

  private static List<String> strings(Object value, String what) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s)) {
          throw new IllegalArgumentException(what + " must be field names (text), found " + o);
        }
        out.add(s);
      }
      return out;
    }
    throw new IllegalArgumentException(what + " must be a field name or a list of them, found " + value);
  }
}
