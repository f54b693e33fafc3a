package org.corpuslens.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpuslens.extract.PageParagraphs.Para;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * The first walk over a parsed page, doing at once what took five: the head's metadata ({@link
 * PageMetadata.HeadReader}, from every element), the non-content elements ({@link
 * PageExtractor#NON_CONTENT}) and comments to remove, and, over the body without them, the text
 * statistics ({@link TextStats}) and the paragraphs ({@link PageParagraphs}) the page would have
 * once they are removed.
 */
final class PageScan implements NodeVisitor {
  private static final Evaluator NON_CONTENT = QueryParser.parse(PageExtractor.NON_CONTENT);

  /**
   * The plain tag names of {@link PageExtractor#NON_CONTENT}: an element without attributes can
   * only match the selector by one of them, and is not asked otherwise.
   */
  private static final Set<String> NON_CONTENT_TAGS =
      Arrays.stream(PageExtractor.NON_CONTENT.split(","))
          .map(String::strip)
          .filter(t -> t.chars().allMatch(c -> c >= 'a' && c <= 'z'))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * The attribute names {@link PageExtractor#NON_CONTENT} tests ({@code [hidden]}, {@code
   * [style~=...]}): an element with none of them can only match the selector by its tag name.
   * Read from the selector, so that the two stay in step.
   */
  private static final List<String> NON_CONTENT_ATTRIBUTES =
      java.util.regex.Pattern.compile("\\[([A-Za-z][\\w-]*)")
          .matcher(PageExtractor.NON_CONTENT)
          .results()
          .map(m -> m.group(1))
          .distinct()
          .toList();

  private final Document doc;
  private final Element body;
  private final PageMetadata.HeadReader head = new PageMetadata.HeadReader();
  private final List<Node> removed = new ArrayList<>();
  private final TextStats stats = new TextStats();
  private final PageParagraphs paragraphs = new PageParagraphs(e -> false);
  private Element skipped;
  private boolean inBody;

  private PageScan(Document doc, Element body) {
    this.doc = doc;
    this.body = body;
  }

  /** Walks {@code doc}, whose {@link Document#body()} is {@code body}. */
  static PageScan of(Document doc, Element body) {
    PageScan scan = new PageScan(doc, body);
    NodeTraversor.traverse(scan, doc);
    scan.paragraphs.end();
    return scan;
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof Element e) {
      head.visit(e);
    }
    if (skipped != null) {
      return; // inside a non-content element: read for the metadata only
    }
    if (node instanceof Comment) {
      removed.add(node);
      return;
    }
    if (node instanceof Element e && e != doc && isNonContent(e)) {
      removed.add(e);
      skipped = e;
      return;
    }
    if (node == body) {
      inBody = true;
      paragraphs.begin(body);
    }
    if (inBody) {
      stats.head(node);
      paragraphs.head(node, depth);
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (skipped != null) {
      if (node == skipped) {
        skipped = null;
      }
      return;
    }
    if (node instanceof Comment) {
      return;
    }
    if (inBody) {
      stats.tail(node);
      paragraphs.tail(node, depth);
    }
    if (node == body) {
      inBody = false;
    }
  }

  /**
   * Whether {@code e} matches {@link PageExtractor#NON_CONTENT}: asked of the selector only for the
   * non-content tag names and for elements with an attribute the selector looks at ({@link
   * #NON_CONTENT_ATTRIBUTES}; link lists are mostly elements with other attributes).
   */
  private boolean isNonContent(Element e) {
    if (NON_CONTENT_TAGS.contains(e.normalName())) {
      return NON_CONTENT.matches(doc, e);
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    org.jsoup.nodes.Attributes a = e.attributes();
    for (String name : NON_CONTENT_ATTRIBUTES) {
      if (a.hasKeyIgnoreCase(name)) {
        return NON_CONTENT.matches(doc, e);
      }
    }
    return false;
  }

  /** The head's metadata; to be read before {@link #removeNonContent()}. */
  PageMetadata.Raw raw() {
    return head.raw(doc);
  }

  /** Removes the non-content elements and the comments from the page. */
  void removeNonContent() {
    removed.forEach(Node::remove);
  }

  /** The body's statistics without the non-content elements. */
  Map<Element, int[]> stats() {
    return stats.map();
  }

  /** The body's paragraphs without the non-content elements. */
  List<Para> paragraphs() {
    return paragraphs.paragraphs();
  }
}
