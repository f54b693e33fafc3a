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
}
