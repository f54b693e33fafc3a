package org.corpuslens.analytics;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.tables.Col;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * G² and log ratio on tables small enough to compute by hand. For a term with a occurrences in c
 * target tokens and b in d reference tokens: E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1)
 * + b ln(b/E2)), log ratio = log2((a/c)/(b/d)), a zero count taken as 0.5.
 */
@ExtendWith(LocalSpark.class)
class TermKeynessTest {
  static final StructType TF =
      new StructType()
          .add(Col.PERIOD, DateType)
          .add(Col.SOURCE, StringType)
          .add(Col.TERM, StringType)
          .add(Col.POS, StringType)
          .add(Col.COUNT, LongType)
          .add(Col.DOC_COUNT, LongType)
          .add(Col.PERIOD_SOURCE_TOKENS, LongType)
          .add(Col.PERIOD_SOURCE_ARTICLES, LongType);
  private static final double EPS = 1e-9;

  private static Row tf(String month, String source, String term, String pos, long count, long docs, long tokens) {
    return RowFactory.create(Date.valueOf(month + "-01"), source, term, pos, count, docs, tokens, 5L);
  }

  /**
   * February: 甲报 60 tokens (芯片 9 in 3 articles, 很 51), 乙报 40 tokens (芯片 1, 很 39); March: 甲报
   * 200 tokens (芯片 2, 很 198). 很 is an adverb (d): never a candidate, but counted in the totals.
   */
  private static Dataset<Row> twoPeriods(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            tf("2022-02", "甲报", "芯片", "n", 9, 3, 60),
            tf("2022-02", "甲报", "很", "d", 51, 3, 60),
            tf("2022-02", "乙报", "芯片", "n", 1, 1, 40),
            tf("2022-02", "乙报", "很", "d", 39, 2, 40),
            tf("2022-03", "甲报", "芯片", "n", 2, 1, 200),
            tf("2022-03", "甲报", "很", "d", 198, 4, 200)),
        TF);
  }

  /** February's articles that mention the topic 芯片产业: 30 tokens, 芯片 8 times in 2 articles. */
  private static Dataset<Row> topicTf(SparkSession spark) {
    return spark.createDataFrame(
        List.of(tf("2022-02", "芯片产业", "芯片", "n", 8, 2, 30), tf("2022-02", "芯片产业", "很", "d", 22, 2, 30)), TF);
  }

  static Map<String, Row> byKey(Dataset<Row> rows, String... keys) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : rows.collectAsList()) {
      List<String> parts = new ArrayList<>();
      for (String k : keys) {
        parts.add(String.valueOf(r.<Object>getAs(k)));
      }
      assertThat(m.put(String.join("|", parts), r)).as("duplicate key " + parts).isNull();
    }
    return m;
  }

  @Test
  void periodsSourcesAndTopicsAgainstTheirReferences(SparkSession spark) {
    Dataset<Row> keyness =
        TermKeyness.compute(twoPeriods(spark), topicTf(spark), new TermKeyness.Settings(1, 1, 0, 10, 3.84), List.of());
    Map<String, Row> rows = byKey(keyness, Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM);
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder(
            "2022-02-01|null|null|芯片", "2022-03-01|null|null|芯片", "2022-02-01|甲报|null|芯片",
            "2022-02-01|乙报|null|芯片", "2022-02-01|null|芯片产业|芯片");

    // February against March: a=10, b=2, c=100, d=200. E1 = 100·12/300 = 4, E2 = 200·12/300 = 8;
    // G² = 2(10 ln(10/4) + 2 ln(2/8)) = 2(9.162907 − 2.772589) = 12.780637; log ratio = log2(0.1/0.01) = log2 10
    Row feb = rows.get("2022-02-01|null|null|芯片");
    assertThat(feb.<Long>getAs(Col.COUNT)).isEqualTo(10L);
    assertThat(feb.<Long>getAs(Col.REFERENCE_COUNT)).isEqualTo(2L);
    assertThat(feb.<Long>getAs(Col.DOC_COUNT)).isEqualTo(4L);
    assertThat(feb.<Long>getAs(Col.TARGET_TOKENS)).isEqualTo(100L);
    assertThat(feb.<Long>getAs(Col.REFERENCE_TOKENS)).isEqualTo(200L);
    assertThat(feb.<Double>getAs(Col.EXPECTED_COUNT)).isCloseTo(4.0, within(EPS));
    assertThat(feb.<Double>getAs(Col.REFERENCE_EXPECTED_COUNT)).isCloseTo(8.0, within(EPS));
    assertThat(feb.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(12.780637193, within(1e-8));
    assertThat(feb.<Double>getAs(Col.LOG_RATIO)).isCloseTo(3.321928095, within(1e-8));
    assertThat(feb.<String>getAs(Col.DIRECTION)).isEqualTo("over");
    assertThat(feb.<Integer>getAs(Col.RANK)).isEqualTo(1);

    // March against February: the mirror image (a=2, b=10, c=200, d=100): same G², log ratio −log2 10
    Row mar = rows.get("2022-03-01|null|null|芯片");
    assertThat(mar.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(12.780637193, within(1e-8));
    assertThat(mar.<Double>getAs(Col.LOG_RATIO)).isCloseTo(-3.321928095, within(1e-8));
    assertThat(mar.<String>getAs(Col.DIRECTION)).isEqualTo("under");

    // 甲报 in February against 乙报 in February: a=9, b=1, c=60, d=40. E1 = 60·10/100 = 6, E2 = 4;
    // G² = 2(9 ln 1.5 + ln 0.25) = 2(3.649186 − 1.386294) = 4.525783; log ratio = log2(0.15/0.025) = log2 6
    Row jia = rows.get("2022-02-01|甲报|null|芯片");
    assertThat(jia.<Double>getAs(Col.EXPECTED_COUNT)).isCloseTo(6.0, within(EPS));
    assertThat(jia.<Long>getAs(Col.REFERENCE_COUNT)).isEqualTo(1L);
    assertThat(jia.<Long>getAs(Col.REFERENCE_TOKENS)).isEqualTo(40L);
    assertThat(jia.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(4.525783224, within(1e-8));
    assertThat(jia.<Double>getAs(Col.LOG_RATIO)).isCloseTo(2.584962501, within(1e-8));
    assertThat(jia.<String>getAs(Col.DIRECTION)).isEqualTo("over");
    Row yi = rows.get("2022-02-01|乙报|null|芯片");
    assertThat(yi.<Double>getAs(Col.LOG_RATIO)).isCloseTo(-2.584962501, within(1e-8));
    assertThat(yi.<String>getAs(Col.DIRECTION)).isEqualTo("under");

    // the topic's February articles against February's other articles: a=8, c=30, b=10−8=2, d=100−30=70.
    // E1 = 30·10/100 = 3, E2 = 7; G² = 2(8 ln(8/3) + 2 ln(2/7)) = 2(7.846634 − 2.505526) = 10.682216;
    // log ratio = log2((8/30)/(2/70)) = log2(9.3333) = 3.222392
    Row topic = rows.get("2022-02-01|null|芯片产业|芯片");
    assertThat(topic.<Double>getAs(Col.EXPECTED_COUNT)).isCloseTo(3.0, within(EPS));
    assertThat(topic.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(10.682216174, within(1e-8));
    assertThat(topic.<Double>getAs(Col.LOG_RATIO)).isCloseTo(3.222392421, within(1e-8));
  }

  @Test
  void undatedArticlesAreInTheRestOfTheCorpusButNoPeriodOfTheirOwn(SparkSession spark) {
    // twoPeriods plus undated articles of 50 tokens, 芯片 3 times: February against the rest is
    // a=10, b=2+3=5, c=100, d=350−100=250: E1 = 100·15/350, E2 = 250·15/350;
    // G² = 2(10 ln(10/4.285714) + 5 ln(5/10.714286)) = 9.324557, log ratio = log2(0.1/0.02) = log2 5
    Dataset<Row> undated =
        spark.createDataFrame(
            List.of(
                RowFactory.create(null, "甲报", "芯片", "n", 3L, 2L, 50L, 2L),
                RowFactory.create(null, "甲报", "很", "d", 47L, 2L, 50L, 2L)),
            TF);
    Dataset<Row> tf = twoPeriods(spark).unionByName(undated);
    Map<String, Row> rows =
        byKey(TermKeyness.compute(tf, spark.createDataFrame(List.of(), TF), new TermKeyness.Settings(1, 1, 0, 10, 3.84),
            List.of()), Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM);
    assertThat(rows.keySet()).doesNotContain("null|null|null|芯片", "null|甲报|null|芯片");
    Row feb = rows.get("2022-02-01|null|null|芯片");
    assertThat(feb.<Long>getAs(Col.REFERENCE_COUNT)).isEqualTo(5L);
    assertThat(feb.<Long>getAs(Col.REFERENCE_TOKENS)).isEqualTo(250L);
    assertThat(feb.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(9.324556687, within(1e-8));
    assertThat(feb.<Double>getAs(Col.LOG_RATIO)).isCloseTo(2.321928095, within(1e-8));
    // no preceding period for February (the undated articles are none): only March against February,
    // a=2, b=10, c=200, d=100: G² 12.780637
    Map<String, Row> changes =
        byKey(TermKeyness.changes(tf, new TermKeyness.ChangeSettings(1, 1, 10, 3.84), List.of()), Col.PERIOD, Col.TERM);
    assertThat(changes.keySet()).containsExactly("2022-03-01|芯片");
    assertThat(changes.get("2022-03-01|芯片").<Long>getAs(Col.REFERENCE_TOKENS)).isEqualTo(100L);
    assertThat(changes.get("2022-03-01|芯片").<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(12.780637193, within(1e-8));
  }

  @Test
  void theSameRowsHoweverManyPartitionsTheTermsAreSpreadOver(SparkSession spark) {
    // the terms are hashed into as many buckets as shuffle partitions, each with a copy of the
    // period totals; buckets that share a partition share their copies (1: all in one; 3 and 16:
    // some partitions hold several buckets, others none)
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    try {
      for (String partitions : List.of("1", "3", "16")) {
        spark.conf().set("spark.sql.shuffle.partitions", partitions);
        Dataset<Row> tf = twoPeriods(spark).unionByName(spark.createDataFrame(List.of(
            tf("2022-02", "甲报", "电池", "n", 30, 3, 60), tf("2022-03", "甲报", "电池", "n", 1, 1, 200)), TF));
        Map<String, Row> rows =
            byKey(TermKeyness.compute(tf, topicTf(spark), new TermKeyness.Settings(1, 1, 0, 10, 3.84), List.of()),
                Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM);
        assertThat(rows).as(partitions + " partitions").containsKeys(
            "2022-02-01|null|null|芯片", "2022-03-01|null|null|芯片", "2022-02-01|null|芯片产业|芯片",
            "2022-02-01|null|null|电池", "2022-03-01|null|null|电池");
        // 芯片's February against March is as in periodsSourcesAndTopicsAgainstTheirReferences, but the
        // period tokens are those of twoPeriods (电池's rows carry the same per-source totals)
        assertThat(rows.get("2022-02-01|null|null|芯片").<Double>getAs(Col.LOG_LIKELIHOOD)).as(partitions + " partitions")
            .isCloseTo(12.780637193, within(1e-8));
        // 电池: February a=30 of 100, March b=1 of 200: E1 = 100·31/300, E2 = 200·31/300;
        // G² = 2(30 ln(30/10.333333) + ln(1/20.666667)) = 2(31.974674 − 3.028522) = 57.892304
        assertThat(rows.get("2022-02-01|null|null|电池").<Double>getAs(Col.LOG_LIKELIHOOD)).as(partitions + " partitions")
            .isCloseTo(57.892304, within(1e-5));
      }
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
  }

  @Test
  void termsWhoseSortKeysCollideAreStillScoredApart(SparkSession spark) {
    // the terms are grouped by a 64-bit hash; a collision is too rare to meet in a test, so every
    // term gets the same key here: one partition holds 芯片, 很 and 电池 (and the topic rows) under
    // one key, in whatever order the sort leaves them, and each term must still be scored alone
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    try {
      spark.conf().set("spark.sql.shuffle.partitions", "1");
      Dataset<Row> tf = twoPeriods(spark).unionByName(spark.createDataFrame(List.of(
          tf("2022-02", "甲报", "电池", "n", 30, 3, 60), tf("2022-03", "甲报", "电池", "n", 1, 1, 200)), TF));
      TermKeyness.Settings settings = new TermKeyness.Settings(1, 1, 0, 10, 3.84);
      TermKeyness.ChangeSettings changeSettings = new TermKeyness.ChangeSettings(1, 1, 10, 0);
      Dataset<Row> collided =
          TermKeyness.candidates(tf, topicTf(spark), settings, changeSettings, List.of(), org.apache.spark.sql.functions.lit(7L))
              .cache();
      Map<String, Row> keyness =
          byKey(TermKeyness.keyness(collided, settings), Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM);
      assertThat(keyness.keySet()).containsExactlyInAnyOrder(
          "2022-02-01|null|null|芯片", "2022-03-01|null|null|芯片", "2022-02-01|甲报|null|芯片",
          "2022-02-01|乙报|null|芯片", "2022-02-01|null|芯片产业|芯片", "2022-02-01|null|null|电池",
          "2022-03-01|null|null|电池", "2022-02-01|甲报|null|电池");
      // as in periodsSourcesAndTopicsAgainstTheirReferences: 芯片 a=10, b=2, c=100, d=200 and the topic
      // a=8, b=2, c=30, d=70; 电池 a=30, b=1, c=100, d=200 (see theSameRowsHoweverMany...)
      assertThat(keyness.get("2022-02-01|null|null|芯片").<Long>getAs(Col.COUNT)).isEqualTo(10L);
      assertThat(keyness.get("2022-02-01|null|null|芯片").<Double>getAs(Col.LOG_LIKELIHOOD))
          .isCloseTo(12.780637193, within(1e-8));
      assertThat(keyness.get("2022-02-01|null|芯片产业|芯片").<Double>getAs(Col.LOG_LIKELIHOOD))
          .isCloseTo(10.682216174, within(1e-8));
      assertThat(keyness.get("2022-02-01|null|null|电池").<Long>getAs(Col.COUNT)).isEqualTo(30L);
      assertThat(keyness.get("2022-02-01|null|null|电池").<Double>getAs(Col.LOG_LIKELIHOOD))
          .isCloseTo(57.892304, within(1e-5));
      // 甲报's February against 乙报's: a=30 of 60, b=0 of 40: E1 = 60·30/100 = 18, G² = 2·30 ln(30/18)
      // = 30.649537; log ratio = log2((30/60)/(0.5/40)) = log2 40
      Row jia = keyness.get("2022-02-01|甲报|null|电池");
      assertThat(jia.<Double>getAs(Col.EXPECTED_COUNT)).isCloseTo(18.0, within(EPS));
      assertThat(jia.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(30.649537, within(1e-5));
      assertThat(jia.<Double>getAs(Col.LOG_RATIO)).isCloseTo(5.321928095, within(1e-8));
      // March against February, one period back: 芯片 a=2 of 200 against b=10 of 100 (falling), 电池
      // a=1 of 200 against b=30 of 100 (falling); 很 is no content term
      Map<String, Row> changes = byKey(TermKeyness.changes(collided, changeSettings), Col.PERIOD, Col.TERM);
      assertThat(changes.keySet()).containsExactlyInAnyOrder("2022-03-01|芯片", "2022-03-01|电池");
      assertThat(changes.get("2022-03-01|芯片").<Long>getAs(Col.PREVIOUS_COUNT)).isEqualTo(10L);
      assertThat(changes.get("2022-03-01|电池").<Long>getAs(Col.PREVIOUS_COUNT)).isEqualTo(30L);
      assertThat(changes.get("2022-03-01|电池").<String>getAs(Col.DIRECTION)).isEqualTo("falling");
      collided.unpersist();
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
  }

  @Test
  void minimumsAndTheSignificanceThresholdLeaveRowsOut(SparkSession spark) {
    // minimum count 5: March's 2 and 乙报's 1 go; minimum 3 documents: 甲报 (3) stays, the topic (2) goes
    Map<String, Row> rows =
        byKey(
            TermKeyness.compute(twoPeriods(spark), topicTf(spark), new TermKeyness.Settings(5, 3, 0, 10, 3.84), List.of()),
            Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM);
    assertThat(rows.keySet()).containsExactlyInAnyOrder("2022-02-01|null|null|芯片", "2022-02-01|甲报|null|芯片");
    // G² at least 5: 甲报's 4.53 goes
    Map<String, Row> strict =
        byKey(
            TermKeyness.compute(twoPeriods(spark), topicTf(spark), new TermKeyness.Settings(1, 1, 0, 10, 5.0), List.of()),
            Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM);
    assertThat(strict).doesNotContainKeys("2022-02-01|甲报|null|芯片", "2022-02-01|乙报|null|芯片");
    assertThat(strict).containsKeys("2022-02-01|null|null|芯片", "2022-02-01|null|芯片产业|芯片");
  }

  /**
   * February 100 tokens (芯片 10), March 200 (芯片 2, 电池 20), April 100 (neither); 很 fills up.
   */
  private static Dataset<Row> threePeriods(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            tf("2022-02", "甲报", "芯片", "n", 10, 4, 100),
            tf("2022-02", "甲报", "很", "d", 90, 4, 100),
            tf("2022-03", "甲报", "芯片", "n", 2, 1, 200),
            tf("2022-03", "甲报", "电池", "n", 20, 6, 200),
            tf("2022-03", "甲报", "很", "d", 178, 6, 200),
            tf("2022-04", "甲报", "很", "d", 100, 3, 100)),
        TF);
  }

  @Test
  void risingAndFallingAgainstThePrecedingPeriods(SparkSession spark) {
    Map<String, Row> rows =
        byKey(
            TermKeyness.changes(threePeriods(spark), new TermKeyness.ChangeSettings(1, 3, 10, 3.84), List.of()),
            Col.PERIOD, Col.TERM);
    // February has no preceding period; April's 芯片 (0 against 2) is under the minimum count 3
    assertThat(rows.keySet()).containsExactlyInAnyOrder("2022-03-01|芯片", "2022-03-01|电池", "2022-04-01|电池");

    // March against February, 电池: a=20, b=0, c=200, d=100. E1 = 200·20/300 = 13.333, E2 = 6.667;
    // G² = 2 · 20 ln(20/13.333) = 40 ln 1.5 = 16.218604; log ratio = log2((20/200)/(0.5/100)) = log2 20
    Row battery = rows.get("2022-03-01|电池");
    assertThat(battery.<String>getAs(Col.DIRECTION)).isEqualTo("rising");
    assertThat(battery.<Long>getAs(Col.COUNT)).isEqualTo(20L);
    assertThat(battery.<Long>getAs(Col.PREVIOUS_COUNT)).isEqualTo(0L);
    assertThat(battery.<Double>getAs(Col.SHARE)).isCloseTo(0.1, within(EPS));
    assertThat(battery.<Double>getAs(Col.PREVIOUS_SHARE)).isCloseTo(0.0, within(EPS));
    assertThat(battery.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(16.218604324, within(1e-8));
    assertThat(battery.<Double>getAs(Col.LOG_RATIO)).isCloseTo(4.321928095, within(1e-8));
    assertThat(battery.<Integer>getAs(Col.RANK)).isEqualTo(1);

    // March against February, 芯片: a=2, b=10, c=200, d=100: G² 12.780637, log ratio −log2 10
    Row chip = rows.get("2022-03-01|芯片");
    assertThat(chip.<String>getAs(Col.DIRECTION)).isEqualTo("falling");
    assertThat(chip.<Double>getAs(Col.PREVIOUS_SHARE)).isCloseTo(0.1, within(EPS));
    assertThat(chip.<Double>getAs(Col.LOG_RATIO)).isCloseTo(-3.321928095, within(1e-8));

    // April against March, 电池 vanished: a=0, b=20, c=100, d=200: G² 16.218604, log ratio −log2 20
    Row gone = rows.get("2022-04-01|电池");
    assertThat(gone.<String>getAs(Col.DIRECTION)).isEqualTo("falling");
    assertThat(gone.<Long>getAs(Col.COUNT)).isEqualTo(0L);
    assertThat(gone.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(16.218604324, within(1e-8));
    assertThat(gone.<Double>getAs(Col.LOG_RATIO)).isCloseTo(-4.321928095, within(1e-8));

    // window 2: April against February + March: 电池 a=0, b=20, c=100, d=300. E1 = 100·20/400 = 5,
    // E2 = 15; G² = 40 ln(20/15) = 11.507283; log ratio = log2((0.5/100)/(20/300)) = log2 0.075
    Row wide =
        byKey(
                TermKeyness.changes(threePeriods(spark), new TermKeyness.ChangeSettings(2, 3, 10, 3.84), List.of()),
                Col.PERIOD, Col.TERM)
            .get("2022-04-01|电池");
    assertThat(wide.<Long>getAs(Col.REFERENCE_TOKENS)).isEqualTo(300L);
    assertThat(wide.<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(11.507282898, within(1e-8));
    assertThat(wide.<Double>getAs(Col.LOG_RATIO)).isCloseTo(-3.736965594, within(1e-8));
  }

  @Test
  void keynessAgainstThePrecedingWindow(SparkSession spark) {
    Dataset<Row> empty = spark.createDataFrame(List.of(), TF);
    Map<String, Row> rows =
        byKey(
            TermKeyness.compute(threePeriods(spark), empty, new TermKeyness.Settings(1, 1, 1, 10, 3.84), List.of()),
            Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM, Col.DIRECTION);
    // only terms the target has; February has no reference; 甲报 is the only source (no rest of period)
    assertThat(rows.keySet()).containsExactlyInAnyOrder("2022-03-01|null|null|电池|over", "2022-03-01|null|null|芯片|under");
    assertThat(rows.get("2022-03-01|null|null|电池|over").<Double>getAs(Col.LOG_LIKELIHOOD)).isCloseTo(16.218604324, within(1e-8));
  }

  @Test
  void contentTermsAreNounsVerbsNamesAndLatinWordsOfTwoOrMoreCharacters(SparkSession spark) {
    StructType schema = new StructType().add(Col.TERM, StringType).add(Col.POS, StringType);
    Dataset<Row> terms =
        spark.createDataFrame(
            List.of(
                RowFactory.create("芯片", "n"), RowFactory.create("发展", "vn"), RowFactory.create("北京", "ns"),
                RowFactory.create("张三", "nr"), RowFactory.create("AI", "nx"), RowFactory.create("ChatGPT", "x"),
                RowFactory.create("网", "n"), RowFactory.create("药", "n"), RowFactory.create("美丽", "a"),
                RowFactory.create("已经", "d"), RowFactory.create("看", "v")),
            schema);
    List<String> kept =
        terms.filter(TermKeyness.isContent(terms.col(Col.TERM), terms.col(Col.POS), List.of("网", "绿色金融")))
            .collectAsList().stream().map(r -> r.getString(0)).toList();
    assertThat(kept).containsExactlyInAnyOrder("芯片", "发展", "北京", "张三", "AI", "ChatGPT", "网");
  }
}
