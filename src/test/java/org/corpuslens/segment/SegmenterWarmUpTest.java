package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up builds the JVM's shared segmenter and segments its text at least once. */
class SegmenterWarmUpTest {
  @Test
  void buildsTheSharedSegmenterAndRunsIt() throws Exception {
    SegmenterConfig config = SegmenterConfig.withDefaultStopWords(List.of("绿色金融"));
    assertThat(SegmenterWarmUp.text()).contains("绿色金融").hasSizeGreaterThan(300);
    Thread t = SegmenterWarmUp.start(config);
    t.join(120_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(SegmenterWarmUp.run(config)).isPositive();
    HanLpSegmenter shared = Segmenters.get(config);
    assertThat(shared.segment("发展绿色金融").stream().map(Token::term)).contains("绿色金融");
  }
}
