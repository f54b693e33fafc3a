package org.corpuslens.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One article's tokens as a bag: each distinct (term, part of speech) once, with its number of
 * occurrences, and a flag on exactly one entry per distinct term (so that summing the flags over
 * articles counts the articles that contain the term). Built where the tokens are already in
 * memory, it lets {@link TermFrequencies} aggregate one row per distinct pair instead of one per
 * token, in a single pass.
 */
public final class TermBag {
  /** A distinct (term, tag) of the article: occurrences, and 1 on the term's first entry, else 0. */
  public record Entry(String term, String pos, int count, int firstOfTerm) {}

  private TermBag() {}

  /**
   * @param terms the article's tokens
   * @param tags their parts of speech, the same length (a null tag counts as its own tag)
   * @return the entries in order of first occurrence
   */
  public static List<Entry> of(List<String> terms, List<String> tags) {
    if (terms.size() != tags.size()) {
      throw new IllegalArgumentException(
          "tokens and token_pos differ in length: " + terms.size() + " vs " + tags.size());
    }
    Map<String, Map<String, int[]>> byTerm = new LinkedHashMap<>(terms.size() * 2);
    for (int i = 0; i < terms.size(); i++) {
      String term = Objects.requireNonNull(terms.get(i), "token");
      byTerm.computeIfAbsent(term, t -> new LinkedHashMap<>(2)).computeIfAbsent(tags.get(i), p -> new int[1])[0]++;
    }
    List<Entry> entries = new ArrayList<>(byTerm.size());
    for (Map.Entry<String, Map<String, int[]>> term : byTerm.entrySet()) {
      int first = 1;
      for (Map.Entry<String, int[]> tag : term.getValue().entrySet()) {
        entries.add(new Entry(term.getKey(), tag.getKey(), tag.getValue()[0], first));
        first = 0;
      }
    }
    return entries;
  }
}
