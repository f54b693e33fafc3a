package org.corpuslens.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.corpuslens.extract.PageParagraphs.Para;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Main text and metadata of a full news page (a saved page or a WARC response): the article
 * body's paragraphs in order, with subheadings and in-body captions, without navigation,
 * breadcrumbs, headline, byline, share bars, related and hot lists, comments, footers and ads.
 *
 * <p>The method, in one parse and a few linear passes:
 *
 * <ol>
 *   <li>Non-content elements go (script, style, forms' controls, iframes, hidden elements); the
 *       page's paragraphs are read once for the metadata ({@link PageMetadata}): title, date near
 *       the headline, 来源 / 作者 / 责任编辑 lines.
 *   <li>Navigation, asides, footers, headers and elements whose class or id names boilerplate
 *       ({@link #NEGATIVE_TOKENS}: share, comment, related, breadcrumb, ad, ...) are removed, unless
 *       such an element holds a large part of the page's sentence punctuation (then it is the
 *       article, whatever its name).
 *   <li>Every paragraph of at least {@link #MIN_SCORED_CHARS} characters outside links scores its
 *       container (as in Readability, with Chinese punctuation as the evidence of prose): {@code 1
 *       + punctuation marks + min(chars / 100, 3)}, given in full to the paragraph's container, half
 *       to the one above, a sixth to the next. A container's score is multiplied by {@code 1 - link
 *       density}. The best container wins; an ancestor shared with close rivals replaces it, and
 *       siblings that also hold prose are merged in document order.
 *   <li>The winner's paragraphs are cleaned line by line ({@link BodyLines}): credit lines become
 *       metadata, share/print/QR lines are dropped, a related-list head or a disclaimer ends the
 *       body, link-dense lines and the headline are dropped.
 * </ol>
 *
 * <p>Stateless and thread-safe; {@link #extract(String, String)} never throws on bad HTML.
 */
public final class PageExtractor {

  /** Elements never part of the text. */
  static final String NON_CONTENT =
      "script, style, noscript, template, iframe, object, embed, svg, canvas, video, audio, map, "
          + "input, button, select, textarea, option, dialog, head, link, meta, [hidden], "
          + "[style~=(?i)display\\s*:\\s*none]";

  /**
   * A labelled address closing a research story ({@code 论文链接：https://doi.org/…}, {@code
   * 相关论文信息：https://…}): link-dense, but text.
   */
  static final Pattern REFERENCE_LINE =
      Pattern.compile("^[\\p{IsHan}]{2,8}[:：]\\s*(?:https?://|doi[:：.])\\S+$");

  /** Inline elements: never removed for a weak boilerplate name, they sit inside sentences. */
  static final Set<String> INLINE_TAGS =
      Set.of("a", "span", "em", "strong", "b", "i", "u", "font", "code", "small", "sup", "sub", "abbr", "mark");

  /** Elements removed before scoring unless they hold the article ({@link #KEEP_SHARE}). */
  static final Set<String> BOILERPLATE_TAGS = Set.of("nav", "aside", "footer", "header", "menu");

  /** Class / id tokens (split at {@code - _} space and camel case) of boilerplate containers. */
  static final Set<String> NEGATIVE_TOKENS =
      Set.of(
          "nav", "navbar", "navigation", "menu", "subnav", "topnav", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
          "bread", "position", "location", "share", "sharing", "social", "bdshare", "comment", "comments", "reply",
          "pinglun", "related", "relate", "recommend", "recommended", "recom", "hot", "hotnews", "rank", "ranking",
          "ad", "ads", "advert", "advertisement", "adv", "sponsor", "banner", "sidebar", "side", "aside",
          "footer", "foot", "copyright", "login", "toolbar", "tool", "tools", "tags", "tag", "keywords",
          "pagination", "pager", "qrcode", "qr", "popup", "modal", "subscribe", "newsletter", "guess", "topbar",
          "header", "head", "print", "widget", "download", "app", "follow", "jubao", "statement", "disclaimer",
          "more", "byline", "meta", "info", "author", "source", "time", "date", "dealer",
          // a summary box above the body (摘要, 导语)
          "summary", "abstract", "digest", "zhaiyao", "daoyu", "lead");

  /**
   * Tokens of in-body captions and figures: an element that has one is no boilerplate for its weak
   * negative tokens ({@code <p class="pic-info">} is a caption, not a byline's info).
   */
  static final Set<String> CAPTION_TOKENS =
      Set.of("pic", "pics", "img", "image", "photo", "picture", "caption", "figure", "figcaption", "tu", "tupian");

  /** Tokens that mark boilerplate whatever its share of the text (comment threads can be long). */
  static final Set<String> STRONG_NEGATIVE_TOKENS =
      Set.of("comment", "comments", "reply", "pinglun", "related", "recommend", "recommended");

  /**
   * A boilerplate-named element holding at least this share of the page's punctuation is kept: it
   * is the article.
   */
  static final double KEEP_SHARE = 0.4;

  /**
   * A boilerplate-named element (weak tokens only) with at least this many punctuation marks and
   * few links is kept whatever its share: a copyright line or an author box holds a few sentences,
   * not dozens.
   */
  static final int KEEP_PUNCTUATION = 25;

  /** Paragraphs shorter than this (characters outside links) give their container no score. */
  static final int MIN_SCORED_CHARS = 10;

  /** Paragraphs with more of their characters in links than this are navigation. */
  static final double MAX_LINK_DENSITY = 0.5;

  /** Punctuation counted as evidence of prose. */
  static final String PROSE_PUNCTUATION = "，。！？；：、“”《》（）…,;";


  private PageExtractor() {}

  /**
   * Extracts the body and metadata of a page.
   *
   * @param html the decoded page
   * @param url the page's address (for relative links, the host and the URL date), or {@code null}
   */
  public static PageText extract(String html, String url) {
    Document doc =
        Jsoup.parse(PagePruner.strip(HtmlTextExtractor.stripAdLists(html == null ? "" : html)), url == null ? "" : url);
    Element body = doc.body();
    PageScan scan = PageScan.of(doc, body);
    PageMetadata.Raw raw = scan.raw();
    scan.removeNonContent();
    List<Para> all;
    Map<Element, int[]> stats;
    if (doc.body() == body) {
      all = scan.paragraphs();
      stats = scan.stats();
    } else {
      // the body itself was hidden or non-content: the page's body is now an empty one
      body = doc.body();
      all = PageParagraphs.of(List.of(body), e -> false);
      stats = TextStats.of(body);
    }
    int pagePunct = stats.getOrDefault(body, new int[3])[2];
    List<Para> scored = removeBoilerplate(body, stats, pagePunct);

    List<Element> selected = select(body, scored, stats);
    Map<Element, int[]> finalStats = stats;
    List<Para> bodyParas =
        PageParagraphs.of(selected, e -> isLinkList(e, finalStats));

    BodyResult result = clean(bodyParas, raw, all);
    String text = String.join("\n", result.paragraphs());
    return PageMetadata.assemble(raw, all, result, url, text);
  }

  /** What the line rules kept of the selected body, and the credits they found. */
  record BodyResult(
      List<String> paragraphs,
      int images,
      String source,
      String author,
      String editor,
      boolean editorResponsible,
      DateFinder.Found date) {}

  private static BodyResult clean(List<Para> paras, PageMetadata.Raw raw, List<Para> all) {
    String title = PageMetadata.title(raw, all);
    List<String> kept = new ArrayList<>();
    int images = 0;
    String source = null;
    String author = null;
    EditorChoice editor = new EditorChoice();
    DateFinder.Found date = null;
    boolean inKeyPoints = false;
    for (Para p : paras) {
      String line = BodyLines.withoutEndMark(BodyLines.withoutHomeLink(BodyLines.withoutTrailingPrompt(p.text())));
      if (line.isEmpty()) {
        images += p.images();
        continue;
      }
      if (inKeyPoints) {
        if (p.block() != null && p.block().normalName().equals("li") || BodyLines.isNumberedPoint(line)) {
          continue; // a point of the box above the article
        }
        inKeyPoints = false;
      }
      if (BodyLines.isCodeLine(line) && p.block() != null && p.block().closest("pre, code") == null) {
        continue; // a chart's script shown as text
      }
      if (BodyLines.isEditorsNoteSignature(line) && kept.size() <= BodyLines.MAX_EDITORS_NOTE_PARAGRAPHS) {
        kept.clear(); // the note above the article, signed ——编 者
        continue;
      }
      if (kept.isEmpty() && BodyLines.isSummaryLine(line)) {
        continue; // 摘要：… above the article
      }
      if (kept.isEmpty() && BodyLines.isKeyPointsHead(line)) {
        inKeyPoints = true;
        continue;
      }
      if (title != null && line.equals(title) || p.headingLevel() == 1 && isHeadline(line, raw)) {
        continue;
      }
      if (BodyLines.isTerminator(line)) {
        if (!kept.isEmpty()) {
          break;
        }
        continue;
      }
      if (BodyLines.isBodyEnd(line)) {
        if (!kept.isEmpty()) {
          break;
        }
        continue;
      }
      if (BodyLines.isAttachmentHead(line)) {
        continue; // its links are link-dense lines; a signature after them is text
      }
      if (BodyLines.isTextLabel(line)) {
        continue; // 正文： under a summary box
      }
      if (BodyLines.isNoise(line) && !(p.linkDensity() == 0 && BodyLines.isArrowHeading(line))) {
        String account = BodyLines.wechatAccount(line);
        source = source == null ? account : source;
        continue;
      }
      BodyLines.Credits credits = BodyLines.credits(line);
      if (credits != null) {
        source = source == null ? credits.source() : source;
        author = author == null ? credits.author() : author;
        editor.offer(credits, line); // a 责任编辑 line outranks an earlier generic 编辑 credit
        date = date == null && credits.hasDate() ? DateFinder.inText(line) : date;
        continue;
      }
      if (p.linkDensity() > MAX_LINK_DENSITY && !p.caption() && !REFERENCE_LINE.matcher(line).matches()) {
        continue;
      }
      if (!hasLetter(line) && !SECTION_NUMBER.matcher(line).matches()) {
        continue; // punctuation, or figures alone (42.18 +1.33 +3.26%)
      }
      kept.add(line);
      images += p.images();
    }
    return new BodyResult(withoutSplitTitle(kept, title), images, source, author, editor.name(), editor.responsible(), date);
  }

  /** A section's number alone on its line ({@code 1}, {@code 2.}, {@code 3、}): a heading, not figures. */
  static final Pattern SECTION_NUMBER = Pattern.compile("^(?:0?[1-9]|[12]\\d)[.、．]?$");

  /**
   * {@code lines} without the first lines when together they are the headline broken over lines (an
   * official document's title set in the body: 全国人民代表大会常务委员会 / 关于批准… / …的决议).
   */
  static List<String> withoutSplitTitle(List<String> lines, String title) {
    if (title == null || lines.size() < 3) {
      return lines;
    }
    String wanted = title.replaceAll("\\s+", "");
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < lines.size() - 1 && i < 6; i++) {
      joined.append(lines.get(i).replaceAll("\\s+", ""));
      if (!wanted.startsWith(joined.toString())) {
        return lines;
      }
      if (i > 0 && joined.length() == wanted.length()) {
        return lines.subList(i + 1, lines.size());
      }
    }
    return lines;
  }

  /**
   * Whether an {@code h1} line of the body is the page's headline: the page's first {@code h1}, or
   * an {@code h1} the {@code <title>} holds. Later ones are the body's subheadings (some platforms
   * mark those up as {@code h1}).
   */
  private static boolean isHeadline(String line, PageMetadata.Raw raw) {
    return raw.h1s().isEmpty() || raw.h1s().get(0).equals(line) || raw.titleTag().contains(line);
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- cleaning

  /**
   * Removes the boilerplate elements ({@link #isBoilerplate}) below {@code body}, takes them out of
   * {@code stats}, and returns the paragraphs of what is left, read in the same walk.
   */
  private static List<Para> removeBoilerplate(Element body, Map<Element, int[]> stats, int pagePunct) {
    List<Element> doomed = new ArrayList<>();
    PageParagraphs paragraphs = new PageParagraphs(e -> false);
    paragraphs.begin(body);
    NodeTraversor.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e && e != body && isBoilerplate(e, stats, pagePunct)) {
              doomed.add(e);
              return FilterResult.SKIP_ENTIRELY; // as if removed: no paragraph break either
            }
            return paragraphs.head(node, depth);
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return paragraphs.tail(node, depth);
          }
        },
        body);
    paragraphs.end();
    for (Element e : doomed) {
      TextStats.subtract(stats, e);
      e.remove();
    }
    return paragraphs.paragraphs();
  }

  static boolean isBoilerplate(Element e, Map<Element, int[]> stats, int pagePunct) {
    if (e.normalName().equals("table") && isDataTable(e, stats)) {
      return true;
    }
    boolean tag = BOILERPLATE_TAGS.contains(e.normalName());
    boolean negative = false;
    boolean strong = false;
    boolean caption = false;
    for (String token : tokens(e)) {
      if (STRONG_NEGATIVE_TOKENS.contains(token)) {
        strong = true;
      }
      if (NEGATIVE_TOKENS.contains(token)) {
        negative = true;
      }
      if (CAPTION_TOKENS.contains(token)) {
        caption = true;
      }
    }
    if (strong) {
      return true;
    }
    if (caption || INLINE_TAGS.contains(e.normalName()) && insideSentence(e)) {
      negative = false; // a link or span inside a sentence (<a class="s_tag">X60 Pro</a>) is text
    }
    if (!tag && !negative) {
      return false;
    }
    int[] s = stats.get(e);
    int punct = s == null ? 0 : s[2];
    if (s != null && punct >= KEEP_PUNCTUATION && s[1] < 0.3 * s[0]) {
      return false; // prose under a weak name (Zhihu's CopyrightRichText holds the answer)
    }
    return pagePunct == 0 || punct < KEEP_SHARE * pagePunct;
  }

  private static final Pattern SENTENCE_MARKS = Pattern.compile("[，。！？；]|[,;] ");

  /** Cells of at least this many make a table whose cells can be data. */
  static final int MIN_DATA_CELLS = 6;

  /**
   * Whether {@code table} is a table of figures, not of prose: no sentence punctuation in any cell, at
   * least {@link #MIN_DATA_CELLS} cells, and a third of them figures without a Chinese character
   * ({@code 3860}, {@code +35.8%}). Its cells are no paragraphs of the article (a layout table
   * holding the article has its sentences' punctuation; a spec sheet's values have commas).
   */
  static boolean isDataTable(Element table, Map<Element, int[]> stats) {
    int[] s = stats.get(table);
    if (s == null || s[0] == 0 || s[2] * 20 > s[0]) {
      return false; // prose has a punctuation mark every ten to twenty characters
    }
    return hasDataCells(table);
  }

  /**
   * {@link #isDataTable(Element, Map)} for a table outside a page's walk (an archive post's body):
   * the same rule, its text's punctuation counted here.
   */
  static boolean isDataTable(Element table) {
    String text = table.text();
    int marks = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      marks += c == '，' || c == '。' || c == '！' || c == '？' || c == '；' || c == '、' ? 1 : 0;
    }
    return !text.isEmpty() && marks * 20 <= text.length() && hasDataCells(table);
  }

  /** No cell with sentence punctuation, {@link #MIN_DATA_CELLS} cells or more, a third of them figures. */
  private static boolean hasDataCells(Element table) {
    int cells = 0;
    int figures = 0;
    for (Element cell : table.select("td, th")) {
      String text = cell.text();
      if (text.isBlank()) {
        continue;
      }
      if (SENTENCE_MARKS.matcher(text).find()) {
        return false;
      }
      cells++;
      boolean digit = false;
      boolean han = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        digit |= c >= '0' && c <= '9';
        han |= Character.isIdeographic(c);
      }
      figures += digit && !han ? 1 : 0;
    }
    return cells >= MIN_DATA_CELLS && figures * 3 >= cells;
  }

  /** Whether inline element {@code e} has text of its own line right before or after it. */
  private static boolean insideSentence(Element e) {
    return hasText(e.previousSibling()) || hasText(e.nextSibling());
  }

  private static boolean hasText(Node n) {
    return n instanceof TextNode t && !t.isBlank();
  }

  /** The class and id tokens of an element, lower case: split at space, {@code -}, {@code _} and camel case. */
  static List<String> tokens(Element e) {
    if (e.attributesSize() == 0) {
      return List.of();
    }
    String classes = e.attr("class");
    String id = e.id();
    if (classes.isEmpty() && id.isEmpty()) {
      return List.of(); // most attributes are href, src, style
    }
    List<String> out = new ArrayList<>(4);
    addTokens(classes, out);
    addTokens(id, out);
    return out;
  }

  /** Adds the tokens of one class or id value to {@code out}. */
  private static void addTokens(String names, List<String> out) {
    int start = -1; // the current token's first character
    char prev = ' ';
    for (int i = 0; i <= names.length(); i++) {
      char c = i < names.length() ? names.charAt(i) : ' ';
      boolean sep = c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      boolean camel = Character.isUpperCase(c) && Character.isLowerCase(prev);
      if ((sep || camel) && start >= 0) {
        char[] token = new char[i - start];
        for (int k = 0; k < token.length; k++) {
          token[k] = Character.toLowerCase(names.charAt(start + k)); // char by char, as class names are compared
        }
        out.add(new String(token));
        start = -1;
      }
      if (!sep && start < 0) {
        start = i;
      }
      prev = c;
    }
  }

  /** A list or box that is mostly links (a related list, a tag cloud) inside the body. */
  private static boolean isLinkList(Element e, Map<Element, int[]> stats) {
    String tag = e.normalName();
    if (!(tag.equals("ul") || tag.equals("ol") || tag.equals("div") || tag.equals("table")
        || tag.equals("section") || tag.equals("dl"))) {
      return false;
    }
    int[] s = stats.get(e);
    return s != null && s[0] >= 20 && s[1] > 0.6 * s[0];
  }

  // ---------------------------------------------------------------- statistics and scoring

  private static final Set<String> PARAGRAPH_BLOCKS =
      Set.of("p", "li", "td", "th", "dd", "dt", "pre", "blockquote", "figcaption", "h2", "h3", "h4", "h5", "h6", "figure");

  /** The elements whose paragraphs are the body, in document order. */
  static List<Element> select(Element body, List<Para> paras, Map<Element, int[]> stats) {
    // in the order the containers were first scored (document order): equal scores rank in that
    // order, where an identity map's order (identity hash codes) made ties differ from run to run
    Map<Element, Double> scores = new LinkedHashMap<>();
    for (Para p : paras) {
      int nonLink = p.chars() - p.linkChars();
      if (p.block() == null || nonLink < MIN_SCORED_CHARS || p.linkDensity() > MAX_LINK_DENSITY
          || isTeaser(p.block())) {
        continue;
      }
      double s = 1 + punctuation(p.text()) + Math.min(p.chars() / 100.0, 3.0);
      Element level0 = PARAGRAPH_BLOCKS.contains(p.block().normalName()) ? p.block().parent() : p.block();
      Element e = level0;
      double[] divisors = {1, 2, 6};
      for (int level = 0; level < divisors.length && e != null; level++) {
        scores.merge(e, s / divisors[level], Double::sum);
        if (e == body) {
          break;
        }
        e = e.parent();
      }
    }
    if (scores.isEmpty()) {
      return List.of(body);
    }
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      int[] s = stats.get(entry.getKey());
      double ld = s == null || s[0] == 0 ? 0 : (double) s[1] / s[0];
      ranked.add(Map.entry(entry.getKey(), entry.getValue() * (1 - ld)));
    }
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    Element top = ranked.get(0).getKey();
    double topScore = ranked.get(0).getValue();

    // an ancestor shared with at least two close rivals among the next four: the body is split
    List<Element> rivals = new ArrayList<>();
    for (int i = 1; i < Math.min(5, ranked.size()); i++) {
      if (ranked.get(i).getValue() >= 0.75 * topScore) {
        rivals.add(ranked.get(i).getKey());
      }
    }
    if (rivals.size() >= 2) {
      for (Element anc = top.parent(); anc != null && anc != body.parent(); anc = anc.parent()) {
        int contained = 0;
        for (Element r : rivals) {
          if (r != anc && isAncestor(anc, r)) {
            contained++;
          }
        }
        if (contained >= 2) {
          top = anc;
          break;
        }
      }
    }
    Element parent = top.parent();
    if (parent == null || top == body) {
      return List.of(top);
    }
    double threshold = Math.max(10, 0.2 * topScore);
    List<Element> out = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        continue;
      }
      int[] s = stats.get(sibling);
      if (s == null || s[0] == 0) {
        continue;
      }
      double ld = (double) s[1] / s[0];
      Double score = scores.get(sibling);
      if (score != null && score * (1 - ld) >= threshold && ld < 0.3) {
        out.add(sibling);
      } else if (PARAGRAPH_BLOCKS.contains(sibling.normalName()) && ld < 0.25 && s[2] >= 2
          && (s[0] > 80 || endsSentence(sibling.text()))) {
        out.add(sibling);
      }
    }
    return out;
  }

  /** Shortest link text taken for a headline in {@link #isTeaser(Element)}. */
  static final int MIN_HEADLINE_LINK_CHARS = 6;

  /**
   * Whether {@code block} is the summary of an item in a list of other articles (最新文章, 本期目录,
   * a portal's feed): it sits in a list item ({@code li}, or a {@code dl}'s {@code dd}) or in a
   * small box whose headline is a link of its own, outside the block. A list of such items scores
   * like prose, but it is a teaser list, not the article; a body list's items carry no headline link.
   */
  static boolean isTeaser(Element block) {
    Element item = null;
    Element e = block;
    for (int depth = 0; depth < 3 && e != null; depth++, e = e.parent()) {
      String name = e.normalName();
      if (name.equals("li")) {
        item = e;
        break;
      }
      if (name.equals("dd") && e.parent() != null && e.parent().normalName().equals("dl")) {
        item = e.parent();
        break;
      }
      if (name.equals("body") || name.equals("article")) {
        break;
      }
    }
    if (item == null) {
      // a small box: a heading holding a link, then the summary
      Element box = block.parent();
      if (box == null || box.childrenSize() > 3 || box.normalName().equals("body")) {
        return false;
      }
      for (Element child : box.children()) {
        if (child == block) {
          return false;
        }
        if (isHeading(child.normalName()) && headlineLink(child) != null) {
          return true;
        }
      }
      return false;
    }
    if (hasMoreTextThan(item, MAX_TEASER_ITEM_CHARS)) {
      return false; // a page laid out as a list's columns (<ul class="two-coloum"><li class="left-main">): the article's column
    }
    Element link = headlineLink(item);
    if (link == null || isAncestor(block, link)) {
      // the link is inside the block: a teaser only when the item starts with it
      return link != null && block == item && item.text().startsWith(link.text()) && link.text().length() < item.text().length();
    }
    return true;
  }

  /** Most characters of text a teaser's list item holds: a longer item is a column of the page's layout. */
  static final int MAX_TEASER_ITEM_CHARS = 600;

  /** Whether the text under {@code e} is longer than {@code limit} characters (stops counting there). */
  static boolean hasMoreTextThan(Element e, int limit) {
    int[] count = {0};
    NodeTraversor.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof org.jsoup.nodes.TextNode t) {
              count[0] += t.getWholeText().strip().length();
              if (count[0] > limit) {
                return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        e);
    return count[0] > limit;
  }

  private static boolean isHeading(String tag) {
    return switch (tag) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> true;
      default -> false;
    };
  }

  /** The first link of {@code e} whose text reads like a headline, or {@code null}. */
  private static Element headlineLink(Element e) {
    for (Element a : e.getElementsByTag("a")) {
      if (a.text().length() >= MIN_HEADLINE_LINK_CHARS) {
        return a;
      }
    }
    return null;
  }

  private static boolean endsSentence(String text) {
    String t = text.strip();
    return !t.isEmpty() && "。！？”".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  private static boolean isAncestor(Element anc, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == anc) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code c} is one of {@link #PROSE_PUNCTUATION} (a switch: asked for every character of a page). */
  static boolean isProsePunctuation(char c) {
    return switch (c) {
      case '，', '。', '！', '？', '；', '：', '、', '“', '”', '《', '》', '（', '）', '…', ',', ';' -> true;
      default -> false;
    };
  }

  static int punctuation(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isProsePunctuation(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** The host of {@code url} without {@code www.}, or {@code null}. */
  public static String hostOf(String url) {
    return host(url);
  }

  static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = new URI(url.strip()).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (URISyntaxException e) {
      return null; // not a URL: no host to fall back on
    }
  }
}
