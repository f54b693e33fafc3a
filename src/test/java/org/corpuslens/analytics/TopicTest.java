package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicTest {
  private static final Topic BIO = new Topic("生物医药", List.of("生物医药", "生物制药", "创新药", "生物技术", "医药产业", "疫苗研发"));
  private static final Topic TECH = new Topic("科技创新", List.of("科技创新", "自主创新", "关键核心技术", "技术攻关"));
  private static final Topic SPECIAL = new Topic("x", List.of("a.b", "(c)", "d+"));

  @ParameterizedTest
  @CsvSource({
    "生物医药产业快速发展, 1",      // 医药产业 overlaps 生物医药: one mention
    "医药产业与生物医药, 2",
    "生物医药生物医药生物医药, 3",
    "创新药和生物制药以及生物技术, 3",
    "生物医, 0",
    "'', 0"
  })
  void countsNonOverlappingLeftmostLongest(String text, int expected) {
    assertThat(BIO.countMentions(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"关键核心技术攻关, 1", "技术攻关与科技创新, 2", "自主创新科技创新, 2"})
  void overlappingKeywordsCountOnce(String text, int expected) {
    assertThat(TECH.countMentions(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"axb, 0", "a.b, 1", "(c) c, 1", "d+ dd, 1"})
  void keywordsAreLiteralNotRegex(String text, int expected) {
    assertThat(SPECIAL.countMentions(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"碳减排支持工具, 1", "碳金融与碳减排支持工具, 2"})
  void longestKeywordWinsAtAPosition(String text, int expected) {
    Topic green = new Topic("绿色金融", List.of("碳金融", "碳减排", "碳减排支持工具"));
    assertThat(green.countMentions(text)).isEqualTo(expected);
  }
}
