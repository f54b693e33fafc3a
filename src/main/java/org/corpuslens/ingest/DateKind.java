package org.corpuslens.ingest;

import java.util.Locale;

/** What a post's {@code date} tells: the {@code date_kind} column. */
public enum DateKind {
  /** The publication time given by the feed (RFC 1123 in GMT, or ISO 8601 with an offset). */
  PUBLISHED,
  /** The crawl time ({@code yyyy-MM-dd HH:mm:ss} in UTC), for feeds without a publication date. */
  CRAWLED;

  /** The value stored in the {@code date_kind} column: {@code published} or {@code crawled}. */
  public String columnValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
