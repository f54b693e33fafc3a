package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.corpuslens.analytics.Topic;
import org.corpuslens.analytics.TopicLexicon;
import org.junit.jupiter.api.Test;

/** The generator's own mention count, on hand-made texts (default lexicon order: 科技创新, 数字经济, 生物医药, 绿色金融). */
class MentionCounterTest {
  private final MentionCounter counter = new MentionCounter(TopicLexicon.defaults());

  @Test
  void countsEachKeywordOnceNonOverlappingLeftmostLongest() {
    assertThat(counter.count("推动绿色金融和绿色信贷发展，支持绿色金融。")).containsExactly(0, 0, 0, 3);
    assertThat(counter.count("生物医药产业")).containsExactly(0, 0, 1, 0);
    assertThat(counter.count("关键核心技术攻关")).containsExactly(1, 0, 0, 0);
    assertThat(counter.count("产业数字化转型")).containsExactly(0, 1, 0, 0);
  }

  @Test
  void countsTopicsIndependently() {
    assertThat(counter.count("数字化转型金融")).containsExactly(0, 1, 0, 1);
    assertThat(counter.count("自主创新药")).containsExactly(1, 0, 1, 0);
    assertThat(counter.count("医药产业数字化")).containsExactly(0, 1, 1, 0);
  }

  @Test
  void aKeywordCutByALineBreakOrASpaceIsNoMention() {
    assertThat(counter.count("绿色\n金融")).containsExactly(0, 0, 0, 0);
    assertThat(counter.count("绿色 金融，数字 经济")).containsExactly(0, 0, 0, 0);
    assertThat(counter.isFree("绿色发展，数字技术，生物多样性")).isTrue();
  }

  @Test
  void worksForAnyLexicon() {
    MentionCounter custom = new MentionCounter(TopicLexicon.of(List.of(
        new Topic("低空经济", List.of("低空经济", "无人机", "无人机群")), new Topic("经济", List.of("经济")))));
    assertThat(custom.count("无人机群和无人机，低空经济")).containsExactly(3, 1);
    assertThat(custom.topicNames()).containsExactly("低空经济", "经济");
  }
}
