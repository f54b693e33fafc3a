package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownWordsTest {
  private final KnownWords known = new KnownWords(List.of("绿色金融"));

  @Test
  void dictionaryWordsPhrasesOfThemExtraWordsAndNumeralsAreKnown() {
    assertThat(known.isKnown("经济")).isTrue(); // CoreDictionary
    assertThat(known.isKnown("经济发展")).isTrue(); // 经济 + 发展
    assertThat(known.isKnown("绿色金融")).isTrue(); // an extra word
    assertThat(known.isKnown("二十三")).isTrue(); // numerals
  }

  @Test
  void inventedStringsAreNot() {
    assertThat(known.isKnown("龘靐")).isFalse();
    assertThat(known.isKnown("珩栖仓")).isFalse();
    // a known word and a stray character: not a phrase of words of two or more characters
    assertThat(known.isKnown("经济龘")).isFalse();
  }

  @Test
  void aUserWordIsSegmentedWholeOnlyOnceInTheDictionary() {
    String text = "新推出的珩栖仓很受欢迎";
    HanLpSegmenter before = new HanLpSegmenter(SegmenterConfig.withDefaultStopWords(List.of()));
    HanLpSegmenter after = new HanLpSegmenter(SegmenterConfig.withDefaultStopWords(List.of("珩栖仓")));
    assertThat(before.segmentAll(text)).extracting(Token::term).doesNotContain("珩栖仓");
    assertThat(after.segmentAll(text)).extracting(Token::term).contains("珩栖仓");
  }
}
