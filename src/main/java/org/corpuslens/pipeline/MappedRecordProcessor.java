package org.corpuslens.pipeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.corpuslens.extract.ExtractedText;
import org.corpuslens.extract.HtmlTextExtractor;
import org.corpuslens.ingest.PostDate;
import org.corpuslens.ingest.RecordDates;
import org.corpuslens.ingest.RejectException;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.mapping.FieldMapping;
import org.corpuslens.ingest.mapping.MappedRecord;
import org.corpuslens.ingest.mapping.RecordMapper;
import org.corpuslens.segment.HanLpSegmenter;
import org.corpuslens.segment.Token;

/**
 * A record of named fields (JSON, CSV, XML) to an article: mapping, date, text (HTML through the
 * posts' jsoup extraction, plain text kept as its paragraphs), segmentation. Plain Java, one per
 * thread.
 */
final class MappedRecordProcessor {
  private final HanLpSegmenter segmenter;
  private final Instant runStart;
  private final ZoneId zone;
  long parseNanos;
  long extractNanos;
  long segmentNanos;
  long segmentedChars;

  MappedRecordProcessor(HanLpSegmenter segmenter, Instant runStart, ZoneId zone) {
    this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
    this.runStart = Objects.requireNonNull(runStart, "runStart");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  FileOutcome process(String sourcePath, String idKey, long size, FieldMapping mapping, Map<String, Object> fields) {
    String source = null;
    try {
      long t0 = System.nanoTime();
      MappedRecord m = RecordMapper.apply(mapping, fields);
      source = m.source();
      if (source == null) {
        throw new RejectException(RejectReason.MISSING_SOURCE,
            "no source: mapping " + mapping.name() + " finds no source field and no URL (give fields.source or defaults.source)");
      }
      PostDate date = RecordDates.parse(m.publishedAt(), zone, runStart);
      long t1 = System.nanoTime();
      parseNanos += t1 - t0;
      ExtractedText extracted = m.html() ? HtmlTextExtractor.extract(m.text()) : plain(m.text());
      long t2 = System.nanoTime();
      extractNanos += t2 - t1;
      String body = extracted.text();
      if (body.isBlank()) {
        throw new RejectException(RejectReason.EMPTY_TEXT,
            "no text left after extraction (" + m.text().length() + " characters of " + (m.html() ? "HTML" : "text") + ")");
      }
      List<Token> tokens = segmenter.segment(body);
      segmentNanos += System.nanoTime() - t2;
      segmentedChars += body.length();
      return new FileOutcome.Article(
          PostProcessor.articleId(idKey),
          sourcePath,
          source,
          m.section(),
          m.channel(),
          m.title(),
          m.editor() != null ? m.editor() : extracted.editor(),
          extracted.originalSource(),
          date.instant(),
          date.kind(),
          body,
          PostProcessor.charCount(body),
          extracted.paragraphs().size(),
          extracted.imageCount(),
          tokens,
          size,
          m.url(),
          m.author(),
          m.id(),
          m.extra(),
          org.corpuslens.extract.Language.of(body));
    } catch (RejectException e) {
      return new FileOutcome.Reject(sourcePath, e.reason(), e.getMessage(), size, source);
    }
  }

  /** Plain text: one paragraph per non-blank line, trimmed like the HTML paragraphs. */
  static ExtractedText plain(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String line : text.split("\r\n|\r|\n")) {
      String p = line.replaceAll("^[\\s\\u3000\\u00A0]+|[\\s\\u3000\\u00A0]+$", "").replaceAll("[ \\t]+", " ");
      if (!p.isEmpty()) {
        paragraphs.add(p);
      }
    }
    return new ExtractedText(paragraphs, 0, null, null);
  }
}
