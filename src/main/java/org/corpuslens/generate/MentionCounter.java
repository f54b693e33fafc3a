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
  private final List<Topic> topics;
  /** Per topic, every term of its rule (any, groups, exclusions), longest first, and each one's part. */
  private final String[][] ruleTerms;
  private final int[][] ruleParts;

  /** Per UTF-16 code unit: the topics having a keyword that starts with it, or null. */
  private final int[][] topicsByFirstChar = new int[Character.MAX_VALUE + 1][];

  public MentionCounter(TopicLexicon lexicon) {
    List<Topic> topics = lexicon.topics();
    this.topics = topics;
    topicNames = topics.stream().map(Topic::name).toList();
    ruleTerms = new String[topics.size()][];
    ruleParts = new int[topics.size()][];
    for (int t = 0; t < topics.size(); t++) {
      Topic topic = topics.get(t);
      java.util.Map<String, Integer> part = new java.util.HashMap<>();
      topic.any().forEach(k -> part.put(k, 0));
      for (int g = 0; g < topic.all().size(); g++) {
        for (String k : topic.all().get(g)) {
          part.put(k, g + 1);
        }
      }
      topic.not().forEach(k -> part.put(k, -1));
      List<String> sorted = new ArrayList<>(part.keySet());
      sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
      ruleTerms[t] = sorted.toArray(String[]::new);
      ruleParts[t] = sorted.stream().mapToInt(part::get).toArray();
    }
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

  /**
   * The mentions each topic's rule counts in an article (0 when the article does not match), the
   * generator's own reading of the rules: per topic, per field of its scope, a left-to-right scan
   * over all its terms taking the longest at each position; then any / every group / none of the
   * exclusions / at least min_mentions.
   */
  public long[] counted(String title, CharSequence text) {
    long[] out = new long[topics.size()];
    for (int t = 0; t < topics.size(); t++) {
      Topic topic = topics.get(t);
      int[] parts = new int[topic.all().size() + 1];
      int[] excluded = new int[1];
      if (topic.scope() != Topic.Scope.TEXT && title != null) {
        scanRule(title, t, parts, excluded);
      }
      if (topic.scope() != Topic.Scope.TITLE) {
        scanRule(text, t, parts, excluded);
      }
      boolean ok = excluded[0] == 0 && (topic.any().isEmpty() || parts[0] > 0);
      long mentions = 0;
      for (int g = 0; g < parts.length; g++) {
        mentions += parts[g];
        ok &= g == 0 || parts[g] > 0;
      }
      out[t] = ok && mentions >= topic.minMentions() ? mentions : 0;
    }
    return out;
  }

  private void scanRule(CharSequence text, int t, int[] parts, int[] excluded) {
    int i = 0;
    while (i < text.length()) {
      int hit = -1;
      for (int k = 0; k < ruleTerms[t].length; k++) {
        if (regionMatches(text, i, ruleTerms[t][k])) {
          hit = k;
          break;
        }
      }
      if (hit < 0) {
        i++;
        continue;
      }
      if (ruleParts[t][hit] < 0) {
        excluded[0]++;
      } else {
        parts[ruleParts[t][hit]]++;
      }
      i += ruleTerms[t][hit].length();
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
