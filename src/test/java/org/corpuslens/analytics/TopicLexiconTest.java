package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicLexiconTest {
  @Test
  void defaultLexiconHasTheFourPolicyTopicsWithAtLeastFiveKeywordsEach() {
    TopicLexicon lexicon = TopicLexicon.defaults();
    assertThat(lexicon.topics()).extracting(Topic::name).containsExactly("科技创新", "数字经济", "生物医药", "绿色金融");
    assertThat(lexicon.topics()).allSatisfy(t -> {
      assertThat(t.keywords()).hasSizeGreaterThanOrEqualTo(5);
      assertThat(t.keywords()).contains(t.name());
    });
  }

  @Test
  void parsesAnyTopics() {
    TopicLexicon lexicon =
        TopicLexicon.parse("topics:\n  低空经济:\n    keywords: [低空经济, 无人机, eVTOL]\n  养老:\n    keywords:\n      - 养老服务\n      - 银发经济\n", "t.yaml");
    assertThat(lexicon.topics()).containsExactly(
        new Topic("低空经济", List.of("低空经济", "无人机", "eVTOL")),
        new Topic("养老", List.of("养老服务", "银发经济")));
    assertThat(lexicon.allKeywords()).containsExactly("低空经济", "无人机", "eVTOL", "养老服务", "银发经济");
  }

  @Test
  void errorsSayWhatToFix() {
    assertThatThrownBy(() -> TopicLexicon.parse("topic:\n  a:\n    keywords: [x]\n", "f.yaml"))
        .hasMessageContaining("f.yaml").hasMessageContaining("unknown top-level key 'topic'");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  a:\n    keyword: [x]\n", "f.yaml"))
        .hasMessageContaining("topic 'a' has unknown key 'keyword'");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  a:\n    keywords: []\n", "f.yaml"))
        .hasMessageContaining("non-empty list");
    assertThatThrownBy(() -> TopicLexicon.parse("topics: {}\n", "f.yaml")).hasMessageContaining("at least one topic");
    assertThatThrownBy(() -> TopicLexicon.parse("topics: [a\n", "f.yaml")).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  a:\n    keywords: [' ']\n", "f.yaml"))
        .hasMessageContaining("blank");
  }

  @Test
  void hashChangesWithKeywords() {
    TopicLexicon a = TopicLexicon.parse("topics:\n  a:\n    keywords: [x, y]\n", "a");
    TopicLexicon b = TopicLexicon.parse("topics:\n  a:\n    keywords: [x, z]\n", "b");
    TopicLexicon a2 = TopicLexicon.parse("topics:\n  a:\n    keywords: [x, y]\n", "elsewhere");
    assertThat(a.sha256()).isNotEqualTo(b.sha256()).isEqualTo(a2.sha256()).hasSize(64);
  }

  @Test
  void parsesRulesAndKeepsKeywordsAsAny() {
    TopicLexicon lexicon = TopicLexicon.parse(
        "topics:\n  EPU: {all: [[经济, 金融], [政策, 监管], [不确定, 风险]], not: [足球], scope: text}\n"
            + "  碳: {any: [碳中和], min_mentions: 2, scope: both}\n  绿: {keywords: [绿色金融]}\n", "r.yaml");
    Topic epu = lexicon.topics().get(0);
    assertThat(epu.any()).isEmpty();
    assertThat(epu.all()).containsExactly(List.of("经济", "金融"), List.of("政策", "监管"), List.of("不确定", "风险"));
    assertThat(epu.not()).containsExactly("足球");
    assertThat(epu.scope()).isEqualTo(Topic.Scope.TEXT);
    assertThat(lexicon.topics().get(1).minMentions()).isEqualTo(2);
    assertThat(lexicon.topics().get(1).scope()).isEqualTo(Topic.Scope.BOTH);
    assertThat(lexicon.topics().get(2)).isEqualTo(new Topic("绿", List.of("绿色金融")));
    // the segmenter's custom words include the terms of all groups and the exclusions
    assertThat(lexicon.allKeywords()).containsExactly("经济", "金融", "政策", "监管", "不确定", "风险", "足球", "碳中和", "绿色金融");
    assertThat(epu.describe()).isEqualTo(
        "at least one term of each of {经济, 金融} and {政策, 监管} and {不确定, 风险}; but none of {足球}; in the text");
  }

  @Test
  void ruleErrorsNameTheTopicAndTheProblem() {
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {all: [[经济], []]}\n", "f.yaml"))
        .hasMessageContaining("f.yaml").hasMessageContaining("topic 'E'").hasMessageContaining("'all[2]'");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {any: [经济, 足球], not: [足球]}\n", "f.yaml"))
        .hasMessageContaining("topic 'E'").hasMessageContaining("'足球'").hasMessageContaining("exclusion");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {any: [经济], nott: [足球]}\n", "f.yaml"))
        .hasMessageContaining("topic 'E' has unknown key 'nott'");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {all: [经济, 政策]}\n", "f.yaml"))
        .hasMessageContaining("topic 'E'").hasMessageContaining("group 1 of 'all' must be a list");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {any: [经济], min_mentions: two}\n", "f.yaml"))
        .hasMessageContaining("topic 'E'").hasMessageContaining("min_mentions");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {any: [经济], min_mentions: 0}\n", "f.yaml"))
        .hasMessageContaining("min_mentions");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {any: [经济], scope: body}\n", "f.yaml"))
        .hasMessageContaining("topic 'E'").hasMessageContaining("scope 'body'");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {any: [经济], not: 足球}\n", "f.yaml"))
        .hasMessageContaining("topic 'E'").hasMessageContaining("'not' as a non-empty list");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {not: [足球]}\n", "f.yaml"))
        .hasMessageContaining("topic 'E' needs 'keywords'");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {keywords: [a], any: [b]}\n", "f.yaml"))
        .hasMessageContaining("both 'keywords' and 'any'");
    assertThatThrownBy(() -> TopicLexicon.parse("topics:\n  E: {all: [[经济], [经济]]}\n", "f.yaml"))
        .hasMessageContaining("'经济' appears twice");
  }

  @Test
  void keywordTopicsHashAsBeforeAndRulesChangeTheHash() {
    TopicLexicon plain = TopicLexicon.parse("topics:\n  a:\n    keywords: [x, y]\n", "a");
    TopicLexicon asAny = TopicLexicon.parse("topics:\n  a: {any: [x, y]}\n", "a");
    TopicLexicon scoped = TopicLexicon.parse("topics:\n  a: {any: [x, y], scope: both}\n", "a");
    assertThat(asAny.sha256()).isEqualTo(plain.sha256());
    assertThat(scoped.sha256()).isNotEqualTo(plain.sha256());
  }

  private static TopicLexicon shipped(String name) throws java.io.IOException {
    java.nio.file.Path p = java.nio.file.Path.of("jobs/conf/lexicons", name);
    return TopicLexicon.parse(java.nio.file.Files.readString(p, java.nio.charset.StandardCharsets.UTF_8), p.toString());
  }

  @Test
  void shippedLexiconsParse() throws java.io.IOException {
    assertThat(shipped("default.yaml")).isEqualTo(TopicLexicon.defaults());
    Topic epu = shipped("epu-china.yaml").topics().get(0);
    assertThat(epu.all()).hasSize(3);
    assertThat(epu.all().get(0)).containsExactly("经济", "金融");
    assertThat(epu.all().get(2)).contains("不确定");
    assertThat(epu.scope()).isEqualTo(Topic.Scope.TEXT);
    TopicMatcher m = new TopicMatcher(shipped("epu-china.yaml"));
    // 经济 (economy), 央行 (policy), 不确定 (uncertainty): counted; without an uncertainty term: not
    assertThat(m.match(null, "央行表示，经济前景仍有不确定因素。", false).counts()).containsExactly(3);
    assertThat(m.match(null, "央行表示，经济运行平稳。", false).counts()).containsExactly(0);
  }
}
