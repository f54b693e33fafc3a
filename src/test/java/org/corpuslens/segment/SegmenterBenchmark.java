package org.corpuslens.segment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.IndexTokenizer;
import com.hankcs.hanlp.tokenizer.SpeedTokenizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares HanLP segmenters on SIGHAN 2005 MSR: word F1 (raw terms, no filtering) and
 * single-thread speed (median of 5 runs after 3 warm-up runs, a run being 10 passes over the test
 * set; in process CPU time and in wall-clock time). Not a test; run by hand, one variant per JVM:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.corpuslens.segment.SegmenterBenchmark OUT_DIR [VARIANT_NUMBER...]
 * </pre>
 *
 * Writes each variant's segmentation to {@code OUT_DIR/<n>.txt} (words separated by two spaces)
 * for the official {@code score} script. Results go to standard output.
 */
public final class SegmenterBenchmark {

  /** The contract's default topic lexicon: the custom words of the shipped configuration. */
  static final List<String> DEFAULT_LEXICON =
      List.of(
          "科技创新", "科技自立自强", "自主创新", "创新驱动", "关键核心技术", "原始创新", "技术攻关",
          "数字经济", "数字化转型", "数字产业化", "产业数字化", "数据要素", "数字基础设施",
          "生物医药", "生物制药", "创新药", "生物技术", "医药产业", "疫苗研发",
          "绿色金融", "绿色信贷", "绿色债券", "绿色保险", "碳金融", "转型金融", "碳减排支持工具");

  /** A segmenter under test: {@code timed} is what the speed runs call, {@code words} scores. */
  private record Variant(Function<String, List<?>> timed, Function<String, List<String>> words) {}

  private static final int WARM_UP = 3;
  private static final int PASSES_PER_RUN = 10;

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final int RUNS = 5;

  private SegmenterBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    List<String> filters = Arrays.asList(args).subList(1, args.length);
    Path corpus = MsrCorpus.locate().orElseThrow(() -> new IOException("no MSR corpus"));
    MsrCorpus msr = MsrCorpus.read(corpus);
    long chars = msr.chars();
    System.out.printf(
        Locale.ROOT, "MSR test: %d lines, %d chars; java %s; %d cpus%n",
        msr.input.size(), chars, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        " # | variant | F1 | P | R | chars/s (CPU) | chars/s (wall) | wall min..max");

    SegmenterConfig lexicon = new SegmenterConfig(DEFAULT_LEXICON, List.of());
    Map<String, Variant> variants = new LinkedHashMap<>();
    variants.put("viterbi, bundled dict ON (= HanLP.segment)",
        hanlp(viterbi()));
    variants.put("viterbi, bundled dict OFF",
        hanlp(viterbi().enableCustomDictionary(false)));
    variants.put("viterbi, lexicon as DynamicCustomDictionary",
        hanlp(viterbi().enableCustomDictionary(dynamic(DEFAULT_LEXICON))));
    variants.put("viterbi, lexicon as DynamicCustomDictionary, forcing",
        hanlp(viterbi().enableCustomDictionary(dynamic(DEFAULT_LEXICON))
            .enableCustomDictionaryForcing(true)));
    variants.put("viterbi, bundled dict ON, lexicon cut out",
        ours(lexicon, () -> viterbi()));
    variants.put("viterbi, bundled dict OFF, lexicon cut out",
        ours(lexicon, () -> viterbi().enableCustomDictionary(false)));
    variants.put("SHIPPED: viterbi, bundled dict OFF, lexicon cut out, num+quantifier",
        ours(lexicon, HanLpSegmenter::shippedSegment));
    variants.put("same + HMM POS tagging",
        ours(lexicon, () -> viterbi().enableCustomDictionary(false)
            .enableNumberQuantifierRecognize(true).enablePartOfSpeechTagging(true)));
    variants.put("same, no name recognition",
        ours(lexicon, () -> viterbi().enableCustomDictionary(false)
            .enableNumberQuantifierRecognize(true).enableAllNamedEntityRecognize(false)));
    variants.put("same + place/organization/Japanese names",
        ours(lexicon, () -> viterbi().enableCustomDictionary(false)
            .enableNumberQuantifierRecognize(true).enableAllNamedEntityRecognize(true)));
    variants.put("viterbi, bundled dict ON, num+quantifier",
        hanlp(viterbi().enableNumberQuantifierRecognize(true)));
    variants.put("dat, bundled dict ON",
        hanlp(HanLP.newSegment("dat").enableCustomDictionary(true)));
    variants.put("dat, bundled dict OFF",
        hanlp(HanLP.newSegment("dat").enableCustomDictionary(false)));
    variants.put("nshort, bundled dict ON", hanlp(HanLP.newSegment("nshort")));
    variants.put("nshort, bundled dict OFF",
        hanlp(HanLP.newSegment("nshort").enableCustomDictionary(false)));
    variants.put("nshort, bundled dict OFF, lexicon cut out, num+quantifier",
        ours(lexicon, () -> HanLP.newSegment("nshort").enableCustomDictionary(false)
            .enableNumberQuantifierRecognize(true)));
    variants.put("SpeedTokenizer",
        new Variant(SpeedTokenizer::segment, line -> words(SpeedTokenizer.segment(line))));
    variants.put("IndexTokenizer (overlapping terms: F1 not meaningful)",
        new Variant(IndexTokenizer::segment, line -> words(IndexTokenizer.segment(line))));

    int n = 0;
    for (Map.Entry<String, Variant> variant : variants.entrySet()) {
      n++;
      String name = variant.getKey();
      String number = Integer.toString(n);
      if (!filters.isEmpty() && !filters.contains(number)) {
        continue;
      }
      Variant segmenter = variant.getValue();
      List<List<String>> test = new ArrayList<>();
      StringBuilder file = new StringBuilder();
      for (String line : msr.input) {
        List<String> words = segmenter.words().apply(line);
        test.add(words);
        file.append(String.join("  ", words)).append('\n');
      }
      Files.writeString(out.resolve(n + ".txt"), file, StandardCharsets.UTF_8);
      WordF1.Score score = WordF1.score(msr.gold, test);
      double[] wall = new double[RUNS];
      double[] cpu = new double[RUNS];
      for (int run = -WARM_UP; run < RUNS; run++) {
        long cpuStart = OS.getProcessCpuTime();
        long start = System.nanoTime();
        long sink = 0;
        for (int pass = 0; pass < PASSES_PER_RUN; pass++) {
          for (String line : msr.input) {
            sink += segmenter.timed().apply(line).size();
          }
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = OS.getProcessCpuTime() - cpuStart;
        if (sink < 0) {
          throw new AssertionError();
        }
        if (run >= 0) {
          wall[run] = PASSES_PER_RUN * chars * 1e9 / nanos;
          cpu[run] = PASSES_PER_RUN * chars * 1e9 / cpuNanos;
        }
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(
          Locale.ROOT,
          "%2d | %-58s | %.4f | %.4f | %.4f | %,11.0f | %,11.0f | %,11.0f..%,11.0f%n",
          n, name, score.f1(), score.precision(), score.recall(), cpu[RUNS / 2],
          wall[RUNS / 2], wall[0], wall[RUNS - 1]);
    }
  }

  private static DynamicCustomDictionary dynamic(List<String> words) {
    TreeMap<String, CoreDictionary.Attribute> map = new TreeMap<>();
    for (String word : words) {
      map.put(word, CoreDictionary.Attribute.create("nz 1024"));
    }
    return new DynamicCustomDictionary(new DoubleArrayTrie<>(map), null, null);
  }

  private static Variant hanlp(Segment segment) {
    return new Variant(segment::seg, line -> words(segment.seg(line)));
  }

  private static Segment viterbi() {
    return HanLP.newSegment("viterbi");
  }

  private static Variant ours(SegmenterConfig config, Supplier<Segment> hanlp) {
    HanLpSegmenter segmenter = new HanLpSegmenter(config, hanlp);
    return new Variant(
        segmenter::segmentAll,
        line -> {
          List<String> words = new ArrayList<>();
          for (Token token : segmenter.segmentAll(line)) {
            words.addAll(WordF1.words(token.term()));
          }
          return words;
        });
  }

  private static List<String> words(List<Term> terms) {
    List<String> words = new ArrayList<>();
    for (Term term : terms) {
      words.addAll(WordF1.words(term.word));
    }
    return words;
  }
}
