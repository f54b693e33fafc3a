package org.corpuslens.segment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Choice × corpus × F1 × speed for {@code bench/segmenter.md}: each segmentation choice on the
 * SIGHAN 2005 MSR test set and on a second, PKU-convention set ({@code bench/pku-sample.sh} builds
 * it under {@code bench/work}), scored by span matching ({@link WordF1}'s rule) with the recall of
 * out-of-vocabulary words (words of the gold absent from the MSR training words). Speed: characters
 * per second of this thread's CPU time over the MSR test set, median of 5 runs after 2 warm-up
 * runs, and its ratio to the shipped choice measured in the same JVM. Not a test; run by hand:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.corpuslens.segment.SegmenterChoices \
 *     ../shared/corpora/sighan2005-msr bench/work/pku-sample OUT_DIR
 * </pre>
 *
 * Each choice's output is written to {@code OUT_DIR/<corpus>-<n>.txt} (words separated by two
 * spaces) for the official scorer.
 */
public final class SegmenterChoices {
  private static final int WARM_UP = 2;
  private static final int RUNS = 5;

  private SegmenterChoices() {}

  record Corpus(String name, List<String> raw, List<String> gold, Set<String> known) {}

  public static void main(String[] args) throws IOException {
    Path msr = Path.of(args[0]);
    Path pku = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    Set<String> msrTraining = new HashSet<>(lines(msr.resolve("msr_training_words.utf8")));
    List<Corpus> corpora = new ArrayList<>();
    corpora.add(new Corpus("msr", lines(msr.resolve("msr_test.utf8")), lines(msr.resolve("msr_test_gold.utf8")), msrTraining));
    if (Files.exists(pku.resolve("pku_sample_gold.utf8"))) {
      corpora.add(new Corpus("pku-sample", lines(pku.resolve("pku_sample_test.utf8")), lines(pku.resolve("pku_sample_gold.utf8")),
          msrTraining));
    }
    SegmenterConfig lexicon = SegmenterConfig.withDefaultStopWords(SegmenterBenchmark.DEFAULT_LEXICON);
    Map<String, Function<String, List<String>>> choices = new LinkedHashMap<>();
    choices.put("SHIPPED: viterbi, bundled dict off, lexicon cut out, number+quantifier merging",
        ours(lexicon, HanLpSegmenter::shippedSegment));
    choices.put("SHIPPED with --segmentation-standard pku",
        ours(lexicon.withStandard(SegmentationStandard.PKU), HanLpSegmenter::shippedSegment));
    choices.put("shipped without number+quantifier merging",
        ours(lexicon, () -> HanLP.newSegment("viterbi").enableCustomDictionary(false)));
    choices.put("shipped with HanLP's bundled custom dictionary",
        ours(lexicon, () -> HanLP.newSegment("viterbi").enableNumberQuantifierRecognize(true)));
    choices.put("shipped without person-name recognition",
        ours(lexicon, () -> HanLpSegmenter.shippedSegment().enableNameRecognize(false)));
    choices.put("plain HanLP viterbi, bundled dict off (no lexicon, no merging)",
        plain(HanLP.newSegment("viterbi").enableCustomDictionary(false)));
    choices.put("plain HanLP.segment defaults", plain(HanLP.newSegment("viterbi")));
    int n = 0;
    double shippedSpeed = 0;
    System.out.println("# | choice | corpus | F1 | P | R | OOV-R | M chars/s CPU | vs shipped");
    for (Map.Entry<String, Function<String, List<String>>> choice : choices.entrySet()) {
      n++;
      Function<String, List<String>> seg = choice.getValue();
      double speed = speed(seg, corpora.get(0).raw());
      if (n == 1) {
        shippedSpeed = speed;
      }
      for (Corpus c : corpora) {
        long tp = 0;
        long goldWords = 0;
        long testWords = 0;
        long oov = 0;
        long oovFound = 0;
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < c.raw().size(); i++) {
          List<String> test = seg.apply(c.raw().get(i));
          List<String> gold = WordF1.words(c.gold().get(i));
          written.append(String.join("  ", test)).append('\n');
          Set<Long> testSpans = spans(test);
          long at = 0;
          for (String w : gold) {
            long span = (at << 32) | (at + w.length());
            boolean hit = testSpans.contains(span);
            tp += hit ? 1 : 0;
            if (!c.known().contains(w)) {
              oov++;
              oovFound += hit ? 1 : 0;
            }
            at += w.length();
          }
          goldWords += gold.size();
          testWords += test.size();
        }
        Files.writeString(out.resolve(c.name() + "-" + n + ".txt"), written, StandardCharsets.UTF_8);
        double p = (double) tp / testWords;
        double r = (double) tp / goldWords;
        System.out.printf(Locale.ROOT, "%d | %s | %s | %.4f | %.4f | %.4f | %.3f | %.2f | %.2f×%n", n, choice.getKey(), c.name(),
            2 * p * r / (p + r), p, r, (double) oovFound / oov, speed / 1e6, speed / shippedSpeed);
      }
    }
  }

  private static Set<Long> spans(List<String> words) {
    Set<Long> s = new HashSet<>();
    long at = 0;
    for (String w : words) {
      s.add((at << 32) | (at + w.length()));
      at += w.length();
    }
    return s;
  }

  private static double speed(Function<String, List<String>> seg, List<String> raw) {
    long chars = raw.stream().mapToLong(String::length).sum();
    var bean = ManagementFactory.getThreadMXBean();
    double[] runs = new double[RUNS];
    for (int r = -WARM_UP; r < RUNS; r++) {
      long t0 = bean.getCurrentThreadCpuTime();
      for (String line : raw) {
        seg.apply(line);
      }
      long ns = bean.getCurrentThreadCpuTime() - t0;
      if (r >= 0) {
        runs[r] = chars / (ns / 1e9);
      }
    }
    Arrays.sort(runs);
    return runs[RUNS / 2];
  }

  private static Function<String, List<String>> ours(SegmenterConfig config, Supplier<Segment> hanlp) {
    HanLpSegmenter segmenter = new HanLpSegmenter(config, hanlp);
    return line -> {
      List<String> words = new ArrayList<>();
      for (Token token : segmenter.segmentAll(line)) {
        words.addAll(WordF1.words(token.term()));
      }
      return words;
    };
  }

  private static Function<String, List<String>> plain(Segment segment) {
    return line -> {
      List<String> words = new ArrayList<>();
      for (var term : segment.seg(line)) {
        words.addAll(WordF1.words(term.word));
      }
      return words;
    };
  }

  private static List<String> lines(Path p) throws IOException {
    List<String> all = Files.readAllLines(p, StandardCharsets.UTF_8);
    return all.stream().filter(l -> !l.isBlank()).toList();
  }
}
