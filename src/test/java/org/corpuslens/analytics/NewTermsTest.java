package org.corpuslens.analytics;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.segment.KnownWords;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * new_terms on three articles counted by hand. X = 龘, Y = 靐, Z = 齉, W = 爩 (characters no
 * dictionary pairs). January: "XY。ZXY"; February: "XYW，XY" and "ZXYZ". Runs: XY, ZXY | XYW, XY |
 * ZXYZ; N = 14 Han characters. Counts: X 5, Y 5, Z 3, W 1; XY 5 (3 articles), ZX 2, ZXY 2, YW 1,
 * YZ 1, XYW 1, XYZ 1.
 */
@ExtendWith(LocalSpark.class)
class NewTermsTest {
  private static final String X = "龘";
  private static final String Y = "靐";
  private static final String Z = "齉";
  private static final String W = "爩";
  private static final StructType ARTICLES =
      new StructType().add(Col.PERIOD, DateType).add(Col.TITLE, StringType).add(Col.TEXT, StringType);

  private static Dataset<Row> articles(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create(Date.valueOf("2024-01-01"), null, X + Y + "。" + Z + X + Y),
        RowFactory.create(Date.valueOf("2024-02-01"), X + Y + W, X + Y),
        RowFactory.create(Date.valueOf("2024-02-01"), "", Z + X + Y + Z)), ARTICLES);
  }

  private static NewTerms.Settings settings(double minEntropy) {
    return new NewTerms.Settings(2, 1, -100, minEntropy, 3, 1000, 1.0, 100);
  }

  private static Row row(List<Row> rows, String term, String period) {
    return rows.stream()
        .filter(r -> r.getAs(Col.TERM).equals(term) && r.getAs(Col.PERIOD).toString().equals(period))
        .findFirst().orElseThrow(() -> new AssertionError(term + " " + period + " not in " + rows));
  }

  @Test
  void frequencyCohesionAndNeighbourEntropyAsCountedByHand(SparkSession spark) {
    List<Row> rows = NewTerms.compute(articles(spark), settings(0), new KnownWords(List.of())).collectAsList();
    assertThat(rows).allSatisfy(r -> assertThat(List.of(r.schema().fieldNames())).isEqualTo(Schemas.NEW_TERM_COLUMNS));
    // frequent (>= 2): X, Y, Z, XY, ZX, ZXY; candidates the three of 2+ characters
    assertThat(rows).extracting(r -> (String) r.getAs(Col.TERM)).containsOnly(X + Y, Z + X, Z + X + Y);

    // XY: cohesion log2(5*14/(5*5)) = log2(2.8); left neighbours edge 3, Z 2; right edge 3, W 1, Z 1
    Row xyJan = row(rows, X + Y, "2024-01-01");
    Row xyFeb = row(rows, X + Y, "2024-02-01");
    assertThat((long) xyJan.getAs(Col.COUNT)).isEqualTo(2);
    assertThat((long) xyJan.getAs(Col.DOC_COUNT)).isEqualTo(1);
    assertThat((long) xyFeb.getAs(Col.COUNT)).isEqualTo(3);
    assertThat((long) xyFeb.getAs(Col.DOC_COUNT)).isEqualTo(2);
    for (Row r : List.of(xyJan, xyFeb)) {
      assertThat((long) r.getAs(Col.TOTAL_COUNT)).isEqualTo(5);
      assertThat((long) r.getAs(Col.TOTAL_DOC_COUNT)).isEqualTo(3);
      assertThat(r.getAs(Col.FIRST_PERIOD).toString()).isEqualTo("2024-01-01");
      assertThat((double) r.getAs(Col.COHESION)).isCloseTo(Math.log(2.8) / Math.log(2), within(1e-9));
      assertThat((double) r.getAs(Col.LEFT_ENTROPY)).isCloseTo(0.9709505945, within(1e-9));
      assertThat((double) r.getAs(Col.RIGHT_ENTROPY)).isCloseTo(1.3709505945, within(1e-9));
      assertThat((int) r.getAs(Col.RANK)).isEqualTo(1);
    }

    // ZX: log2(2*14/(3*5)); always at a run's start and before Y: both entropies 0; rank 2 (2 occurrences, ZX < ZXY)
    Row zx = row(rows, Z + X, "2024-01-01");
    assertThat((double) zx.getAs(Col.COHESION)).isCloseTo(Math.log(28.0 / 15) / Math.log(2), within(1e-9));
    assertThat((double) zx.getAs(Col.LEFT_ENTROPY)).isCloseTo(0, within(1e-9));
    assertThat((double) zx.getAs(Col.RIGHT_ENTROPY)).isCloseTo(0, within(1e-9));
    assertThat((int) zx.getAs(Col.RANK)).isEqualTo(2);
    // ZXY: weaker split Z|XY = log2(2*14/(3*5)) (ZX|Y gives log2(2*14/(2*5))); right neighbours edge 1, Z 1
    Row zxy = row(rows, Z + X + Y, "2024-02-01");
    assertThat((double) zxy.getAs(Col.COHESION)).isCloseTo(Math.log(28.0 / 15) / Math.log(2), within(1e-9));
    assertThat((double) zxy.getAs(Col.RIGHT_ENTROPY)).isCloseTo(1.0, within(1e-9));
    assertThat((int) zxy.getAs(Col.RANK)).isEqualTo(3);
    assertThat(rows).hasSize(2 + 2 + 2);
  }

  @Test
  void thresholdsLeaveOutFragmentsRareAndKnownStrings(SparkSession spark) {
    // entropy 0.5: ZX (0 and 0) and ZXY (left 0) are fragments
    List<Row> rows = NewTerms.compute(articles(spark), settings(0.5), new KnownWords(List.of())).collectAsList();
    assertThat(rows).extracting(r -> (String) r.getAs(Col.TERM)).containsOnly(X + Y);
    // cohesion above log2(2.8) = 1.49 bits: nothing
    NewTerms.Settings cohesive = new NewTerms.Settings(2, 1, 1.5, 0, 3, 1000, 1.0, 100);
    assertThat(NewTerms.compute(articles(spark), cohesive, new KnownWords(List.of())).count()).isZero();
    // XY in 3 articles: min docs 4 leaves ZX and ZXY, which are in 2
    NewTerms.Settings docs = new NewTerms.Settings(2, 3, -100, 0, 3, 1000, 1.0, 100);
    assertThat(NewTerms.compute(articles(spark), docs, new KnownWords(List.of())).collectAsList())
        .extracting(r -> (String) r.getAs(Col.TERM)).containsOnly(X + Y);
    // a word of the user dictionary is known
    assertThat(NewTerms.compute(articles(spark), settings(0.5), new KnownWords(List.of(X + Y))).count()).isZero();
  }

  @Test
  void hanLpsWordsAreNeverNew(SparkSession spark) {
    // 经济 and 发展 (dictionary words) in varied company, as often as the unknown XY
    List<Row> in = new ArrayList<>();
    String[] around = {"甲", "乙", "丙", "丁", "戊", "己"};
    for (int i = 0; i < 6; i++) {
      String a = around[i];
      String b = around[(i + 1) % 6];
      in.add(RowFactory.create(Date.valueOf("2024-03-01"), null, a + "经济发展" + b + "，" + b + X + Y + a));
    }
    List<Row> rows = NewTerms.compute(spark.createDataFrame(in, ARTICLES), settings(1.0), new KnownWords(List.of()))
        .collectAsList();
    assertThat(rows).extracting(r -> (String) r.getAs(Col.TERM)).contains(X + Y)
        .doesNotContain("经济", "发展", "经济发展");
  }
}
