package org.corpuslens.ingest.format;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.corpuslens.ingest.RejectReason;

/**
 * A saved web page: an {@code .html} / {@code .htm} file without front matter (or any file with
 * {@code --format page}), one file one page, read the full-page way (main-text extraction of the
 * whole page). A browser's {@code <!-- saved from url=... -->} comment, {@code <link
 * rel=canonical>} or {@code og:url} gives the page's address.
 */
public final class PageFormat implements RecordFormat {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "page";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".html", ".htm");
  }

  @Override
  public Layout layout() {
    return Layout.SINGLE;
  }

  /**
   * CONTENT for an HTML file with content that does not start with a front-matter fence (a
   * post's); an empty one is left to the post format (an {@code EMPTY_FILE} reject either way).
   */
  @Override
  public Match detect(String fileName, byte[] head) {
    if (!RecordFormats.hasExtension(fileName, extensions())) {
      return Match.NO;
    }
    boolean blank = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank();
    return PostFormat.startsWithFence(head) || blank ? Match.NAME : Match.CONTENT;
  }

  @Override
  public RecordIterator open(RecordInput input) throws IOException {
    byte[] bytes = input.readAllWithinLimit();
    if (bytes == null) {
      return RecordIterator.of(List.of(SourceRecord.failed(input.path(), input.idKey(), NAME, input.size(), RejectReason.TOO_LARGE,
          String.format(Locale.ROOT, "over the limit of %,d bytes (--max-file-bytes)", input.maxRecordBytes()))));
    }
    return RecordIterator.of(List.of(SourceRecord.of(
        input.path(), input.idKey(), NAME, bytes.length, new Content.Document(bytes, Content.DocumentKind.HTML_PAGE), RecordMeta.NONE)));
  }
}
