package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void tellsChineseFromOtherScripts() {
    assertThat(Language.of("今天的天气很好，我们去公园散步。")).isEqualTo("zh");
    // Latin product names in a Chinese sentence: each word counts once
    assertThat(Language.of("测试使用 PostgreSQL 和 Milvus 两款数据库，索引为 HNSW。")).isEqualTo("zh");
    assertThat(Language.of("The quick brown fox jumps over the lazy dog.")).isEqualTo("other");
    assertThat(Language.of("東京の天気は晴れです。明日は雨が降るでしょう。")).isEqualTo("ja");
    assertThat(Language.of("오늘은 날씨가 좋습니다.")).isEqualTo("ko");
    assertThat(Language.of("12345 !!!")).isEqualTo("other");
    assertThat(Language.cjkShare("中文 text")).isEqualTo(2.0 / 3);
  }

  @Test
  void shortcutRangesAgreeWithTheScriptTableOnEveryCodePoint() {
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (Language.kind(c) != Language.kindByScript(c)) {
        throw new AssertionError("U+" + Integer.toHexString(c) + ": " + Language.kind(c) + " != " + Language.kindByScript(c));
      }
    }
  }

  @Test
  void spaceAndPunctuationShortcutsAgreeWithTheirDefinitionsOnEveryChar() {
    for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      if (Whitespace.isSpace(c) != Whitespace.isSpaceByCategory(c)) {
        throw new AssertionError("isSpace U+" + Integer.toHexString(i));
      }
      if (PageExtractor.isProsePunctuation(c) != (PageExtractor.PROSE_PUNCTUATION.indexOf(c) >= 0)) {
        throw new AssertionError("isProsePunctuation U+" + Integer.toHexString(i));
      }
    }
  }
}
