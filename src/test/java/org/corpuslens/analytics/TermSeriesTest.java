package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One term's candidates, without Spark. Expected values are worked out by hand from the formulas in
 * {@link TermKeyness}: E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)), log
 * ratio = log2((a/c)/(b/d)) with a zero count taken as 0.5.
 */
class TermSeriesTest {
  private static final TermKeyness.Settings KEYNESS = new TermKeyness.Settings(1, 1, 0, 10, 3.84);
  private static final TermKeyness.ChangeSettings CHANGES = new TermKeyness.ChangeSettings(1, 3, 10, 3.84);

  private static TermSeries.Entry source(int period, String source, long count, long docs, long tokens) {
    return new TermSeries.Entry(false, period, source, count, docs, tokens, true);
  }

  /** Candidates by "change|period|source|topic|direction". */
  private static Map<String, TermSeries.Candidate> run(
      List<TermSeries.Entry> entries, TermSeries.Periods periods, TermKeyness.Settings k, TermKeyness.ChangeSettings ch) {
    Map<String, TermSeries.Candidate> out = new HashMap<>();
    TermSeries.candidates(entries, periods, new TermSeries.Settings(k, ch), c -> {
      String key = (c.change() ? "change" : "keyness") + "|" + c.period() + "|" + c.source() + "|" + c.topic() + "|"
          + c.direction();
      assertThat(out.put(key, c)).as("duplicate " + key).isNull();
    });
    return out;
  }

  @Test
  void scoreOfTheWorkedExample() {
    // a=10, b=2, c=100, d=200: E1 = 100·12/300 = 4, E2 = 8; G² = 2(10 ln 2.5 + 2 ln 0.25) = 12.780637;
    // log ratio = log2(0.1/0.01) = log2 10
    TermSeries.Score s = TermSeries.score(10, 2, 100, 200);
    assertThat(s.expected()).isCloseTo(4.0, within(1e-12));
    assertThat(s.referenceExpected()).isCloseTo(8.0, within(1e-12));
    assertThat(s.logLikelihood()).isCloseTo(12.780637193, within(1e-8));
    assertThat(s.logRatio()).isCloseTo(3.321928095, within(1e-8));
    // a zero count adds nothing to G² and counts as 0.5 in the log ratio: a=0, b=20, c=100, d=200:
    // E2 = 200·20/300 = 13.333; G² = 2 · 20 ln(20/13.333) = 40 ln 1.5 = 16.218604; log2((0.5/100)/(20/200)) = −log2 20
    TermSeries.Score zero = TermSeries.score(0, 20, 100, 200);
    assertThat(zero.logLikelihood()).isCloseTo(16.218604324, within(1e-8));
    assertThat(zero.logRatio()).isCloseTo(-4.321928095, within(1e-8));
  }

  @Test
  void undatedArticlesCountInTheRestOfTheCorpusButAreNoTarget() {
    // February 100 tokens (甲报 9 of 60, 乙报 1 of 40), March 200 (2), undated articles 50 tokens (3):
    // February a=10, b=15−10=5, c=100, d=350−100=250: E1 = 100·15/350 = 4.285714, E2 = 10.714286;
    // G² = 2(10 ln(10/4.285714) + 5 ln(5/10.714286)) = 9.324557; log ratio = log2(0.1/0.02) = log2 5
    TermSeries.Periods periods = new TermSeries.Periods(new long[] {100, 200}, 350);
    List<TermSeries.Entry> entries =
        List.of(
            source(0, "甲报", 9, 3, 60), source(0, "乙报", 1, 1, 40), source(1, "甲报", 2, 1, 200),
            source(TermSeries.NO_PERIOD, "甲报", 3, 2, 50));
    Map<String, TermSeries.Candidate> rows = run(entries, periods, KEYNESS, null);
    TermSeries.Candidate feb = rows.get("keyness|0|null|null|over");
    assertThat(feb.count()).isEqualTo(10);
    assertThat(feb.docs()).isEqualTo(4);
    assertThat(feb.referenceCount()).isEqualTo(5);
    assertThat(feb.targetTokens()).isEqualTo(100);
    assertThat(feb.referenceTokens()).isEqualTo(250);
    assertThat(feb.score().expected()).isCloseTo(4.285714286, within(1e-8));
    assertThat(feb.score().logLikelihood()).isCloseTo(9.324556687, within(1e-8));
    assertThat(feb.score().logRatio()).isCloseTo(2.321928095, within(1e-8));
    // March: a=2, b=13, c=200, d=150: E1 = 200·15/350 = 8.571429, E2 = 6.428571;
    // G² = 2(2 ln(2/8.571429) + 13 ln(13/6.428571)) = 12.487974; log ratio = log2(0.01/0.086667)
    TermSeries.Candidate mar = rows.get("keyness|1|null|null|under");
    assertThat(mar.referenceCount()).isEqualTo(13);
    assertThat(mar.score().logLikelihood()).isCloseTo(12.487973505, within(1e-8));
    assertThat(mar.score().logRatio()).isCloseTo(-3.115477217, within(1e-8));
    // 甲报 of February against 乙报: a=9, b=1, c=60, d=40: G² 4.525783, log ratio log2 6; 乙报 the mirror
    TermSeries.Candidate jia = rows.get("keyness|0|甲报|null|over");
    assertThat(jia.referenceCount()).isEqualTo(1);
    assertThat(jia.referenceTokens()).isEqualTo(40);
    assertThat(jia.score().logLikelihood()).isCloseTo(4.525783224, within(1e-8));
    assertThat(rows.get("keyness|0|乙报|null|under").score().logRatio()).isCloseTo(-2.584962501, within(1e-8));
    // no undated target, and March's only source has no rest of period (d = 0)
    assertThat(rows).hasSize(4);
  }

  @Test
  void aTopicsArticlesAgainstTheRestOfTheirPeriod() {
    // February 100 tokens, the term 10 times; the topic's articles 30 tokens, 8 times in 2 articles:
    // a=8, b=2, c=30, d=70: E1 = 3, E2 = 7; G² = 2(8 ln(8/3) + 2 ln(2/7)) = 10.682216; log2((8/30)/(2/70))
    TermSeries.Periods periods = new TermSeries.Periods(new long[] {100, 400}, 500);
    List<TermSeries.Entry> entries =
        List.of(source(0, "甲报", 10, 4, 100), new TermSeries.Entry(true, 0, "芯片产业", 8, 2, 30, true));
    TermSeries.Candidate topic = run(entries, periods, KEYNESS, null).get("keyness|0|null|芯片产业|over");
    assertThat(topic.referenceCount()).isEqualTo(2);
    assertThat(topic.referenceTokens()).isEqualTo(70);
    assertThat(topic.score().logLikelihood()).isCloseTo(10.682216174, within(1e-8));
    assertThat(topic.score().logRatio()).isCloseTo(3.222392421, within(1e-8));
  }

  @Test
  void risingAndFallingAgainstThePrecedingPeriodWhereUndatedArticlesAreNone() {
    // periods 0..2 of 100, 200, 100 tokens; the term 20 times in period 1, none in 0 and 2, and 50
    // times undated (which must not count as a preceding period of anything)
    TermSeries.Periods periods = new TermSeries.Periods(new long[] {100, 200, 100}, 1000);
    List<TermSeries.Entry> entries =
        List.of(source(1, "甲报", 20, 6, 200), source(TermSeries.NO_PERIOD, "甲报", 50, 9, 600));
    Map<String, TermSeries.Candidate> rows = run(entries, periods, null, CHANGES);
    assertThat(rows.keySet()).containsExactlyInAnyOrder("change|1|null|null|rising", "change|2|null|null|falling");
    // period 1 against 0: a=20, b=0, c=200, d=100: G² 16.218604, log ratio log2 20
    TermSeries.Candidate up = rows.get("change|1|null|null|rising");
    assertThat(up.referenceCount()).isZero();
    assertThat(up.referenceTokens()).isEqualTo(100);
    assertThat(up.score().logLikelihood()).isCloseTo(16.218604324, within(1e-8));
    // period 2 against 1: a=0, b=20, c=100, d=200: the vanished term, falling
    TermSeries.Candidate down = rows.get("change|2|null|null|falling");
    assertThat(down.count()).isZero();
    assertThat(down.referenceCount()).isEqualTo(20);
    assertThat(down.score().logRatio()).isCloseTo(-4.321928095, within(1e-8));
  }

  @Test
  void aWindowSumsThePeriodsBeforeAndStopsAtTheFirst() {
    // window 2 over periods of 100, 200, 100, 100 tokens; the term 10, 2, 0, 0 times.
    // period 1 against 0 only (a=2, b=10, c=200, d=100): G² 12.780637, log ratio −log2 10;
    // period 2 against 0+1 (a=0, b=12, c=100, d=300); period 3 against 1+2 (a=0, b=2: under the minimum 3)
    TermSeries.Periods periods = new TermSeries.Periods(new long[] {100, 200, 100, 100}, 500);
    List<TermSeries.Entry> entries = List.of(source(0, "甲报", 10, 4, 100), source(1, "甲报", 2, 1, 200));
    Map<String, TermSeries.Candidate> rows =
        run(entries, periods, null, new TermKeyness.ChangeSettings(2, 3, 10, 0.0));
    assertThat(rows.keySet()).containsExactlyInAnyOrder("change|1|null|null|falling", "change|2|null|null|falling");
    assertThat(rows.get("change|1|null|null|falling").score().logLikelihood()).isCloseTo(12.780637193, within(1e-8));
    TermSeries.Candidate two = rows.get("change|2|null|null|falling");
    assertThat(two.referenceCount()).isEqualTo(12);
    assertThat(two.referenceTokens()).isEqualTo(300);
  }

  @Test
  void onlyContentTermsAreCandidatesButAContentTagInTheWindowCounts() {
    TermSeries.Periods periods = new TermSeries.Periods(new long[] {100, 100}, 200);
    // a function word (not content) everywhere: nothing
    List<TermSeries.Entry> function =
        List.of(new TermSeries.Entry(false, 0, "甲报", 30, 5, 100, false), new TermSeries.Entry(false, 1, "甲报", 2, 1, 100, false));
    assertThat(run(function, periods, KEYNESS, CHANGES)).isEmpty();
    // content in period 0 only: period 1's falling row still counts (content in its window), but
    // period 1 is no keyness target (not content there)
    List<TermSeries.Entry> mixed =
        List.of(new TermSeries.Entry(false, 0, "甲报", 30, 5, 100, true), new TermSeries.Entry(false, 1, "甲报", 2, 1, 100, false));
    Map<String, TermSeries.Candidate> rows = run(mixed, periods, KEYNESS, CHANGES);
    assertThat(rows.keySet()).containsExactlyInAnyOrder("keyness|0|null|null|over", "change|1|null|null|falling");
  }

  @Test
  void equalSharesAreNoChangeAndAPeriodOutOfRangeIsAnError() {
    TermSeries.Periods periods = new TermSeries.Periods(new long[] {100, 200}, 300);
    // 5 of 100, then 10 of 200: the same share
    assertThat(run(List.of(source(0, "甲报", 5, 2, 100), source(1, "甲报", 10, 3, 200)), periods, null,
        new TermKeyness.ChangeSettings(1, 1, 10, 0.0))).isEmpty();
    List<TermSeries.Entry> bad = new ArrayList<>(List.of(source(2, "甲报", 5, 2, 100)));
    assertThatThrownBy(() -> run(bad, periods, KEYNESS, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }
}
