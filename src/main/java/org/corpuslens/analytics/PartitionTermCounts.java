package org.corpuslens.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The term counts of many articles, summed before anything leaves the task: per (period, source,
 * term, part of speech) the occurrences, and per (period, source, term) the number of articles that
 * contain the term. Plain Java, no Spark types; {@link TermFrequencies} feeds it a partition's
 * articles and hands the sums to Spark's aggregation, which only has to add up a few partial rows
 * per key instead of one row per article and distinct term.
 *
 * <p>One hash look-up per token: each (period, source) has its map of terms, and each term entry
 * remembers the last article that counted it, so an article adds 1 to a term's documents once
 * however often the term occurs in it. The number of (term, tag) entries held is bounded:
 * {@link #add} says when the bound is reached, and the caller then {@linkplain #drain drains}
 * what is held (partial sums, which Spark adds up like any others) before going on.
 */
public final class PartitionTermCounts {
  /** Receives the sums: one call per (period, source, term, tag); docs only on one tag per term. */
  public interface Sink {
    void accept(Object period, String source, String term, String pos, long count, long docs);
  }

  private record Group(Object period, String source) {}

  /** A term of one (period, source): its tags' occurrences and its documents. */
  private static final class TermEntry {
    private final String term;
    private String[] tags = new String[2];
    private long[] counts = new long[2];
    private int size;
    private long docs;
    private long lastArticle = -1;

    TermEntry(String term) {
      this.term = term;
    }

    /** @return whether the tag is new for this term (one more entry held) */
    boolean add(String tag) {
      for (int i = 0; i < size; i++) {
        if (Objects.equals(tags[i], tag)) {
          counts[i]++;
          return false;
        }
      }
      if (size == tags.length) {
        tags = java.util.Arrays.copyOf(tags, size * 2);
        counts = java.util.Arrays.copyOf(counts, size * 2);
      }
      tags[size] = tag;
      counts[size] = 1;
      size++;
      return true;
    }
  }

  private final int maxEntries;
  private final Map<Group, Map<String, TermEntry>> groups = new HashMap<>();
  private Group lastGroup;
  private Map<String, TermEntry> lastTerms;
  private long articles;
  private int entries;

  /** @param maxEntries how many (period, source, term, tag) sums to hold before {@link #add} asks for a drain */
  public PartitionTermCounts(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /**
   * Counts one article's tokens.
   *
   * @param terms the article's tokens
   * @param tags their parts of speech, the same length (a null tag counts as its own tag)
   * @return true when the bound of held entries is reached: drain before the next article
   */
  public boolean add(Object period, String source, List<String> terms, List<String> tags) {
    if (terms.size() != tags.size()) {
      throw new IllegalArgumentException(
          "tokens and token_pos differ in length: " + terms.size() + " vs " + tags.size());
    }
    Map<String, TermEntry> byTerm = termsOf(period, source);
    long article = articles++;
    for (int i = 0; i < terms.size(); i++) {
      String term = Objects.requireNonNull(terms.get(i), "token");
      TermEntry e = byTerm.get(term);
      if (e == null) {
        e = new TermEntry(term);
        byTerm.put(term, e);
      }
      if (e.lastArticle != article) {
        e.lastArticle = article;
        e.docs++;
      }
      if (e.add(tags.get(i))) {
        entries++;
      }
    }
    return entries >= maxEntries;
  }

  private Map<String, TermEntry> termsOf(Object period, String source) {
    if (lastTerms != null && Objects.equals(lastGroup.period(), period) && Objects.equals(lastGroup.source(), source)) {
      return lastTerms;
    }
    Group g = new Group(period, source);
    lastGroup = g;
    lastTerms = groups.computeIfAbsent(g, k -> new HashMap<>());
    return lastTerms;
  }

  /** The (term, tag) sums held now. */
  public int entries() {
    return entries;
  }

  /** Hands every sum held to the sink (a term's documents with its first tag) and forgets them. */
  public void drain(Sink sink) {
    for (Map.Entry<Group, Map<String, TermEntry>> g : groups.entrySet()) {
      Object period = g.getKey().period();
      String source = g.getKey().source();
      for (TermEntry e : g.getValue().values()) {
        for (int i = 0; i < e.size; i++) {
          sink.accept(period, source, e.term, e.tags[i], e.counts[i], i == 0 ? e.docs : 0L);
        }
      }
    }
    groups.clear();
    lastGroup = null;
    lastTerms = null;
    entries = 0;
  }

  /** The sums held as a list (for tests and small inputs), then forgets them. */
  public List<Object[]> drainToList() {
    List<Object[]> rows = new ArrayList<>(entries);
    drain((period, source, term, pos, count, docs) -> rows.add(new Object[] {period, source, term, pos, count, docs}));
    return rows;
  }
}
