package org.corpuslens.pipeline;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a full web page came from, when it is not an archive post: a WARC record or a saved page.
 *
 * @param url the page's address ({@code WARC-Target-URI}), or {@code null} for a saved page (the
 *     page's own canonical / og:url / "saved from" address is used then)
 * @param crawledAt the capture time ({@code WARC-Date}), or {@code null}
 * @param declaredCharset the charset of the HTTP {@code Content-Type} header, or {@code null}
 */
public record PageSource(String url, Instant crawledAt, String declaredCharset) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A saved page: nothing known beyond its bytes. */
  public static final PageSource SAVED_PAGE = new PageSource(null, null, null);
}
