package org.corpuslens.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SegmentersTest {

  @Test
  void equalConfigsShareOneInstance() {
    HanLpSegmenter first = Segmenters.get(new SegmenterConfig(List.of("绿色金融"), List.of("的")));
    HanLpSegmenter second =
        Segmenters.get(new SegmenterConfig(new ArrayList<>(List.of("绿色金融")), List.of("的")));

    assertThat(second).isSameAs(first);
    assertThat(first.config()).isEqualTo(new SegmenterConfig(List.of("绿色金融"), List.of("的")));
  }

  @Test
  void differentConfigsGetDifferentInstances() {
    HanLpSegmenter a = Segmenters.get(new SegmenterConfig(List.of("数字经济"), List.of()));
    HanLpSegmenter b = Segmenters.get(new SegmenterConfig(List.of("生物医药"), List.of()));

    assertThat(a).isNotSameAs(b);
  }

  @Test
  void concurrentFirstCallsBuildOnce() throws Exception {
    SegmenterConfig config = new SegmenterConfig(List.of("并发构建测试词"), List.of());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<HanLpSegmenter>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> Segmenters.get(config));
      }
      List<Future<HanLpSegmenter>> results = pool.invokeAll(calls);
      HanLpSegmenter first = results.get(0).get();
      for (Future<HanLpSegmenter> result : results) {
        assertThat(result.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
