package org.corpuslens.segment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chinese word segmentation with HanLP (portable 1.8.6), filtered for term statistics.
 *
 * <p>How a text is cut:
 *
 * <ol>
 *   <li>the config's custom words are found first, left to right, longest word at each position
 *       (the topic counter's rule); each occurrence becomes one token tagged {@code nz};
 *   <li>the text between them goes through HanLP's Viterbi segmenter ({@code
 *       HanLP.newSegment("viterbi")}, with HanLP's default person-name recognition) with HanLP's
 *       bundled custom dictionary switched off (it glues {@code 万元}, {@code 新的}, {@code 中的},
 *       {@code 经济发展} and costs accuracy) and number-quantifier merging switched on ({@code
 *       2022年}, {@code 3.5亿元}, {@code 三个} become one term each, which {@link TermRules} then
 *       drops as numbers). Part-of-speech tags come from HanLP's dictionaries and name
 *       recognition, without HanLP's HMM tagger (which would cost 2.6 times the time). These
 *       settings were chosen by measurement on SIGHAN 2005 MSR: see {@code bench/segmenter.md}.
 * </ol>
 *
 * Cutting out custom words before HanLP, rather than giving HanLP a {@code
 * DynamicCustomDictionary}, guarantees they stay whole: HanLP only merges dictionary words whose
 * boundaries agree with its Viterbi path. With every topic keyword put between two of 100
 * frequent characters, such a dictionary missed 4% of the occurrences ({@code 科技创新型} became
 * {@code 科技/创/新型}), and 0.1% even with forcing ({@code 一生物医药} became {@code 一生/物/医药}).
 *
 * <p>{@link #segment(String)} then drops stop words, punctuation, symbols, whitespace and numbers
 * (see {@link TermRules}); custom words are dropped only if they are also stop words. Every term
 * is a substring of the input, taken through HanLP's term offsets (so even if someone switches on
 * HanLP's global {@code HanLP.Config.Normalization}, terms keep the input's characters), and terms
 * come in text order.
 *
 * <p>Thread-safe: construction does all the set-up, after which the instance is only read (HanLP
 * documents its {@code seg} methods as thread-safe). No files are read except from the class path
 * and none are written. Build instances through {@link Segmenters#get(SegmenterConfig)} to share
 * one per configuration per JVM.
 */
public final class HanLpSegmenter {

  /** HanLP's tag for custom words. */
  static final String CUSTOM_WORD_POS = "nz";

  /** Tag used if HanLP returns a term without one (not observed with the shipped settings). */
  static final String UNKNOWN_POS = "x";

  private final SegmenterConfig config;
  private final Segment hanlp;
  private final CustomWordMatcher customWords;
  private final Set<String> stopWords;

  /**
   * Builds a segmenter. The first build in a JVM loads HanLP's dictionaries and models from its
   * jar (measured 0.7 to 1.9 s and about 45 MB of heap, shared by all instances); later builds take
   * about a millisecond.
   *
   * @param config custom words and stop words
   */
  public HanLpSegmenter(SegmenterConfig config) {
    this(config, HanLpSegmenter::shippedSegment);
  }

  /** For measurements: the same pipeline around another HanLP segment. */
  HanLpSegmenter(SegmenterConfig config, Supplier<Segment> hanlp) {
    this.config = Objects.requireNonNull(config, "config");
    this.hanlp = hanlp.get().enableOffset(true);
    this.customWords = new CustomWordMatcher(config.customWords());
    Set<String> stop = new HashSet<>();
    for (String word : config.stopWords()) {
      stop.add(word.toLowerCase(Locale.ROOT));
    }
    this.stopWords = Set.copyOf(stop);
    // Load HanLP's lazily initialized dictionaries and models now, not in the first real call.
    this.hanlp.seg("预热：张三说2022年经济增长3.5%。");
  }

  /** The shipped HanLP settings (chosen in {@code bench/segmenter.md}). */
  static Segment shippedSegment() {
    return HanLP.newSegment("viterbi")
        .enableCustomDictionary(false)
        .enableNumberQuantifierRecognize(true);
  }

  /** The configuration this segmenter was built from. */
  public SegmenterConfig config() {
    return config;
  }

  /**
   * Segments a text and keeps the terms worth counting.
   *
   * @param text any text (paragraphs may be separated by line breaks)
   * @return the kept terms in text order with HanLP's part-of-speech tags ({@code nz} for custom
   *     words); empty for an empty text
   */
  public List<Token> segment(String text) {
    List<Token> kept = new ArrayList<>();
    scan(
        text,
        (term, pos, custom, quantity) -> {
          if (!quantity && keep(term, pos, custom)) {
            kept.add(new Token(term, pos));
          }
        });
    return kept;
  }

  /**
   * Every term, unfiltered: punctuation, numbers, stop words and whitespace included. Used to
   * measure segmentation accuracy and by the {@code segment} command.
   */
  public List<Token> segmentAll(String text) {
    List<Token> all = new ArrayList<>();
    scan(text, (term, pos, custom, quantity) -> all.add(new Token(term, pos)));
    return all;
  }

  private boolean keep(String term, String pos, boolean custom) {
    if (stopWords.contains(term.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return custom || !(TermRules.isSymbolOrSpace(term) || TermRules.isNumber(term, pos));
  }

  @FunctionalInterface
  private interface TermSink {
    /**
     * @param quantity a piece of a number-quantity HanLP merged ({@code 55.6亿} and {@code 元} of
     *     {@code 55.6亿元} under the PKU standard): dropped from the terms as the whole would be
     */
    void accept(String term, String pos, boolean custom, boolean quantity);
  }

  private void scan(String text, TermSink sink) {
    Objects.requireNonNull(text, "text");
    int from = 0;
    for (CustomWordMatcher.Match match : customWords.find(text)) {
      scanGap(text, from, match.start(), sink);
      sink.accept(text.substring(match.start(), match.end()), CUSTOM_WORD_POS, true, false);
      from = match.end();
    }
    scanGap(text, from, text.length(), sink);
  }

  private void scanGap(String text, int start, int end, TermSink sink) {
    if (start >= end) {
      return;
    }
    String gap = text.substring(start, end);
    SegmentationStandard standard = config.standard();
    boolean afterSurname = false;
    for (Term term : hanlp.seg(gap)) {
      // Take the characters from the input: HanLP's term text may be normalized.
      String pos = term.nature == null ? UNKNOWN_POS : term.nature.toString();
      int from = term.offset;
      int to = from + term.length();
      if (!standard.mayCut(gap, from, to, pos)) {
        sink.accept(gap.substring(from, to), pos, false, false);
      } else {
        boolean quantity = "mq".equals(pos) && TermRules.isNumber(gap.substring(from, to), pos);
        standard.cut(gap, from, to, pos, afterSurname,
            (a, b, tag) -> sink.accept(gap.substring(a, b), tag, false, quantity));
      }
      afterSurname = term.length() == 1 && "nr".equals(pos);
    }
  }
}
