package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermRulesTest {

  @ParameterizedTest
  @CsvSource({
    "2022, m", "２０２２, m", "3.5, m", "３．５, m", "50%, m", "５０％, m", "1，000, m", "三, m",
    "十二, m", "十二万, m", "二〇二二, m", "第一, m", "百分之五十, m", "三点五, m", "两, m",
    "2022年, mq", "3.5亿元, mq", "三个, mq", "十几年来, mq", "第3, mq", "15, nx"
  })
  void numbersAndQuantities(String term, String pos) {
    assertThat(TermRules.isNumber(term, pos)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "千万, d", "三峡, ns", "统一, v", "5G, nx", "GDP, nx", "第, m", "点, q", "年, q", "季度, n",
    "一带, n", "两会, j", "多, a"
  })
  void notNumbers(String term, String pos) {
    assertThat(TermRules.isNumber(term, pos)).isFalse();
  }

  @Test
  void symbolsPunctuationAndWhitespace() {
    String[] symbols = {"，", "。", "《", "——", "%", "😀", " ", "\n\n", "\u3000", "＃", "…"};
    for (String term : symbols) {
      assertThat(TermRules.isSymbolOrSpace(term)).as(term).isTrue();
    }
    for (String term : new String[] {"金融", "GDP", "3", "Ａ", "e-mail"}) {
      assertThat(TermRules.isSymbolOrSpace(term)).as(term).isFalse();
    }
  }
}
