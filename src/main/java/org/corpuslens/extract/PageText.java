package org.corpuslens.extract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PageExtractor} finds in one full web page: the article body's paragraphs and the
 * page's metadata.
 *
 * @param paragraphs the body paragraphs in document order (subheadings and in-body captions
 *     included), each trimmed and whitespace-collapsed, never blank
 * @param imageCount {@code <img>} elements inside the extracted body
 * @param title the headline (og:title, a matching h1, or {@code <title>} without its site suffix),
 *     or {@code null}
 * @param publishedAt the publication time, or {@code null} when the page states none
 * @param dateOrigin where {@code publishedAt} came from ({@code meta}, {@code json-ld}, {@code
 *     time}, {@code visible}, {@code url}), or {@code null}
 * @param originalSource the name from a {@code 来源：NAME} line, or {@code null}
 * @param siteName {@code og:site_name}, the JSON-LD publisher, or the URL's host, or {@code null}
 * @param author the name from a {@code 作者：} / {@code 文|} / {@code 记者} line or author meta, or
 *     {@code null}
 * @param editor the name from a {@code 责任编辑：} / {@code 编辑：} line, or {@code null}
 * @param cjkShare share of Han characters among the body's letters (a Latin word counts once)
 * @param language {@link Language#of(String)} of the body: {@code zh}, {@code ja}, {@code ko} or
 *     {@code other}
 * @param url the address the page was given with, else its own ({@code <link rel=canonical>},
 *     {@code og:url}, a browser's {@code saved from url} comment), or {@code null}
 */
public record PageText(
    List<String> paragraphs,
    int imageCount,
    String title,
    Instant publishedAt,
    String dateOrigin,
    String originalSource,
    String siteName,
    String author,
    String editor,
    double cjkShare,
    String language,
    String url) {

  public PageText {
    paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
    Objects.requireNonNull(language, "language");
  }

  /** The paragraphs joined with {@code '\n'}: the {@code text} column. */
  public String text() {
    return String.join("\n", paragraphs);
  }

  /** The source of the article: the 来源 line, else the site name, else {@code null}. */
  public String source() {
    return originalSource != null ? originalSource : siteName;
  }
}
