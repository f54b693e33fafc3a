package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.corpuslens.segment.CustomWordMatcher.Match;
import org.junit.jupiter.api.Test;

class CustomWordMatcherTest {

  @Test
  void takesTheLongestWordAtEachPositionWithoutOverlaps() {
    CustomWordMatcher matcher =
        new CustomWordMatcher(List.of("生物医药", "医药产业", "关键核心技术", "技术攻关", "核心"));

    // 生物医药|产业: 医药产业 overlaps; 关键核心技术|攻关: 技术攻关 and 核心 overlap
    assertThat(matcher.find("生物医药产业和关键核心技术攻关"))
        .containsExactly(new Match(0, 4), new Match(7, 13));
  }

  @Test
  void findsRepeatedAndAdjacentWords() {
    CustomWordMatcher matcher = new CustomWordMatcher(List.of("碳金融", "绿色金融"));

    assertThat(matcher.find("碳金融绿色金融碳金融"))
        .containsExactly(new Match(0, 3), new Match(3, 7), new Match(7, 10));
  }

  @Test
  void latinAndDigitWordsDoNotMatchInsideLongerRuns() {
    CustomWordMatcher matcher = new CustomWordMatcher(List.of("AI", "5G"));

    assertThat(matcher.find("SAID 15G 5Gs")).isEmpty();
    assertThat(matcher.find("AI与5G，(AI)"))
        .containsExactly(new Match(0, 2), new Match(3, 5), new Match(7, 9));
  }

  @Test
  void noWordsNoMatches() {
    assertThat(new CustomWordMatcher(List.of()).find("绿色金融")).isEmpty();
    assertThat(new CustomWordMatcher(List.of("绿色金融")).find("")).isEmpty();
  }
}
