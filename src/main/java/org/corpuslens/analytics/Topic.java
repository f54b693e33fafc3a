package org.corpuslens.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One policy topic of a lexicon and the rule that decides which articles it counts.
 *
 * <p>An article matches when, among the occurrences of the topic's terms in the {@link #scope}
 * (found by one left-to-right scan over all the topic's terms, longest term first at each
 * position, without overlaps):
 *
 * <ul>
 *   <li>some term of {@link #any} occurs (when {@code any} is not empty),
 *   <li>some term of every group of {@link #all} occurs,
 *   <li>no term of {@link #not} occurs, and
 *   <li>the occurrences of {@code any} and {@code all} terms (its <em>mentions</em>) are at least
 *       {@link #minMentions}.
 * </ul>
 *
 * A lexicon's plain {@code keywords: [...]} is {@code any} with {@code min_mentions} 1 and scope
 * text: the rule of every topic before rules existed.
 *
 * @param name the topic's name, as it appears in the {@code topic} column
 * @param any terms of which at least one must occur (may be empty when {@code all} is not)
 * @param all groups of terms, each of which must have at least one occurring term
 * @param not terms that exclude an article
 * @param minMentions the least number of mentions a matching article has (at least 1)
 * @param scope where the terms are looked for
 */
public record Topic(
    String name, List<String> any, List<List<String>> all, List<String> not, int minMentions, Scope scope)
    implements java.io.Serializable {

  /** Where a topic's terms are looked for. */
  public enum Scope {
    TITLE,
    TEXT,
    BOTH;

    /** Parses {@code title|text|both}. */
    public static Scope parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("scope '" + value + "' is not one of title, text, both", e);
      }
    }

    public boolean title() {
      return this != TEXT;
    }

    public boolean text() {
      return this != TITLE;
    }

    public String columnValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Name of the {@code any} part in {@code topic_mentions.rule_part}. */
  public static final String PART_ANY = "any";

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    any = List.copyOf(any);
    all = all.stream().map(List::copyOf).toList();
    not = List.copyOf(not);
    if (any.isEmpty() && all.isEmpty()) {
      throw new IllegalArgumentException("topic '" + name + "' has no keywords: give 'any' (or 'keywords') or 'all'");
    }
    for (int g = 0; g < all.size(); g++) {
      if (all.get(g).isEmpty()) {
        throw new IllegalArgumentException("topic '" + name + "': group " + (g + 1) + " of 'all' is empty");
      }
    }
    if (minMentions < 1) {
      throw new IllegalArgumentException("topic '" + name + "': min_mentions must be at least 1, not " + minMentions);
    }
    Map<String, String> partOf = new HashMap<>();
    for (String term : any) {
      claim(name, partOf, term, PART_ANY);
    }
    for (int g = 0; g < all.size(); g++) {
      for (String term : all.get(g)) {
        claim(name, partOf, term, allPart(g));
      }
    }
    for (String term : not) {
      String earlier = partOf.get(term);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "topic '" + name + "': the term '" + term + "' is both in '" + earlier + "' and an exclusion in 'not'");
      }
      partOf.put(term, "not");
    }
  }

  /** A keyword topic: {@code any} of {@code keywords}, at least one mention, in the text. */
  public Topic(String name, List<String> keywords) {
    this(name, keywords, List.of(), List.of(), 1, Scope.TEXT);
  }

  private static void claim(String topic, Map<String, String> partOf, String term, String part) {
    String earlier = partOf.putIfAbsent(term, part);
    if (earlier != null) {
      throw new IllegalArgumentException(
          "topic '" + topic + "': the term '" + term + "' appears twice (in '" + earlier + "' and in '" + part
              + "'); give each term once");
    }
  }

  /** Name of the {@code g}-th (0-based) group of {@code all} in {@code rule_part}: {@code all[1]} for the first. */
  public static String allPart(int g) {
    return "all[" + (g + 1) + "]";
  }

  /** Whether this is a plain keyword topic (only {@code any}, one mention, text). */
  public boolean isKeywordTopic() {
    return all.isEmpty() && not.isEmpty() && minMentions == 1 && scope == Scope.TEXT;
  }

  /**
   * The terms whose occurrences are mentions: {@code any}, then each group of {@code all}, in
   * lexicon order (the keywords of a keyword topic).
   */
  public List<String> keywords() {
    List<String> terms = new ArrayList<>(any);
    all.forEach(terms::addAll);
    return List.copyOf(terms);
  }

  /** Every term of the rule, exclusions included: what the scan looks for. */
  public List<String> terms() {
    Set<String> terms = new LinkedHashSet<>(keywords());
    terms.addAll(not);
    return List.copyOf(terms);
  }

  /** The rule in words, for reports: {@code any of {a, b}; and one of {c} and one of {d}; none of {e}; ...}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!any.isEmpty()) {
      parts.add("any of {" + String.join(", ", any) + "}");
    }
    if (!all.isEmpty()) {
      parts.add(all.stream().map(g -> "{" + String.join(", ", g) + "}")
          .collect(Collectors.joining(" and ", "at least one term of each of ", "")));
    }
    String rule = String.join("; and ", parts);
    if (!not.isEmpty()) {
      rule += "; but none of {" + String.join(", ", not) + "}";
    }
    if (minMentions > 1) {
      rule += "; at least " + minMentions + " mentions";
    }
    rule += switch (scope) {
      case TEXT -> "; in the text";
      case TITLE -> "; in the title";
      case BOTH -> "; in the title or the text";
    };
    return rule;
  }

  /**
   * A Java regular expression matching any of {@link #keywords()}, longest keywords first, so that
   * scanning for successive matches counts non-overlapping occurrences, leftmost first and longest
   * at each position ({@code 生物医药产业} is one mention of {生物医药, 医药产业}). For keyword
   * topics this is exactly the mention rule of {@link TopicMatcher}; tests and external checks use
   * it as an independent implementation.
   *
   * <p>A lookahead for the keywords' first characters comes first: at the many positions where no
   * keyword starts, the matcher fails after one character test instead of trying every keyword.
   */
  public String mentionRegex() {
    List<String> keywords = keywords();
    String firsts =
        keywords.stream()
            .map(k -> "\\x{" + Integer.toHexString(k.codePointAt(0)) + "}")
            .distinct()
            .collect(Collectors.joining());
    String alternatives =
        keywords.stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    return "(?=[" + firsts + "])(?:" + alternatives + ")";
  }

  /** Counts the occurrences of {@link #keywords()} in {@code text} with {@link #mentionRegex()}. */
  public int countMentions(String text) {
    var matcher = Pattern.compile(mentionRegex()).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
