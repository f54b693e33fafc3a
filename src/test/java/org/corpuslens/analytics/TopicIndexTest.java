package org.corpuslens.analytics;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.analytics.Topic.Scope;
import org.corpuslens.tables.Col;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** topic_index, topic_mentions and rule topics in the trends, through Spark, on hand-made articles. */
@ExtendWith(LocalSpark.class)
class TopicIndexTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(Col.ARTICLE_ID, StringType)
          .add(Col.PERIOD, DateType)
          .add(Col.SOURCE, StringType)
          .add(Col.PUBLISHED_AT, TimestampType)
          .add(Col.TITLE, StringType)
          .add(Col.TEXT, StringType)
          .add(Col.CHAR_COUNT, IntegerType);

  private static final TopicLexicon GREEN = TopicLexicon.of(List.of(new Topic("绿色", List.of("绿色金融"))));

  /** {@code matching} of {@code total} articles of a source in a month mention 绿色金融. */
  private static void add(List<Row> rows, String source, String period, int matching, int total) {
    for (int i = 0; i < total; i++) {
      String text = i < matching ? "发展绿色金融" : "其他新闻";
      rows.add(RowFactory.create(source + period + i, Date.valueOf(period), source,
          Timestamp.valueOf(period + " 08:00:00"), null, text, text.length()));
    }
  }

  /** The series of ScaledIndexTest, worked out by hand there, now from articles through Spark. */
  @Test
  void indexFromArticles(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    add(rows, "A", "2022-01-01", 2, 10);
    add(rows, "B", "2022-01-01", 1, 10);
    add(rows, "C", "2022-01-01", 4, 4);
    add(rows, "A", "2022-02-01", 4, 10);
    add(rows, "B", "2022-02-01", 5, 5);
    add(rows, "A", "2022-04-01", 6, 20);
    add(rows, "B", "2022-04-01", 3, 10);
    add(rows, "C", "2022-04-01", 0, 3);
    Dataset<Row> articles = spark.createDataFrame(rows, SCHEMA);
    Map<String, Row> byPeriod = new TreeMap<>();
    for (Row r : TopicIndex.compute(articles, GREEN, PeriodGrain.MONTH, TopicIndex.Settings.defaults()).collectAsList()) {
      byPeriod.put(r.getAs(Col.PERIOD).toString(), r);
    }
    assertThat(byPeriod.keySet()).containsExactly("2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01");
    assertThat(byPeriod.get("2022-01-01").<Double>getAs(Col.INDEX)).isCloseTo(51.308448, within(1e-5));
    assertThat(byPeriod.get("2022-02-01").<Double>getAs(Col.INDEX)).isCloseTo(151.625931, within(1e-5));
    assertThat(byPeriod.get("2022-03-01").<Double>getAs(Col.INDEX)).isNull();
    assertThat(byPeriod.get("2022-04-01").<Double>getAs(Col.INDEX)).isCloseTo(97.065621, within(1e-5));
    assertThat(byPeriod.values()).extracting(r -> r.<Integer>getAs(Col.SOURCES_USED)).containsExactly(2, 1, 0, 2);
    assertThat(byPeriod.values()).extracting(r -> r.<Long>getAs(Col.MATCHING_ARTICLES)).containsExactly(7L, 9L, 0L, 9L);
    assertThat(byPeriod.values()).extracting(r -> r.<Long>getAs(Col.TOTAL_ARTICLES)).containsExactly(24L, 15L, 0L, 33L);
  }

  /**
   * With one source, every period qualifying and the whole range as base, the scaled index is the
   * share over its mean: the {@code index} column of topic_trends.
   */
  @Test
  void oneSourceGivesTheTrendsIndex(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    add(rows, "A", "2022-01-01", 1, 10);
    add(rows, "A", "2022-02-01", 3, 10);
    add(rows, "A", "2022-03-01", 8, 20);
    Dataset<Row> articles = spark.createDataFrame(rows, SCHEMA);
    // shares .1, .3, .4, mean .8/3: index 37.5, 112.5, 150
    List<Double> index = new ArrayList<>();
    List<Double> trends = new ArrayList<>();
    TopicIndex.compute(articles, GREEN, PeriodGrain.MONTH, TopicIndex.Settings.defaults())
        .orderBy(Col.PERIOD).collectAsList().forEach(r -> index.add(r.getAs(Col.INDEX)));
    TopicTrends.overall(articles, GREEN).orderBy(Col.PERIOD).collectAsList().forEach(r -> trends.add(r.getAs(Col.INDEX)));
    assertThat(index).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(index.get(i)).isCloseTo(trends.get(i), within(1e-9)).isCloseTo(new double[] {37.5, 112.5, 150}[i], within(1e-9));
    }
  }

  @Test
  void ruleTopicsInTrendsAndTheirMentions(SparkSession spark) {
    Topic epu = new Topic("EPU", List.of(), List.of(List.of("经济"), List.of("政策"), List.of("不确定")), List.of("足球"), 1,
        Scope.BOTH);
    TopicLexicon lexicon = TopicLexicon.of(List.of(epu));
    Timestamp t = Timestamp.valueOf("2022-01-05 08:00:00");
    Date jan = Date.valueOf("2022-01-01");
    Dataset<Row> articles = spark.createDataFrame(List.of(
        // matches: 政策 in the title, 经济 and 不确定 in the text -> 3 mentions
        RowFactory.create("a1", jan, "甲", t, "政策解读", "经济前景不确定", 7),
        // all three groups, but 足球: excluded
        RowFactory.create("a2", jan, "甲", t, "足球", "经济政策不确定", 7),
        // no uncertainty term
        RowFactory.create("a3", jan, "甲", t, null, "经济政策", 4)), SCHEMA);

    Row trend = TopicTrends.overall(articles, lexicon).collectAsList().get(0);
    assertThat(trend.<Long>getAs(Col.ARTICLE_COUNT)).isEqualTo(1L);
    assertThat(trend.<Long>getAs(Col.MENTION_COUNT)).isEqualTo(3L);
    assertThat(trend.<Long>getAs(Col.TOTAL_ARTICLES)).isEqualTo(3L);

    List<String> mentions = new ArrayList<>();
    for (Row r : TopicMentions.mentionRows(TopicMentions.withMatches(articles, lexicon)).collectAsList()) {
      mentions.add(String.join("|", r.getAs(Col.ARTICLE_ID), r.getAs(Col.TOPIC), r.getAs(Col.RULE_PART), r.getAs(Col.TERM),
          r.getAs(Col.FIELD), String.valueOf(r.<Integer>getAs(Col.OFFSET)), r.getAs(Col.SNIPPET), r.getAs(Col.SOURCE)));
    }
    assertThat(mentions).containsExactlyInAnyOrder(
        "a1|EPU|all[2]|政策|title|0|政策解读|甲",
        "a1|EPU|all[1]|经济|text|0|经济前景不确定|甲",
        "a1|EPU|all[3]|不确定|text|4|经济前景不确定|甲");
  }
}
