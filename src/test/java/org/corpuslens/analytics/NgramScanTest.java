package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Gram counts, neighbours, PMI and entropy on strings small enough to count by hand. */
class NgramScanTest {
  private static final double EPS = 1e-9;

  @Test
  void gramsStayInsideRunsOfHanCharacters() {
    // runs 甲乙 and 丙甲乙 (the comma and the digit end a run)
    Map<String, Integer> c = NgramScan.counts("甲乙，丙甲乙7", 3, 100);
    assertThat(c).containsOnly(
        Map.entry("甲", 2), Map.entry("乙", 2), Map.entry("丙", 1),
        Map.entry("甲乙", 2), Map.entry("丙甲", 1), Map.entry("丙甲乙", 1));
  }

  @Test
  void readsOnlyTheFirstMaxCharsCharacters() {
    assertThat(NgramScan.counts("甲乙甲乙", 2, 2)).containsOnly(Map.entry("甲", 1), Map.entry("乙", 1), Map.entry("甲乙", 1));
    assertThat(NgramScan.counts("甲乙丙丁", 2, 100)).doesNotContainKey("甲乙丙");
  }

  @Test
  void neighboursAreHanCharactersOrTheEdge() {
    Map<NgramScan.Context, Integer> c = NgramScan.contexts("甲乙，丙甲乙。甲乙丁", 3, 100, Set.of("甲乙"));
    assertThat(c).containsOnly(
        Map.entry(new NgramScan.Context("甲乙", "", ""), 1),
        Map.entry(new NgramScan.Context("甲乙", "丙", ""), 1),
        Map.entry(new NgramScan.Context("甲乙", "", "丁"), 1));
  }

  @Test
  void entropyInBits() {
    assertThat(NgramScan.entropy(1, 1)).isCloseTo(1.0, within(EPS));
    assertThat(NgramScan.entropy(5)).isCloseTo(0.0, within(EPS));
    // 3 and 1: -(0.75 log2 0.75 + 0.25 log2 0.25) = 0.8112781245
    assertThat(NgramScan.entropy(3, 1)).isCloseTo(0.8112781245, within(1e-9));
    assertThat(NgramScan.entropy(1, 1, 1, 1)).isCloseTo(2.0, within(EPS));
  }

  @Test
  void cohesionIsThePmiOfTheWeakestSplit() {
    // w = abc seen 2 times in N = 14 characters; a 3, bc 5 (split a|bc), ab 2, c 5 (split ab|c):
    // log2(2*14/(3*5)) = 0.9004643 and log2(2*14/(2*5)) = 1.4854268; the weaker is the first
    assertThat(NgramScan.cohesion(2, new long[] {3, 2}, new long[] {5, 5}, 14)).isCloseTo(0.9004643, within(1e-6));
  }
}
