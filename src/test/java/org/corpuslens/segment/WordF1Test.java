package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordF1Test {

  @Test
  void splitsSighanLinesOnAnyWhitespace() {
    assertThat(WordF1.words("  湖边  小路\u3000很 长\t风景  "))
        .containsExactly("湖边", "小路", "很", "长", "风景");
    assertThat(WordF1.words("   ")).isEmpty();
  }

  @Test
  void countsWordsCoveringTheSameCharacters() {
    // gold 绿色金融|发展|很|快, test 绿色|金融|发展|很快: only 发展 is right
    WordF1.Score score =
        WordF1.scoreLine(List.of("绿色金融", "发展", "很", "快"), List.of("绿色", "金融", "发展", "很快"));

    assertThat(score).isEqualTo(new WordF1.Score(4, 4, 1));
    assertThat(score.precision()).isEqualTo(0.25);
    assertThat(score.recall()).isEqualTo(0.25);
  }

  @Test
  void sumsOverLines() {
    WordF1.Score score =
        WordF1.score(
            List.of(List.of("中国", "经济"), List.of("高速", "发展")),
            List.of(List.of("中国", "经济"), List.of("高", "速", "发展")));

    assertThat(score).isEqualTo(new WordF1.Score(4, 5, 3));
    assertThat(score.f1()).isCloseTo(2 * 0.6 * 0.75 / (0.6 + 0.75), within(1e-12));
  }
}
