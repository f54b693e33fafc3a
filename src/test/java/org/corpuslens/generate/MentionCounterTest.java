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

  @Test
  void countedAppliesTheRules() {
    TopicLexicon rules = TopicLexicon.parse("topics:\n"
        + "  EPU: {all: [[经济, 金融], [政策], [不确定]], not: [足球]}\n"
        + "  碳: {any: [碳中和, 碳达峰], min_mentions: 2, scope: both}\n"
        + "  题: {any: [芯片], scope: title}\n", "rules");
    MentionCounter c = new MentionCounter(rules);
    // EPU: 经济 + 政策 + 不确定 = 3; 碳: one in the title + one in the text = 2; 题: the title's 芯片
    assertThat(c.counted("碳中和芯片", "经济政策不确定，碳达峰，芯片")).containsExactly(3, 2, 1);
    // 足球 excludes EPU; 碳 has one mention only; 芯片 only in the text
    assertThat(c.counted("标题", "经济政策不确定，足球，碳中和，芯片")).containsExactly(0, 0, 0);
    // a missing group
    assertThat(c.counted(null, "金融政策")).containsExactly(0, 0, 0);
  }
}
