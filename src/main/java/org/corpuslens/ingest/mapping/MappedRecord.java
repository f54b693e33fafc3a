package org.corpuslens.ingest.mapping;

import java.util.Map;
import java.util.Objects;

/**
 * A record's fields after its mapping, before text extraction and dating.
 *
 * @param text the text field: HTML when {@code html}, else plain text (paragraphs on lines)
 * @param publishedAt the raw time value (text or number), or {@code null}
 * @param extra the {@code keep:} fields, as text
 */
public record MappedRecord(
    String id,
    String title,
    String text,
    boolean html,
    Object publishedAt,
    String source,
    String section,
    String channel,
    String url,
    String author,
    String editor,
    Map<String, String> extra) {
  public MappedRecord {
    Objects.requireNonNull(text, "text");
    extra = Map.copyOf(extra);
  }
}
