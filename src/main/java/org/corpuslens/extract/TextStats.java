package org.corpuslens.extract;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Per element of a subtree: {characters, characters in links, prose punctuation}, whitespace
 * excluded, accumulated from the {@link #head} and {@link #tail} calls of a walk (its own, {@link
 * #of(Element)}, or one shared with other work, {@link PageScan}).
 */
final class TextStats {
  private final Map<Element, int[]> map = new IdentityHashMap<>();
  private final ArrayDeque<int[]> stack = new ArrayDeque<>();
  private int linkDepth;

  /** The statistics of {@code root}'s subtree, in a walk of their own. */
  static Map<Element, int[]> of(Element root) {
    TextStats stats = new TextStats();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            stats.head(node);
          }

          @Override
          public void tail(Node node, int depth) {
            stats.tail(node);
          }
        },
        root);
    return stats.map;
  }

  Map<Element, int[]> map() {
    return map;
  }

  void head(Node node) {
    if (node instanceof Element e) {
      stack.push(new int[3]);
      if (e.normalName().equals("a")) {
        linkDepth++;
      }
    } else if (node instanceof TextNode t && !stack.isEmpty()) {
      int[] top = stack.peek();
      String s = t.getWholeText();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Whitespace.isSpace(c)) {
          continue;
        }
        top[0]++;
        if (linkDepth > 0) {
          top[1]++;
        }
        if (PageExtractor.isProsePunctuation(c)) {
          top[2]++;
        }
      }
    }
  }

  void tail(Node node) {
    if (node instanceof Element e) {
      int[] own = stack.pop();
      map.put(e, own);
      if (e.normalName().equals("a")) {
        linkDepth--;
      }
      int[] parent = stack.peek();
      if (parent != null) {
        parent[0] += own[0];
        parent[1] += own[1];
        parent[2] += own[2];
      }
    }
  }

  /**
   * Takes the subtree of {@code removed} (an element of the walked subtree, about to be removed)
   * out of the figures of its ancestors, as if the walk had not seen it.
   */
  static void subtract(Map<Element, int[]> map, Element removed) {
    int[] own = map.get(removed);
    if (own == null) {
      return;
    }
    for (Element a = removed.parent(); a != null; a = a.parent()) {
      int[] s = map.get(a);
      if (s != null) {
        s[0] -= own[0];
        s[1] -= own[1];
        s[2] -= own[2];
      }
    }
  }
}
