package org.corpuslens.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in record formats and the choice of a format for a file: {@code --format} when given,
 * else by content (the first {@value #HEAD_BYTES} bytes) over name (the extension), as Tika's
 * detectors do.
 */
public final class RecordFormats {
  /** How many leading bytes of a file {@link RecordFormat#detect} sees. */
  public static final int HEAD_BYTES = 8192;

  /** Value of {@code --format} that chooses per file. */
  public static final String AUTO = "auto";

  /** Every built-in format, in order of preference when two recognise a file equally well. */
  public static final List<RecordFormat> BUILT_IN =
      List.of(new PostFormat(), new JsonLinesFormat(), new JsonDocumentFormat(), new SogouXmlFormat(), new CsvFormat(),
          new ThucNewsFormat(), new WarcFormat(), new PageFormat());

  private RecordFormats() {}

  /** The format called {@code name}, if built in. */
  public static Optional<RecordFormat> byName(String name) {
    return BUILT_IN.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The names accepted by {@code --format}: {@value #AUTO} and every built-in format's. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(AUTO);
    BUILT_IN.forEach(f -> names.add(f.name()));
    return names;
  }

  /**
   * The format to read a file with: {@code forced} when not null; else the format that recognises
   * the content, else the first whose extension fits the name; empty when none does.
   */
  public static Optional<RecordFormat> choose(String fileName, byte[] head, RecordFormat forced) {
    if (forced != null) {
      return Optional.of(forced);
    }
    RecordFormat byName = null;
    for (RecordFormat f : BUILT_IN) {
      Match m = f.detect(fileName, head);
      if (m == Match.CONTENT) {
        return Optional.of(f);
      }
      if (m == Match.NAME && byName == null) {
        byName = f;
      }
    }
    return Optional.ofNullable(byName);
  }

  /**
   * Whether a file of this name may hold many records (so it is not subject to the per-file size
   * limit, and a big one is streamed or split instead of read whole).
   */
  public static boolean mayHoldManyRecords(String fileName, RecordFormat forced) {
    if (forced != null) {
      return forced.layout() != Layout.SINGLE;
    }
    return BUILT_IN.stream()
        .anyMatch(f -> f.layout() != Layout.SINGLE && hasExtension(fileName, f.extensions()));
  }

  /** Counts the {@code \n} bytes in the next {@code maxBytes} bytes of a stream (the numbering of byte ranges). */
  public static long countLineBreaks(java.io.InputStream in, long maxBytes) throws java.io.IOException {
    return ByteLines.countLineBreaks(in, maxBytes);
  }

  /** Whether {@code fileName} ends with one of {@code extensions} (case-insensitive). */
  public static boolean hasExtension(String fileName, List<String> extensions) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String e : extensions) {
      if (lower.endsWith(e)) {
        return true;
      }
    }
    return false;
  }
}
