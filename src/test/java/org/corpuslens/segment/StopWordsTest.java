package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopWordsTest {

  @TempDir Path dir;

  @Test
  void shippedListHoldsCommonFunctionWords() {
    assertThat(StopWords.defaults())
        .contains(
            "的", "了", "和", "是", "在", "也", "就", "都", "而", "及", "与", "着", "或", "一个", "我们",
            "他们", "这", "那", "因为", "所以", "但是", "如果", "对于", "关于", "进行", "the", "of");
  }

  @Test
  void shippedListHasAFewHundredWordsAndNoContentWords() {
    List<String> words = StopWords.defaults();

    assertThat(words).hasSizeBetween(300, 1000).doesNotHaveDuplicates();
    assertThat(words)
        .doesNotContain(
            "发展", "经济", "金融", "创新", "科技", "数字", "绿色", "医药", "企业", "银行", "政策", "市场",
            "替代", "结果", "当地", "通过");
    assertThat(words)
        .allSatisfy(word -> assertThat(word).doesNotStartWith("#").isEqualTo(word.strip()));
  }

  @Test
  void loadsAUserFile() throws IOException {
    Path file = dir.resolve("stop.txt");
    Files.writeString(
        file, "\uFEFF# my list\n的\n\n  了  \n# 不是注释以外的词\n的\n和\n", StandardCharsets.UTF_8);

    assertThat(StopWords.load(file)).containsExactly("的", "了", "和");
  }

  @Test
  void missingFileErrorNamesTheFile() {
    Path missing = dir.resolve("nope.txt");

    assertThatThrownBy(() -> StopWords.load(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString())
        .hasMessageContaining("no such file");
  }

  @Test
  void nonUtf8FileIsAnErrorNamingTheFile() throws IOException {
    Path gbk = dir.resolve("gbk.txt");
    Files.write(gbk, "的\n我们\n".getBytes(java.nio.charset.Charset.forName("GBK")));

    assertThatThrownBy(() -> StopWords.load(gbk))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(gbk.toAbsolutePath().toString())
        .hasMessageContaining("not valid UTF-8");
  }
}
