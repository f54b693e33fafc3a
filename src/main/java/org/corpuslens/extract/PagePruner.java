package org.corpuslens.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts from a raw page, before it is parsed, what the extractor would drop anyway and the parser
 * would spend most of its time on: the pure link lists (menus, navigation bars, hot lists,
 * partner-link columns, tag clouds and pagers, whose links are most of a full page's tags; a line
 * whose characters are mostly in links is never body text, see {@link PageExtractor}), the bodies
 * of {@code script} and {@code style} elements (not of JSON-LD scripts, which feed the metadata;
 * the elements stay, empty) and {@code svg} drawings (whole, when they hold only drawing markup).
 *
 * <p>A list is an element {@code ul, ol, dl, menu, nav} or {@code div} that holds at least {@link
 * #MIN_LINKS} links, nothing outside its links but a few characters per link (no sentence
 * punctuation at all: a teaser list with summaries stays), and only list, link and inline markup:
 * no headings, paragraphs, tables, images' captions, scripts, styles, comments, {@code time} or
 * {@code meta} elements (those can feed the page's metadata). It is cut only where the raw HTML
 * is unambiguous: its end tag is found by counting its own kind of element, inside quoted
 * attribute values a {@code >} does not end a tag, raw text ({@code script}, {@code style},
 * {@code textarea}, {@code title}, ...) is skipped as the HTML tokenizer skips it, and any doubt
 * (an unclosed tag, comment or raw-text element, a script that may escape its end tag, {@code
 * plaintext}) leaves the whole page as it is. The outermost such element is removed with its
 * start and end tags, so the tree the parser builds around it is the one it would have built.
 *
 * <p>Every cut is a whole element or a whole raw-text body, so the parser builds the same tree
 * around it. One linear pass; stateless and thread-safe.
 */
final class PagePruner {

  /** Fewer links than this are not a list worth cutting (a byline's one or two links stay). */
  static final int MIN_LINKS = 5;

  /** Pages shorter than this are parsed whole: there is little to save. */
  static final int MIN_PAGE_CHARS = 8_000;

  private static final Set<String> CANDIDATES = Set.of("ul", "ol", "dl", "menu", "nav", "div");

  /** Markup a cut list may hold: lists, links and inline elements. */
  private static final Set<String> ALLOWED =
      Set.of("ul", "ol", "li", "dl", "dt", "dd", "menu", "nav", "div", "a", "span", "em", "i", "b", "strong",
          "font", "small", "big", "u", "s", "sup", "sub", "br", "img", "label", "abbr", "cite", "wbr", "picture",
          "source");

  /** Elements whose content is raw text up to their own end tag. */
  private static final Set<String> RAW_TEXT =
      Set.of("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes");

  /** A year in text outside links: a date line, not a list. */
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

  /** Credit labels: a list holding one is a byline with share links, not a list. */
  private static final Pattern LABEL = Pattern.compile("来源|作者|编辑|记者|发布|时间|日期|出处|稿源|责编|通讯员|摄影");

  private PagePruner() {}

  /** An open candidate element and what its content holds so far. */
  private static final class Frame {
    final int id;
    final int start;
    int links;
    int hanOutside;
    boolean bad;

    Frame(int id, int start) {
      this.id = id;
      this.start = start;
    }

    void absorb(Frame child) {
      links += child.links;
      hanOutside += child.hanOutside;
      bad |= child.bad;
    }

    boolean isList() {
      return !bad && links >= MIN_LINKS && hanOutside <= links;
    }
  }

  /** {@code html} without its pure link lists, or {@code html} itself if none or in doubt. */
  static String strip(String html) {
    if (html == null || html.length() < MIN_PAGE_CHARS) {
      return html;
    }
    List<int[]> cuts = cuts(html);
    if (cuts == null || cuts.isEmpty()) {
      return html;
    }
    // copied as chars: a StringBuilder starts in Latin-1 and re-copies itself at the first CJK character
    char[] out = new char[html.length()];
    int length = 0;
    int from = 0;
    for (int[] c : cuts) {
      html.getChars(from, c[0], out, length);
      length += c[0] - from;
      from = c[1];
    }
    html.getChars(from, html.length(), out, length);
    length += html.length() - from;
    return new String(out, 0, length);
  }

  /** The character ranges of the outermost link lists, in order; {@code null} when in doubt. */
  static List<int[]> cuts(String s) {
    List<Frame> stack = new ArrayList<>();
    List<int[]> cuts = new ArrayList<>();
    int n = s.length();
    boolean inLink = false;
    // inside svg or math a script or style is no raw text to the tokenizer: its body is not cut
    int foreignEnd = 0;
    int i = 0;
    while (i < n) {
      int lt = s.indexOf('<', i);
      int textEnd = lt < 0 ? n : lt;
      if (!stack.isEmpty() && textEnd > i) {
        text(s, i, textEnd, inLink, stack.get(stack.size() - 1));
      }
      if (lt < 0) {
        break;
      }
      if (s.startsWith("<!--", lt)) {
        int end = s.indexOf("-->", lt + 4);
        if (end < 0) {
          return null;
        }
        markBad(stack);
        i = end + 3;
        continue;
      }
      char c = lt + 1 < n ? s.charAt(lt + 1) : ' ';
      if (c == '!' || c == '?') { // doctype, CDATA, bogus comment: up to the next '>'
        int end = s.indexOf('>', lt + 2);
        if (end < 0) {
          return null;
        }
        markBad(stack);
        i = end + 1;
        continue;
      }
      boolean endTag = c == '/';
      int nameStart = endTag ? lt + 2 : lt + 1;
      if (nameStart >= n || !isAsciiLetter(s.charAt(nameStart))) {
        // a '<' that starts no tag is text ("a < b", "</ >")
        if (!stack.isEmpty()) {
          text(s, lt, lt + 1, inLink, stack.get(stack.size() - 1));
        }
        i = lt + 1;
        continue;
      }
      int nameEnd = nameStart;
      while (nameEnd < n && isNameChar(s.charAt(nameEnd))) {
        nameEnd++;
      }
      int id = known(s, nameStart, nameEnd); // -1: a tag no list may hold
      int tagEnd = tagEnd(s, nameEnd);
      if (tagEnd < 0) {
        return null;
      }
      i = tagEnd;
      if (endTag) {
        if (id == A) {
          inLink = false;
        } else if (id >= 0 && IS_CANDIDATE[id]) {
          close(stack, id, tagEnd, cuts);
        }
        continue;
      }
      if (id == PLAINTEXT) {
        return null;
      }
      if (!stack.isEmpty()) {
        Frame top = stack.get(stack.size() - 1);
        if (id < 0 || !IS_ALLOWED[id]) {
          top.bad = true;
        } else if (id == A) {
          top.links++;
        }
      }
      if (id < 0) {
        continue;
      }
      if (IS_RAW_TEXT[id]) {
        int close = rawTextClose(s, NAMES[id], tagEnd);
        int end = close < 0 ? -1 : tagEnd(s, close + 2 + NAMES[id].length());
        if (end < 0) {
          return null;
        }
        if ((id == SCRIPT || id == STYLE) && close > tagEnd && lt >= foreignEnd && !isJsonLd(s, lt, tagEnd)) {
          cuts.add(new int[] {tagEnd, close}); // code and style rules: never text, never metadata
        }
        i = end;
        continue;
      }
      if (id == SVG && s.charAt(tagEnd - 2) != '/') {
        int end = inertSvgEnd(s, tagEnd);
        if (end > 0) {
          cuts.add(new int[] {lt, end}); // an icon or a chart: never text
          i = end;
        } else {
          foreignEnd = Math.max(foreignEnd, endOfForeign(s, "</svg", tagEnd));
        }
        continue;
      }
      if (id == MATH) {
        foreignEnd = Math.max(foreignEnd, endOfForeign(s, "</math", tagEnd));
        continue;
      }
      if (id == A) {
        inLink = true; // a link inside a link closes the first one
      } else if (IS_CANDIDATE[id]) {
        stack.add(new Frame(id, lt));
      }
    }
    return cuts;
  }

  /** Every tag name the scan tells apart; a tag's id is its index. */
  private static final String[] NAMES = names();

  private static final boolean[] IS_CANDIDATE = flags(CANDIDATES);
  private static final boolean[] IS_ALLOWED = flags(ALLOWED);
  private static final boolean[] IS_RAW_TEXT = flags(RAW_TEXT);
  private static final int A = java.util.Arrays.asList(NAMES).indexOf("a");
  private static final int PLAINTEXT = java.util.Arrays.asList(NAMES).indexOf("plaintext");
  private static final int SCRIPT = java.util.Arrays.asList(NAMES).indexOf("script");
  private static final int STYLE = java.util.Arrays.asList(NAMES).indexOf("style");
  private static final int SVG = java.util.Arrays.asList(NAMES).indexOf("svg");
  private static final int MATH = java.util.Arrays.asList(NAMES).indexOf("math");

  private static final int SLOTS = 1024;

  private static final int MAX_NAME_LENGTH = java.util.Arrays.stream(NAMES).mapToInt(String::length).max().orElse(0);

  /**
   * The id of the known name in each {@link #slot}, -1 for none; a second name of the same slot in
   * {@link #BY_SLOT_SECOND} (a third is a build error, see {@link #slots}).
   */
  private static final int[] BY_SLOT = slots(0);

  private static final int[] BY_SLOT_SECOND = slots(1);

  private static String[] names() {
    Set<String> all = new java.util.TreeSet<>(ALLOWED);
    all.addAll(CANDIDATES);
    all.addAll(RAW_TEXT);
    all.add("plaintext");
    all.add("svg");
    all.add("math");
    return all.toArray(String[]::new);
  }

  private static boolean[] flags(Set<String> set) {
    boolean[] out = new boolean[NAMES.length];
    for (int id = 0; id < NAMES.length; id++) {
      out[id] = set.contains(NAMES[id]);
    }
    return out;
  }

  private static int[] slots(int rank) {
    int[] out = new int[SLOTS];
    java.util.Arrays.fill(out, -1);
    int[] seen = new int[SLOTS];
    for (int id = 0; id < NAMES.length; id++) {
      String name = NAMES[id];
      int slot = slot(name.charAt(0), name.charAt(name.length() - 1), name.length());
      if (seen[slot] == rank) {
        out[slot] = id;
      }
      if (++seen[slot] > 2) {
        throw new IllegalStateException("three known tag names share slot " + slot + ": change slot()");
      }
    }
    return out;
  }

  /**
   * The id of the known tag name that {@code s[from, to)} spells in any case, or -1; no string is
   * made for the tag. {@code s[from]} is an ASCII letter.
   */
  private static int known(String s, int from, int to) {
    int len = to - from;
    if (len > MAX_NAME_LENGTH) {
      return -1;
    }
    int slot = slot(s.charAt(from), s.charAt(to - 1), len);
    int id = BY_SLOT[slot];
    if (id >= 0 && NAMES[id].length() == len && equalsAsciiLowerCase(s, from, NAMES[id])) {
      return id;
    }
    id = BY_SLOT_SECOND[slot];
    return id >= 0 && NAMES[id].length() == len && equalsAsciiLowerCase(s, from, NAMES[id]) ? id : -1;
  }

  /** A name's slot in {@link #BY_SLOT}, from its first and last letters (any case) and its length. */
  private static int slot(char first, char last, int length) {
    return ((first | 0x20) * 31 + (last | 0x20) * 7 + length * 131) & (SLOTS - 1);
  }

  /** Whether {@code s} spells lower-case {@code name} at {@code from}, ASCII letters in any case. */
  private static boolean equalsAsciiLowerCase(String s, int from, String name) {
    for (int k = 0; k < name.length(); k++) {
      if ((s.charAt(from + k) | 0x20) != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Closes the innermost open element {@code id}: elements still open inside it are not cut. */
  private static void close(List<Frame> stack, int id, int end, List<int[]> cuts) {
    int k = stack.size() - 1;
    while (k >= 0 && stack.get(k).id != id) {
      k--;
    }
    if (k < 0) {
      return; // a stray end tag: the parser ignores it
    }
    while (stack.size() - 1 > k) {
      Frame open = stack.remove(stack.size() - 1);
      open.bad = true; // closed implicitly: its extent is the parser's guess, not cut
      stack.get(stack.size() - 1).absorb(open);
    }
    Frame f = stack.remove(k);
    if (f.isList()) {
      while (!cuts.isEmpty() && cuts.get(cuts.size() - 1)[0] >= f.start) {
        cuts.remove(cuts.size() - 1); // lists inside it go with it
      }
      cuts.add(new int[] {f.start, end});
    }
    if (!stack.isEmpty()) {
      stack.get(stack.size() - 1).absorb(f);
    }
  }

  private static void markBad(List<Frame> stack) {
    if (!stack.isEmpty()) {
      stack.get(stack.size() - 1).bad = true;
    }
  }

  /** Counts a run of text of the innermost open candidate. */
  private static void text(String s, int from, int to, boolean inLink, Frame top) {
    if (inLink || top.bad) {
      return;
    }
    int han = 0;
    int digits = 0;
    for (int k = from; k < to; k++) {
      char ch = s.charAt(k);
      if (ch < 0x2E80) {
        if (ch >= '0' && ch <= '9') {
          digits++;
        } else if (ch == ':' && digits > 0 && k + 1 < to && Character.isDigit(s.charAt(k + 1))) {
          top.bad = true; // a time of day: a dateline, kept for the metadata
          return;
        } else if ((ch == '.' || ch == ',' || ch == ';' || ch == '!' || ch == '?')
            && (k + 1 == to || s.charAt(k + 1) == ' ') && k > from && isAsciiLetter(s.charAt(k - 1))
            && !(ch == ';' && isEntityEnd(s, from, k))) {
          top.bad = true; // Latin prose punctuation outside links: a sentence, not a list
          return;
        }
        continue;
      }
      if (ch == '。' || ch == '，' || ch == '！' || ch == '？' || ch == '；' || ch == '：' || ch == '年') {
        top.bad = true; // a sentence, a label or a date: text, not a list
        return;
      }
      if (ch >= 0x3400 && ch <= 0x9FFF || ch >= 0xF900 && ch <= 0xFAFF) {
        han++;
      }
    }
    if (digits >= 4 && YEAR.matcher(s).region(from, to).find()) {
      top.bad = true; // a date such as 2024-03-05: kept for the metadata
      return;
    }
    if (han >= 2 && LABEL.matcher(s).region(from, to).find()) {
      top.bad = true; // 来源 新华网, 作者 X without a colon: a credit line
      return;
    }
    top.hanOutside += han;
  }

  private static boolean isEntityEnd(String s, int from, int semicolon) {
    for (int k = semicolon - 1; k >= from && semicolon - k <= 10; k--) {
      char ch = s.charAt(k);
      if (ch == '&') {
        return true;
      }
      if (!(isAsciiLetter(ch) || ch >= '0' && ch <= '9' || ch == '#')) {
        return false;
      }
    }
    return false;
  }

  /**
   * The index after the {@code >} that ends a tag whose name ends at {@code from}, with the HTML
   * tokenizer's rule that a quoted attribute value may hold {@code >}; -1 if the tag never ends.
   */
  static int tagEnd(String s, int from) {
    int n = s.length();
    int k = from;
    while (k < n) {
      char ch = s.charAt(k);
      if (ch == '>') {
        return k + 1;
      }
      if ((ch == '"' || ch == '\'') && isValueStart(s, from, k)) {
        int close = s.indexOf(ch, k + 1);
        if (close < 0) {
          return -1;
        }
        k = close + 1;
        continue;
      }
      k++;
    }
    return -1;
  }

  /** Whether the quote at {@code k} opens an attribute value: {@code =} before it, spaces aside. */
  private static boolean isValueStart(String s, int from, int k) {
    int j = k - 1;
    while (j >= from && isSpace(s.charAt(j))) {
      j--;
    }
    return j >= from && s.charAt(j) == '=';
  }

  /**
   * The index of the end tag ({@code </name}) of a raw-text element whose start tag ends at {@code
   * from}, -1 if there is none or if a script could be escaped past its first end tag ({@code <!--}
   * and {@code <script} inside).
   */
  static int rawTextClose(String s, String name, int from) {
    int k = from;
    int n = s.length();
    while (true) {
      int lt = s.indexOf("</", k);
      if (lt < 0) {
        return -1;
      }
      int after = lt + 2 + name.length();
      if (s.regionMatches(true, lt + 2, name, 0, name.length())
          && (after >= n || isSpace(s.charAt(after)) || s.charAt(after) == '/' || s.charAt(after) == '>')) {
        if (name.equals("script") && escapes(s, from, lt)) {
          return -1;
        }
        return lt;
      }
      k = lt + 2;
    }
  }

  /** Where the foreign element ends ({@code end} = {@code </svg} or {@code </math}, any case), or the page's end. */
  private static int endOfForeign(String s, String end, int from) {
    for (int k = s.indexOf("</", from); k >= 0; k = s.indexOf("</", k + 2)) {
      if (s.regionMatches(true, k, end, 0, end.length())) {
        return k;
      }
    }
    return s.length();
  }

  /** Whether the start tag {@code s[from, to)} is a JSON-LD script's (read for the metadata). */
  private static boolean isJsonLd(String s, int from, int to) {
    for (int k = from; k + 7 <= to; k++) {
      if (s.regionMatches(true, k, "ld+json", 0, 7)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The index after the {@code </svg>} closing an {@code <svg>} whose start tag ends at {@code
   * from}, when what lies between is only drawing markup: no nested {@code svg}, no {@code
   * foreignObject} (HTML inside), no {@code script}, {@code style}, comment or CDATA section (whose
   * ends the tokenizer finds by other rules); -1 otherwise (the scan goes on inside it).
   */
  static int inertSvgEnd(String s, int from) {
    for (int lt = s.indexOf('<', from); lt >= 0; lt = s.indexOf('<', lt + 1)) {
      if (lt + 1 >= s.length()) {
        return -1;
      }
      char c = s.charAt(lt + 1);
      if (c == '!' || c == '?') {
        return -1;
      }
      if (c == '/') {
        if (s.regionMatches(true, lt + 2, "svg", 0, 3)) {
          int after = lt + 5;
          if (after < s.length() && (isSpace(s.charAt(after)) || s.charAt(after) == '>')) {
            return tagEnd(s, after);
          }
          return -1;
        }
        continue;
      }
      if (s.regionMatches(true, lt + 1, "svg", 0, 3) || s.regionMatches(true, lt + 1, "foreignobject", 0, 13)
          || s.regionMatches(true, lt + 1, "script", 0, 6) || s.regionMatches(true, lt + 1, "style", 0, 5)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean escapes(String s, int from, int to) {
    int comment = s.indexOf("<!--", from);
    if (comment < 0 || comment >= to) {
      return false;
    }
    for (int k = s.indexOf('<', comment + 4); k >= 0 && k < to; k = s.indexOf('<', k + 1)) {
      if (s.regionMatches(true, k + 1, "script", 0, 6)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char ch) {
    return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
  }

  private static boolean isNameChar(char ch) {
    return isAsciiLetter(ch) || ch >= '0' && ch <= '9' || ch == '-' || ch == ':' || ch == '_';
  }

  private static boolean isSpace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
  }
}
