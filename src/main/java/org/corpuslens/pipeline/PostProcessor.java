package org.corpuslens.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.corpuslens.extract.ExtractedText;
import org.corpuslens.extract.HtmlTextExtractor;
import org.corpuslens.extract.Language;
import org.corpuslens.extract.PageExtractor;
import org.corpuslens.extract.PageText;
import org.corpuslens.ingest.DateKind;
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
  private final Set<String> languages;
  private long parseNanos;
  private long extractNanos;
  private long segmentNanos;
  private long segmentedChars;

  public PostProcessor(HanLpSegmenter segmenter, Instant runStart) {
    this(segmenter, runStart, DEFAULT_LANGUAGES);
  }

  /**
   * @param languages the {@link Language} codes of full pages that become articles; a page in
   *     another language is a {@link RejectReason#NOT_CHINESE} reject
   */
  public PostProcessor(HanLpSegmenter segmenter, Instant runStart, Set<String> languages) {
    this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
    this.runStart = Objects.requireNonNull(runStart, "runStart");
    this.languages = Set.copyOf(languages);
  }

  /** Full pages must be Chinese unless {@code --languages} says otherwise. */
  public static final Set<String> DEFAULT_LANGUAGES = Set.of(Language.CHINESE);

  /** Dates before this are not publication dates (as for posts). */
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

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
      ExtractedText extracted = HtmlTextExtractor.extractPost(post.body(), fm.title());
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
   * Processes one full web page (a WARC record, or a saved page read with {@code --format page}):
   * decode (HTTP charset, then the file's own), extract the body and metadata ({@link
   * PageExtractor}), check the language, segment. Never throws for bad data.
   *
   * @param sourcePath {@code FILE#OFFSET} for a WARC record, the file's path for a saved page
   */
  public FileOutcome processPage(String sourcePath, String idKey, byte[] bytes, PageSource page) {
    try {
      long t0 = System.nanoTime();
      String text = TextDecoder.decodeWithCharset(bytes, page.declaredCharset()).text();
      return page(sourcePath, idKey, text, page, bytes.length, t0);
    } catch (RejectException e) {
      return new FileOutcome.Reject(sourcePath, e.reason(), e.getMessage(), bytes.length, null);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("processing page {} failed; it goes to rejects as PROCESSING_ERROR", sourcePath, e);
      return new FileOutcome.Reject(
          sourcePath, RejectReason.PROCESSING_ERROR, e.getClass().getName() + ": " + e.getMessage(), bytes.length, null);
    }
  }

  private FileOutcome page(String sourcePath, String idKey, String html, PageSource page, long size, long t0)
      throws RejectException {
    long t1 = System.nanoTime();
    parseNanos += t1 - t0;
    PageText extracted = PageExtractor.extract(html, page.url());
    long t2 = System.nanoTime();
    extractNanos += t2 - t1;
    String source = extracted.source() != null ? extracted.source() : PageExtractor.hostOf(page.url());
    String body = extracted.text();
    if (body.isBlank()) {
      throw new RejectException(RejectReason.EMPTY_TEXT,
          "no body text found in the page (" + html.length() + " characters of HTML)" + where(page));
    }
    if (!languages.contains(extracted.language())) {
      throw new RejectException(RejectReason.NOT_CHINESE, String.format(Locale.ROOT,
          "the text is not mainly Chinese: language %s, Han share %.2f of %d characters%s (--languages %s)",
          extracted.language(), extracted.cjkShare(), body.length(), where(page), String.join(",", new java.util.TreeSet<>(languages))));
    }
    if (source == null) {
      throw new RejectException(RejectReason.MISSING_SOURCE,
          "the page names no source (no 来源 line, og:site_name or publisher) and has no URL" + where(page));
    }
    Instant latest = (page.crawledAt() != null ? page.crawledAt() : runStart).plus(java.time.Duration.ofDays(1));
    Instant published = extracted.publishedAt();
    DateKind kind = DateKind.PUBLISHED;
    if (published == null || published.isBefore(EARLIEST) || published.isAfter(latest)) {
      published = page.crawledAt();
      kind = DateKind.CRAWLED;
    }
    if (published == null) {
      throw new RejectException(RejectReason.MISSING_DATE,
          extracted.publishedAt() == null
              ? "the page states no publication date (meta, JSON-LD, byline or URL) and has no crawl time"
              : "the page's date " + extracted.publishedAt() + " is before 1990 or after the run, and there is no crawl time");
    }
    List<Token> tokens = segmenter.segment(body);
    segmentNanos += System.nanoTime() - t2;
    segmentedChars += body.length();
    return new FileOutcome.Article(
        articleId(idKey),
        sourcePath,
        source,
        null,
        null,
        extracted.title(),
        extracted.editor(),
        extracted.originalSource(),
        published,
        kind,
        body,
        charCount(body),
        extracted.paragraphs().size(),
        extracted.imageCount(),
        tokens,
        size,
        extracted.url() != null ? extracted.url() : page.url(),
        extracted.author(),
        null,
        java.util.Map.of(),
        extracted.language());
  }

  private static String where(PageSource page) {
    return page.url() == null ? "" : " at " + page.url();
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
