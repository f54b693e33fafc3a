package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.corpuslens.analytics.Topic.Scope;
import org.junit.jupiter.api.Test;

/** Each rule kind on hand-made articles whose answer is worked out in the comments. */
class TopicMatcherTest {
  private static TopicMatcher matcher(Topic... topics) {
    return new TopicMatcher(TopicLexicon.of(List.of(topics)));
  }

  private static final Topic EPU =
      new Topic("EPU", List.of(), List.of(List.of("经济", "金融"), List.of("政策", "监管"), List.of("不确定", "风险")),
          List.of("足球"), 1, Scope.TEXT);

  @Test
  void allNeedsOneTermOfEveryGroup() {
    TopicMatcher m = matcher(EPU);
    // 经济 (group 1), 政策 (group 2), 不确定 (group 3): matches, 3 mentions
    assertThat(m.match(null, "经济政策存在不确定", false).counts()).containsExactly(3);
    // no group-3 term: no match, nothing counted although 经济 and 政策 occur
    assertThat(m.match(null, "经济政策稳定", false).counts()).containsExactly(0);
    // 金融, 监管, 风险, 风险, 经济: 5 mentions
    assertThat(m.match(null, "金融监管风险与风险经济", false).counts()).containsExactly(5);
  }

  @Test
  void notExcludesTheArticle() {
    TopicMatcher m = matcher(EPU);
    assertThat(m.match(null, "经济政策不确定，足球", false).counts()).containsExactly(0);
    assertThat(m.match(null, "经济政策不确定，足", false).counts()).containsExactly(3);
  }

  @Test
  void anyAndAllTogether() {
    // any of {外贸} and one of {关税}: 外贸 alone is not enough
    Topic trade = new Topic("贸易", List.of("外贸"), List.of(List.of("关税")), List.of(), 1, Scope.TEXT);
    TopicMatcher m = matcher(trade);
    assertThat(m.match(null, "外贸增长", false).counts()).containsExactly(0);
    assertThat(m.match(null, "关税调整", false).counts()).containsExactly(0);
    assertThat(m.match(null, "外贸与关税，外贸", false).counts()).containsExactly(3);
  }

  @Test
  void minMentionsCountsAnyAndAllTerms() {
    Topic twice = new Topic("碳", List.of("碳中和", "碳达峰"), List.of(), List.of(), 2, Scope.TEXT);
    TopicMatcher m = matcher(twice);
    assertThat(m.match(null, "碳中和目标", false).counts()).containsExactly(0); // 1 < 2
    assertThat(m.match(null, "碳中和与碳达峰", false).counts()).containsExactly(2);
    assertThat(m.match(null, "碳中和碳中和碳中和", false).counts()).containsExactly(3);
  }

  @Test
  void scopeTitleTextOrBoth() {
    Topic inTitle = new Topic("标题", List.of("芯片"), List.of(), List.of(), 1, Scope.TITLE);
    Topic inText = new Topic("正文", List.of("芯片"), List.of(), List.of(), 1, Scope.TEXT);
    Topic inBoth = new Topic("两者", List.of("芯片"), List.of(), List.of(), 1, Scope.BOTH);
    TopicMatcher m = matcher(inTitle, inText, inBoth);
    // title: 1 芯片; text: 2 芯片
    assertThat(m.match("芯片新闻", "芯片与芯片", false).counts()).containsExactly(1, 2, 3);
    assertThat(m.match(null, "芯片", false).counts()).containsExactly(0, 1, 1);
    assertThat(m.match("芯片", "无关", false).counts()).containsExactly(1, 0, 1);
    // a term cut by the boundary between title and text is not found
    assertThat(m.match("芯", "片", false).counts()).containsExactly(0, 0, 0);
  }

  @Test
  void exclusionInTheTitleCountsOnlyWhenTheScopeHasTheTitle() {
    Topic both = new Topic("b", List.of("经济"), List.of(), List.of("足球"), 1, Scope.BOTH);
    Topic text = new Topic("t", List.of("经济"), List.of(), List.of("足球"), 1, Scope.TEXT);
    TopicMatcher m = matcher(both, text);
    assertThat(m.match("足球新闻", "经济", false).counts()).containsExactly(0, 1);
  }

  @Test
  void longestTermOfTheTopicWinsSoALongerExclusionHidesAShorterTerm() {
    // 风险投资 is an exclusion: the scan takes it whole, so its 风险 is not a mention, and the
    // article is excluded; 风险 elsewhere would still not save it
    Topic t = new Topic("U", List.of("风险"), List.of(), List.of("风险投资"), 1, Scope.TEXT);
    TopicMatcher m = matcher(t);
    assertThat(m.match(null, "风险投资", false).counts()).containsExactly(0);
    assertThat(m.match(null, "风险很大", false).counts()).containsExactly(1);
  }

  @Test
  void topicsScanIndependentlySoAnotherTopicsLongerTermHidesNothing() {
    // topic A has 生物医药产业, topic B has 医药: each topic's own scan, as separate regexes would do
    Topic a = new Topic("A", List.of("生物医药产业"));
    Topic b = new Topic("B", List.of("医药"));
    assertThat(matcher(a, b).match(null, "生物医药产业园", false).counts()).containsExactly(1, 1);
  }

  @Test
  void mentionsListPartsTermsFieldsCodePointOffsetsAndSnippets() {
    Topic t = new Topic("EPU", List.of(), List.of(List.of("经济"), List.of("政策")), List.of(), 1, Scope.BOTH);
    // "𠀀" is one character outside the BMP (two UTF-16 units): offsets count it once
    TopicMatcher.Result r = matcher(t).match("政策", "𠀀经济好", true);
    assertThat(r.mentions()).containsExactly(
        new TopicMatcher.Mention(0, "all[2]", "政策", "title", 0, "政策"),
        new TopicMatcher.Mention(0, "all[1]", "经济", "text", 1, "𠀀经济好"));
  }

  @Test
  void snippetsHaveFortyCharactersEachSide() {
    String left = "左".repeat(50);
    String right = "右".repeat(45);
    TopicMatcher.Result r = matcher(new Topic("x", List.of("经济"))).match(null, left + "经济" + right, true);
    assertThat(r.mentions()).hasSize(1);
    assertThat(r.mentions().get(0).offset()).isEqualTo(50);
    assertThat(r.mentions().get(0).snippet()).isEqualTo("左".repeat(40) + "经济" + "右".repeat(40));
  }

  @Test
  void nonMatchingTopicsListNoMentions() {
    TopicMatcher.Result r = matcher(EPU).match(null, "经济政策", true);
    assertThat(r.counts()).containsExactly(0);
    assertThat(r.mentions()).isEmpty();
  }

  /**
   * For keyword topics the matcher must count exactly what each topic's own regular expression
   * counts (today's rule): checked on random strings over an alphabet that makes overlaps frequent.
   */
  @Test
  void keywordTopicsCountWhatTheirRegexCounts() {
    List<Topic> topics = List.of(
        new Topic("A", List.of("ab", "abc", "bca", "c")),
        new Topic("B", List.of("bc", "cab", "a")),
        new Topic("C", List.of("abcab", "ba")));
    TopicMatcher m = new TopicMatcher(TopicLexicon.of(topics));
    Random random = new Random(7);
    for (int n = 0; n < 2000; n++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(30);
      for (int i = 0; i < len; i++) {
        s.append("abcx".charAt(random.nextInt(4)));
      }
      long[] counts = m.match(null, s.toString(), false).counts();
      for (int t = 0; t < topics.size(); t++) {
        assertThat(counts[t]).as("%s in %s", topics.get(t).name(), s).isEqualTo(topics.get(t).countMentions(s.toString()));
      }
    }
  }
}
