package org.corpuslens.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.corpuslens.extract.ExtractedText;
import org.corpuslens.extract.HtmlTextExtractor;
import org.corpuslens.ingest.FrontMatter;
import org.corpuslens.ingest.Post;
import org.corpuslens.ingest.PostDate;
import org.corpuslens.ingest.PostDates;
import org.corpuslens.ingest.PostParser;
import org.corpuslens.ingest.RejectException;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.TextDecoder;
import org.corpuslens.segment.HanLpSegmenter;
import org.corpuslens.segment.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one file's bytes into an article or a reject: decode, split front matter, read fields and
 * date, extract the main text, segment it. Pure Java, no Spark; one instance per thread (it holds
 * a SnakeYAML parser), sharing the per-JVM segmenter.
 */
public final class PostProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(PostProcessor.class);
  private final PostParser parser = new PostParser();
  private final HanLpSegmenter segmenter;
  private final Instant runStart;
  private long parseNanos;
  private long extractNanos;
  private long segmentNanos;
  private long segmentedChars;

  public PostProcessor(HanLpSegmenter segmenter, Instant runStart) {
    this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
    this.runStart = Objects.requireNonNull(runStart, "runStart");
  }

  /**
   * Processes one file. Never throws for bad data: every problem of the file becomes a {@link
   * FileOutcome.Reject}.
   *
   * @param sourcePath the file's full path or URI, stored as {@code source_path}
   * @param idKey the stable key the article id is derived from (the path relative to its input
   *     root)
   */
  public FileOutcome process(String sourcePath, String idKey, byte[] bytes) {
    String source = null;
    try {
      long t0 = System.nanoTime();
      String text = TextDecoder.decode(bytes);
      Post post = parser.parse(text);
      FrontMatter fm = post.frontMatter();
      source = fm.source();
      if (source == null) {
        throw new RejectException(
            RejectReason.MISSING_SOURCE, "front matter names no source: no author and no categories[1]");
      }
      PostDate date = PostDates.parse(fm.date(), runStart);
      long t1 = System.nanoTime();
      parseNanos += t1 - t0;
      ExtractedText extracted = HtmlTextExtractor.extract(post.body());
      long t2 = System.nanoTime();
      extractNanos += t2 - t1;
      String body = extracted.text();
      if (body.isBlank()) {
        throw new RejectException(
            RejectReason.EMPTY_TEXT,
            "no text left after extraction (" + post.body().length() + " characters of body"
                + (extracted.imageCount() > 0 ? ", " + extracted.imageCount() + " images" : "") + ")");
      }
      List<Token> tokens = segmenter.segment(body);
      segmentNanos += System.nanoTime() - t2;
      segmentedChars += body.length();
      return new FileOutcome.Article(
          articleId(idKey),
          sourcePath,
          source,
          fm.section(),
          fm.channel(),
          fm.title(),
          extracted.editor(),
          extracted.originalSource(),
          date.instant(),
          date.kind(),
          body,
          charCount(body),
          extracted.paragraphs().size(),
          extracted.imageCount(),
          tokens,
          bytes.length);
    } catch (RejectException e) {
      return new FileOutcome.Reject(sourcePath, e.reason(), e.getMessage(), bytes.length, source);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("processing {} failed; it goes to rejects as PROCESSING_ERROR", sourcePath, e);
      return new FileOutcome.Reject(
          sourcePath,
          RejectReason.PROCESSING_ERROR,
          e.getClass().getName() + ": " + e.getMessage(),
          bytes.length,
          source);
    }
  }

  /**
   * Time this processor spent per stage so far, in nanoseconds of its thread (decode + front
   * matter + date; extraction; segmentation), and the characters it segmented: the per-stage
   * figures of a run.
   */
  public long[] stageTotals() {
    return new long[] {parseNanos, extractNanos, segmentNanos, segmentedChars};
  }

  /** Characters of text that are not whitespace, counted as code points. */
  public static int charCount(String text) {
    return (int) text.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0x3000 && c != 0xA0).count();
  }

  /** A stable id: the first 128 bits of SHA-256 of the key, in hex. */
  public static String articleId(String idKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(idKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
