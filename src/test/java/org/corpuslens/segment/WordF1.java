package org.corpuslens.segment;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word-level precision, recall and F1 of a segmentation against a gold segmentation, the SIGHAN
 * bakeoff measure: a test word is correct when a gold word covers exactly the same characters of
 * the (whitespace-free) line. Words are whitespace-separated as in the SIGHAN files; U+3000 counts
 * as whitespace, as in the official {@code score} script.
 */
final class WordF1 {

  /** Counts over a corpus. */
  record Score(long goldWords, long testWords, long correctWords) {
    double precision() {
      return testWords == 0 ? 0 : (double) correctWords / testWords;
    }

    double recall() {
      return goldWords == 0 ? 0 : (double) correctWords / goldWords;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score other) {
      return new Score(
          goldWords + other.goldWords,
          testWords + other.testWords,
          correctWords + other.correctWords);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "P=%.4f R=%.4f F1=%.4f (gold %d, test %d, correct %d)",
          precision(),
          recall(),
          f1(),
          goldWords,
          testWords,
          correctWords);
    }
  }

  private WordF1() {}

  /** Splits a SIGHAN line (words separated by whitespace, U+3000 included) into words. */
  static List<String> words(String line) {
    String cleaned = line.replace('\u3000', ' ').strip();
    return cleaned.isEmpty() ? List.of() : List.of(cleaned.split("\\s+"));
  }

  /** Scores one line. */
  static Score scoreLine(List<String> gold, List<String> test) {
    Set<Long> goldSpans = spans(gold);
    Set<Long> testSpans = spans(test);
    long correct = testSpans.stream().filter(goldSpans::contains).count();
    return new Score(gold.size(), test.size(), correct);
  }

  /** Scores aligned lines; both lists must have the same length. */
  static Score score(List<List<String>> gold, List<List<String>> test) {
    if (gold.size() != test.size()) {
      throw new IllegalArgumentException(
          "gold has " + gold.size() + " lines, test has " + test.size());
    }
    Score total = new Score(0, 0, 0);
    for (int i = 0; i < gold.size(); i++) {
      total = total.plus(scoreLine(gold.get(i), test.get(i)));
    }
    return total;
  }

  private static Set<Long> spans(List<String> words) {
    Set<Long> spans = new HashSet<>();
    long start = 0;
    for (String word : words) {
      long end = start + word.length();
      spans.add(start << 32 | end);
      start = end;
    }
    return spans;
  }
}
