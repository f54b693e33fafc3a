package org.corpuslens.ingest.mapping;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.corpuslens.ingest.RejectException;
import org.corpuslens.ingest.RejectReason;

/**
 * Applies a {@link FieldMapping} to one record's fields. Wrong types are rejects, not guesses: a
 * title that is an array or an object, a text that is a number, is {@code BAD_RECORD}; a number
 * where text is expected in a short field (an id, a source) is written as text. A record without
 * text is {@code EMPTY_TEXT}. Without a source field or default, the host of the URL is the source.
 */
public final class RecordMapper {
  /** Tags that make a text field HTML under {@code text_format: auto}. */
  private static final Pattern HTML_TAG =
      Pattern.compile("<(?:p|br|div|span|a|img|b|strong|em|i|h[1-6]|ul|ol|li|table|section|article|font|center|blockquote)\\b[^>]*>",
          Pattern.CASE_INSENSITIVE);

  private RecordMapper() {}

  public static MappedRecord apply(FieldMapping m, Map<String, Object> fields) throws RejectException {
    Object textValue = first(m, Target.TEXT, fields);
    String text = text(textValue, m.fields().get(Target.TEXT));
    boolean html = switch (m.textFormat()) {
      case HTML -> true;
      case PLAIN -> false;
      case AUTO -> HTML_TAG.matcher(text).find();
    };
    Object published = first(m, Target.PUBLISHED_AT, fields);
    if (published instanceof List<?> || published instanceof Map<?, ?>) {
      throw new RejectException(RejectReason.BAD_RECORD, "published_at (" + paths(m, Target.PUBLISHED_AT) + ") is "
          + describe(published) + ", not a time");
    }
    String url = scalar(m, Target.URL, fields);
    String source = scalar(m, Target.SOURCE, fields);
    if (source == null && url != null) {
      source = host(url);
    }
    Map<String, String> extra = new LinkedHashMap<>();
    for (FieldPath p : m.keep()) {
      Object v = p.resolve(fields);
      if (v != FieldPath.MISSING && v != null) {
        extra.put(p.toString(), asText(v));
      }
    }
    return new MappedRecord(
        scalar(m, Target.ID, fields),
        scalar(m, Target.TITLE, fields),
        text,
        html,
        published == FieldPath.MISSING ? null : published,
        source,
        scalar(m, Target.SECTION, fields),
        scalar(m, Target.CHANNEL, fields),
        url,
        scalar(m, Target.AUTHOR, fields),
        scalar(m, Target.EDITOR, fields),
        extra);
  }

  /** The first present value among the target's paths, else its default, else MISSING. */
  private static Object first(FieldMapping m, Target t, Map<String, Object> fields) {
    for (FieldPath p : m.fields().getOrDefault(t, List.of())) {
      Object v = p.resolve(fields);
      if (v != FieldPath.MISSING && v != null && !(v instanceof List<?> l && l.isEmpty())) {
        return v;
      }
    }
    String d = m.defaults().get(t);
    return d != null ? d : FieldPath.MISSING;
  }

  private static String text(Object v, List<FieldPath> paths) throws RejectException {
    String where = paths.stream().map(FieldPath::toString).collect(Collectors.joining(" or "));
    if (v == FieldPath.MISSING || v == null) {
      throw new RejectException(RejectReason.EMPTY_TEXT, "the record has no text (" + where + " missing or null)");
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof List<?> list) {
      StringBuilder out = new StringBuilder();
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw new RejectException(RejectReason.BAD_RECORD, "text (" + where + ") holds " + describe(item) + ", not text");
        }
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(s);
      }
      return out.toString();
    }
    throw new RejectException(RejectReason.BAD_RECORD, "text (" + where + ") is " + describe(v) + ", not text");
  }

  private static String scalar(FieldMapping m, Target t, Map<String, Object> fields) throws RejectException {
    Object v = first(m, t, fields);
    if (v == FieldPath.MISSING || v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s.isBlank() ? null : s.strip();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw new RejectException(RejectReason.BAD_RECORD, t.key() + " (" + paths(m, t) + ") is " + describe(v) + ", not text");
  }

  private static String paths(FieldMapping m, Target t) {
    return m.fields().getOrDefault(t, List.of()).stream().map(FieldPath::toString).collect(Collectors.joining(" or "));
  }

  private static String asText(Object v) {
    if (v instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(v);
  }

  private static String host(String url) {
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null || h.isBlank() ? null : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    if (v instanceof List<?>) {
      return "an array";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof Number) {
      return "a number (" + v + ")";
    }
    return "text";
  }
}
