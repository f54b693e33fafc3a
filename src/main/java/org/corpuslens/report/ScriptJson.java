package org.corpuslens.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON that is safe inside an HTML {@code <script type="application/json">} element: {@code <},
 * {@code >} and {@code &} are written as {@code \u003c}, {@code \u003e}, {@code \u0026} (so no
 * string in the data can close the element or open a comment), and U+2028 / U+2029 as escapes.
 * Those characters can only occur inside JSON strings, where the escapes mean the same characters,
 * so {@code JSON.parse} of the element's text gives back the data unchanged.
 */
public final class ScriptJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptJson() {}

  public static String write(Object value) {
    String json;
    try {
      json = JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report data cannot be written as JSON", e);
    }
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
