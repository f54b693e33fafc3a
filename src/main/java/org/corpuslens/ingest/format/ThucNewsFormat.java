package org.corpuslens.ingest.format;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpuslens.ingest.RejectException;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.TextDecoder;

/**
 * THUCNews-style plain texts: {@code ROOT/CATEGORY/N.txt}, one article per file, the first
 * non-blank line the title, the rest the body; the category is the folder. Gives the fields
 * {@code title}, {@code text}, {@code category} and {@code file} (the name without {@code .txt}),
 * which the {@code thucnews} profile maps. Decoding as for posts (UTF-8, GB18030, strict).
 */
public final class ThucNewsFormat implements RecordFormat {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "thucnews";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".txt");
  }

  @Override
  public Layout layout() {
    return Layout.SINGLE;
  }

  @Override
  public Match detect(String fileName, byte[] head) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".txt") ? Match.NAME : Match.NO;
  }

  @Override
  public RecordIterator open(RecordInput input) throws IOException {
    byte[] bytes = input.readAllWithinLimit();
    if (bytes == null) {
      return RecordIterator.of(List.of(SourceRecord.failed(input.path(), input.idKey(), NAME, input.size(), RejectReason.TOO_LARGE,
          String.format(Locale.ROOT, "over the limit of %,d bytes (--max-file-bytes)", input.maxRecordBytes()))));
    }
    try {
      return RecordIterator.of(List.of(SourceRecord.of(input.path(), input.idKey(), NAME, bytes.length,
          new Content.Fields(fields(TextDecoder.decode(bytes), input)), RecordMeta.NONE)));
    } catch (RejectException e) {
      return RecordIterator.of(List.of(SourceRecord.failed(input.path(), input.idKey(), NAME, bytes.length, e.reason(), e.getMessage())));
    }
  }

  static Map<String, Object> fields(String text, RecordInput input) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = t.split("\r\n|\r|\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    String title = i < lines.length ? lines[i].strip() : null;
    StringBuilder body = new StringBuilder();
    for (int j = i + 1; j < lines.length; j++) {
      body.append(lines[j]).append('\n');
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("text", body.toString());
    fields.put("category", input.folderName().isEmpty() ? null : input.folderName());
    String name = input.fileName();
    fields.put("file", name.toLowerCase(Locale.ROOT).endsWith(".txt") ? name.substring(0, name.length() - 4) : name);
    return fields;
  }
}
