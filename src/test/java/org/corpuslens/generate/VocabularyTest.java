package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.corpuslens.analytics.TopicLexicon;
import org.junit.jupiter.api.Test;

/** HanLP's dictionary read from the jar, and the filler words chosen from it. */
class VocabularyTest {
  private static final List<DictionaryWords.Entry> DICTIONARY = DictionaryWords.load();
  private final TopicLexicon lexicon = TopicLexicon.defaults();

  @Test
  void readsTheWholeCoreDictionary() {
    assertThat(DICTIONARY.size()).isGreaterThan(80_000);
    assertThat(DICTIONARY).extracting(DictionaryWords.Entry::word).contains("发展", "经济", "金融", "银行", "政策");
    assertThat(DICTIONARY.get(0).frequency()).isGreaterThanOrEqualTo(DICTIONARY.get(1000).frequency());
  }

  @Test
  void fillerWordsCannotTakePartInAMention() {
    Vocabulary v = Vocabulary.build(DICTIONARY, lexicon.allKeywords(), 12_000);
    assertThat(v.size()).isGreaterThan(10_000);
    assertThat(v.words()).contains("发展", "企业", "市场").doesNotContain("绿色", "数字", "生物", "技术", "产业", "科技", "创新")
        .doesNotContain("责任编辑", "来源");
    MentionCounter counter = new MentionCounter(lexicon);
    Rng rng = new Rng(9);
    for (int i = 0; i < 20_000; i++) {
      String joined = v.word(rng) + v.word(rng) + v.word(rng);
      assertThat(counter.isFree(joined)).as(joined).isTrue();
    }
  }

  @Test
  void safetyRule() {
    List<String> keywords = List.of("绿色金融", "碳金融");
    assertThat(Vocabulary.isSafe("银行", keywords)).isTrue();
    assertThat(Vocabulary.isSafe("绿色", keywords)).isFalse(); // a keyword's beginning
    assertThat(Vocabulary.isSafe("低碳", keywords)).isFalse(); // ends with 碳
    assertThat(Vocabulary.isSafe("碳金融市场", keywords)).isFalse(); // holds a keyword
    assertThat(Vocabulary.isSafe("金融", keywords)).isTrue(); // an end is harmless: the start is never written by filler
  }
}
