package org.corpuslens.generate;

/** Escaping for the archive's files: HTML entities, and braces written {@code &#123;} / {@code &#125;}. */
final class Markup {
  private Markup() {}

  /** Text content: {@code & < >} as entities, braces as the archive writes them. */
  static String text(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '{' -> "&#123;";
        case '}' -> "&#125;";
        default -> null;
      };
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** An attribute value in double quotes. */
  static String attr(String s) {
    return text(s).replace("\"", "&quot;");
  }

  /** Braces only (front matter values, CSS, scripts). */
  static String braces(String s) {
    return s.replace("{", "&#123;").replace("}", "&#125;");
  }
}
