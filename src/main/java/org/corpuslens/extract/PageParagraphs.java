package org.corpuslens.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The paragraphs of a page subtree under the extraction contract of {@link ParagraphCollector}:
 * block elements ({@link HtmlTextExtractor#BLOCK_TAGS}) and {@code <br>} end a paragraph, inline
 * elements never do; whitespace (U+3000 and NBSP included) is trimmed and collapsed. Unlike posts,
 * a line break in the HTML source is whitespace everywhere but in {@code <pre>}: browsers do not
 * show it, and readers' paragraphs are what counts. Each paragraph keeps what the scoring needs:
 * the characters inside links, its block element and heading level.
 */
final class PageParagraphs implements NodeFilter {

  /** One paragraph of a page. */
  record Para(String text, int linkChars, Element block, int headingLevel, int images, boolean caption) {
    int chars() {
      return text.length();
    }

    double linkDensity() {
      return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }
  }

  private final Predicate<Element> skip;
  private final List<Para> out = new ArrayList<>();
  private final ArrayDeque<Element> blocks = new ArrayDeque<>();
  private final StringBuilder current = new StringBuilder();
  private boolean pendingSpace;
  private int linkDepth;
  private int preDepth;
  private int captionDepth;
  private int linkChars;
  private int images;
  private Element paraBlock;
  private boolean paraCaption;

  /**
   * A collector fed by the caller's own walk: {@link #begin(Element)}, then {@link #head} and
   * {@link #tail} for the root and every node below it that is part of the text (a subtree left
   * out without calls is as if removed), then {@link #end()}.
   */
  PageParagraphs(Predicate<Element> skip) {
    this.skip = skip;
  }

  /** The paragraphs of {@code roots}, in order, leaving out the subtrees {@code skip} accepts. */
  static List<Para> of(List<Element> roots, Predicate<Element> skip) {
    PageParagraphs walker = new PageParagraphs(skip);
    for (Element root : roots) {
      walker.begin(root);
      NodeTraversor.filter(walker, root);
      walker.end();
    }
    return walker.out;
  }

  /** Starts the walk of {@code root}'s subtree. */
  void begin(Element root) {
    blocks.push(root);
  }

  /** Ends the walk of a root's subtree. */
  void end() {
    flush();
    blocks.clear();
  }

  /** The paragraphs collected so far, in order. */
  List<Para> paragraphs() {
    return out;
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode text) {
      append(text.getWholeText());
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element element)) {
      return FilterResult.CONTINUE;
    }
    if (depth > 0 && skip.test(element)) {
      if (isBlock(element)) {
        flush();
      }
      return FilterResult.SKIP_ENTIRELY;
    }
    String tag = element.normalName();
    if (isBlock(element)) {
      flush();
      blocks.push(element);
    }
    switch (tag) {
      case "a" -> linkDepth++;
      case "pre" -> preDepth++;
      case "figcaption" -> captionDepth++;
      case "img" -> images++;
      default -> {}
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (!(node instanceof Element element)) {
      return FilterResult.CONTINUE;
    }
    switch (element.normalName()) {
      case "a" -> linkDepth--;
      case "pre" -> preDepth--;
      case "figcaption" -> captionDepth--;
      default -> {}
    }
    if (isBlock(element)) {
      flush();
      if (blocks.peekFirst() == element) {
        blocks.pollFirst();
      }
    }
    return FilterResult.CONTINUE;
  }

  private static boolean isBlock(Element e) {
    return HtmlTextExtractor.BLOCK_TAGS.contains(e.normalName());
  }

  private void append(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (preDepth > 0 && Whitespace.isLineBreak(c)) {
        flush();
      } else if (Whitespace.isSpace(c)) {
        pendingSpace = true;
      } else {
        if (current.length() == 0) {
          paraBlock = blocks.peekFirst();
          paraCaption = captionDepth > 0;
        } else if (pendingSpace) {
          current.append(' ');
          if (linkDepth > 0) {
            linkChars++;
          }
        }
        pendingSpace = false;
        current.append(c);
        if (linkDepth > 0) {
          linkChars++;
        }
      }
    }
  }

  private void flush() {
    if (current.length() > 0 || images > 0) {
      out.add(new Para(current.toString(), linkChars, paraBlock, headingLevel(paraBlock), images, paraCaption));
    }
    current.setLength(0);
    pendingSpace = false;
    linkChars = 0;
    images = 0;
    paraBlock = null;
  }

  private static int headingLevel(Element block) {
    if (block == null) {
      return 0;
    }
    String tag = block.normalName();
    if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
      return tag.charAt(1) - '0';
    }
    return 0;
  }
}
