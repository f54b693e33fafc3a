package org.corpuslens.ingest.mapping;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a value sits in a record's fields: a dotted path ({@code a.b}, {@code items[0].name},
 * {@code content[]} for every element of a list) or a JSON pointer ({@code /a/b/0}, {@code ~1} and
 * {@code ~0} escapes). A path with {@code []} gives a list (joined as paragraphs when it is the
 * text).
 */
public final class FieldPath implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a path resolved to when a step is missing. */
  public static final Object MISSING = new Serializable() {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return "(missing)";
    }
  };

  private final String text;
  private final List<Object> steps; // String = key, Integer = index, EACH = every element

  private static final String EACH = "[]";

  private FieldPath(String text, List<Object> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
  }

  /** Parses a path; throws {@link IllegalArgumentException} with a readable message. */
  public static FieldPath parse(String text) {
    Objects.requireNonNull(text, "path");
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("a field path is empty");
    }
    List<Object> steps = new ArrayList<>();
    if (t.startsWith("/")) {
      for (String part : t.substring(1).split("/", -1)) {
        String key = part.replace("~1", "/").replace("~0", "~");
        steps.add(key.matches("\\d+") ? (Object) Integer.valueOf(key) : key);
      }
      return new FieldPath(t, steps);
    }
    for (String part : t.split("\\.", -1)) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("field path '" + text + "' has an empty step");
      }
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      if (!key.isEmpty()) {
        steps.add(key);
      }
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        if (close < 0) {
          throw new IllegalArgumentException("field path '" + text + "' has an unclosed [");
        }
        String inside = part.substring(bracket + 1, close);
        if (inside.isEmpty()) {
          steps.add(EACH);
        } else if (inside.matches("\\d+")) {
          steps.add(Integer.valueOf(inside));
        } else {
          throw new IllegalArgumentException("field path '" + text + "': [" + inside + "] is neither [] nor [number]");
        }
        bracket = part.indexOf('[', close);
        if (bracket < 0 && close + 1 < part.length()) {
          throw new IllegalArgumentException("field path '" + text + "' has text after ]");
        }
      }
    }
    return new FieldPath(t, steps);
  }

  /** The first key of the path (the record's top-level field it reads). */
  public String topField() {
    return steps.isEmpty() || !(steps.get(0) instanceof String s) ? "" : s;
  }

  /** The value at this path, {@link #MISSING} when a step is absent; {@code []} gives a list. */
  public Object resolve(Map<String, Object> fields) {
    return resolve(fields, 0);
  }

  private Object resolve(Object value, int from) {
    Object v = value;
    for (int i = from; i < steps.size(); i++) {
      Object step = steps.get(i);
      if (step == EACH) {
        if (!(v instanceof List<?> list)) {
          return v == null ? MISSING : v; // a single value where a list was expected: itself
        }
        List<Object> out = new ArrayList<>();
        for (Object item : list) {
          Object r = resolve(item, i + 1);
          if (r == MISSING || r == null) {
            continue;
          }
          if (r instanceof List<?> inner && i + 1 < steps.size()) {
            out.addAll(inner);
          } else {
            out.add(r);
          }
        }
        return out;
      }
      if (step instanceof Integer index) {
        if (!(v instanceof List<?> list) || index >= list.size()) {
          return MISSING;
        }
        v = list.get(index);
      } else {
        if (!(v instanceof Map<?, ?> map) || !map.containsKey(step)) {
          return MISSING;
        }
        v = map.get(step);
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath f && f.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
