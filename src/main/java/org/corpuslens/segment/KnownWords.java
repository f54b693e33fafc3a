package org.corpuslens.segment;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What a new word must not be: a word of HanLP's dictionaries ({@code CoreDictionary}, and the
 * bundled {@code CustomDictionary} that the shipped segmenter leaves off but that still says the
 * word is known), a word of {@code extraWords} (lexicon keywords, user dictionary), or a string
 * the known words of two or more characters cover end to end ({@code 经济发展} = {@code 经济} +
 * {@code 发展}): such a string is a phrase of known words, not a new one. Strings of Chinese
 * numerals ({@code 二十三}) are never new words either.
 *
 * <p>Serializable (the extra words only); HanLP's dictionaries are loaded once per JVM on first use.
 */
public final class KnownWords implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String NUMERALS = "零〇一二三四五六七八九十百千万亿两";

  private final Set<String> extraWords;

  public KnownWords(List<String> extraWords) {
    this.extraWords = Set.copyOf(extraWords);
  }

  /** Whether HanLP's dictionaries or the extra words hold {@code word}. */
  public boolean isWord(String word) {
    return extraWords.contains(word) || CoreDictionary.contains(word) || CustomDictionary.contains(word);
  }

  /** Whether {@code gram} is a known word, a phrase of known words of 2+ characters, or a numeral. */
  public boolean isKnown(String gram) {
    return isWord(gram) || isNumeral(gram) || isPhraseOfWords(gram);
  }

  private static boolean isNumeral(String gram) {
    for (int i = 0; i < gram.length(); i++) {
      if (NUMERALS.indexOf(gram.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether known words of two or more characters, at least two of them, cover {@code gram}. */
  private boolean isPhraseOfWords(String gram) {
    int n = gram.length();
    // covered[i]: gram[0, i) is a sequence of known words of 2+ characters; parts[i]: their number
    int[] parts = new int[n + 1];
    java.util.Arrays.fill(parts, -1);
    parts[0] = 0;
    for (int i = 0; i < n; i++) {
      if (parts[i] < 0) {
        continue;
      }
      for (int j = i + 2; j <= n; j++) {
        if ((i > 0 || j < n) && isWord(gram.substring(i, j))) {
          parts[j] = Math.max(parts[j], parts[i] + 1);
        }
      }
    }
    return parts[n] >= 2;
  }
}
