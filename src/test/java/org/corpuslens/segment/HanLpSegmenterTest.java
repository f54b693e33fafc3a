package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HanLpSegmenterTest {

  private static final List<String> TOPIC_WORDS =
      List.of("绿色金融", "数字经济", "生物医药", "科技创新", "碳减排支持工具", "产业数字化", "数字化转型");

  private static HanLpSegmenter segmenter;

  @BeforeAll
  static void build() {
    segmenter = new HanLpSegmenter(SegmenterConfig.withDefaultStopWords(TOPIC_WORDS));
  }

  private static List<String> terms(HanLpSegmenter s, String text) {
    return s.segment(text).stream().map(Token::term).collect(Collectors.toList());
  }

  @Test
  void customWordsComeOutWholeAndTaggedNz() {
    List<Token> tokens =
        segmenter.segment(
            "央行推出碳减排支持工具，银行加大绿色金融投入，" + "也看好数字经济与生物医药，重视科技创新。");

    assertThat(tokens)
        .contains(
            new Token("碳减排支持工具", "nz"),
            new Token("绿色金融", "nz"),
            new Token("数字经济", "nz"),
            new Token("生物医药", "nz"),
            new Token("科技创新", "nz"));
  }

  @Test
  void customWordsStayWholeWhereHanLpWouldCutAcrossThem() {
    // HanLP alone cuts 科技创新型 as 科技/创/新型 and 一生物医药 as 一生/物/医药.
    assertThat(terms(segmenter, "促进科技创新型企业成长")).startsWith("促进", "科技创新");
    assertThat(terms(segmenter, "这是一生物医药园区")).contains("生物医药");
    assertThat(terms(segmenter, "数字经济发展很快")).startsWith("数字经济", "发展");
  }

  @Test
  void everyTopicKeywordStaysWholeBetweenAnyTwoCharacters() {
    List<String> lexicon = SegmenterBenchmark.DEFAULT_LEXICON;
    HanLpSegmenter topics = new HanLpSegmenter(new SegmenterConfig(lexicon, List.of()));
    String neighbours = "的一是在不了人中大上国业型化力金融科技数字生物药新高关核心发展产";
    int checked = 0;
    List<String> misses = new ArrayList<>();
    for (String word : lexicon) {
      for (char before : neighbours.toCharArray()) {
        for (char after : neighbours.toCharArray()) {
          String text = before + word + after;
          if (anotherKeywordOverlaps(lexicon, word, text)) {
            continue;
          }
          checked++;
          List<Token> all = topics.segmentAll(text);
          if (!all.contains(new Token(word, "nz"))) {
            misses.add(text + " " + all);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(20_000);
    assertThat(misses).isEmpty();
  }

  /** True if a lexicon word other than the one at index 1 covers part of it. */
  private static boolean anotherKeywordOverlaps(List<String> lexicon, String word, String text) {
    for (String other : lexicon) {
      for (int at = text.indexOf(other); at >= 0; at = text.indexOf(other, at + 1)) {
        boolean same = at == 1 && other.equals(word);
        if (!same && at < 1 + word.length() && at + other.length() > 1) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void overlappingCustomWordsTakeTheLeftmostLongest() {
    assertThat(segmenter.segment("推动产业数字化转型"))
        .containsExactly(new Token("推动", "v"), new Token("产业数字化", "nz"), new Token("转型", "vn"));
  }

  @Test
  void latinCustomWordsMatchOnlyWholeRuns() {
    HanLpSegmenter ai = new HanLpSegmenter(new SegmenterConfig(List.of("AI", "5G"), List.of()));

    assertThat(ai.segment("AI芯片和5G网络")).contains(new Token("AI", "nz"), new Token("5G", "nz"));
    assertThat(terms(ai, "他SAID了MAIL和15G流量")).doesNotContain("AI", "5G");
  }

  @Test
  void dropsStopWordsAndKeepsPartOfSpeech() {
    assertThat(segmenter.segment("我们的企业和银行都在支持绿色金融。"))
        .containsExactly(
            new Token("企业", "n"),
            new Token("银行", "n"),
            new Token("支持", "v"),
            new Token("绿色金融", "nz"));
  }

  @Test
  void dropsPunctuationSymbolsAndWhitespace() {
    String text = "绿色金融 ， 发展！\n\n（数字经济）——《生物医药》😀…… ＃科技创新＃\u3000\t";

    assertThat(terms(segmenter, text))
        .containsExactly("绿色金融", "发展", "数字经济", "生物医药", "科技创新");
  }

  @Test
  void dropsNumbersAndQuantities() {
    String text =
        "2022年收入增长3.5%，达到十二万元；２０２２年有三个项目，50%的企业，"
            + "二〇二一年第一季度超过百分之五十。";

    assertThat(terms(segmenter, text))
        .containsExactly("收入", "增长", "达到", "项目", "企业", "季度", "超过");
  }

  @Test
  void stopWordsCompareLatinCaseInsensitively() {
    HanLpSegmenter s =
        new HanLpSegmenter(new SegmenterConfig(List.of(), List.of("app", "的")));

    assertThat(terms(s, "下载APP的用户")).containsExactly("下载", "用户");
  }

  @Test
  void aCustomWordThatIsAlsoAStopWordIsDropped() {
    HanLpSegmenter s =
        new HanLpSegmenter(new SegmenterConfig(List.of("绿色金融"), List.of("绿色金融")));

    assertThat(terms(s, "发展绿色金融")).containsExactly("发展");
  }

  @Test
  void customWordsBypassTheNumberRule() {
    HanLpSegmenter s = new HanLpSegmenter(new SegmenterConfig(List.of("十四五"), List.of()));

    assertThat(s.segment("十四五规划")).startsWith(new Token("十四五", "nz"));
  }

  @Test
  void keptTermsOccurInTheTextInOrder() {
    for (String text : sampleTexts()) {
      int from = 0;
      for (Token token : segmenter.segment(text)) {
        int at = text.indexOf(token.term(), from);
        assertThat(at).as("%s after %d in %s", token.term(), from, text).isGreaterThanOrEqualTo(0);
        from = at + token.term().length();
      }
    }
  }

  @Test
  void allTermsTogetherAreTheText() {
    for (String text : sampleTexts()) {
      String joined =
          segmenter.segmentAll(text).stream().map(Token::term).collect(Collectors.joining());
      assertThat(joined).isEqualTo(text);
    }
  }

  @Test
  void twoConfigsInOneJvmDoNotInterfere() {
    HanLpSegmenter plain = new HanLpSegmenter(new SegmenterConfig(List.of(), List.of()));
    HanLpSegmenter banks =
        new HanLpSegmenter(new SegmenterConfig(List.of("银行理财"), List.of("发展")));
    String text = "银行理财发展绿色金融";

    assertThat(terms(segmenter, text)).containsExactly("银行", "理财", "发展", "绿色金融");
    assertThat(terms(banks, text)).containsExactly("银行理财", "绿色", "金融");
    assertThat(terms(plain, text)).containsExactly("银行", "理财", "发展", "绿色", "金融");
    // and again, in another order
    assertThat(terms(banks, text)).containsExactly("银行理财", "绿色", "金融");
    assertThat(terms(segmenter, text)).containsExactly("银行", "理财", "发展", "绿色金融");
  }

  @Test
  void emptyTextGivesNoTermsAndNullIsRejected() {
    assertThat(segmenter.segment("")).isEmpty();
    assertThat(segmenter.segment(" \n\u3000")).isEmpty();
    assertThatThrownBy(() -> segmenter.segment(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void concurrentCallsGiveTheSingleThreadedResult() throws Exception {
    List<String> texts = sampleTexts();
    List<List<Token>> expected = new ArrayList<>();
    for (String text : texts) {
      expected.add(segmenter.segment(text));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 200; round++) {
                    int i = round % texts.size();
                    if (!segmenter.segment(texts.get(i)).equals(expected.get(i))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void buildingAndSegmentingWritesNoFiles() throws IOException {
    Path workingDir = Path.of(System.getProperty("user.dir"));
    List<Path> before = listing(workingDir);

    HanLpSegmenter fresh =
        new HanLpSegmenter(new SegmenterConfig(List.of("一个全新的自定义词"), List.of()));
    fresh.segment("测试一个全新的自定义词，不写缓存文件。");

    assertThat(listing(workingDir)).isEqualTo(before);
    assertThat(workingDir.resolve("data")).doesNotExist();
  }

  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().collect(Collectors.toList());
    }
  }

  private static List<String> sampleTexts() {
    return List.of(
        "央行推出碳减排支持工具，银行加大绿色金融投入，也看好数字经济与生物医药。",
        "2022年收入增长3.5%，达到十二万元；２０２２年有三个项目。",
        "记者　王小明报道：GDP同比增长5.2%，访问https://example.org/a?b=1了解详情。",
        "第一段文字。\n第二段 文字😀，包含 Apple iPhone 15 和ＡＢＣ全角字母。",
        "产业数字化转型促进科技创新型企业成长，生物医药产业集聚。",
        "");
  }
}
