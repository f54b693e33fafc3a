package org.corpuslens.segment;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds custom words in a text, scanning left to right and taking the longest word at each
 * position (the rule the topic counter uses), without overlaps. A word that starts (ends) with a
 * Latin letter or a digit only matches where the text has no letter or digit just before (after)
 * it, so {@code AI} is not found inside {@code SAID}; CJK characters have no such boundary.
 *
 * <p>Immutable after construction, so safe to share between threads.
 */
final class CustomWordMatcher {

  /** One occurrence: {@code text.substring(start, end)} is a custom word. */
  record Match(int start, int end) {}

  private static final class Node {
    final Map<Character, Node> children = new HashMap<>();
    boolean terminal;
  }

  private final Node root = new Node();
  private final BitSet firstChars = new BitSet(Character.MAX_VALUE + 1);
  private final boolean empty;

  CustomWordMatcher(List<String> words) {
    for (String word : words) {
      if (word.isEmpty()) {
        throw new IllegalArgumentException("empty custom word");
      }
      Node node = root;
      for (int i = 0; i < word.length(); i++) {
        node = node.children.computeIfAbsent(word.charAt(i), c -> new Node());
      }
      node.terminal = true;
      firstChars.set(word.charAt(0));
    }
    empty = words.isEmpty();
  }

  /** The occurrences in {@code text}, in order, non-overlapping, leftmost-longest. */
  List<Match> find(String text) {
    List<Match> matches = new ArrayList<>();
    if (empty) {
      return matches;
    }
    int length = text.length();
    int i = 0;
    while (i < length) {
      int end = firstChars.get(text.charAt(i)) ? longestAt(text, i) : -1;
      if (end > 0) {
        matches.add(new Match(i, end));
        i = end;
      } else {
        i++;
      }
    }
    return matches;
  }

  /** End of the longest acceptable word starting at {@code start}, or -1. */
  private int longestAt(String text, int start) {
    if (start > 0 && isWordChar(text.charAt(start)) && isWordChar(text.charAt(start - 1))) {
      return -1;
    }
    Node node = root;
    int best = -1;
    for (int j = start; j < text.length(); j++) {
      node = node.children.get(text.charAt(j));
      if (node == null) {
        break;
      }
      if (node.terminal
          && !(j + 1 < text.length()
              && isWordChar(text.charAt(j))
              && isWordChar(text.charAt(j + 1)))) {
        best = j + 1;
      }
    }
    return best;
  }

  /** Latin letters and digits (ASCII or full-width), which form runs that must not be split. */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) && !Character.isIdeographic(c);
  }
}
