package org.corpuslens.ingest.format;

/** How well a format recognises a file. Content beats name; a format that cannot read the head says {@link #NO}. */
public enum Match {
  /** Not this format. */
  NO,
  /** The name fits (extension) but the content says nothing either way. */
  NAME,
  /** The first bytes are this format's (a {@code ---} fence, a {@code [} or a {@code <doc>}). */
  CONTENT
}
