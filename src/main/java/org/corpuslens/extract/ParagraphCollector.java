package org.corpuslens.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;

/**
 * One walk over a parsed body: builds the trimmed paragraphs, drops boilerplate subtrees, editor
 * and origin lines and link-only tails, and counts the kept images. Single use, not thread-safe.
 *
 * <p>A paragraph is the text between two paragraph boundaries (start or end of a block element,
 * {@code <br>}, a line break inside a plain-text container). Whitespace is collapsed while the
 * text is appended, so a paragraph never holds leading, trailing or repeated spaces.
 */
final class ParagraphCollector implements NodeFilter {

  private final Element root;
  private final Evaluator boilerplate;
  private final Evaluator editorBlock;

  private final List<String> paragraphs = new ArrayList<>();
  /** Per open block element (innermost first): whether it is a plain-text container. */
  private final ArrayDeque<Boolean> lineModes = new ArrayDeque<>();
  /** The open {@code <a>} elements, innermost first. */
  private final ArrayDeque<Element> openLinks = new ArrayDeque<>();
  private int editorDepth;

  private final StringBuilder current = new StringBuilder();
  private boolean pendingSpace;
  /** The link holding the current paragraph's first text (null: none, or text outside links). */
  private Element paragraphLink;

  /** Whether any text of the current paragraph is inside a link. */
  private boolean paragraphHasLink;
  private boolean paragraphHasTextOutsideThatLink;
  private boolean paragraphInEditorBlock;
  /** Whether the paragraph holds a Q&A feed's question above the answer ({@code <div class="question">}'s own text). */
  private boolean paragraphIsQuestion;
  /** Whether the text being appended is a {@code <div class="question">}'s own. */
  private boolean textInQuestion;
  private int paragraphImages;

  /**
   * After a key-points box's head at the top of the body ({@code 划重点：}): its numbered points are
   * a summary of the article, not its text; the first other line ends the box.
   */
  private boolean inKeyPoints;

  /** Whether the paragraph before was a lone address label ({@code 访问：}), whose link is an ad. */
  private boolean addressLabelBefore;

  /** Whether the next paragraph is the summary under a lone summary head above the text. */
  private boolean summaryFollows;

  /**
   * Whether the paragraphs kept so far may still be a lone summary head's box: the summary under
   * {@code 摘要} ran on over several paragraphs when the report's first section ({@code 一、…})
   * follows within {@link #MAX_SUMMARY_BOX_PARAGRAPHS}.
   */
  private boolean summaryRun;

  /** Whether the lines after a comments head ({@code 网友评论}) are readers' comments. */
  private boolean inComments;

  /** The most paragraphs a summary box above a post's text holds (核心观点 … 正文：, 摘要 … 一、). */
  static final int MAX_SUMMARY_BOX_PARAGRAPHS = 8;

  /** Whether the last line was a credit line: a line of names alone after it continues it. */
  private boolean afterCredits;

  /**
   * After the head of a related or comments list ({@link BodyLines#isTerminator}): its link-only
   * items are dropped; the first line with text outside links ends the list.
   */
  private boolean inTailList;

  /**
   * After an {@code END} mark, an author bio's or a disclaimer's head ({@link BodyLines#isBodyEnd},
   * {@link BodyLines#isDisclaimer}) once some text was kept: nothing more is text; credit lines
   * still give the editor and origin.
   */
  private boolean ended;

  /** Open {@code code} elements. */
  private int codeDepth;

  /** Whether text of the current paragraph is inside a {@code code} element. */
  private boolean paragraphInCode;

  /** Block tags of the open block elements, innermost first. */
  private final ArrayDeque<String> blockTags = new ArrayDeque<>();

  /** The current run of link-only headline list items ({@link #keepPendingLinks}). */
  private final List<String> pendingLinks = new ArrayList<>();
  private int pendingLinkImages;

  /** Link-only headline list items in a row that make a list of other articles. */
  private static final int MIN_LINK_LIST = 3;

  private int imageCount;
  private String editor;
  /** Whether {@link #editor} comes from a {@code 责任编辑} line, which no other credit overrides. */
  private boolean editorResponsible;
  private String originalSource;

  ParagraphCollector(Element root, Evaluator boilerplate, Evaluator editorBlock) {
    this.root = root;
    this.boilerplate = boilerplate;
    this.editorBlock = editorBlock;
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode text) {
      Element parent = text.parent();
      textInQuestion = parent != null && "div".equals(parent.normalName()) && parent.hasClass("question");
      appendText(text.getWholeText());
      textInQuestion = false;
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element element)) {
      return FilterResult.CONTINUE; // comments, doctype, data of dropped elements
    }
    String tag = element.normalName();
    boolean block = HtmlTextExtractor.BLOCK_TAGS.contains(tag);
    if (boilerplate.matches(root, element) || HtmlTextExtractor.isBoilerplateBlock(element)) {
      if (block) {
        flush();
      }
      return FilterResult.SKIP_ENTIRELY; // tail() is not called for it
    }
    if ("table".equals(tag) && PageExtractor.isDataTable(element)) {
      flush();
      return FilterResult.SKIP_ENTIRELY; // a table of figures (codes, prices, changes) is no paragraph
    }
    if (block && paragraphs.isEmpty() && pendingLinks.isEmpty() && current.length() == 0
        && HtmlTextExtractor.isSummaryBlock(element)) {
      return FilterResult.SKIP_ENTIRELY; // <div class="description">…</div> above the text
    }
    boolean editor = editorBlock.matches(root, element);
    if (block || editor) {
      flush();
      lineModes.push(HtmlTextExtractor.LINE_CONTAINER_TAGS.contains(tag));
      blockTags.push(tag);
    }
    if (editor) {
      editorDepth++;
    }
    if ("code".equals(tag)) {
      codeDepth++;
    }
    if ("a".equals(tag)) {
      openLinks.push(element);
    } else if ("img".equals(tag)) {
      noteImage();
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (!(node instanceof Element element)) {
      return FilterResult.CONTINUE;
    }
    String tag = element.normalName();
    if ("a".equals(tag) && openLinks.peekFirst() == element) {
      openLinks.pollFirst();
    }
    if ("code".equals(tag) && codeDepth > 0) {
      codeDepth--;
    }
    boolean editor = editorBlock.matches(root, element);
    if (HtmlTextExtractor.BLOCK_TAGS.contains(tag) || editor) {
      flush();
      lineModes.pollFirst();
      blockTags.pollFirst();
    }
    if (editor && editorDepth > 0) {
      editorDepth--;
    }
    return FilterResult.CONTINUE;
  }

  /** Ends the last paragraph and returns the result. */
  ExtractedText finish() {
    flush();
    keepPendingLinks();
    if (editor == null && !paragraphs.isEmpty()) {
      editor = BodyLines.datelineEditor(paragraphs.get(0)); // 财联社9月13日讯（编辑 卞纯）…
    }
    return new ExtractedText(paragraphs, imageCount, editor, originalSource);
  }

  /**
   * Keeps the name of a {@code 责任编辑} line: it names the editor the publisher stands for, so it
   * replaces a name an earlier generic credit ({@code 编辑 | X}) gave, but not an earlier 责任编辑.
   */
  private void noteResponsibleEditor(String name) {
    if (!name.isEmpty() && (editor == null || !editorResponsible)) {
      editor = name;
      editorResponsible = true;
    }
  }

  private void appendText(String text) {
    boolean lineMode = Boolean.TRUE.equals(lineModes.peekFirst());
    boolean noted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineMode && Whitespace.isLineBreak(c)) {
        flush();
        noted = false;
      } else if (Whitespace.isSpace(c)) {
        pendingSpace = true;
      } else {
        if (!noted) {
          noteContent();
          noted = true;
        }
        if (pendingSpace && current.length() > 0) {
          current.append(' ');
        }
        pendingSpace = false;
        current.append(c);
      }
    }
  }

  /** Records who holds the text about to be appended to the current paragraph. */
  private void noteContent() {
    Element link = openLinks.peekFirst();
    paragraphHasLink |= link != null;
    if (current.length() == 0) {
      paragraphLink = link;
    } else if (link != paragraphLink) {
      paragraphHasTextOutsideThatLink = true;
    }
    if (editorDepth > 0) {
      paragraphInEditorBlock = true;
    }
    if (textInQuestion) {
      paragraphIsQuestion = true;
    }
    if (codeDepth > 0) {
      paragraphInCode = true;
    }
  }

  private void noteImage() {
    paragraphImages++;
    if (editorDepth > 0) {
      paragraphInEditorBlock = true;
    }
  }

  /** Ends the current paragraph: keeps it, or turns it into editor / origin, or drops it. */
  private void flush() {
    String text = current.length() == 0 ? null : current.toString();
    boolean linkOnly = paragraphLink != null && !paragraphHasTextOutsideThatLink;
    boolean anyLink = paragraphHasLink;
    // an item of a list of other articles: not an anchor of this page (本期导读's #s1 is a contents line)
    boolean otherArticle = linkOnly && "li".equals(blockTags.peekFirst()) && !paragraphLink.attr("href").startsWith("#");
    boolean inEditorBlock = paragraphInEditorBlock;
    boolean question = paragraphIsQuestion;
    boolean inCode = paragraphInCode || "pre".equals(blockTags.peekFirst());
    int images = paragraphImages;
    current.setLength(0);
    pendingSpace = false;
    paragraphLink = null;
    paragraphHasLink = false;
    paragraphHasTextOutsideThatLink = false;
    paragraphInEditorBlock = false;
    paragraphIsQuestion = false;
    paragraphInCode = false;
    paragraphImages = 0;

    if (inEditorBlock) {
      String name = text == null ? null : labelValue(text, HtmlTextExtractor.EDITOR_LABELS);
      if (name != null) {
        noteResponsibleEditor(BodyLines.withoutStaffCode(withoutAddresses(name)));
      }
      return;
    }
    if (text == null) {
      imageCount += images;
      return;
    }
    if (question && paragraphs.isEmpty()) {
      return; // the question is the post's headline; the answer below it is the text
    }
    boolean afterAddressLabel = addressLabelBefore;
    addressLabelBefore = false;
    if (afterAddressLabel && linkOnly) {
      return; // the ad link under a lone 访问：
    }
    if (BodyLines.isAddressLabel(text)) {
      addressLabelBefore = true;
      return;
    }
    BodyLines.Prompted prompted = BodyLines.splitTrailingPrompt(text);
    boolean listHeadAfter = prompted.listHead();
    text = BodyLines.withoutNoteLabel(BodyLines.withoutEndMark(BodyLines.withoutHomeLink(prompted.line())));
    if (inKeyPoints) {
      if (BodyLines.isNumberedPoint(text)) {
        return;
      }
      inKeyPoints = false;
    }
    if (!inCode && BodyLines.isCodeLine(text)) {
      return; // a chart's script shown as text; code in pre / code elements is the post's
    }
    if (BodyLines.isEditorsNoteSignature(text) && paragraphs.size() <= BodyLines.MAX_EDITORS_NOTE_PARAGRAPHS) {
      paragraphs.clear(); // the note above the article, signed ——编 者
      pendingLinks.clear();
      return;
    }
    if (summaryFollows) {
      summaryFollows = false;
      summaryRun = true;
      return; // the summary under a lone 摘要 head
    }
    if (BodyLines.isTextLabel(text)) {
      // 正文： after a box of key points or a summary (核心观点： … 正文：): the box is no text
      if (!paragraphs.isEmpty() && paragraphs.size() <= MAX_SUMMARY_BOX_PARAGRAPHS
          && BodyLines.isSummaryBoxHead(paragraphs.get(0))) {
        paragraphs.clear();
        pendingLinks.clear();
      }
      return;
    }
    if (summaryRun) {
      if (paragraphs.size() > MAX_SUMMARY_BOX_PARAGRAPHS) {
        summaryRun = false;
      } else if (BodyLines.isFirstSectionHead(text)) {
        summaryRun = false;
        paragraphs.clear(); // 摘要, its paragraphs, then the report's 一、: they were all the summary
        pendingLinks.clear();
      }
    }
    if (paragraphs.isEmpty() && pendingLinks.isEmpty() && BodyLines.isSummaryLine(text)) {
      return; // 摘要：… above the post's text
    }
    if (paragraphs.isEmpty() && pendingLinks.isEmpty() && BodyLines.isSummaryHead(text)) {
      summaryFollows = true; // 摘要 alone, its summary in the next paragraph
      return;
    }
    if (paragraphs.isEmpty() && BodyLines.isKeyPointsHead(text)) {
      inKeyPoints = true;
      return;
    }
    if (BodyLines.isAnswerVotes(text)) {
      if (paragraphs.size() <= 4) {
        paragraphs.clear(); // the question and the author's name and bio above the answer
      }
      return;
    }
    String name = labelValue(text, HtmlTextExtractor.EDITOR_LABELS);
    if (name != null) {
      // 责任编辑：顾北 bei.gu@example.com is 顾北; 责任编辑：周韵　主编：陈立 is 周韵
      name = BodyLines.beforeNextLabel(name);
      noteResponsibleEditor(BodyLines.withoutStaffCode(withoutAddresses(name)));
      return;
    }
    name = labelValue(text, HtmlTextExtractor.SOURCE_LABELS);
    if (name != null) {
      name = BodyLines.beforeClause(name); // 文章来源：港股研究社，转载请注明版权。
      // 来源：澜州晨报 编辑：严小蕾 / 来源：X 发布日期：2024-04-19 浏览次数：1,283: one item each
      BodyLines.Credits parsed = BodyLines.credits(text);
      if (parsed != null && parsed.source() != null
          && (parsed.editor() != null || parsed.author() != null || parsed.hasDate())) {
        name = parsed.source();
        if (parsed.editor() != null && editor == null) {
          editor = parsed.editor();
        }
      }
      if (!name.isEmpty() && originalSource == null && !BodyLines.isImageCreditValue(name)) {
        originalSource = BodyLines.withoutAccountSuffix(name);
      }
      return;
    }
    if (linkOnly && HtmlTextExtractor.LINK_ONLY_TAIL_TEXTS.contains(text)) {
      return;
    }
    if (!ended && !paragraphs.isEmpty() && (BodyLines.isBodyEnd(text) || BodyLines.isDisclaimer(text))) {
      ended = true;
      return;
    }
    if (ended) {
      noteCredits(BodyLines.credits(text));
      return;
    }
    if (inComments) {
      if (BodyLines.isReaderComment(text)) {
        return; // 网友：为祖国骄傲！ under a 网友评论 head
      }
      inComments = false;
    }
    if (inTailList && linkOnly) {
      return;
    }
    inTailList = false;
    if (BodyLines.isTerminator(text) || BodyLines.isAttachmentHead(text)) {
      inTailList = true;
      inComments = BodyLines.isCommentsHead(text);
      return;
    }
    if (HtmlTextExtractor.ARCHIVER_LINES.matcher(text).matches()) {
      return;
    }
    if (BodyLines.isNoise(text) && !(!anyLink && BodyLines.isArrowHeading(text))) {
      String account = BodyLines.wechatAccount(text);
      if (account != null && originalSource == null) {
        originalSource = account;
      }
      if (account != null && editor == null) {
        editor = BodyLines.repostEditor(text); // …，作者：X，编辑：Y，36氪经授权发布。
      }
      return;
    }
    BodyLines.Credits credits = BodyLines.credits(text);
    if (credits != null) {
      noteCredits(credits);
      afterCredits = true;
      return;
    }
    if (afterCredits && BodyLines.isNamesOnly(text)) {
      return; // 作者 | 冯晓亭 / 谢中秀  张 琳: the credit's further names on a line of their own
    }
    afterCredits = false;
    if (otherArticle && BodyLines.isHeadlineLike(text)) {
      pendingLinks.add(text); // perhaps a list of other articles: decided when the run ends
      pendingLinkImages += images;
      return;
    }
    keepPendingLinks();
    paragraphs.add(text);
    imageCount += images;
    inTailList = listHeadAfter; // …。推荐阅读： the links below it are a related list
  }

  /**
   * Ends a run of list items that are each one link with a headline: three or more are a list of
   * other articles (an unheaded 相关 list inside the text), fewer stay text.
   */
  private void keepPendingLinks() {
    if (pendingLinks.size() < MIN_LINK_LIST) {
      paragraphs.addAll(pendingLinks);
      imageCount += pendingLinkImages;
    }
    pendingLinks.clear();
    pendingLinkImages = 0;
  }

  /** Keeps the editor and origin a credit line names, unless earlier lines named them; {@code null}: none. */
  private void noteCredits(BodyLines.Credits credits) {
    if (credits == null) {
      return;
    }
    if (credits.editor() != null && editor == null) {
      editor = credits.editor();
    }
    if (credits.source() != null && originalSource == null) {
      originalSource = BodyLines.withoutAccountSuffix(credits.source());
    }
  }

  /** {@code value} without the e-mail and web addresses among its space-separated words. */
  static String withoutAddresses(String value) {
    if (value.indexOf('@') < 0 && !value.contains("http") && !value.contains("www.")) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (String word : value.split(" ")) {
      if (word.isEmpty() || word.contains("@") || word.startsWith("http") || word.startsWith("www.")) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(word);
    }
    return out.toString();
  }

  /**
   * The value of a normalized {@code LABEL：VALUE} line (optional space before the colon), trimmed
   * and possibly empty, or {@code null} when {@code text} is not such a line.
   */
  static String labelValue(String text, List<String> labels) {
    for (String label : labels) {
      if (!text.startsWith(label)) {
        continue;
      }
      int i = label.length();
      if (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      if (i < text.length() && HtmlTextExtractor.LABEL_COLONS.indexOf(text.charAt(i)) >= 0) {
        return text.substring(i + 1).strip();
      }
    }
    return null;
  }
}
