package org.corpuslens.report;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

@ExtendWith(LocalSpark.class)
class ReportAggregatesTest {
  static final StructType TERM_FREQUENCIES =
      new StructType()
          .add(Col.PERIOD, DateType)
          .add(Col.SOURCE, StringType)
          .add(Col.TERM, StringType)
          .add(Col.COUNT, LongType)
          .add(Col.PERIOD_SOURCE_TOKENS, LongType);

  static Row tf(String period, String source, String term, long count, long tokens) {
    return RowFactory.create(Date.valueOf(period), source, term, count, tokens);
  }

  static Dataset<Row> termFrequencies(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            // January, 甲报: 10 tokens
            tf("2022-01-01", "甲报", "绿色金融", 5, 10),
            tf("2022-01-01", "甲报", "银行", 3, 10),
            tf("2022-01-01", "甲报", "企业", 2, 10),
            // January, 乙报: 14 tokens, of which only these 10 are listed
            tf("2022-01-01", "乙报", "银行", 4, 14),
            tf("2022-01-01", "乙报", "企业", 2, 14),
            tf("2022-01-01", "乙报", "数据", 4, 14),
            // February, 甲报: one term
            tf("2022-02-01", "甲报", "数据", 2, 2)),
        TERM_FREQUENCIES);
  }

  @Test
  void topTermsSumSourcesRankByCountThenTermAndShareThePeriodsTokens(SparkSession spark) {
    List<Row> rows = ReportAggregates.topTerms(termFrequencies(spark), 3).collectAsList();
    // January: 银行 3+4, 绿色金融 5, then 企业 2+2 and 数据 4 tie: 企 (U+4F01) before 数 (U+6570);
    // the period's tokens are 10 + 14 = 24 (the tables' denominators, not the listed counts)
    assertThat(rows).hasSize(4);
    expect(rows.get(0), "2022-01-01", 1, "银行", 7, 24);
    expect(rows.get(1), "2022-01-01", 2, "绿色金融", 5, 24);
    expect(rows.get(2), "2022-01-01", 3, "企业", 4, 24);
    // February has a single term: fewer than n rows
    expect(rows.get(3), "2022-02-01", 1, "数据", 2, 2);
  }

  private static void expect(Row r, String period, int rank, String term, long count, long tokens) {
    assertThat(r.<String>getAs(Col.PERIOD)).isEqualTo(period);
    assertThat(r.<Integer>getAs(ReportAggregates.RANK)).isEqualTo(rank);
    assertThat(r.<String>getAs(Col.TERM)).isEqualTo(term);
    assertThat(r.<Long>getAs(Col.COUNT)).isEqualTo(count);
    assertThat(r.<Long>getAs(ReportAggregates.PERIOD_TOKENS)).isEqualTo(tokens);
    assertThat(r.<Double>getAs(ReportAggregates.SHARE)).isCloseTo(count / (double) tokens, within(1e-12));
  }

  @Test
  void rejectsAreCountedPerReasonMostFirstThenByName(SparkSession spark) {
    StructType schema = new StructType().add(Col.SOURCE_PATH, StringType).add(Col.REASON, StringType);
    Dataset<Row> rejects = spark.createDataFrame(
        List.of(
            RowFactory.create("a", "INVALID_DATE"),
            RowFactory.create("b", "BINARY"),
            RowFactory.create("c", "EMPTY_FILE"),
            RowFactory.create("d", "INVALID_DATE"),
            RowFactory.create("e", "EMPTY_FILE")),
        schema);
    List<Row> rows = ReportAggregates.rejectsByReason(rejects).collectAsList();
    assertThat(rows).extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("EMPTY_FILE=2", "INVALID_DATE=2", "BINARY=1");
  }

  @Test
  void noRejectsGiveNoRows(SparkSession spark) {
    StructType schema = new StructType().add(Col.SOURCE_PATH, StringType).add(Col.REASON, StringType);
    assertThat(ReportAggregates.rejectsByReason(spark.createDataFrame(List.<Row>of(), schema)).collectAsList()).isEmpty();
  }

  static final StructType SOURCE_STATS =
      new StructType()
          .add(Col.SOURCE, StringType)
          .add(Col.ARTICLE_COUNT, LongType)
          .add(Col.FIRST_PUBLISHED_AT, TimestampType)
          .add(Col.LAST_PUBLISHED_AT, TimestampType)
          .add(Col.ACTIVE_DAYS, LongType)
          .add(Col.CHAR_COUNT_MEAN, DoubleType)
          .add(Col.CHAR_COUNT_MEDIAN, DoubleType)
          .add(Col.REJECT_COUNT, LongType)
          .add(Col.TOPIC_ARTICLE_SHARE, createMapType(StringType, DoubleType));

  static Timestamp ts(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }

  static Dataset<Row> sourceStats(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            RowFactory.create("甲报", 3L, ts("2022-02-10T23:30:00Z"), ts("2022-03-31T15:59:59Z"), 2L, 120.0, 100.0, 1L,
                Map.of("绿色", 1.0 / 3)),
            RowFactory.create("乙报", 0L, null, null, 0L, null, null, 2L, null),
            RowFactory.create("丙报", 5L, ts("2022-01-01T00:00:00Z"), ts("2022-01-02T00:00:00Z"), 2L, 80.5, 80.0, 0L,
                Map.of("绿色", 0.0))),
        SOURCE_STATS);
  }

  @Test
  void sourcesGetLocalDatesInTheRunsZoneMostArticlesFirst(SparkSession spark) {
    List<Row> rows = ReportAggregates.sources(sourceStats(spark), ZoneId.of("Asia/Shanghai")).collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs(Col.SOURCE)).containsExactly("丙报", "甲报", "乙报");
    Row jia = rows.get(1);
    // 23:30 GMT on 10 February is the 11th in Beijing; 15:59:59 GMT on 31 March is still the 31st
    assertThat(jia.<String>getAs(ReportAggregates.FIRST_DATE)).isEqualTo("2022-02-11");
    assertThat(jia.<String>getAs(ReportAggregates.LAST_DATE)).isEqualTo("2022-03-31");
    assertThat(jia.<Long>getAs(Col.REJECT_COUNT)).isEqualTo(1L);
    Row yi = rows.get(2);
    assertThat(yi.<String>getAs(ReportAggregates.FIRST_DATE)).isNull();
    assertThat(yi.<Long>getAs(Col.ARTICLE_COUNT)).isZero();
    assertThat(List.of(rows.get(0).schema().fieldNames())).doesNotContain(ReportAggregates.DUPLICATE_COUNT);

    List<Row> utc = ReportAggregates.sources(sourceStats(spark), ZoneOffset.UTC).collectAsList();
    assertThat(utc.get(1).<String>getAs(ReportAggregates.FIRST_DATE)).isEqualTo("2022-02-10");
  }

  @Test
  void aDuplicateColumnIsCarriedWhenTheTableHasIt(SparkSession spark) {
    Dataset<Row> withDuplicates = sourceStats(spark).withColumn(ReportAggregates.DUPLICATE_COUNT, lit(2));
    Row first = ReportAggregates.sources(withDuplicates, ZoneOffset.UTC).collectAsList().get(0);
    assertThat(first.<Long>getAs(ReportAggregates.DUPLICATE_COUNT)).isEqualTo(2L);
  }

  static final StructType TRENDS_BY_SOURCE =
      new StructType()
          .add(Col.PERIOD, DateType)
          .add(Col.SOURCE, StringType)
          .add(Col.TOPIC, StringType)
          .add(Col.ARTICLE_COUNT, LongType)
          .add(Col.MENTION_COUNT, LongType)
          .add(Col.TOTAL_ARTICLES, LongType)
          .add(Col.ARTICLE_SHARE, DoubleType)
          .add(Col.INDEX, DoubleType);

  static Row trend(String period, String source, String topic, long articles, long mentions, long total, Double index) {
    return RowFactory.create(Date.valueOf(period), source, topic, articles, mentions, total, articles / (double) total, index);
  }

  @Test
  void chartSourcesAreRankedByTheirArticlesCountedOncePerPeriod(SparkSession spark) {
    Dataset<Row> bySource = spark.createDataFrame(
        List.of(
            trend("2022-01-01", "甲报", "绿色", 1, 1, 2, 100.0),
            trend("2022-01-01", "甲报", "数字", 0, 0, 2, null),
            trend("2022-02-01", "甲报", "绿色", 1, 2, 1, 200.0),
            trend("2022-02-01", "甲报", "数字", 0, 0, 1, null),
            trend("2022-01-01", "乙报", "绿色", 0, 0, 4, null),
            trend("2022-01-01", "乙报", "数字", 1, 1, 4, 100.0)),
        TRENDS_BY_SOURCE);
    // 甲报: 2 + 1 articles (not 2 x topics); 乙报: 4
    assertThat(ReportAggregates.chartSources(bySource).collectAsList())
        .extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("乙报=4", "甲报=3");
    List<Row> rows = ReportAggregates.trends(bySource, true).collectAsList();
    assertThat(rows).extracting(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2))
        .containsExactly(
            "2022-01-01|乙报|数字", "2022-01-01|乙报|绿色", "2022-01-01|甲报|数字", "2022-01-01|甲报|绿色",
            "2022-02-01|甲报|数字", "2022-02-01|甲报|绿色");
  }
}
