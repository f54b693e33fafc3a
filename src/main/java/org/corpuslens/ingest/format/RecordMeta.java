package org.corpuslens.ingest.format;

import java.io.Serializable;

/**
 * Optional facts a container knows about a record, apart from its content: all nullable.
 *
 * @param url the record's URL (a WARC target URI, a saved page's address)
 * @param time a time the container gives (a WARC-Date, an HTTP Last-Modified), as written
 * @param charset a charset hint (an HTTP Content-Type parameter); the decoder may still reject
 * @param httpStatus the HTTP status of a crawled response
 */
public record RecordMeta(String url, String time, String charset, Integer httpStatus) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No metadata. */
  public static final RecordMeta NONE = new RecordMeta(null, null, null, null);
}
