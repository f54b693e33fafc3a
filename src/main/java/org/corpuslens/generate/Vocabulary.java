package org.corpuslens.generate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The filler words of the generated text: the most common words of HanLP's core dictionary, drawn
 * in proportion to their frequencies in HanLP's corpus (so the text has the unigram distribution
 * of real news text, function words included).
 *
 * <p>No filler word can take part in a topic mention, alone or joined to its neighbours: a word is
 * left out when it contains a keyword, or when one of its endings is the beginning of a keyword
 * ({@code 学生} ends with {@code 生}, the start of {@code 生物医药}). A keyword occurrence that
 * spans a boundary between two words must begin inside the left word with a proper prefix of the
 * keyword, so with these words only, no boundary between two filler words can ever form a keyword.
 * Boundaries between a filler word and an inserted keyword are checked by the {@link
 * MentionCounter} instead.
 */
final class Vocabulary {
  /** Parts of speech never used as filler: names of people, foreign strings, punctuation, placeholders. */
  private static final Set<String> EXCLUDED_NATURES =
      Set.of("nr", "nr1", "nr2", "nrf", "nrj", "nx", "x", "xx", "xu", "w", "e", "o", "begin", "end", "mq");

  /**
   * Words of the extraction contract's labels and navigation tails (责任编辑, 来源, 查看原文 ...): the
   * dictionary has some of them, and in the text they would blur the test that boilerplate never
   * reaches it.
   */
  private static final Set<String> EXCLUDED_WORDS =
      Set.of("责任编辑", "来源", "文章来源", "原文", "查看", "阅读原文", "原文链接", "点击查看", "查看更多");

  private final String[] words;
  private final AliasSampler sampler;

  private Vocabulary(List<String> words, double[] weights) {
    this.words = words.toArray(String[]::new);
    this.sampler = new AliasSampler(weights);
  }

  /**
   * The {@code maxWords} most frequent dictionary words that are plain Chinese words of one to four
   * characters and safe for the given keywords.
   */
  static Vocabulary build(List<DictionaryWords.Entry> entries, Collection<String> keywords, int maxWords) {
    List<String> chosen = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (DictionaryWords.Entry e : entries) {
      if (chosen.size() >= maxWords) {
        break;
      }
      String w = e.word();
      if (w.isEmpty() || w.length() > 4 || e.frequency() < 3 || EXCLUDED_NATURES.contains(e.nature()) || EXCLUDED_WORDS.contains(w)
          || !isHan(w) || !isSafe(w, keywords)) {
        continue;
      }
      chosen.add(w);
      weights.add((double) e.frequency());
    }
    if (chosen.size() < 500) {
      throw new IllegalStateException(
          "only " + chosen.size() + " dictionary words are usable as filler with this lexicon; its keywords are too common");
    }
    double[] w = new double[weights.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights.get(i);
    }
    return new Vocabulary(chosen, w);
  }

  /** Whether {@code w} contains no keyword and ends with no beginning of a keyword. */
  static boolean isSafe(String w, Collection<String> keywords) {
    for (String k : keywords) {
      if (w.contains(k)) {
        return false;
      }
      // an ending of w that is a proper prefix of k
      int max = Math.min(w.length(), k.length() - 1);
      for (int n = 1; n <= max; n++) {
        if (w.regionMatches(w.length() - n, k, 0, n)) {
          return false;
        }
      }
    }
    return true;
  }

  /** CJK unified ideographs of the basic block only. */
  static boolean isHan(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < '\u4E00' || c > '\u9FA5') {
        return false;
      }
    }
    return true;
  }

  String word(Rng rng) {
    return words[sampler.sample(rng)];
  }

  int size() {
    return words.length;
  }

  List<String> words() {
    return List.of(words);
  }
}
