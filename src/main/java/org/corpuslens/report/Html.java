package org.corpuslens.report;

/**
 * Escaping for the report's HTML: every string that comes from the data (sources, topics, terms,
 * paths, options) goes through {@link #escape} before it is written into the page.
 */
public final class Html {
  private Html() {}

  /**
   * Escapes text for HTML element content and quoted attribute values: {@code & < > " '} become
   * character references. {@code null} becomes the empty string.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (r != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (r != null) {
          b.append(r);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
