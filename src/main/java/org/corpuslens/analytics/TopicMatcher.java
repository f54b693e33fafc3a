package org.corpuslens.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every topic rule of a lexicon on one article in a single pass over each field.
 *
 * <p>One trie holds the terms of all topics. At each position of the text the trie yields every
 * term starting there; each topic then takes the longest of its own terms, unless it is still
 * inside its previous occurrence. That is exactly a separate left-to-right, leftmost-longest,
 * non-overlapping scan per topic (the rule of {@link Topic#mentionRegex()}), done for all topics
 * at once. From the per-part counts the topic's rule is decided; the mentions of a matching article
 * (occurrences of its {@code any} and {@code all} terms) are what the trends count and what
 * {@code topic_mentions} lists.
 *
 * <p>Plain Java, immutable after construction, safe to share between threads.
 */
public final class TopicMatcher {
  /** Characters of context on each side of a term in a {@link Mention#snippet()}. */
  public static final int SNIPPET_CONTEXT = 40;

  /** Value of the {@code field} column for the title. */
  public static final String FIELD_TITLE = "title";

  /** Value of the {@code field} column for the text. */
  public static final String FIELD_TEXT = "text";

  /**
   * One counted mention.
   *
   * @param topic the topic's index in the lexicon
   * @param rulePart {@code any} or {@code all[g]}
   * @param term the term found
   * @param field {@code title} or {@code text}
   * @param offset 0-based offset of the term in the field, in Unicode code points (characters)
   * @param snippet the term with up to {@value #SNIPPET_CONTEXT} characters of the field on each side
   */
  public record Mention(int topic, String rulePart, String term, String field, int offset, String snippet) {}

  /**
   * What the matcher found in one article.
   *
   * @param counts per topic (lexicon order): its mentions when the article matches the topic's
   *     rule, else 0; a matching article always has at least one mention
   * @param mentions the mentions of the matching topics, in topic then field then offset order
   *     (empty unless asked for)
   */
  public record Result(long[] counts, List<Mention> mentions) {
    public boolean matches(int topic) {
      return counts[topic] > 0;
    }
  }

  private static final class Node {
    final Map<Character, Node> children = new HashMap<>();
    int term = -1;
  }

  private static final int PART_NOT = -1;

  private final List<Topic> topics;
  private final Node root = new Node();
  private final BitSet firstChars = new BitSet(Character.MAX_VALUE + 1);
  private final String[] terms;
  /** Per term: the topics having it, and its part in each (-1 not, 0 any, g + 1 all group g). */
  private final int[][] termTopics;
  private final int[][] termParts;
  private final int maxTermLength;
  private final String[][] partNames;
  private final boolean[] inTitle;
  private final boolean[] inText;

  public TopicMatcher(TopicLexicon lexicon) {
    topics = lexicon.topics();
    Map<String, Integer> ids = new LinkedHashMap<>();
    Map<Integer, List<int[]>> memberships = new HashMap<>();
    partNames = new String[topics.size()][];
    inTitle = new boolean[topics.size()];
    inText = new boolean[topics.size()];
    for (int t = 0; t < topics.size(); t++) {
      Topic topic = topics.get(t);
      inTitle[t] = topic.scope().title();
      inText[t] = topic.scope().text();
      partNames[t] = new String[topic.all().size() + 1];
      partNames[t][0] = Topic.PART_ANY;
      for (int g = 0; g < topic.all().size(); g++) {
        partNames[t][g + 1] = Topic.allPart(g);
      }
      for (String term : topic.any()) {
        add(ids, memberships, term, t, 0);
      }
      for (int g = 0; g < topic.all().size(); g++) {
        for (String term : topic.all().get(g)) {
          add(ids, memberships, term, t, g + 1);
        }
      }
      for (String term : topic.not()) {
        add(ids, memberships, term, t, PART_NOT);
      }
    }
    terms = ids.keySet().toArray(String[]::new);
    termTopics = new int[terms.length][];
    termParts = new int[terms.length][];
    int longest = 1;
    for (int id = 0; id < terms.length; id++) {
      List<int[]> m = memberships.get(id);
      termTopics[id] = m.stream().mapToInt(a -> a[0]).toArray();
      termParts[id] = m.stream().mapToInt(a -> a[1]).toArray();
      String term = terms[id];
      Node node = root;
      for (int i = 0; i < term.length(); i++) {
        node = node.children.computeIfAbsent(term.charAt(i), c -> new Node());
      }
      node.term = id;
      firstChars.set(term.charAt(0));
      longest = Math.max(longest, term.length());
    }
    maxTermLength = longest;
  }

  private static void add(Map<String, Integer> ids, Map<Integer, List<int[]>> memberships, String term, int topic, int part) {
    int id = ids.computeIfAbsent(term, k -> ids.size());
    memberships.computeIfAbsent(id, k -> new ArrayList<>()).add(new int[] {topic, part});
  }

  /** The topics, in lexicon order. */
  public List<Topic> topics() {
    return topics;
  }

  /**
   * Evaluates every topic on one article.
   *
   * @param title the title, or null
   * @param text the text, or null
   * @param withMentions whether to list the mentions of matching topics (with snippets)
   */
  public Result match(String title, String text, boolean withMentions) {
    int n = topics.size();
    Scan scan = new Scan(n, withMentions);
    if (title != null) {
      scanField(title, true, scan);
    }
    if (text != null) {
      scanField(text, false, scan);
    }
    long[] counts = new long[n];
    for (int t = 0; t < n; t++) {
      Topic topic = topics.get(t);
      int[] parts = scan.partCounts[t];
      boolean ok = scan.notCounts[t] == 0 && (topic.any().isEmpty() || parts[0] > 0);
      long mentions = parts[0];
      for (int g = 1; g < parts.length; g++) {
        ok &= parts[g] > 0;
        mentions += parts[g];
      }
      ok &= mentions >= topic.minMentions();
      counts[t] = ok ? mentions : 0;
    }
    if (!withMentions) {
      return new Result(counts, List.of());
    }
    List<Mention> mentions = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (counts[t] == 0) {
        continue;
      }
      for (int k = 0; k < scan.found; k++) {
        int[] f = scan.occurrences[k];
        if (f[0] != t || f[1] == PART_NOT) {
          continue;
        }
        boolean inTitle = f[3] == 1;
        String field = inTitle ? title : text;
        String term = terms[f[2]];
        mentions.add(new Mention(
            t, partNames[t][f[1]], term, inTitle ? FIELD_TITLE : FIELD_TEXT, f[5],
            snippet(field, f[4], term.length())));
      }
    }
    return new Result(counts, List.copyOf(mentions));
  }

  /** Mutable state of one article's scan. */
  private final class Scan {
    final int[][] partCounts;
    final int[] notCounts;
    final int[] nextFree;
    final boolean keep;
    /** topic, part, term, field (1 title), char offset, code point offset. */
    int[][] occurrences = new int[16][];
    int found;

    Scan(int n, boolean keep) {
      partCounts = new int[n][];
      for (int t = 0; t < n; t++) {
        partCounts[t] = new int[topics.get(t).all().size() + 1];
      }
      notCounts = new int[n];
      nextFree = new int[n];
      this.keep = keep;
    }

    void record(int topic, int part, int term, boolean title, int charOffset, int cpOffset) {
      if (part == PART_NOT) {
        notCounts[topic]++;
      } else {
        partCounts[topic][part]++;
      }
      if (keep) {
        if (found == occurrences.length) {
          occurrences = Arrays.copyOf(occurrences, found * 2);
        }
        occurrences[found++] = new int[] {topic, part, term, title ? 1 : 0, charOffset, cpOffset};
      }
    }
  }

  private void scanField(String s, boolean title, Scan scan) {
    Arrays.fill(scan.nextFree, 0);
    int[] candidates = new int[maxTermLength];
    int[] lengths = new int[maxTermLength];
    int length = s.length();
    int codePoints = 0; // code points before position i
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (i > 0 && !(Character.isLowSurrogate(c) && Character.isHighSurrogate(s.charAt(i - 1)))) {
        codePoints++;
      }
      if (!firstChars.get(c)) {
        continue;
      }
      int k = 0;
      Node node = root;
      for (int j = i; j < length; j++) {
        node = node.children.get(s.charAt(j));
        if (node == null) {
          break;
        }
        if (node.term >= 0) {
          candidates[k] = node.term;
          lengths[k] = j + 1 - i;
          k++;
        }
      }
      // longest first: each topic takes its longest term starting here
      for (int idx = k - 1; idx >= 0; idx--) {
        int term = candidates[idx];
        int[] ts = termTopics[term];
        for (int m = 0; m < ts.length; m++) {
          int t = ts[m];
          if (scan.nextFree[t] > i) {
            continue;
          }
          if (title ? !inTitle[t] : !inText[t]) {
            continue;
          }
          scan.nextFree[t] = i + lengths[idx];
          scan.record(t, termParts[term][m], term, title, i, codePoints);
        }
      }
    }
  }

  /** The term at {@code start} with up to {@value #SNIPPET_CONTEXT} code points on each side. */
  static String snippet(String field, int start, int termLength) {
    int from = start;
    for (int k = 0; k < SNIPPET_CONTEXT && from > 0; k++) {
      from = field.offsetByCodePoints(from, -1);
    }
    int to = start + termLength;
    for (int k = 0; k < SNIPPET_CONTEXT && to < field.length(); k++) {
      to = field.offsetByCodePoints(to, 1);
    }
    return field.substring(from, to);
  }
}
