package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How each standard cuts one HanLP term. The expected words are the conventions as the two
 * corpora's guidelines write them (PKU: People's Daily, Peking University; MSR: Microsoft
 * Research), on terms written for this test.
 */
class SegmentationStandardTest {

  private static String cut(SegmentationStandard standard, String term, String pos, boolean afterSurname) {
    List<String> words = new ArrayList<>();
    // the term inside a longer text, so offsets other than 0 are exercised
    String text = "前" + term + "后";
    standard.cut(text, 1, 1 + term.length(), pos, afterSurname, (from, to, tag) -> words.add(text.substring(from, to) + "/" + tag));
    return String.join(" ", words);
  }

  @ParameterizedTest(name = "pku: {0}/{1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // dates, times of day, magnitudes and percentages stay whole; a date's parts are words each
      "2019年|mq|2019年/m",
      "二○一九年|mq|二○一九年/m",
      "１９９８年|mq|１９９８年/m",
      "2019年7月|mq|2019年/m 7月/m",
      "十月一日|mq|十月/m 一日/m",
      "8时30分|mq|8时/m 30分/m",
      "56.7亿|mq|56.7亿/m",
      "一千二百人|mq|一千二百/m 人/q",
      "两万五千元|mq|两万五千/m 元/q",
      "三点五|mq|三点五/m",
      "3.5％|mq|3.5％/m",
      "12%|mq|12%/m",
      // measure words and units are words of their own
      "56.7亿元|mq|56.7亿/m 元/q",
      "20万平方米|mq|20万/m 平方米/q",
      "15个|mq|15/m 个/q",
      "三本|mq|三/m 本/q",
      "第五届|mq|第五/m 届/q",
      "第２期|mq|第２/m 期/q",
      "30多家|mq|30/m 多/m 家/q",
      "500余名|mq|500/m 余/m 名/q",
      "数百名|mq|数百/m 名/q",
      "万人|mq|万/m 人/q",
      "半个|mq|半/m 个/q",
      "45秒|mq|45/m 秒/q",
      // a count of years is a number and a measure word; a year is one word
      "10年|mq|10/m 年/q",
      "三十年|mq|三十/m 年/q",
      "几年|mq|几/m 年/q",
      "九八年|mq|九八年/m",
      // words of PKU's lexicon stay
      "一个|mq|一个/mq",
      // names: surname and given name; a compound surname is two characters
      "王小明|nr|王/nr 小明/nr",
      "张伟|nr|张/nr 伟/nr",
      "欧阳明远|nr|欧阳/nr 明远/nr",
      "司马光|nr|司马/nr 光/nr",
      "Smith|nr|Smith/nr",
      // a plural 们 after a noun, not after a pronoun
      "工程师们|n|工程师/n 们/k",
      "我们|rr|我们/rr",
      "人们|n|人们/n",
      // other terms pass
      "银行|n|银行/n",
      "---|w|---/w",
  })
  void pku(String term, String pos, String expected) {
    assertThat(cut(SegmentationStandard.PKU, term, pos, false)).isEqualTo(expected);
  }

  @Test
  void aGivenNameAfterASurnameHanLpAlreadyCutOffStaysWhole() {
    assertThat(cut(SegmentationStandard.PKU, "小明", "nr", true)).isEqualTo("小明/nr");
    assertThat(cut(SegmentationStandard.PKU, "小明", "nr", false)).isEqualTo("小/nr 明/nr");
  }

  @ParameterizedTest(name = "msr: {0}/{1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "2019年7月|mq|2019年7月/mq",
      "56.7亿元|mq|56.7亿元/mq",
      "第五届|mq|第五届/mq",
      "王小明|nr|王小明/nr",
      "工程师们|n|工程师们/n",
      // a dash typed as hyphens and an ellipsis are one word per character in MSR's gold
      "---|w|-/w -/w -/w",
      "……|w|…/w …/w",
      "-|w|-/w",
      "——|w|——/w",
      "a-b|nx|a-b/nx",
  })
  void msr(String term, String pos, String expected) {
    assertThat(cut(SegmentationStandard.MSR, term, pos, false)).isEqualTo(expected);
  }

  @Test
  void namesParseCaseInsensitivelyAndUnknownOnesAreRefused() {
    assertThat(SegmentationStandard.parse("PKU")).isEqualTo(SegmentationStandard.PKU);
    assertThat(SegmentationStandard.parse(" msr ")).isEqualTo(SegmentationStandard.MSR);
    assertThat(SegmentationStandard.PKU.id()).isEqualTo("pku");
    assertThatThrownBy(() -> SegmentationStandard.parse("ctb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("msr or pku");
  }

  @Test
  void wholeSentencesThroughHanLpFollowEachStandard() {
    // A sentence written for this test; the words every standard agrees on are unambiguous.
    String text = "2019年7月，张伟在北京参加了第五届论坛，会上签约30多个项目。";
    HanLpSegmenter msr = new HanLpSegmenter(SegmenterConfig.withDefaultStopWords(List.of()));
    HanLpSegmenter pku = new HanLpSegmenter(SegmenterConfig.withDefaultStopWords(List.of()).withStandard(SegmentationStandard.PKU));
    List<String> msrWords = msr.segmentAll(text).stream().map(Token::term).toList();
    List<String> pkuWords = pku.segmentAll(text).stream().map(Token::term).toList();
    assertThat(String.join("", msrWords)).isEqualTo(text);
    assertThat(String.join("", pkuWords)).isEqualTo(text);
    assertThat(msrWords).contains("2019年7月", "张伟", "第五届", "30多个");
    assertThat(pkuWords).containsSubsequence("2019年", "7月").containsSubsequence("张", "伟")
        .containsSubsequence("第五", "届").containsSubsequence("30", "多", "个")
        .doesNotContain("张伟", "第五届", "30多个");
  }
}
