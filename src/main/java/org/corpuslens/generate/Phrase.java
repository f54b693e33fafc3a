package org.corpuslens.generate;

import java.util.Arrays;

/**
 * A piece of text the generator inserts on purpose, with the mentions it decided the piece holds.
 *
 * @param text the text
 * @param mentions per topic (lexicon order), the mentions the piece counts for
 * @param kind why it is there
 */
public record Phrase(String text, int[] mentions, Kind kind) {
  /** What a phrase is for. */
  public enum Kind {
    /** one keyword: one mention of its topic */
    KEYWORD,
    /** two keywords of one topic sharing characters ({@code 生物医药产业}): one mention */
    OVERLAP_SAME_TOPIC,
    /** keywords of two topics sharing characters ({@code 数字化转型金融}): one mention of each */
    OVERLAP_TWO_TOPICS,
    /** looks like a keyword but is none ({@code 绿色发展}, {@code 绿色 金融}): no mention */
    NEAR_MISS,
    /** a month's or a source's distinctive word ({@link PlantedTerms}): no mention */
    PLANTED
  }

  public Phrase {
    mentions = mentions.clone();
  }

  @Override
  public int[] mentions() {
    return mentions.clone();
  }

  int mentionsOf(int topic) {
    return mentions[topic];
  }

  int totalMentions() {
    int s = 0;
    for (int m : mentions) {
      s += m;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Phrase p && text.equals(p.text) && kind == p.kind && Arrays.equals(mentions, p.mentions);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + Arrays.hashCode(mentions);
  }

  @Override
  public String toString() {
    return "Phrase[" + text + ", " + Arrays.toString(mentions) + ", " + kind + "]";
  }
}
