package org.corpuslens.analytics;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
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
class AggregatesTest {
  private static final StructType ARTICLES =
      new StructType()
          .add(Col.ARTICLE_ID, StringType)
          .add(Col.SOURCE, StringType)
          .add(Col.PUBLISHED_AT, TimestampType)
          .add(Col.DATE_KIND, StringType)
          .add(Col.EDITOR, StringType)
          .add(Col.TEXT, StringType)
          .add(Col.CHAR_COUNT, IntegerType)
          .add(Col.TOKENS, createArrayType(StringType))
          .add(Col.TOKEN_POS, createArrayType(StringType))
          .add(Col.TOKEN_COUNT, IntegerType)
          .add(Col.DUPLICATE_OF, StringType);
  private static final StructType REJECTS =
      new StructType().add(Col.SOURCE_PATH, StringType).add(Col.REASON, StringType).add(Col.SOURCE, StringType);
  private static final TopicLexicon LEXICON =
      TopicLexicon.of(List.of(new Topic("绿色", List.of("绿色金融")), new Topic("数字", List.of("数字经济"))));

  private static Row article(String id, String source, String utc, String kind, String editor, String text, int chars, String... tokens) {
    String[] terms = new String[tokens.length];
    String[] pos = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      String[] tp = tokens[i].split("/");
      terms[i] = tp[0];
      pos[i] = tp[1];
    }
    return RowFactory.create(id, source, Timestamp.from(Instant.parse(utc)), kind, editor, text, chars, terms, pos, terms.length, null);
  }

  private static Dataset<Row> articles(SparkSession spark) {
    Dataset<Row> raw =
        spark.createDataFrame(
            List.of(
                // 甲报: 3 articles on 2 Beijing days (the 2nd and 3rd are both 2022-02-11 in Beijing)
                article("a1", "甲报", "2022-02-10T03:00:00Z", "published", "王五", "绿色金融", 100, "绿色金融/nz", "发展/v", "发展/vn"),
                article("a2", "甲报", "2022-02-10T23:30:00Z", "published", "王五", "数字经济", 20, "发展/v", "数字经济/nz"),
                article("a3", "甲报", "2022-02-11T01:00:00Z", "crawled", "赵六", "其他", 300, "市场/n"),
                // 乙报: one article in March
                article("b1", "乙报", "2022-03-01T00:00:00Z", "published", null, "绿色金融与数字经济", 40, "市场/n", "市场/n")),
            ARTICLES);
    return ArticleDates.withDates(raw, ZoneId.of("Asia/Shanghai"), PeriodGrain.MONTH);
  }

  @Test
  void datesAndPeriodsAreLocalToTheZone(SparkSession spark) {
    Map<String, Row> rows = TopicTrendsTest.byKey(articles(spark), Col.ARTICLE_ID);
    assertThat(rows.get("a2").<Date>getAs(Col.PUBLISHED_DATE)).isEqualTo(Date.valueOf("2022-02-11"));
    assertThat(rows.get("a2").<Date>getAs(Col.PERIOD)).isEqualTo(Date.valueOf("2022-02-01"));
    assertThat(rows.get("b1").<Date>getAs(Col.PUBLISHED_DATE)).isEqualTo(Date.valueOf("2022-03-01"));
    assertThat(rows.get("b1").<Integer>getAs(Col.YEAR)).isEqualTo(2022);

    Dataset<Row> weekly = ArticleDates.withDates(articles(spark), ZoneId.of("Asia/Shanghai"), PeriodGrain.WEEK);
    // 2022-02-11 was a Friday; its week starts on Monday 2022-02-07
    assertThat(TopicTrendsTest.byKey(weekly, Col.ARTICLE_ID).get("a2").<Date>getAs(Col.PERIOD)).isEqualTo(Date.valueOf("2022-02-07"));
    Dataset<Row> utcDaily = ArticleDates.withDates(articles(spark), ZoneId.of("UTC"), PeriodGrain.DAY);
    assertThat(TopicTrendsTest.byKey(utcDaily, Col.ARTICLE_ID).get("a2").<Date>getAs(Col.PERIOD)).isEqualTo(Date.valueOf("2022-02-10"));
    Dataset<Row> quarterly = ArticleDates.withDates(articles(spark), ZoneId.of("Asia/Shanghai"), PeriodGrain.QUARTER);
    assertThat(TopicTrendsTest.byKey(quarterly, Col.ARTICLE_ID).get("b1").<Date>getAs(Col.PERIOD)).isEqualTo(Date.valueOf("2022-01-01"));
  }

  @Test
  void termFrequenciesCountOccurrencesDocumentsAndDenominators(SparkSession spark) {
    Map<String, Row> rows = TopicTrendsTest.byKey(TermFrequencies.compute(articles(spark)), Col.PERIOD, Col.SOURCE, Col.TERM);
    Row develop = rows.get("2022-02-01|甲报|发展");
    assertThat(develop.<Long>getAs(Col.COUNT)).isEqualTo(3L);
    assertThat(develop.<Long>getAs(Col.DOC_COUNT)).isEqualTo(2L);
    assertThat(develop.<String>getAs(Col.POS)).isEqualTo("v"); // v twice, vn once
    assertThat(develop.<Long>getAs(Col.PERIOD_SOURCE_TOKENS)).isEqualTo(6L);
    assertThat(develop.<Long>getAs(Col.PERIOD_SOURCE_ARTICLES)).isEqualTo(3L);
    Row market = rows.get("2022-03-01|乙报|市场");
    assertThat(market.<Long>getAs(Col.COUNT)).isEqualTo(2L);
    assertThat(market.<Long>getAs(Col.DOC_COUNT)).isEqualTo(1L);
    assertThat(rows).hasSize(5);
  }

  @Test
  void termFrequencyTagsAreCountedOverAllArticlesAndTiesGoToTheAlphabeticallyFirst(SparkSession spark) {
    Dataset<Row> raw =
        spark.createDataFrame(
            List.of(
                // 改革: vn twice in c1, v once in c1 and twice in c2 -> v (3) beats vn (2)
                article("c1", "丙报", "2022-05-01T00:00:00Z", "published", null, "x", 1, "改革/vn", "改革/v", "改革/vn", "开放/vn"),
                article("c2", "丙报", "2022-05-02T00:00:00Z", "published", null, "x", 1, "改革/v", "改革/v", "开放/v", "开放/a")),
            ARTICLES);
    Map<String, Row> rows =
        TopicTrendsTest.byKey(
            TermFrequencies.compute(ArticleDates.withDates(raw, ZoneId.of("UTC"), PeriodGrain.MONTH)),
            Col.PERIOD, Col.SOURCE, Col.TERM);
    Row reform = rows.get("2022-05-01|丙报|改革");
    assertThat(reform.<String>getAs(Col.POS)).isEqualTo("v");
    assertThat(reform.<Long>getAs(Col.COUNT)).isEqualTo(5L);
    assertThat(reform.<Long>getAs(Col.DOC_COUNT)).isEqualTo(2L);
    Row open = rows.get("2022-05-01|丙报|开放");
    assertThat(open.<String>getAs(Col.POS)).isEqualTo("a"); // a, v, vn once each: the alphabetically first
    assertThat(open.<Long>getAs(Col.COUNT)).isEqualTo(3L);
    assertThat(open.<Long>getAs(Col.DOC_COUNT)).isEqualTo(2L);
    assertThat(open.<Long>getAs(Col.PERIOD_SOURCE_TOKENS)).isEqualTo(8L);
    assertThat(rows).hasSize(2);
  }

  @Test
  void sourceStats(SparkSession spark) {
    Dataset<Row> rejects =
        spark.createDataFrame(
            List.of(
                RowFactory.create("x.md", "INVALID_DATE", "甲报"),
                RowFactory.create("y.md", "INVALID_DATE", "丙报"),
                RowFactory.create("z.md", "EMPTY_FILE", null)),
            REJECTS);
    Map<String, Row> rows = TopicTrendsTest.byKey(SourceStats.compute(articles(spark), rejects, LEXICON, false), Col.SOURCE);
    assertThat(rows.keySet()).containsExactlyInAnyOrder("甲报", "乙报", "丙报");
    Row a = rows.get("甲报");
    assertThat(a.<Long>getAs(Col.ARTICLE_COUNT)).isEqualTo(3L);
    assertThat(a.<Long>getAs(Col.ACTIVE_DAYS)).isEqualTo(2L);
    assertThat(a.<Double>getAs(Col.ARTICLES_PER_ACTIVE_DAY)).isEqualTo(1.5);
    assertThat(a.<Double>getAs(Col.CHAR_COUNT_MEAN)).isEqualTo(140.0);
    assertThat(a.<Double>getAs(Col.CHAR_COUNT_MEDIAN)).isEqualTo(100.0);
    assertThat(a.<Double>getAs(Col.CHAR_COUNT_P90)).isEqualTo(260.0); // 100 + 0.8 * (300 - 100)
    assertThat(a.<Long>getAs(Col.SHORT_TEXT_COUNT)).isEqualTo(1L);
    assertThat(a.<Long>getAs(Col.DISTINCT_EDITORS)).isEqualTo(2L);
    assertThat(a.<String>getAs(Col.TOP_EDITOR)).isEqualTo("王五");
    assertThat(a.<Long>getAs(Col.REJECT_COUNT)).isEqualTo(1L);
    assertThat(a.<Long>getAs(Col.CRAWL_DATE_COUNT)).isEqualTo(1L);
    assertThat(a.<Timestamp>getAs(Col.FIRST_PUBLISHED_AT).toInstant()).isEqualTo(Instant.parse("2022-02-10T03:00:00Z"));
    assertThat(a.<Timestamp>getAs(Col.LAST_PUBLISHED_AT).toInstant()).isEqualTo(Instant.parse("2022-02-11T01:00:00Z"));
    assertThat(a.getJavaMap(a.fieldIndex(Col.TOPIC_ARTICLE_SHARE)))
        .containsEntry("绿色", 1.0 / 3)
        .containsEntry("数字", 1.0 / 3);
    Row b = rows.get("乙报");
    assertThat(b.getJavaMap(b.fieldIndex(Col.TOPIC_ARTICLE_SHARE))).containsEntry("绿色", 1.0).containsEntry("数字", 1.0);
    assertThat(b.<Long>getAs(Col.DISTINCT_EDITORS)).isZero();
    assertThat(b.<String>getAs(Col.TOP_EDITOR)).isNull();
    Row c = rows.get("丙报");
    assertThat(c.<Long>getAs(Col.ARTICLE_COUNT)).isZero();
    assertThat(c.<Long>getAs(Col.REJECT_COUNT)).isEqualTo(1L);
    assertThat(a.<Long>getAs(Col.DUPLICATE_COUNT)).isZero();
  }
}
