package org.corpuslens.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpuslens.extract.PageExtractor;
import org.corpuslens.segment.HanLpSegmenter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 13's throughput target: main-text extraction from full pages against segmentation of the
 * text extracted from the same pages (target: extraction at most 25 % of segmentation). 60
 * generated pages, ten of each layout ({@link org.corpuslens.generate.PageGenerator}, seed 13), each benchmark one pass
 * over all of them, light as generated ({@code weight} 0) or at a real page's weight of HTML
 * ({@code weight} = characters per page, see {@link BenchPages#generated(int)}). Run by hand (see README, Performance):
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.openjdk.jmh.Main PageStageBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PageStageBenchmark {
  /** Characters of HTML per page; 0: the light generated pages. */
  @Param({"0", "30000", "60000", "120000"})
  public int weight;

  private List<String> urls;
  private List<String> pages;
  private List<String> texts;
  private HanLpSegmenter segmenter;

  @Setup
  public void setUp() {
    BenchPages b = BenchPages.generated(weight);
    urls = b.urls();
    pages = b.pages();
    texts = b.texts();
    segmenter = BenchPages.segmenter();
  }

  @Benchmark
  public void extractPages(Blackhole bh) {
    for (int i = 0; i < pages.size(); i++) {
      bh.consume(PageExtractor.extract(pages.get(i), urls.get(i)));
    }
  }

  @Benchmark
  public void segmentTheirText(Blackhole bh) {
    for (String t : texts) {
      bh.consume(segmenter.segment(t));
    }
  }
}
