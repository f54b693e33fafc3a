package org.corpuslens.ingest;

import java.util.List;
import java.util.Objects;

/**
 * The fields CorpusLens reads from a post's front matter, entities ({@code &#123;}) decoded.
 *
 * @param title the title, or {@code null} when blank
 * @param categories the {@code categories} list (section, source, feed), possibly empty; a blank
 *     item is an empty string
 * @param author the {@code author} (the source), or {@code null}
 * @param date the raw {@code date} value, or {@code null}
 */
public record FrontMatter(String title, List<String> categories, String author, String date) {
  public FrontMatter {
    categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
  }

  /** The source: {@code author}, else the second category; {@code null} when neither is set. */
  public String source() {
    if (author != null) {
      return author;
    }
    return category(1);
  }

  /** The section: the first category, or {@code null}. */
  public String section() {
    return category(0);
  }

  /** The channel (feed): the third category, or {@code null}. */
  public String channel() {
    return category(2);
  }

  private String category(int index) {
    return index < categories.size() && !categories.get(index).isEmpty() ? categories.get(index) : null;
  }
}
