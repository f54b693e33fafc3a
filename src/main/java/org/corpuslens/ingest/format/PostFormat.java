package org.corpuslens.ingest.format;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.corpuslens.ingest.RejectReason;

/**
 * The Hexo post of the RSSHub news archive: one file, one article; YAML front matter between
 * {@code ---} fences, then an HTML or plain body. The bytes are handed on undecoded: decoding,
 * front matter and extraction are the pipeline's.
 */
public final class PostFormat implements RecordFormat {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "post";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".md", ".html", ".htm");
  }

  @Override
  public Layout layout() {
    return Layout.SINGLE;
  }

  /** CONTENT when the first non-blank line (after a UTF-8 BOM) is the {@code ---} fence. */
  @Override
  public Match detect(String fileName, byte[] head) {
    if (startsWithFence(head)) {
      return Match.CONTENT;
    }
    return RecordFormats.hasExtension(fileName, extensions()) ? Match.NAME : Match.NO;
  }

  static boolean startsWithFence(byte[] head) {
    int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    if (i + 3 > head.length || head[i] != '-' || head[i + 1] != '-' || head[i + 2] != '-') {
      return false;
    }
    int j = i + 3;
    while (j < head.length && (head[j] == ' ' || head[j] == '\t')) {
      j++;
    }
    return j == head.length || head[j] == '\n' || head[j] == '\r';
  }

  @Override
  public RecordIterator open(RecordInput input) throws IOException {
    byte[] bytes = input.readAllWithinLimit();
    if (bytes == null) {
      return RecordIterator.of(List.of(SourceRecord.failed(input.path(), input.idKey(), NAME, input.size(), RejectReason.TOO_LARGE,
          String.format(Locale.ROOT, "over the limit of %,d bytes (--max-file-bytes)", input.maxRecordBytes()))));
    }
    return RecordIterator.of(List.of(SourceRecord.of(
        input.path(), input.idKey(), NAME, bytes.length, new Content.Document(bytes, Content.DocumentKind.HEXO_POST), RecordMeta.NONE)));
  }
}
