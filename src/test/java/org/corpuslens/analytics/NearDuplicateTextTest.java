package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Normalisation, shingles, MinHash and Jaccard on hand-made pairs whose similarity is known. */
class NearDuplicateTextTest {
  /** 150 characters, every 5-character substring distinct (checked below). */
  static final String SIMPLIFIED =
      "本市今年以来持续推进绿色金融改革创新试验区建设，银行业金融机构绿色贷款余额同比增长百分之三十以上。"
          + "有关负责人表示，下一步将加大对清洁能源、节能环保和生态修复等领域的信贷支持力度，引导更多社会资本投向低碳产业。"
          + "与此同时，监管部门将完善环境信息披露制度，推动金融机构开展气候风险压力测试，防范化解相关风险。";

  /** The same, written by hand in traditional characters. */
  static final String TRADITIONAL =
      "本市今年以來持續推進綠色金融改革創新試驗區建設，銀行業金融機構綠色貸款餘額同比增長百分之三十以上。"
          + "有關負責人表示，下一步將加大對清潔能源、節能環保和生態修復等領域的信貸支持力度，引導更多社會資本投向低碳產業。"
          + "與此同時，監管部門將完善環境信息披露制度，推動金融機構開展氣候風險壓力測試，防範化解相關風險。";

  static final String UNRELATED =
      "昨天下午，市足球队在主场以二比一战胜来访的客队，取得本赛季第三场胜利。主教练赛后说，球员们在下半场展现了顽强的斗志，"
          + "尤其是中场的传球质量明显提高。下一轮比赛将于下周六晚上在外地进行，球队明天开始封闭训练。";

  private static int letters(String s) {
    return NearDuplicateText.normalize(s).length();
  }

  @Test
  void normalisationIsSimplifiedHalfWidthLowerCaseLettersAndDigitsOnly() {
    assertThat(NearDuplicateText.normalize("數字經濟　ＡＩ芯片，Hello！ 2022年\n（完）")).isEqualTo("数字经济ai芯片hello2022年完");
    assertThat(NearDuplicateText.normalize(TRADITIONAL)).isEqualTo(NearDuplicateText.normalize(SIMPLIFIED));
  }

  @Test
  void shinglesAreTheDistinctFiveCharacterSubstrings() {
    assertThat(NearDuplicateText.shingles("abcdefg")).hasSize(3);
    assertThat(NearDuplicateText.shingles("aaaaaaaa")).hasSize(1);
    assertThat(NearDuplicateText.shingles("abcd")).isEmpty();
    assertThat(NearDuplicateText.shingles("abcdeabcde")).hasSize(5); // abcde bcdea cdeab deabc eabcd
    long[] s = NearDuplicateText.shinglesOf(SIMPLIFIED);
    assertThat(s).hasSize(letters(SIMPLIFIED) - 4).isSorted();
  }

  @Test
  void jaccardOfSortedSets() {
    assertThat(NearDuplicateText.jaccard(new long[] {1, 2, 3, 4}, new long[] {3, 4, 5})).isEqualTo(2.0 / 5);
    assertThat(NearDuplicateText.jaccard(new long[] {}, new long[] {})).isZero();
    assertThat(NearDuplicateText.jaccard(new long[] {-5, 7}, new long[] {-5, 7})).isEqualTo(1.0);
  }

  @Test
  void anAddedLeadLineLowersTheSimilarityByItsShingles() {
    int n = letters(SIMPLIFIED);
    String lead = "新华社北京三月五日电记者王小明报道"; // 17 letters, none of them followed by the text's first 4
    double expected = (n - 4.0) / (n - 4.0 + letters(lead));
    assertThat(NearDuplicateText.similarity(SIMPLIFIED, lead + "\n" + SIMPLIFIED)).isCloseTo(expected, within(1e-9));
    assertThat(expected).isBetween(0.85, 0.9);
  }

  @Test
  void aTrimmedLastSentenceLosesItsShingles() {
    String trimmed = SIMPLIFIED.substring(0, SIMPLIFIED.indexOf("与此同时"));
    int n = letters(SIMPLIFIED);
    int m = letters(trimmed);
    assertThat(NearDuplicateText.similarity(SIMPLIFIED, trimmed)).isCloseTo((m - 4.0) / (n - 4.0), within(1e-9));
  }

  @Test
  void widthScriptWhitespaceAndPunctuationDoNotCount() {
    assertThat(NearDuplicateText.similarity(SIMPLIFIED, TRADITIONAL)).isEqualTo(1.0);
    assertThat(NearDuplicateText.similarity("ＡＩ芯片企业２０２２年营收增长，利润翻番。", "AI芯片企业 2022年营收增长,利润翻番.")).isEqualTo(1.0);
    assertThat(NearDuplicateText.similarity(SIMPLIFIED, SIMPLIFIED.replace("，", "\n"))).isEqualTo(1.0);
    assertThat(NearDuplicateText.similarity(SIMPLIFIED, UNRELATED)).isLessThan(0.02);
  }

  @Test
  void signaturesAgreeInAboutTheShareOfBinsThatIsTheJaccardSimilarity() {
    long[] a = NearDuplicateText.shinglesOf(SIMPLIFIED);
    long[] b = NearDuplicateText.shinglesOf("本报讯" + SIMPLIFIED.substring(0, SIMPLIFIED.indexOf("与此同时")));
    double j = NearDuplicateText.jaccard(a, b);
    int[] sa = NearDuplicateText.signature(a, 126);
    int[] sb = NearDuplicateText.signature(b, 126);
    int same = 0;
    for (int i = 0; i < 126; i++) {
      same += sa[i] == sb[i] ? 1 : 0;
    }
    assertThat(same / 126.0).isCloseTo(j, within(0.15)); // 3 standard errors at n = 126
    assertThat(NearDuplicateText.signature(a, 126)).isEqualTo(sa); // deterministic
    int[] unrelated = NearDuplicateText.signature(NearDuplicateText.shinglesOf(UNRELATED), 126);
    int agree = 0;
    for (int i = 0; i < 126; i++) {
      agree += sa[i] == unrelated[i] ? 1 : 0;
    }
    assertThat(agree).isLessThan(10);
    assertThat(NearDuplicateText.signature(NearDuplicateText.shinglesOf("图片来源：网络"), 126)).isNull(); // too short
  }

  @Test
  void bandingMakesPairsAtTheThresholdCandidates() {
    assertThat(NearDuplicateText.banding(0.8)).containsExactly(6, 21);
    for (double t : new double[] {0.5, 0.7, 0.8, 0.9, 0.95}) {
      int[] rb = NearDuplicateText.banding(t);
      assertThat(1 - Math.pow(1 - Math.pow(t, rb[0]), rb[1])).as("threshold %s", t).isGreaterThanOrEqualTo(0.995);
      assertThat(rb[0] * rb[1]).isBetween(126, 128);
    }
  }

  @Test
  void bandKeysAreTheSignatureOfTheDistinctShinglesCutIntoBands() {
    String text = "国务院常务会议研究部署推进绿色金融发展的措施，要求金融机构加大对绿色低碳项目的信贷支持力度。";
    String repeated = text + text + text; // every shingle of the text three times over
    for (String t : new String[] {text, repeated}) {
      long[] keys = NearDuplicateText.bandKeys(t, 6, 21);
      assertThat(keys).hasSize(21);
      // over the raw hashes (repeats included) = over the sorted distinct set
      assertThat(keys).isEqualTo(NearDuplicateText.bandKeys(NearDuplicateText.signature(NearDuplicateText.shinglesOf(t), 126), 6, 21));
    }
    // two texts share a band's key exactly when their signatures agree on the band's six values
    String edited = text.replace("信贷支持", "贷款投放");
    int[] sa = NearDuplicateText.signature(NearDuplicateText.shinglesOf(text), 126);
    int[] sb = NearDuplicateText.signature(NearDuplicateText.shinglesOf(edited), 126);
    long[] ka = NearDuplicateText.bandKeys(text, 6, 21);
    long[] kb = NearDuplicateText.bandKeys(edited, 6, 21);
    int agreeing = 0;
    for (int band = 0; band < 21; band++) {
      boolean equalBand = java.util.Arrays.equals(
          java.util.Arrays.copyOfRange(sa, band * 6, band * 6 + 6), java.util.Arrays.copyOfRange(sb, band * 6, band * 6 + 6));
      agreeing += equalBand ? 1 : 0;
      assertThat(ka[band] == kb[band]).as("band %d", band).isEqualTo(equalBand);
    }
    assertThat(agreeing).isBetween(1, 20); // some bands agree, some do not: the check above saw both
    assertThat(NearDuplicateText.bandKeys("图片来源：网络", 6, 21)).isNull(); // 3 shingles
    assertThat(NearDuplicateText.bandKeys("哈".repeat(80), 6, 21)).isNull(); // 76 shingles, 1 distinct
  }


  @Test
  void bandsWithEqualValuesStillHaveKeysOfTheirOwn() {
    // NearDuplicates buckets articles by the key alone, not by (band, key): a band's key must not
    // equal another band's key even when the two bands hold the same values
    int[] same = new int[126];
    java.util.Arrays.fill(same, 12345);
    long[] keys = NearDuplicateText.bandKeys(same, 6, 21);
    assertThat(java.util.Arrays.stream(keys).distinct().count()).isEqualTo(21);
    int[] counting = new int[126];
    for (int i = 0; i < counting.length; i++) {
      counting[i] = i % 6; // every band 0..5
    }
    assertThat(java.util.Arrays.stream(NearDuplicateText.bandKeys(counting, 6, 21)).distinct().count()).isEqualTo(21);
  }
  @Test
  void hasDistinctCountsDistinctValuesOnly() {
    assertThat(NearDuplicateText.hasDistinct(new long[] {1, 2, 3}, 3)).isTrue();
    assertThat(NearDuplicateText.hasDistinct(new long[] {1, 1, 2, 2, 3, 3}, 4)).isFalse();
    long[] many = new long[100];
    for (int i = 0; i < many.length; i++) {
      many[i] = i % 19; // 19 distinct among 100
    }
    assertThat(NearDuplicateText.hasDistinct(many, 19)).isTrue();
    assertThat(NearDuplicateText.hasDistinct(many, 20)).isFalse();
    assertThat(NearDuplicateText.hasDistinct(new long[0], 1)).isFalse();
  }
}
