package org.corpuslens.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser into plain Java ({@code Map}, {@code List}, {@code
 * String}, {@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean}, {@code null}), always
 * consuming the whole value, so that a stream of values can go on after a bad one. A duplicate key
 * does not stop the reading: it is reported by {@link Value#duplicateKey()} (the record is then
 * rejected, as two different titles cannot both be right). Jackson (Spark's, 2.x) does the parsing.
 */
final class JsonValues {
  /** Largest string value, in characters: a 10 MB single-line article fits, a runaway value does not. */
  static final int MAX_STRING_CHARS = 64 * 1024 * 1024;

  private JsonValues() {}

  /** A parsed value and the first duplicate key found in it (or {@code null}). */
  record Value(Object value, String duplicateKey) {}

  /** A JSON factory with the limits CorpusLens reads with. */
  static JsonFactory factory() {
    JsonFactory f = new JsonFactory();
    f.setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).maxNestingDepth(200).build());
    f.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return f;
  }

  /** Reads the value starting at the parser's current token. */
  static Value read(JsonParser p) throws IOException {
    String[] duplicate = new String[1];
    Object v = value(p, duplicate);
    return new Value(v, duplicate[0]);
  }

  private static Object value(JsonParser p, String[] duplicate) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IOException("no JSON value");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          Object v = value(p, duplicate);
          if (map.containsKey(name) && duplicate[0] == null) {
            duplicate[0] = name;
          }
          map.put(name, v);
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p, duplicate));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + t);
    }
  }

  /** What a value is, for messages: "an object", "an array", "text", "a number"... */
  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    if (v instanceof List<?>) {
      return "an array";
    }
    if (v instanceof String) {
      return "text";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }

  /** A parser message on one line, without Jackson's source excerpt. */
  static String message(Exception e) {
    String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (m == null) {
      m = e.getClass().getSimpleName();
    }
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() <= 300 ? m : m.substring(0, 300) + "…";
  }
}
