package org.corpuslens.generate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.corpuslens.segment.KnownWords;

/**
 * Words planted so that each month and each source has a term that distinguishes it: a noun of
 * HanLP's core dictionary that is not a filler word, not a stop word and safe next to the lexicon's
 * keywords, one per month and one per source, all different. Half of a month's articles carry the
 * month's word once or twice, and 80% of a source's articles the source's word two or three times
 * (twice per article on average, so that it clearly outweighs the source's name, which telegram
 * sources print once at the start of their articles: at 60%, 1.5 per article, the name's piece
 * 联社 beat 基本点 in one of 75 (month, source) cells of an 8,000-post corpus), so
 * the month's word is the period's most over-represented term against the rest of the corpus, and
 * the source's word the source's most over-represented term against the other sources of the same
 * month. Immutable.
 */
final class PlantedTerms {
  /** Share of the articles that carry their month's word (once or twice). */
  static final double MONTH_RATE = 0.5;

  /** Share of the articles that carry their source's word (two or three times). */
  static final double SOURCE_RATE = 0.8;

  /** Share of the articles from a new word's first month on that carry it (once or twice). */
  static final double NEW_WORD_RATE = 0.1;

  /**
   * Invented words (2 to 4 characters of rare characters, none a common surname), the new words
   * planted: those HanLP's dictionaries know or that would form or break a lexicon keyword are
   * skipped, the first {@link #NEW_WORDS} others planted.
   */
  static final List<String> INVENTED = List.of("珩栖仓", "漪舱", "霁汐岙舱", "澈岭券", "漪岙珩券");

  /** How many new words are planted. */
  static final int NEW_WORDS = 4;

  private final List<String> monthWords;
  private final List<String> sourceWords;
  private final List<String> newWords;
  private final int[] newWordStarts;

  private PlantedTerms(List<String> monthWords, List<String> sourceWords, List<String> newWords, int months) {
    this.monthWords = List.copyOf(monthWords);
    this.sourceWords = List.copyOf(sourceWords);
    this.newWords = List.copyOf(newWords);
    this.newWordStarts = new int[newWords.size()];
    for (int k = 0; k < newWords.size(); k++) {
      newWordStarts[k] = (int) ((long) (k + 1) * months / (newWords.size() + 1));
    }
  }

  /**
   * Picks the words, most frequent first: three-character nouns ({@code n}) of the dictionary with
   * a frequency of at least 5 in HanLP's corpus (the most frequent nouns are filler words already), then two-character ones if needed.
   */
  static PlantedTerms pick(
      List<DictionaryWords.Entry> dictionary, Vocabulary vocabulary, Collection<String> keywords,
      Collection<String> stopWords, int months, int sources) {
    Set<String> filler = new HashSet<>(vocabulary.words());
    Set<String> stop = new HashSet<>(stopWords);
    List<String> chosen = new ArrayList<>();
    for (int length : new int[] {3, 2}) {
      for (DictionaryWords.Entry e : dictionary) {
        if (chosen.size() == months + sources) {
          break;
        }
        String w = e.word();
        if (w.length() == length && "n".equals(e.nature()) && e.frequency() >= 5 && Vocabulary.isHan(w)
            && !filler.contains(w) && !stop.contains(w) && Vocabulary.isSafe(w, keywords) && !overlapsKeyword(w, keywords)) {
          chosen.add(w);
        }
      }
    }
    if (chosen.size() < months + sources) {
      throw new IllegalStateException("only " + chosen.size() + " dictionary nouns can be planted; " + (months + sources) + " needed");
    }
    KnownWords known = new KnownWords(List.copyOf(keywords));
    List<String> invented = new ArrayList<>();
    for (String w : INVENTED) {
      if (invented.size() < NEW_WORDS && !known.isKnown(w) && Vocabulary.isSafe(w, keywords) && !overlapsKeyword(w, keywords)
          && !filler.contains(w) && !stop.contains(w)) {
        invented.add(w);
      }
    }
    return new PlantedTerms(chosen.subList(0, months), chosen.subList(months, months + sources), invented, months);
  }

  /** A keyword's start inside the word would let the mention check reject every sentence. */
  private static boolean overlapsKeyword(String w, Collection<String> keywords) {
    for (String k : keywords) {
      if (k.contains(w) || w.indexOf(k.charAt(0)) >= 0) {
        return true;
      }
    }
    return false;
  }

  String month(int monthIndex) {
    return monthWords.get(monthIndex);
  }

  String source(int sourceIndex) {
    return sourceWords.get(sourceIndex);
  }

  List<String> monthWords() {
    return monthWords;
  }

  List<String> sourceWords() {
    return sourceWords;
  }

  /** The invented new words, in planting order. */
  List<String> newWords() {
    return newWords;
  }

  /** The month index from which new word {@code k} is planted: (k + 1) x months / (new words + 1). */
  int newWordStart(int k) {
    return newWordStarts[k];
  }

  /**
   * The new words to plant in one article of month {@code monthIndex}: each word whose first month
   * has come, once or twice with probability {@link #NEW_WORD_RATE}, drawn from {@code rng} (an
   * Rng of its own, so that the articles without new words stay as they were).
   */
  List<Phrase> newWordPhrases(Rng rng, int monthIndex, int topics) {
    List<Phrase> out = new ArrayList<>(2);
    for (int k = 0; k < newWords.size(); k++) {
      if (monthIndex >= newWordStarts[k] && rng.chance(NEW_WORD_RATE)) {
        int n = 1 + rng.nextInt(2);
        for (int i = 0; i < n; i++) {
          out.add(new Phrase(newWords.get(k), new int[topics], Phrase.Kind.PLANTED));
        }
      }
    }
    return out;
  }

  /** The phrases to plant in one article (none, or some of each word), drawn from {@code rng}. */
  List<Phrase> phrases(Rng rng, int monthIndex, int sourceIndex, int topics) {
    List<Phrase> out = new ArrayList<>(4);
    if (rng.chance(MONTH_RATE)) {
      int n = 1 + rng.nextInt(2);
      for (int i = 0; i < n; i++) {
        out.add(new Phrase(month(monthIndex), new int[topics], Phrase.Kind.PLANTED));
      }
    }
    if (rng.chance(SOURCE_RATE)) {
      int n = 2 + rng.nextInt(2);
      for (int i = 0; i < n; i++) {
        out.add(new Phrase(source(sourceIndex), new int[topics], Phrase.Kind.PLANTED));
      }
    }
    return out;
  }
}
