package org.corpuslens.extract;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Extracts the main text of one archived post body (everything after the front matter, entities
 * still encoded): HTML of any shape or plain text, possibly empty.
 *
 * <p>The body is parsed once with jsoup and walked once, iteratively (no recursion on the Java
 * stack, whatever the nesting depth), by a {@link ParagraphCollector} that applies the extraction
 * contract:
 *
 * <ul>
 *   <li>{@code <style>}, {@code <script>}, {@code <noscript>}, {@code <template>}, {@code <iframe>}
 *       (and {@code <head>}/{@code <title>}), every comment and the whole
 *       {@code <!--article_adlist[...]article_adlist-->} block, elements whose class contains
 *       {@code appendQr}, elements with the {@code hidden} attribute or {@code display:none} style
 *       are dropped with their subtree ({@link #BOILERPLATE_SELECTORS}), and so are players and
 *       embeds ({@code <video>}, {@code <audio>}, {@code <object>}, {@code <embed>}, {@code
 *       <canvas>}: their fallback text) and blocks whose class or id names an ad, QR, share or
 *       related box ({@link #BOILERPLATE_TOKENS});
 *   <li>a {@code 责任编辑：NAME} line (ASCII colon too; any {@code .article-editor} element or any
 *       paragraph whose whole text is that) becomes {@link ExtractedText#editor()};
 *   <li>a {@code 来源：NAME} / {@code 文章来源：NAME} paragraph becomes {@link
 *       ExtractedText#originalSource()};
 *   <li>a paragraph whose entire text is one link reading one of {@link #LINK_ONLY_TAIL_TEXTS} is
 *       dropped; the head of a related or comments list ({@code 相关阅读}, {@code 延伸阅读}, …, and
 *       disclaimers; {@link BodyLines#isTerminator(String)}) is dropped with the link-only lines
 *       that follow it;
 *   <li>credit lines ({@code 作者 | NAME}, {@code 编辑 | NAME}, {@code 来源 | NAME}, {@code 头图 |
 *       …}, a byline of date and labels; {@link BodyLines#credits(String)}) are metadata: an
 *       editor or origin they name is kept as for the lines above, the line is dropped;
 *   <li>boilerplate lines ({@link BodyLines#isNoise(String)}: {@code 图片来源于网络}, {@code
 *       本文来自微信公众号…} (the account becomes the origin), {@code …点击查看>>}, {@code ▷} link
 *       lists, share and print bars) are dropped; a Q&amp;A site's author byline before an answer
 *       ({@code img.avatar}, {@code span.author}, {@code span.bio}) is dropped with the
 *       boilerplate;
 *   <li>block elements ({@link #BLOCK_TAGS}, {@code <br>} included) separate paragraphs, inline
 *       elements do not; inside plain-text containers ({@link #LINE_CONTAINER_TAGS}, e.g. the
 *       wrapper {@code <div>}) every line of text is a paragraph;
 *   <li>paragraphs are trimmed of ASCII whitespace, U+3000 and NBSP (and the other Unicode space
 *       separators), inner whitespace runs collapse to one space, blank paragraphs are dropped;
 *   <li>entities are decoded; {@code imageCount} counts the {@code <img>} elements that were kept.
 * </ul>
 *
 * <p>The class is stateless and thread-safe. {@link #extract(String)} never throws.
 */
public final class HtmlTextExtractor {

  /**
   * Texts that make a link-only paragraph a navigation tail (contract rule 6): a paragraph whose
   * entire text is one link with one of these texts is dropped, wherever it occurs.
   */
  static final Set<String> LINK_ONLY_TAIL_TEXTS =
      Set.of("查看原文", "阅读原文", "原文链接", "查看知乎讨论", "查看知乎原文", "点击查看", "查看更多");

  /**
   * Whole paragraphs that archiving tools add and no article says: a Markdown rule ({@code ---},
   * {@code ***}) and the RSSHub archive's {@code (更新时间戳: 1664109102894)} update stamp.
   */
  static final java.util.regex.Pattern ARCHIVER_LINES =
      java.util.regex.Pattern.compile("[-*_=]{3,}|[(（]更新时间戳[:：]\\s*\\d+[)）]");

  /**
   * CSS selectors of the elements dropped together with their subtree (contract rules 1-3, plus
   * {@code head}/{@code title}, which are never main text). Attribute value matches are
   * case-insensitive; the regex is only evaluated on elements that carry a {@code style}
   * attribute.
   */
  static final List<String> BOILERPLATE_SELECTORS =
      List.of(
          "style",
          "script",
          "noscript",
          "template",
          "iframe",
          // players and embeds: their fallback text (您的浏览器不支持 video 标签) is not the post's
          "video",
          "audio",
          "object",
          "embed",
          "canvas",
          "head",
          "title",
          "[class*=appendQr]",
          "[hidden]",
          "[style~=(?i)display\\s*:\\s*none]",
          // a Q&A site's author byline before an answer: avatar, name, bio
          "img.avatar",
          "span.author",
          "span.bio",
          // a picture's credit in its caption: <figcaption><span>…</span> <cite>X for The New York Times</cite>
          "figcaption > cite",
          // a blog's table of contents (<div class="post-toc-content">); a heading's id="toc-1" is an anchor, text
          "div[class~=(?i)(^|[\\s_-])toc([\\s_-]|$)], nav[class~=(?i)(^|[\\s_-])toc([\\s_-]|$)]");

  /**
   * Class / id tokens ({@link PageExtractor#tokens}) of blocks dropped with their subtree: ad lists,
   * QR and share boxes, related lists (a feed body carries them only in the publishers' own
   * markup, e.g. {@code <div class="article-bottom-ad">}).
   */
  static final Set<String> BOILERPLATE_TOKENS =
      Set.of("ad", "ads", "adlist", "advert", "advertisement", "adv", "sponsor", "qrcode", "share", "related",
          "recommend", "excerpt", "fenlei", "keywords");

  /**
   * Class / id tokens that, beside {@code hd} (the "head" of the {@code hd} / {@code bd} / {@code ft}
   * naming), mark an article's header block: headline, kicker, info card ({@code <div
   * class="article-detail-hd">} above {@code <div class="article-detail-bd">}).
   */
  static final Set<String> HEADER_OWNER_TOKENS = Set.of("article", "detail", "post", "news", "entry");

  private static String withoutTrailingDigits(String token) {
    int end = token.length();
    while (end > 0 && Character.isDigit(token.charAt(end - 1))) {
      end--;
    }
    return end == token.length() ? token : token.substring(0, end);
  }

  /** Class / id tokens of a summary box above a post's text ({@code <div class="description">}). */
  static final Set<String> SUMMARY_TOKENS = Set.of("description", "summary", "abstract", "digest");

  /** Longest text of a summary box: a longer block so named is not a summary of the text. */
  static final int MAX_SUMMARY_CHARS = 300;

  /**
   * Whether {@code element} is a summary box by its class or id ({@link #SUMMARY_TOKENS}) and its
   * length; the caller asks only before any text was kept.
   */
  static boolean isSummaryBlock(Element element) {
    if (element.attributesSize() == 0) {
      return false;
    }
    for (String token : PageExtractor.tokens(element)) {
      if (SUMMARY_TOKENS.contains(token)) {
        return element.text().length() <= MAX_SUMMARY_CHARS;
      }
    }
    return false;
  }

  /** Whether {@code element} is a boilerplate block by its class or id ({@link #BOILERPLATE_TOKENS}). */
  static boolean isBoilerplateBlock(Element element) {
    if (element.attributesSize() == 0) {
      return false;
    }
    List<String> tokens = PageExtractor.tokens(element);
    boolean head = false;
    boolean owner = false;
    for (String token : tokens) {
      if (BOILERPLATE_TOKENS.contains(token) || BOILERPLATE_TOKENS.contains(withoutTrailingDigits(token))) {
        return true; // fenlei1, fenlei2: a numbered class is still the class
      }
      head |= token.equals("hd");
      owner |= HEADER_OWNER_TOKENS.contains(token);
    }
    return head && owner;
  }

  /**
   * Selector of the editor blocks: their text is never main text; a {@code 责任编辑：NAME} line in
   * them gives the editor (contract rule 4). They always separate paragraphs.
   */
  static final String EDITOR_BLOCK_SELECTOR = ".article-editor";

  /** Labels of an editor line ({@code LABEL：NAME}, contract rule 4). */
  static final List<String> EDITOR_LABELS = List.of("责任编辑", "責任編輯");

  /** Labels of an origin line ({@code LABEL：NAME}, contract rule 5). */
  static final List<String> SOURCE_LABELS = List.of("文章来源", "来源", "文章來源", "來源");

  /** Characters accepted between a label and its value: full-width and ASCII colon. */
  static final String LABEL_COLONS = "：:";

  /**
   * Elements that separate paragraphs (everything else, e.g. span, font, b, strong, a, em, i, img
   * and unknown tags, is inline).
   */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "html", "body", "address", "article", "aside", "blockquote", "br", "caption", "center",
          "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
          "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend",
          "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
          "td", "tfoot", "th", "thead", "tr", "ul");

  /**
   * Block elements whose direct text is plain text: inside them (when they are the nearest block
   * ancestor of a text node) a line break in the text ends a paragraph. Elsewhere, e.g. in a
   * {@code <p>}, a line break is ordinary whitespace.
   */
  static final Set<String> LINE_CONTAINER_TAGS =
      Set.of("html", "body", "div", "section", "article", "main", "center", "pre");

  /** Start of the Sina ad block, removed up to {@link #AD_LIST_END} before parsing. */
  static final String AD_LIST_START = "<!--article_adlist[";

  /** End of the Sina ad block. */
  static final String AD_LIST_END = "]article_adlist-->";

  private static final Evaluator BOILERPLATE =
      QueryParser.parse(String.join(", ", BOILERPLATE_SELECTORS));

  private static final Evaluator EDITOR_BLOCK = QueryParser.parse(EDITOR_BLOCK_SELECTOR);

  private static final ExtractedText EMPTY = new ExtractedText(List.of(), 0, null, null);

  private HtmlTextExtractor() {}

  /**
   * Extracts the main text of a post body.
   *
   * @param body everything after the front matter, entities still encoded; {@code null} is treated
   *     as empty
   * @return the paragraphs, image count, editor and original source; never {@code null}
   */
  public static ExtractedText extract(String body) {
    if (body == null || body.isEmpty()) {
      return EMPTY;
    }
    Document document = Jsoup.parse(stripAdLists(body));
    Element root = document.body();
    ParagraphCollector collector = new ParagraphCollector(root, BOILERPLATE, EDITOR_BLOCK);
    NodeTraversor.filter(collector, root);
    return collector.finish();
  }

  /**
   * Like {@link #extract(String)}, then drops the first paragraph when it merely repeats the title
   * (contract rule 7: the title is not part of the text). A body that is only its title (36kr)
   * yields no paragraphs.
   *
   * @param body everything after the front matter, entities still encoded; {@code null} is treated
   *     as empty
   * @param title the post title as in the front matter (entities may be encoded), or {@code null}
   * @return the extracted text without a leading title paragraph; never {@code null}
   */
  public static ExtractedText extract(String body, String title) {
    return withoutTitleLine(extract(body), title, 1, Whitespace::normalize);
  }

  /**
   * Extracts the main text of an archive post: {@link #extract(String)}, then drops a first paragraph
   * that repeats the post's title when more paragraphs follow (a body that is only its title keeps
   * it, so the post still counts). The titles compare after whitespace is collapsed and with quote
   * marks and the underscores an archiver writes for them ({@code 不得_出圈_} for {@code 不得“出圈”})
   * taken as equal.
   *
   * @param body everything after the front matter, entities still encoded; {@code null} is treated
   *     as empty
   * @param title the post title as in the front matter (entities may be encoded), or {@code null}
   * @return the extracted text; never {@code null}
   */
  public static ExtractedText extractPost(String body, String title) {
    return withoutTitleLine(extract(body), title, 2, HtmlTextExtractor::titleKey);
  }

  /**
   * {@code text} without its first paragraph when that paragraph's key equals the title's, and the
   * text has at least {@code minParagraphs} paragraphs; else {@code text} itself.
   */
  private static ExtractedText withoutTitleLine(
      ExtractedText text, String title, int minParagraphs, java.util.function.UnaryOperator<String> key) {
    if (title == null || text.paragraphs().size() < minParagraphs) {
      return text;
    }
    String wanted = key.apply(Parser.unescapeEntities(title, false));
    String first = key.apply(text.paragraphs().get(0));
    if (wanted.isEmpty() || !wanted.equals(first) && !wanted.equals(unbracketed(first))) {
      return text;
    }
    List<String> rest = text.paragraphs().subList(1, text.paragraphs().size());
    return new ExtractedText(rest, text.imageCount(), text.editor(), text.originalSource());
  }

  /** {@code line} without the 【】 around it (a flash's headline set as 【欧洲央行利率决议要点】), or {@code line}. */
  static String unbracketed(String line) {
    int n = line.length();
    if (n > 2 && (line.charAt(0) == '【' && line.charAt(n - 1) == '】' || line.charAt(0) == '[' && line.charAt(n - 1) == ']')) {
      return line.substring(1, n - 1).strip();
    }
    return line;
  }

  /** A title for comparison: whitespace collapsed, every quote mark and underscore as {@code _}. */
  static String titleKey(String title) {
    String collapsed = Whitespace.normalize(title);
    StringBuilder out = new StringBuilder(collapsed.length());
    for (int i = 0; i < collapsed.length(); i++) {
      char c = collapsed.charAt(i);
      out.append("_\"'“”‘’「」『』".indexOf(c) >= 0 ? '_' : c);
    }
    return out.toString();
  }

  /**
   * Removes every complete {@code <!--article_adlist[ ... ]article_adlist-->} block, so that a
   * comment nested inside it cannot end it early. An unterminated block is left to the parser.
   */
  static String stripAdLists(String body) {
    int start = body.indexOf(AD_LIST_START);
    if (start < 0) {
      return body;
    }
    StringBuilder out = null;
    int from = 0;
    while (start >= 0) {
      int end = body.indexOf(AD_LIST_END, start + AD_LIST_START.length());
      if (end < 0) {
        break;
      }
      if (out == null) {
        out = new StringBuilder(body.length());
      }
      out.append(body, from, start);
      from = end + AD_LIST_END.length();
      start = body.indexOf(AD_LIST_START, from);
    }
    if (out == null) {
      return body;
    }
    out.append(body, from, body.length());
    return out.toString();
  }
}
