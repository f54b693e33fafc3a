package org.corpuslens.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strict paragraph measure of issue 13: a gold paragraph counts when it comes out as one line
 * of the text, equal after whitespace is collapsed; each extracted line matches at most one gold
 * paragraph (multiset intersection), so an extra line costs precision and a split or merged
 * paragraph costs both.
 *
 * @param matched lines both extracted and gold
 * @param extracted lines extracted
 * @param gold gold paragraphs
 */
record ParagraphScore(int matched, int extracted, int gold) {

  static ParagraphScore of(List<String> extractedLines, List<String> goldLines) {
    Map<String, Integer> remaining = new HashMap<>();
    int gold = 0;
    for (String g : goldLines) {
      String n = Whitespace.normalize(g);
      if (!n.isEmpty()) {
        remaining.merge(n, 1, Integer::sum);
        gold++;
      }
    }
    int matched = 0;
    int extracted = 0;
    for (String e : extractedLines) {
      String n = Whitespace.normalize(e);
      if (n.isEmpty()) {
        continue;
      }
      extracted++;
      Integer left = remaining.get(n);
      if (left != null && left > 0) {
        remaining.put(n, left - 1);
        matched++;
      }
    }
    return new ParagraphScore(matched, extracted, gold);
  }

  ParagraphScore plus(ParagraphScore o) {
    return new ParagraphScore(matched + o.matched, extracted + o.extracted, gold + o.gold);
  }

  double precision() {
    return extracted == 0 ? (gold == 0 ? 1 : 0) : (double) matched / extracted;
  }

  double recall() {
    return gold == 0 ? 1 : (double) matched / gold;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
