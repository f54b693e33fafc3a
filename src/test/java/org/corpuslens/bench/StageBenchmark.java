package org.corpuslens.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.extract.HtmlTextExtractor;
import org.corpuslens.segment.HanLpSegmenter;
import org.corpuslens.segment.SegmenterConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the per-article stages on one Sina-like post of ~3,000 characters:
 * extraction (jsoup), CorpusLens' segmenter (HanLP with the lexicon and term filtering) and HanLP's
 * plain Viterbi segmenter for reference. Run by hand:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/classpath-test.txt) org.openjdk.jmh.Main StageBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmark {
  private static final String SENTENCES =
      "今年以来，各地加快推进数字经济与实体经济深度融合，一批数字化转型项目陆续落地。"
          + "金融机构加大绿色信贷投放力度，绿色债券发行规模同比明显增长，转型金融产品不断丰富。"
          + "多地出台支持生物医药产业发展的政策措施，鼓励企业开展创新药研发和临床试验。"
          + "专家表示，要坚持创新驱动发展战略，加强关键核心技术攻关，提升产业链供应链韧性和安全水平。";

  private String html;
  private String text;
  private HanLpSegmenter segmenter;
  private Segment viterbi;

  @Setup
  public void setUp() {
    StringBuilder body = new StringBuilder("<div>   \n");
    for (int i = 0; i < 12; i++) {
      body.append("<p cms-style=\"font-L\">　　").append(SENTENCES).append("</p>\n");
    }
    body.append("<!--article_adlist[<p>广告</p>]article_adlist-->\n<style>.appendQr_wrap&#123;border:1px solid #E6E6E6;&#125;</style>\n")
        .append("<div class=\"clearfix appendQr_wrap\"><div class=\"appendQr_normal_txt\">下载客户端</div></div>\n")
        .append("<p class=\"article-editor\">责任编辑：张三 </p>\n</div>\n");
    html = body.toString();
    text = HtmlTextExtractor.extract(html).text();
    segmenter = new HanLpSegmenter(SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords()));
    viterbi = HanLP.newSegment("viterbi");
  }

  @Benchmark
  public Object extract() {
    return HtmlTextExtractor.extract(html);
  }

  @Benchmark
  public List<?> segmentCorpusLens() {
    return segmenter.segment(text);
  }

  @Benchmark
  public List<?> segmentHanLpViterbi() {
    return viterbi.seg(text);
  }
}
