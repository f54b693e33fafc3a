package org.corpuslens.ingest.mapping;

import java.util.Locale;

/** The article fields a mapping can fill, by their YAML key. */
public enum Target {
  ID, TITLE, TEXT, PUBLISHED_AT, SOURCE, SECTION, CHANNEL, URL, AUTHOR, EDITOR;

  /** The YAML key: {@code published_at}, {@code title}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The target of a YAML key ({@code category} is {@code section}); null when unknown. */
  public static Target ofKey(String key) {
    if ("category".equals(key)) {
      return SECTION;
    }
    if ("body".equals(key)) {
      return TEXT;
    }
    for (Target t : values()) {
      if (t.key().equals(key)) {
        return t;
      }
    }
    return null;
  }
}
