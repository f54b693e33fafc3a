package org.corpuslens.extract;

/** The whitespace rules of the extraction contract: what counts as a space, and normalization. */
final class Whitespace {

  private Whitespace() {}

  /**
   * Whether {@code c} is whitespace for trimming and collapsing: ASCII whitespace, NBSP, the
   * full-width space U+3000, the other Unicode space separators and the line/paragraph separators.
   */
  static boolean isSpace(char c) {
    if (c < 0x80) {
      return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }
    // the space separators of Unicode beyond ASCII, and the line and paragraph separators, listed:
    // the category table was asked for every quote mark and dash of Chinese text (U+2014, U+201C)
    return c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F
        || c == 0x205F || c == 0x3000;
  }

  /** {@link #isSpace(char)} from the Unicode category alone, for tests. */
  static boolean isSpaceByCategory(char c) {
    if (c < 0x80) {
      return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }
    return Character.getType(c) == Character.SPACE_SEPARATOR || c == '\u2028' || c == '\u2029';
  }

  /** Whether {@code c} ends a line of plain text. */
  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** Trims {@code s} and collapses each inner run of whitespace (line breaks included) to ' '. */
  static String normalize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = true;
      } else {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
