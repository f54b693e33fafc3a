package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartitionTermCountsTest {
  /** (period, source, term, tag) → {count, docs}: the drained rows summed up. */
  private static Map<List<Object>, long[]> sums(List<Object[]> rows) {
    Map<List<Object>, long[]> m = new HashMap<>();
    for (Object[] r : rows) {
      long[] s = m.computeIfAbsent(Arrays.asList(r[0], r[1], r[2], r[3]), k -> new long[2]);
      s[0] += (Long) r[4];
      s[1] += (Long) r[5];
    }
    return m;
  }

  private static long[] of(Map<List<Object>, long[]> sums, Object period, String source, String term, String tag) {
    return sums.get(Arrays.asList(period, source, term, tag));
  }

  @Test
  void occurrencesPerTagAndArticlesPerTermOfOnePeriodAndSource() {
    PartitionTermCounts counts = new PartitionTermCounts(1_000);
    // article 1: 发展 twice as v and once as vn, 绿色金融 twice, 市场 once
    counts.add("2024-01", "新华网", List.of("发展", "绿色金融", "发展", "市场", "发展", "绿色金融"),
        List.of("v", "nz", "vn", "n", "v", "nz"));
    // article 2: 发展 once as vn, 市场 twice
    counts.add("2024-01", "新华网", List.of("市场", "发展", "市场"), List.of("n", "vn", "n"));
    assertThat(counts.entries()).isEqualTo(4);
    List<Object[]> rows = counts.drainToList();
    assertThat(rows).hasSize(4);
    Map<List<Object>, long[]> s = sums(rows);
    assertThat(of(s, "2024-01", "新华网", "发展", "v")[0]).isEqualTo(2);
    assertThat(of(s, "2024-01", "新华网", "发展", "vn")[0]).isEqualTo(2);
    // 发展 is in both articles: 2 documents, on one of its tag rows only
    assertThat(of(s, "2024-01", "新华网", "发展", "v")[1] + of(s, "2024-01", "新华网", "发展", "vn")[1]).isEqualTo(2);
    assertThat(of(s, "2024-01", "新华网", "发展", "v")[1] * of(s, "2024-01", "新华网", "发展", "vn")[1]).isZero();
    assertThat(of(s, "2024-01", "新华网", "绿色金融", "nz")).containsExactly(2, 1);
    assertThat(of(s, "2024-01", "新华网", "市场", "n")).containsExactly(3, 2);
    assertThat(counts.entries()).isZero();
    assertThat(counts.drainToList()).isEmpty();
  }

  @Test
  void periodsAndSourcesAreKeptApartAndNullsAreValues() {
    PartitionTermCounts counts = new PartitionTermCounts(1_000);
    counts.add("2024-01", "A", List.of("x"), List.of("n"));
    counts.add("2024-02", "A", List.of("x"), List.of("n"));
    counts.add("2024-01", "B", List.of("x"), Arrays.asList((String) null));
    counts.add(null, "A", List.of("x", "x"), List.of("n", "n"));
    counts.add("2024-01", "A", List.of("x"), List.of("n"));
    Map<List<Object>, long[]> s = sums(counts.drainToList());
    assertThat(s).hasSize(4);
    assertThat(of(s, "2024-01", "A", "x", "n")).containsExactly(2, 2);
    assertThat(of(s, "2024-02", "A", "x", "n")).containsExactly(1, 1);
    assertThat(of(s, "2024-01", "B", "x", null)).containsExactly(1, 1);
    assertThat(of(s, null, "A", "x", "n")).containsExactly(2, 1);
  }

  @Test
  void aBoundedHoldGivesPartialSumsThatAddUpToTheSameTotals() {
    // random articles over a small vocabulary, counted directly (the ground truth) and through a
    // hold of 7 entries, drained whenever add says it is full
    Random rnd = new Random(11);
    String[] vocab = {"a", "b", "c", "d", "e", "f", "g", "h"};
    String[] tags = {"n", "v", "vn"};
    Map<List<Object>, long[]> expected = new HashMap<>();
    Map<List<Object>, Long> expectedDocs = new HashMap<>();
    PartitionTermCounts counts = new PartitionTermCounts(7);
    List<Object[]> rows = new ArrayList<>();
    int drains = 0;
    for (int a = 0; a < 300; a++) {
      String period = "p" + rnd.nextInt(3);
      String source = "s" + rnd.nextInt(2);
      List<String> t = new ArrayList<>();
      List<String> p = new ArrayList<>();
      int n = rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        t.add(vocab[rnd.nextInt(vocab.length)]);
        p.add(tags[rnd.nextInt(tags.length)]);
      }
      for (int i = 0; i < n; i++) {
        expected.computeIfAbsent(Arrays.asList(period, source, t.get(i), p.get(i)), k -> new long[2])[0]++;
      }
      for (String term : new java.util.HashSet<>(t)) {
        expectedDocs.merge(Arrays.asList(period, source, term), 1L, Long::sum);
      }
      if (counts.add(period, source, t, p)) {
        assertThat(counts.entries()).isGreaterThanOrEqualTo(7);
        rows.addAll(counts.drainToList());
        drains++;
      }
    }
    rows.addAll(counts.drainToList());
    assertThat(drains).as("the bound was reached").isGreaterThan(10);
    Map<List<Object>, long[]> got = sums(rows);
    assertThat(got.keySet()).isEqualTo(expected.keySet());
    expected.forEach((k, v) -> assertThat(got.get(k)[0]).as(k.toString()).isEqualTo(v[0]));
    Map<List<Object>, Long> gotDocs = new HashMap<>();
    got.forEach((k, v) -> gotDocs.merge(List.of(k.get(0), k.get(1), k.get(2)), v[1], Long::sum));
    assertThat(gotDocs).isEqualTo(expectedDocs);
  }

  @Test
  void anEmptyArticleAddsNothing() {
    PartitionTermCounts counts = new PartitionTermCounts(1);
    assertThat(counts.add("p", "s", List.of(), List.of())).isFalse();
    assertThat(counts.drainToList()).isEmpty();
  }

  @Test
  void tokensAndTagsOfDifferentLengthsAreRefused() {
    assertThatThrownBy(() -> new PartitionTermCounts(10).add("p", "s", List.of("a", "b"), List.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 vs 1");
    assertThatThrownBy(() -> new PartitionTermCounts(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
