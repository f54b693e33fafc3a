package org.corpuslens.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.corpuslens.extract.Language;
import org.corpuslens.ingest.DateKind;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.segment.Token;

/** What became of one input file: exactly one article or one reject. */
public sealed interface FileOutcome {
  String sourcePath();

  long sizeBytes();

  /**
   * An accepted post or record. Period columns are derived later from {@link #publishedAt()}.
   *
   * @param url the record's URL (mapped records), or null
   * @param author the record's author or reporter (mapped records), or null
   * @param recordId the record's own id in its dump (mapped records), or null
   * @param extra the mapping's {@code keep:} fields, empty for posts
   */
  record Article(
      String articleId,
      String sourcePath,
      String source,
      String section,
      String channel,
      String title,
      String editor,
      String originalSource,
      Instant publishedAt,
      DateKind dateKind,
      String text,
      int charCount,
      int paragraphCount,
      int imageCount,
      List<Token> tokens,
      long sizeBytes,
      String url,
      String author,
      String recordId,
      java.util.Map<String, String> extra,
      String language)
      implements FileOutcome {
    /** An article of a post: no URL, author, record id or extra fields; language from the text. */
    public Article(
        String articleId, String sourcePath, String source, String section, String channel, String title, String editor,
        String originalSource, Instant publishedAt, DateKind dateKind, String text, int charCount, int paragraphCount,
        int imageCount, List<Token> tokens, long sizeBytes) {
      this(articleId, sourcePath, source, section, channel, title, editor, originalSource, publishedAt, dateKind, text,
          charCount, paragraphCount, imageCount, tokens, sizeBytes, null, null, null, java.util.Map.of(), Language.of(text));
    }

    public Article {
      extra = extra == null ? java.util.Map.of() : java.util.Map.copyOf(extra);
      Objects.requireNonNull(articleId, "articleId");
      Objects.requireNonNull(sourcePath, "sourcePath");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(publishedAt, "publishedAt");
      Objects.requireNonNull(dateKind, "dateKind");
      Objects.requireNonNull(text, "text");
      tokens = List.copyOf(tokens);
    }
  }

  /**
   * A record of a container that is counted, not processed (a WARC request, revisit, non-HTML
   * response ...): neither an article nor a reject.
   *
   * @param kind what it is ({@code request}, {@code non_html}, ...)
   */
  record Skipped(String sourcePath, String kind) implements FileOutcome {
    public Skipped {
      Objects.requireNonNull(sourcePath, "sourcePath");
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public long sizeBytes() {
      return 0;
    }
  }

  /**
   * A rejected file.
   *
   * @param source the source named by the front matter when it could be read, else {@code null}
   */
  record Reject(String sourcePath, RejectReason reason, String detail, long sizeBytes, String source)
      implements FileOutcome {
    public Reject {
      Objects.requireNonNull(sourcePath, "sourcePath");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
