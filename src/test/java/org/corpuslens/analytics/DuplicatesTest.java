package org.corpuslens.analytics;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.assertj.core.api.Assertions.assertThat;

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
class DuplicatesTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(Col.ARTICLE_ID, StringType)
          .add(Col.SOURCE_PATH, StringType)
          .add(Col.SOURCE, StringType)
          .add(Col.TITLE, StringType)
          .add(Col.TEXT, StringType)
          .add(Col.PUBLISHED_AT, TimestampType)
          .add(Col.PUBLISHED_DATE, StringType)
          .add(Col.DATE_KIND, StringType)
          .add(Col.EDITOR, StringType)
          .add(Col.CHAR_COUNT, IntegerType);

  private static Row row(String id, String path, String source, String title, String text, String utc) {
    return RowFactory.create(id, path, source, title, text, Timestamp.from(Instant.parse(utc)), utc.substring(0, 10), "published", null, text.length());
  }

  private static Dataset<Row> marked(SparkSession spark) {
    return Duplicates.mark(
        spark.createDataFrame(
            List.of(
                row("b", "file:/b.md", "乙报", "同一条新闻", "第一段\n绿色金融 第二段", "2022-03-02T00:00:00Z"),
                row("a", "file:/a.md", "甲报", "同一条新闻", "第一段\n绿色金融第二段", "2022-03-01T00:00:00Z"),
                row("c", "file:/c.md", "丙报", "同一条新闻", "第一段 绿色金融第二段", "2022-03-01T00:00:00Z"),
                row("d", "file:/d.md", "丙报", "另一条新闻", "第一段\n绿色金融第二段", "2022-03-01T00:00:00Z"),
                row("e", "file:/e.md", "丙报", null, "只有正文", "2022-03-05T00:00:00Z"),
                row("f", "file:/f.md", "甲报", null, "只有正文", "2022-03-04T00:00:00Z")),
            SCHEMA));
  }

  @Test
  void laterCopiesPointToTheEarliestArticle(SparkSession spark) {
    Map<String, Row> rows = TopicTrendsTest.byKey(marked(spark), Col.ARTICLE_ID);
    assertThat(rows.get("a").<String>getAs(Col.DUPLICATE_OF)).isNull();
    assertThat(rows.get("b").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("a"); // later
    assertThat(rows.get("c").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("a"); // same time, later path
    assertThat(rows.get("d").<String>getAs(Col.DUPLICATE_OF)).isNull(); // other title
    assertThat(rows.get("f").<String>getAs(Col.DUPLICATE_OF)).isNull();
    assertThat(rows.get("e").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("f");
  }

  @Test
  void analyticsExcludeDuplicatesUnlessAskedAndSourceStatsCountThem(SparkSession spark) {
    Dataset<Row> withDates = ArticleDates.withDates(marked(spark).drop(Col.PUBLISHED_DATE), ZoneId.of("UTC"), PeriodGrain.MONTH);
    assertThat(Duplicates.counted(withDates, false).count()).isEqualTo(3);
    assertThat(Duplicates.counted(withDates, true).count()).isEqualTo(6);
    Dataset<Row> rejects = spark.createDataFrame(List.of(), new StructType().add(Col.SOURCE, StringType));
    Map<String, Row> stats =
        TopicTrendsTest.byKey(SourceStats.compute(withDates, rejects, TopicLexicon.defaults(), false), Col.SOURCE);
    assertThat(stats.get("乙报").<Long>getAs(Col.ARTICLE_COUNT)).isZero();
    assertThat(stats.get("乙报").<Long>getAs(Col.DUPLICATE_COUNT)).isEqualTo(1L);
    assertThat(stats.get("丙报").<Long>getAs(Col.ARTICLE_COUNT)).isEqualTo(1L);
    assertThat(stats.get("丙报").<Long>getAs(Col.DUPLICATE_COUNT)).isEqualTo(2L);
    assertThat(stats.get("甲报").<Long>getAs(Col.ARTICLE_COUNT)).isEqualTo(2L);
    Map<String, Row> kept =
        TopicTrendsTest.byKey(SourceStats.compute(withDates, rejects, TopicLexicon.defaults(), true), Col.SOURCE);
    assertThat(kept.get("丙报").<Long>getAs(Col.ARTICLE_COUNT)).isEqualTo(3L);
  }
}
