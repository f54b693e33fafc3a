package org.corpuslens.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A pass over a page's raw HTML, before jsoup parses it, that empties markup which can never be
 * text and which extraction never reads: the bodies of {@code <script>} (except JSON-LD, which
 * {@link PageMetadata} reads) and {@code <style>} elements, of {@code <svg>} icons made only of
 * drawing elements, and of HTML comments (except a browser's {@code saved from url=} comment,
 * which gives a saved page's address). The elements and comments themselves stay (as {@code
 * <script ...></script>}, {@code <!---->}), so the tree jsoup builds has the same elements in the
 * same places; only text that the extractor removes unread is gone.
 *
 * <p>The pass follows the HTML tokenizer's rules for where a tag, a comment or raw text ends
 * (quoted attribute values may hold {@code >}; a script ends at the first {@code </script}
 * followed by a space, {@code /} or {@code >}, in any case; a comment at {@code -->} or {@code
 * --!>}), and skips, unchanged, the raw text of {@code <title>}, {@code <textarea>}, {@code
 * <iframe>}, {@code <xmp>}, {@code <noembed>}, {@code <noframes>}. Wherever it cannot be sure
 * what the parser will do it stops and keeps the rest of the page exactly as it is: an unclosed
 * tag, comment, script or style; a script whose comment-like text could hide its end ({@code
 * <!--} and {@code <script} inside it); an {@code <svg>} holding anything but drawing elements;
 * {@code <math>} and {@code <plaintext>}. A page with a {@code <frameset>} is returned unchanged.
 * Plain {@code indexOf} and char comparisons, one pass, no regular expressions.
 */
final class InertMarkup {
  private InertMarkup() {}

  /** Comment bodies no longer than this are left (nothing to gain). */
  static final int MIN_COMMENT = 16;

  /** The comment {@link PageMetadata} reads a saved page's address from. */
  private static final String SAVED_FROM = "saved from url=";

  /** Elements whose content the tokenizer reads as raw text: skipped unchanged. */
  private static final Set<String> RAW_KEPT = Set.of("title", "textarea", "iframe", "xmp", "noembed", "noframes");

  /** SVG elements an icon's body may hold for it to be emptied (lower case). */
  static final Set<String> SVG_DRAWING =
      Set.of(
          "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "use", "symbol", "defs",
          "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "filter", "fegaussianblur",
          "feoffset", "feblend", "fecolormatrix", "feflood", "fecomposite", "femerge", "femergenode", "animate",
          "animatetransform", "marker");

  /**
   * The page with the bodies of scripts, styles, icons and comments emptied as described above;
   * {@code html} itself when there is nothing to empty.
   */
  static String strip(String html) {
    int n = html.length();
    StringBuilder out = null;
    int copied = 0; // html[0, copied) is in out
    int i = 0;
    int saved = html.indexOf(SAVED_FROM); // the next one at or after the current comment
    scan:
    while (true) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      char c = html.charAt(lt + 1);
      if (c == '!') {
        if (html.startsWith("<!--", lt)) {
          if (html.startsWith("<!-->", lt)) {
            i = lt + 5;
            continue;
          }
          if (html.startsWith("<!--->", lt)) {
            i = lt + 6;
            continue;
          }
          int end = commentEnd(html, lt + 4);
          if (end < 0) {
            break; // the rest of the page is a comment: left as it is
          }
          int dataEnd = html.charAt(end - 2) == '!' ? end - 4 : end - 3;
          if (saved >= 0 && saved < lt + 4) {
            saved = html.indexOf(SAVED_FROM, lt + 4);
          }
          boolean savedFrom = saved >= 0 && saved + SAVED_FROM.length() <= dataEnd;
          if (dataEnd - (lt + 4) > MIN_COMMENT && !savedFrom) {
            out = copy(out, html, copied, lt + 4);
            out.append("--");
            copied = end - 1; // keeps the closing '>'
          }
          i = end;
          continue;
        }
        int gt = html.indexOf('>', lt + 2); // doctype, bogus comment, CDATA outside foreign content
        if (gt < 0) {
          break;
        }
        i = gt + 1;
        continue;
      }
      if (c == '?') {
        int gt = html.indexOf('>', lt + 2);
        if (gt < 0) {
          break;
        }
        i = gt + 1;
        continue;
      }
      if (c == '/') {
        if (lt + 2 < n && isAsciiLetter(html.charAt(lt + 2))) {
          int nameEnd = nameEnd(html, lt + 2);
          int end = tagEnd(html, nameEnd);
          if (end < 0) {
            break;
          }
          i = end;
        } else {
          int gt = html.indexOf('>', lt + 2); // "</>" or a bogus comment
          if (gt < 0) {
            break;
          }
          i = gt + 1;
        }
        continue;
      }
      if (!isAsciiLetter(c)) {
        i = lt + 1; // a '<' in text
        continue;
      }
      int nameEnd = nameEnd(html, lt + 1);
      String name = interesting(html, lt + 1, nameEnd);
      int end = tagEnd(html, nameEnd);
      if (end < 0) {
        break; // an unclosed tag: the rest stays as it is
      }
      switch (name) {
        case "script" -> {
          int close = endTag(html, end, "script");
          if (close < 0) {
            break scan;
          }
          int escape = html.indexOf("<!--", end);
          if (escape >= 0 && escape < close && indexOfIgnoreCase(html, "<script", escape, close) >= 0) {
            break scan; // an escaped script may run past this "</script": left as it is
          }
          if (close > end && indexOfIgnoreCase(html, "ld+json", lt, end) < 0) {
            out = copy(out, html, copied, end);
            copied = close;
          }
          i = close;
        }
        case "style" -> {
          int close = endTag(html, end, "style");
          if (close < 0) {
            break scan;
          }
          if (close > end) {
            out = copy(out, html, copied, end);
            copied = close;
          }
          i = close;
        }
        case "svg" -> {
          if (html.charAt(end - 2) == '/') {
            i = end; // <svg/>
            continue;
          }
          int close = svgEnd(html, end);
          if (close < 0) {
            break scan; // not only drawing elements, or unclosed: left as it is
          }
          if (close > end) {
            out = copy(out, html, copied, end);
            copied = close;
          }
          i = close;
        }
        case "plaintext", "math" -> {
          break scan;
        }
        case "frameset" -> {
          return html;
        }
        case "" -> i = end;
        default -> { // one of RAW_KEPT: skipped unchanged
          int close = endTag(html, end, name);
          if (close < 0) {
            break scan;
          }
          i = close;
        }
      }
    }
    if (out == null) {
      return html;
    }
    out.append(html, copied, n);
    return out.toString();
  }

  /** The tag names {@link #strip} acts on, by their first letter. */
  private static final String[][] NAMES_BY_FIRST = new String[26][];

  static {
    List<String> names = new ArrayList<>(List.of("script", "style", "svg", "plaintext", "math", "frameset"));
    names.addAll(RAW_KEPT);
    for (String name : names) {
      int k = name.charAt(0) - 'a';
      String[] old = NAMES_BY_FIRST[k] == null ? new String[0] : NAMES_BY_FIRST[k];
      String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
      grown[old.length] = name;
      NAMES_BY_FIRST[k] = grown;
    }
  }

  /** The tag name in {@code html[from, to)} if {@link #strip} acts on it (lower case), else "" (no allocation per tag). */
  private static String interesting(String html, int from, int to) {
    String[] names = NAMES_BY_FIRST[Character.toLowerCase(html.charAt(from)) - 'a'];
    if (names != null) {
      for (String name : names) {
        if (name.length() == to - from && html.regionMatches(true, from, name, 0, name.length())) {
          return name;
        }
      }
    }
    return "";
  }

  private static StringBuilder copy(StringBuilder out, String html, int from, int to) {
    StringBuilder b = out == null ? new StringBuilder(html.length()) : out;
    b.append(html, from, to);
    return b;
  }

  /** The index after the {@code -->} or {@code --!>} ending a comment whose data starts at {@code from}, or -1. */
  static int commentEnd(String html, int from) {
    int n = html.length();
    int k = html.indexOf("--", from);
    while (k >= 0) {
      int j = k + 2;
      while (j < n && html.charAt(j) == '-') {
        j++; // "--->": the extra dashes are data
      }
      if (j < n && html.charAt(j) == '>') {
        return j + 1;
      }
      if (j + 1 < n && html.charAt(j) == '!' && html.charAt(j + 1) == '>') {
        return j + 2;
      }
      k = html.indexOf("--", j);
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  /** The end of a tag name starting at {@code from}: at a space, {@code /}, {@code >} or the end. */
  private static int nameEnd(String html, int from) {
    int n = html.length();
    int k = from;
    while (k < n) {
      char c = html.charAt(k);
      if (isSpace(c) || c == '/' || c == '>') {
        break;
      }
      k++;
    }
    return k;
  }

  private static final int BEFORE_NAME = 0;
  private static final int NAME = 1;
  private static final int AFTER_NAME = 2;
  private static final int BEFORE_VALUE = 3;
  private static final int DOUBLE_QUOTED = 4;
  private static final int SINGLE_QUOTED = 5;
  private static final int UNQUOTED = 6;
  private static final int AFTER_QUOTED = 7;
  private static final int SELF_CLOSING = 8;

  /**
   * The index after the {@code >} that ends a tag whose attributes start at {@code from} (right
   * after its name), following the tokenizer's attribute states; -1 if the page ends first.
   */
  static int tagEnd(String html, int from) {
    int n = html.length();
    int state = BEFORE_NAME;
    for (int k = from; k < n; k++) {
      char c = html.charAt(k);
      switch (state) {
        case BEFORE_NAME -> {
          if (c == '>') {
            return k + 1;
          } else if (c == '/') {
            state = SELF_CLOSING;
          } else if (!isSpace(c)) {
            state = NAME;
          }
        }
        case NAME -> {
          if (c == '>') {
            return k + 1;
          } else if (c == '/') {
            state = SELF_CLOSING;
          } else if (c == '=') {
            state = BEFORE_VALUE;
          } else if (isSpace(c)) {
            state = AFTER_NAME;
          }
        }
        case AFTER_NAME -> {
          if (c == '>') {
            return k + 1;
          } else if (c == '/') {
            state = SELF_CLOSING;
          } else if (c == '=') {
            state = BEFORE_VALUE;
          } else if (!isSpace(c)) {
            state = NAME;
          }
        }
        case BEFORE_VALUE -> {
          if (c == '>') {
            return k + 1;
          } else if (c == '"') {
            state = DOUBLE_QUOTED;
          } else if (c == '\'') {
            state = SINGLE_QUOTED;
          } else if (!isSpace(c)) {
            state = UNQUOTED;
          }
        }
        case DOUBLE_QUOTED -> {
          if (c == '"') {
            state = AFTER_QUOTED;
          }
        }
        case SINGLE_QUOTED -> {
          if (c == '\'') {
            state = AFTER_QUOTED;
          }
        }
        case UNQUOTED -> {
          if (c == '>') {
            return k + 1;
          } else if (isSpace(c)) {
            state = BEFORE_NAME;
          }
        }
        default -> { // AFTER_QUOTED, SELF_CLOSING: '>' ends the tag, anything else starts over
          if (c == '>') {
            return k + 1;
          } else if (c == '/') {
            state = SELF_CLOSING;
          } else if (isSpace(c)) {
            state = BEFORE_NAME;
          } else {
            state = NAME;
          }
        }
      }
    }
    return -1;
  }

  /**
   * Where the raw text started at {@code from} ends: the index of the first {@code </name}
   * (any case) followed by a space, {@code /} or {@code >}; -1 if none.
   */
  static int endTag(String html, int from, String name) {
    int n = html.length();
    int k = from;
    while (true) {
      k = html.indexOf("</", k);
      if (k < 0) {
        return -1;
      }
      int after = k + 2 + name.length();
      if (after < n && html.regionMatches(true, k + 2, name, 0, name.length())) {
        char c = html.charAt(after);
        if (isSpace(c) || c == '/' || c == '>') {
          return k;
        }
      }
      k += 2;
    }
  }

  /**
   * The index of the {@code </svg} closing an icon whose content starts at {@code from}, when the
   * content holds only {@link #SVG_DRAWING} elements (nested icons counted) and no comment; -1
   * otherwise or if the page ends first.
   */
  static int svgEnd(String html, int from) {
    int n = html.length();
    int depth = 1;
    int k = from;
    while (true) {
      int lt = html.indexOf('<', k);
      if (lt < 0 || lt + 1 >= n) {
        return -1;
      }
      char c = html.charAt(lt + 1);
      boolean end = c == '/';
      int nameStart = end ? lt + 2 : lt + 1;
      if (nameStart >= n || !isAsciiLetter(html.charAt(nameStart))) {
        return -1; // a comment, CDATA, a stray '<': not a plain icon
      }
      int nameEnd = nameEnd(html, nameStart);
      String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
      if (!SVG_DRAWING.contains(name)) {
        return -1;
      }
      int tagEnd = tagEnd(html, nameEnd);
      if (tagEnd < 0) {
        return -1;
      }
      if (name.equals("svg")) {
        if (end) {
          depth--;
          if (depth == 0) {
            return lt;
          }
        } else if (html.charAt(tagEnd - 2) != '/') {
          depth++;
        }
      }
      k = tagEnd;
    }
  }

  /** The index of {@code what} (ASCII) in {@code html[from, to)} ignoring case, or -1. */
  static int indexOfIgnoreCase(String html, String what, int from, int to) {
    int last = to - what.length();
    char first = what.charAt(0);
    for (int k = from; k <= last; k++) {
      char c = html.charAt(k);
      if ((c == first || Character.toLowerCase(c) == first) && html.regionMatches(true, k, what, 0, what.length())) {
        return k;
      }
    }
    return -1;
  }
}
