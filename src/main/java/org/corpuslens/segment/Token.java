package org.corpuslens.segment;

import java.util.Objects;

/**
 * One term of segmented text.
 *
 * @param term the word as it appears in the text
 * @param pos HanLP's part-of-speech tag (e.g. {@code n}, {@code v}, {@code nz})
 */
public record Token(String term, String pos) {
  public Token {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(pos, "pos");
  }
}
