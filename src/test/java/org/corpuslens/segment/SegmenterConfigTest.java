package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterConfigTest {

  @Test
  void stripsAndDeduplicatesKeepingFirstOccurrences() {
    SegmenterConfig config =
        new SegmenterConfig(List.of(" 绿色金融", "数字经济\t", "绿色金融"), List.of("的", "了 ", "的"));

    assertThat(config.customWords()).containsExactly("绿色金融", "数字经济");
    assertThat(config.stopWords()).containsExactly("的", "了");
  }

  @Test
  void isImmutableAndDetachedFromTheCallersLists() {
    List<String> words = new ArrayList<>(List.of("绿色金融"));
    SegmenterConfig config = new SegmenterConfig(words, List.of());
    words.add("数字经济");

    assertThat(config.customWords()).containsExactly("绿色金融");
    assertThatThrownBy(() -> config.customWords().add("生物医药"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void hasValueEquality() {
    assertThat(new SegmenterConfig(List.of("绿色金融"), List.of("的")))
        .isEqualTo(new SegmenterConfig(new ArrayList<>(List.of("绿色金融 ")), List.of("的")))
        .hasSameHashCodeAs(new SegmenterConfig(List.of("绿色金融"), List.of("的")))
        .isNotEqualTo(new SegmenterConfig(List.of("绿色金融"), List.of("了")));
  }

  @Test
  void rejectsNullAndBlankEntries() {
    assertThatThrownBy(() -> new SegmenterConfig(Arrays.asList("绿色金融", null), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customWords[1]");
    assertThatThrownBy(() -> new SegmenterConfig(List.of(), List.of("的", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stopWords[1] is blank");
    assertThatThrownBy(() -> new SegmenterConfig(null, List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    SegmenterConfig config = SegmenterConfig.withDefaultStopWords(List.of("绿色金融", "数字经济"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(config);
    }
    Object copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    assertThat(copy).isEqualTo(config);
  }

  @Test
  void withDefaultStopWordsUsesTheShippedList() {
    SegmenterConfig config = SegmenterConfig.withDefaultStopWords(List.of("绿色金融"));

    assertThat(config.customWords()).containsExactly("绿色金融");
    assertThat(config.stopWords()).contains("的", "了", "我们").isEqualTo(StopWords.defaults());
  }

  @Test
  void toStringIsShort() {
    assertThat(new SegmenterConfig(List.of("绿色金融"), List.of("的", "了")))
        .hasToString("SegmenterConfig[1 custom words, 2 stop words, msr]");
  }
}
