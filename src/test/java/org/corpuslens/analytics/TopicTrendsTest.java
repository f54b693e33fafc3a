package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
class TopicTrendsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(Col.PERIOD, DateType)
          .add(Col.SOURCE, StringType)
          .add(Col.TEXT, StringType)
          .add(Col.CHAR_COUNT, IntegerType);

  private static final TopicLexicon LEXICON =
      TopicLexicon.of(List.of(new Topic("绿色", List.of("绿色金融", "绿色信贷")), new Topic("数字", List.of("数字经济"))));

  private static Row article(String period, String source, String text) {
    return RowFactory.create(Date.valueOf(period), source, text, text.length());
  }

  private static Dataset<Row> articles(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            // January: 2 of 4 articles mention 绿色 (3 mentions), none mention 数字
            article("2022-01-01", "甲报", "绿色金融和绿色信贷"),
            article("2022-01-01", "甲报", "发展绿色金融"),
            article("2022-01-01", "乙报", "其他新闻"),
            article("2022-01-01", "乙报", "又一条"),
            // February: 1 of 2 mentions 绿色, 1 of 2 mentions 数字 (twice)
            article("2022-02-01", "甲报", "绿色信贷"),
            article("2022-02-01", "乙报", "数字经济与数字经济")),
        SCHEMA);
  }

  @Test
  void sharesDenominatorsAndZeroRows(SparkSession spark) {
    Map<String, Row> rows = byKey(TopicTrends.overall(articles(spark), LEXICON), Col.PERIOD, Col.TOPIC);
    assertThat(rows).hasSize(4); // 2 periods x 2 topics, zeros included

    Row janGreen = rows.get("2022-01-01|绿色");
    assertThat(janGreen.<Long>getAs(Col.ARTICLE_COUNT)).isEqualTo(2L);
    assertThat(janGreen.<Long>getAs(Col.MENTION_COUNT)).isEqualTo(3L);
    assertThat(janGreen.<Long>getAs(Col.TOTAL_ARTICLES)).isEqualTo(4L);
    assertThat(janGreen.<Long>getAs(Col.TOTAL_CHARS)).isEqualTo(9L + 6 + 4 + 3);
    assertThat(janGreen.<Double>getAs(Col.ARTICLE_SHARE)).isEqualTo(0.5);
    assertThat(janGreen.<Double>getAs(Col.MENTIONS_PER_10K_CHARS)).isEqualTo(3 * 10_000.0 / 22);

    Row janDigital = rows.get("2022-01-01|数字");
    assertThat(janDigital.<Long>getAs(Col.ARTICLE_COUNT)).isZero();
    assertThat(janDigital.<Long>getAs(Col.MENTION_COUNT)).isZero();
    assertThat(janDigital.<Double>getAs(Col.ARTICLE_SHARE)).isZero();

    Row febDigital = rows.get("2022-02-01|数字");
    assertThat(febDigital.<Long>getAs(Col.MENTION_COUNT)).isEqualTo(2L);
    assertThat(febDigital.<Double>getAs(Col.ARTICLE_SHARE)).isEqualTo(0.5);
  }

  @Test
  void indexIsShareOverTheTopicsMeanShareTimes100(SparkSession spark) {
    Map<String, Row> rows = byKey(TopicTrends.overall(articles(spark), LEXICON), Col.PERIOD, Col.TOPIC);
    // 绿色: shares 0.5 and 0.5 -> mean 0.5 -> index 100, 100
    assertThat(rows.get("2022-01-01|绿色").<Double>getAs(Col.INDEX)).isEqualTo(100.0);
    assertThat(rows.get("2022-02-01|绿色").<Double>getAs(Col.INDEX)).isEqualTo(100.0);
    // 数字: shares 0 and 0.5 -> mean 0.25 -> index 0, 200
    assertThat(rows.get("2022-01-01|数字").<Double>getAs(Col.INDEX)).isEqualTo(0.0);
    assertThat(rows.get("2022-02-01|数字").<Double>getAs(Col.INDEX)).isEqualTo(200.0);
  }

  @Test
  void bySourceNormalisesPerSourceAndTopic(SparkSession spark) {
    Map<String, Row> rows =
        byKey(TopicTrends.bySource(articles(spark), LEXICON), Col.PERIOD, Col.SOURCE, Col.TOPIC);
    assertThat(rows).hasSize(8); // 2 periods x 2 sources x 2 topics
    Row janA = rows.get("2022-01-01|甲报|绿色");
    assertThat(janA.<Long>getAs(Col.ARTICLE_COUNT)).isEqualTo(2L);
    assertThat(janA.<Long>getAs(Col.TOTAL_ARTICLES)).isEqualTo(2L);
    assertThat(janA.<Double>getAs(Col.INDEX)).isEqualTo(100.0);
    // a topic a source never mentions has no defined index
    assertThat(rows.get("2022-01-01|甲报|数字").<Double>getAs(Col.INDEX)).isNull();
    assertThat(rows.get("2022-02-01|乙报|数字").<Double>getAs(Col.INDEX)).isEqualTo(200.0);
  }

  static Map<String, Row> byKey(Dataset<Row> data, String... keys) {
    return data.collectAsList().stream()
        .collect(
            Collectors.toMap(
                r -> java.util.Arrays.stream(keys).map(k -> String.valueOf(r.<Object>getAs(k))).collect(Collectors.joining("|")),
                r -> r));
  }

}
