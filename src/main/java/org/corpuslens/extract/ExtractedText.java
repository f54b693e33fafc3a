package org.corpuslens.extract;

import java.util.List;
import java.util.Objects;

/**
 * The main text of one post body, as extracted by {@link HtmlTextExtractor}.
 *
 * @param paragraphs the main-text paragraphs in document order, each trimmed (full-width indents
 *     included), never blank; empty when nothing is left
 * @param imageCount number of {@code <img>} elements in the main text (ads and promotions excluded)
 * @param editor the name from a {@code 责任编辑：NAME} line, or {@code null} when there is none
 * @param originalSource the origin named by a {@code 来源：NAME} / {@code 文章来源：NAME} line, or
 *     {@code null}
 */
public record ExtractedText(
    List<String> paragraphs, int imageCount, String editor, String originalSource) {

  public ExtractedText {
    paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
    if (imageCount < 0) {
      throw new IllegalArgumentException("imageCount must be >= 0, got " + imageCount);
    }
  }

  /** The paragraphs joined with {@code '\n'}: the {@code text} column of {@code articles}. */
  public String text() {
    return String.join("\n", paragraphs);
  }
}
