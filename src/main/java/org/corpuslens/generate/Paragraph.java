package org.corpuslens.generate;

import java.util.List;

/**
 * One paragraph of main text exactly as the extractor must find it, plus what the renderer needs
 * to dress it in markup without changing that text.
 *
 * @param text the paragraph's text: trimmed, no line breaks
 * @param heading a short heading line (no final punctuation), rendered as a subtitle or heading
 * @param keywordRanges {start, end} of the single keywords inserted in it, where inline markup may
 *     split a keyword ({@code 绿色<b>金融</b>} still reads 绿色金融)
 */
record Paragraph(String text, boolean heading, List<int[]> keywordRanges) {
  Paragraph {
    if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || !text.strip().equals(text)) {
      throw new IllegalArgumentException("a paragraph is one trimmed non-empty line: '" + text + "'");
    }
    keywordRanges = List.copyOf(keywordRanges);
  }

  Paragraph(String text) {
    this(text, false, List.of());
  }
}
