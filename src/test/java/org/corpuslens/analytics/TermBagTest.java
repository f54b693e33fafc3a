package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.corpuslens.analytics.TermBag.Entry;
import org.junit.jupiter.api.Test;

class TermBagTest {
  @Test
  void eachDistinctTermAndTagOnceWithItsCountAndOneFirstFlagPerTerm() {
    List<String> terms = List.of("发展", "绿色金融", "发展", "市场", "发展", "绿色金融");
    List<String> tags = List.of("v", "nz", "vn", "n", "v", "nz");
    assertThat(TermBag.of(terms, tags))
        .containsExactly(
            new Entry("发展", "v", 2, 1),
            new Entry("发展", "vn", 1, 0),
            new Entry("绿色金融", "nz", 2, 1),
            new Entry("市场", "n", 1, 1));
  }

  @Test
  void countsAddUpToTheTokensAndFlagsToTheDistinctTerms() {
    List<String> terms = List.of("a", "b", "a", "c", "a", "b", "d", "d");
    List<String> tags = List.of("x", "y", "y", "x", "x", "y", "z", "x");
    List<Entry> bag = TermBag.of(terms, tags);
    assertThat(bag.stream().mapToInt(Entry::count).sum()).isEqualTo(8);
    assertThat(bag.stream().mapToInt(Entry::firstOfTerm).sum()).isEqualTo(4); // a, b, c, d
  }

  @Test
  void anEmptyArticleHasAnEmptyBag() {
    assertThat(TermBag.of(List.of(), List.of())).isEmpty();
  }

  @Test
  void tokensAndTagsOfDifferentLengthsAreRefused() {
    assertThatThrownBy(() -> TermBag.of(List.of("a", "b"), List.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 vs 1");
  }
}
