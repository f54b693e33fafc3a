package org.corpuslens.ingest.format;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/** What a record holds: a whole document to interpret, or named fields to map. */
public sealed interface Content extends Serializable {
  /** The kinds of whole documents the pipeline knows how to interpret. */
  enum DocumentKind {
    /** A Hexo post: YAML front matter and an HTML or plain body ({@link PostFormat}). */
    HEXO_POST,
    /** A full web page (saved page, WARC response): main-text extraction of the whole page. */
    HTML_PAGE
  }

  /**
   * The raw bytes of one document, decoded later by the pipeline ({@code ingest.TextDecoder}, with
   * {@link RecordMeta#charset()} as a hint).
   */
  record Document(byte[] bytes, DocumentKind kind) implements Content {
    private static final long serialVersionUID = 1L;

    public Document {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * A record of a container that is counted but holds no article (a WARC request, revisit,
   * metadata, non-HTML or non-200 response): neither an article nor a reject.
   *
   * @param kind what it is ({@code request}, {@code non_html}, ...), counted per kind
   */
  record Skipped(String kind) implements Content {
    private static final long serialVersionUID = 1L;

    public Skipped {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * Named fields, values as plain Java: {@code String}, {@code Number}, {@code Boolean}, {@code
   * List}, {@code Map<String, Object>} or {@code null} (what Jackson binds JSON to; CSV and XML give
   * strings). A field mapping ({@code ingest.mapping}) turns them into an article.
   */
  record Fields(Map<String, Object> values) implements Content {
    private static final long serialVersionUID = 1L;

    public Fields {
      Objects.requireNonNull(values, "values");
    }
  }
}
