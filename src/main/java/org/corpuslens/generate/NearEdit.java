package org.corpuslens.generate;

import java.util.List;
import java.util.Locale;

/** The edits that make a near-duplicate out of an earlier article (see {@code PostFactory}). */
enum NearEdit {
  LEAD_LINE,
  ADDED_PARAGRAPH,
  TRIMMED_PARAGRAPH,
  SOURCE_LINE,
  EDITOR_LINE,
  TRADITIONAL,
  WIDTHS,
  TITLE;

  /** One of these is applied to every near-duplicate. */
  static final List<NearEdit> STRUCTURAL = List.of(LEAD_LINE, ADDED_PARAGRAPH, TRIMMED_PARAGRAPH, SOURCE_LINE, EDITOR_LINE);

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** ASCII letters, digits and punctuation become full-width and full-width forms ASCII. */
  static String swapWidths(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x21 && c <= 0x7E) {
        sb.append((char) (c + 0xFEE0));
      } else if (c >= 0xFF01 && c <= 0xFF5E) {
        sb.append((char) (c - 0xFEE0));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
