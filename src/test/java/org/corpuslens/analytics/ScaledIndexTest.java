package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Index series computed by hand (the arithmetic is in the comments), not by the code under test. */
class ScaledIndexTest {
  private static final LocalDate JAN = LocalDate.of(2022, 1, 1);
  private static final LocalDate FEB = LocalDate.of(2022, 2, 1);
  private static final LocalDate MAR = LocalDate.of(2022, 3, 1);
  private static final LocalDate APR = LocalDate.of(2022, 4, 1);

  private static ScaledIndex.Cell cell(String source, LocalDate period, long matching, long total) {
    return new ScaledIndex.Cell(source, period, matching, total);
  }

  /**
   * Two sources, a gap period and a source below the minimum (10 articles):
   *
   * <pre>
   *            A            B             C
   *   Jan   2 / 10 = .2   1 / 10 = .1   4 / 4 (below 10: out)
   *   Feb   4 / 10 = .4   5 / 5 (out)   -
   *   Mar   -  (no article of any source: a gap)
   *   Apr   6 / 20 = .3   3 / 10 = .3   0 / 3 (out)
   *
   * sample standard deviations over the whole range (the base):
   *   A: {.2, .4, .3}, mean .3, squares .01 + .01 + 0 = .02, / (3 - 1) = .01, sd = .1
   *   B: {.1, .3},     mean .2, squares .01 + .01 = .02,     / (2 - 1) = .02, sd = √.02 = .1√2
   *   C: no qualifying period, no scale
   * Z = mean of x / sd over the sources that qualify (r = 1/√2 = .70711):
   *   Jan (2 + r) / 2 = 1 + r/2 = 1.353553   Feb 4 (A alone)   Mar null   Apr (3 + 3r) / 2 = 2.560660
   * M = (1.353553 + 4 + 2.560660) / 3 = 2.638071, index = 100 Z / M:
   *   Jan 51.3084   Feb 151.6259   Mar null   Apr 97.0656
   * (With population standard deviations it would be 51.95, 147.55, 100.51 instead.)
   * </pre>
   */
  @Test
  void twoSourcesAGapAndASourceBelowTheMinimum() {
    List<ScaledIndex.Cell> cells = List.of(
        cell("A", JAN, 2, 10), cell("B", JAN, 1, 10), cell("C", JAN, 4, 4),
        cell("A", FEB, 4, 10), cell("B", FEB, 5, 5),
        cell("A", APR, 6, 20), cell("B", APR, 3, 10), cell("C", APR, 0, 3));
    List<ScaledIndex.Point> points = ScaledIndex.compute(cells, PeriodGrain.MONTH, IndexBase.wholeRange(), 10);

    assertThat(points).extracting(ScaledIndex.Point::period).containsExactly(JAN, FEB, MAR, APR);
    assertThat(points.get(0).index()).isCloseTo(51.308448, within(1e-5));
    assertThat(points.get(1).index()).isCloseTo(151.625931, within(1e-5));
    assertThat(points.get(2).index()).isNull();
    assertThat(points.get(3).index()).isCloseTo(97.065621, within(1e-5));
    assertThat(points).extracting(ScaledIndex.Point::sourcesUsed).containsExactly(2, 1, 0, 2);
    // all articles of every source, the ones below the minimum included
    assertThat(points).extracting(ScaledIndex.Point::matching).containsExactly(7L, 9L, 0L, 9L);
    assertThat(points).extracting(ScaledIndex.Point::total).containsExactly(24L, 15L, 0L, 33L);
  }

  /**
   * One source, shares .1, .3, .2, .6 (10 articles each). With one source the scale cancels out:
   * index = 100 x / (mean of x over the base).
   *
   * <pre>
   *   base Jan..Feb, one range for all periods: mean .2   -> 50, 150, 100, 300
   *   eras Jan..Feb and Mar..Apr:  era 1 mean .2 -> 50, 150;  era 2 mean .4 -> 50, 150
   *   whole range: mean .3 -> 33.33, 100, 66.67, 200
   * </pre>
   */
  @Test
  void baseRangesAndEras() {
    List<ScaledIndex.Cell> cells = List.of(
        cell("A", JAN, 1, 10), cell("A", FEB, 3, 10), cell("A", MAR, 2, 10), cell("A", APR, 6, 10));
    assertThat(indices(cells, IndexBase.parse("2022-01..2022-02"))).containsExactly(50.0, 150.0, 100.0, 300.0);
    assertThat(indices(cells, IndexBase.parse("2022-01..2022-02, 2022-03..2022-04")))
        .containsExactly(50.0, 150.0, 50.0, 150.0);
    assertThat(indices(cells, IndexBase.wholeRange())).containsExactly(33.333333333, 100.0, 66.666666667, 200.0);
  }

  @Test
  void anEraWhoseSourcesCannotBeScaledIsNull() {
    // era 2 (Apr) has one base period: no standard deviation, so no source qualifies there
    List<ScaledIndex.Cell> cells = List.of(
        cell("A", JAN, 1, 10), cell("A", FEB, 3, 10), cell("A", APR, 6, 10));
    assertThat(indices(cells, IndexBase.parse("2022-01..2022-02,2022-04..2022-04"))).containsExactly(50.0, 150.0, null, null);
  }

  @Test
  void aTopicThatNeverOccursHasNoIndex() {
    List<ScaledIndex.Cell> cells = List.of(cell("A", JAN, 0, 10), cell("A", FEB, 0, 10));
    assertThat(ScaledIndex.compute(cells, PeriodGrain.MONTH, IndexBase.wholeRange(), 10))
        .extracting(ScaledIndex.Point::index).containsExactly(null, null);
  }

  @Test
  void weeksAndQuartersStepByTheirGrain() {
    List<ScaledIndex.Cell> cells = List.of(
        cell("A", LocalDate.of(2022, 1, 3), 1, 10), cell("A", LocalDate.of(2022, 1, 17), 3, 10));
    assertThat(ScaledIndex.compute(cells, PeriodGrain.WEEK, IndexBase.wholeRange(), 1))
        .extracting(ScaledIndex.Point::period)
        .containsExactly(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 10), LocalDate.of(2022, 1, 17));
  }

  @Test
  void baseRangesParseAndValidate() {
    IndexBase b = IndexBase.parse("2000-01..2018-12,2019..2020-06-15");
    assertThat(b.ranges()).containsExactly(
        new IndexBase.Range(LocalDate.of(2000, 1, 1), LocalDate.of(2018, 12, 31)),
        new IndexBase.Range(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 6, 15)));
    assertThat(b.eraOf(LocalDate.of(1999, 5, 1))).isZero();
    assertThat(b.eraOf(LocalDate.of(2021, 5, 1))).isEqualTo(1);
    assertThat(b.inBase(LocalDate.of(2021, 5, 1))).isFalse();
    assertThatThrownBy(() -> IndexBase.parse("2000-01")).hasMessageContaining("FROM..TO");
    assertThatThrownBy(() -> IndexBase.parse("2000-13..2001")).hasMessageContaining("'2000-13'");
    assertThatThrownBy(() -> IndexBase.parse("2001..2000")).hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> IndexBase.parse("2000..2010,2005..2020")).hasMessageContaining("not overlap");
  }

  private static List<Double> indices(List<ScaledIndex.Cell> cells, IndexBase base) {
    return ScaledIndex.compute(cells, PeriodGrain.MONTH, base, 10).stream()
        .map(p -> p.index() == null ? null : Math.round(p.index() * 1e9) / 1e9)
        .toList();
  }
}
