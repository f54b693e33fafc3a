package org.corpuslens.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.corpuslens.analytics.Topic;
import org.corpuslens.analytics.TopicLexicon;

/**
 * The generator's own, deliberately simple count of topic mentions: for each topic separately,
 * scan the text left to right; at each position take the longest keyword of the topic that starts
 * there, count it and continue after it (non-overlapping, leftmost-longest). It shares no code
 * with the pipeline's regular expressions; the generator uses it only to check that the keywords
 * it decided to write are exactly what a reader of the text finds. Immutable and thread-safe.
 */
public final class MentionCounter {
  private final List<String> topicNames;
  /** Per topic, its keywords, longest first. */
  private final String[][] keywords;
  /** Per UTF-16 code unit: the topics having a keyword that starts with it, or null. */
  private final int[][] topicsByFirstChar = new int[Character.MAX_VALUE + 1][];

  public MentionCounter(TopicLexicon lexicon) {
    List<Topic> topics = lexicon.topics();
    topicNames = topics.stream().map(Topic::name).toList();
    keywords = new String[topics.size()][];
    for (int t = 0; t < topics.size(); t++) {
      List<String> sorted = new ArrayList<>(topics.get(t).keywords());
      sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
      keywords[t] = sorted.toArray(String[]::new);
      for (String k : sorted) {
        char c = k.charAt(0);
        int[] have = topicsByFirstChar[c];
        if (have == null) {
          topicsByFirstChar[c] = new int[] {t};
        } else if (have[have.length - 1] != t) {
          int[] more = java.util.Arrays.copyOf(have, have.length + 1);
          more[have.length] = t;
          topicsByFirstChar[c] = more;
        }
      }
    }
  }

  public int topicCount() {
    return topicNames.size();
  }

  public List<String> topicNames() {
    return topicNames;
  }

  /** The mentions of each topic (lexicon order) in {@code text}. */
  public int[] count(CharSequence text) {
    int[] counts = new int[keywords.length];
    addCounts(text, counts);
    return counts;
  }

  /** Adds the mentions of each topic in {@code text} to {@code counts}. */
  public void addCounts(CharSequence text, int[] counts) {
    int[] nextFree = new int[keywords.length];
    int n = text.length();
    for (int i = 0; i < n; i++) {
      int[] topics = topicsByFirstChar[text.charAt(i)];
      if (topics == null) {
        continue;
      }
      for (int t : topics) {
        if (i < nextFree[t]) {
          continue;
        }
        int len = longestAt(text, i, keywords[t]);
        if (len > 0) {
          counts[t]++;
          nextFree[t] = i + len;
        }
      }
    }
  }

  /** Whether {@code text} holds no mention of any topic. */
  public boolean isFree(CharSequence text) {
    int[] c = count(text);
    for (int v : c) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  private static int longestAt(CharSequence text, int at, String[] candidates) {
    for (String k : candidates) {
      if (regionMatches(text, at, k)) {
        return k.length();
      }
    }
    return 0;
  }

  private static boolean regionMatches(CharSequence text, int at, String k) {
    if (at + k.length() > text.length()) {
      return false;
    }
    for (int j = 0; j < k.length(); j++) {
      if (text.charAt(at + j) != k.charAt(j)) {
        return false;
      }
    }
    return true;
  }
}
