package org.corpuslens.report;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.report.ReportBuilder.TrendRow;
import org.corpuslens.report.ReportData.TrendView;
import org.corpuslens.tables.Col;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class ReportBuilderTest {
  private static final StructType TRENDS =
      new StructType()
          .add(Col.PERIOD, DateType)
          .add(Col.TOPIC, StringType)
          .add(Col.ARTICLE_COUNT, LongType)
          .add(Col.MENTION_COUNT, LongType)
          .add(Col.TOTAL_ARTICLES, LongType)
          .add(Col.TOTAL_CHARS, LongType)
          .add(Col.ARTICLE_SHARE, DoubleType)
          .add(Col.MENTIONS_PER_10K_CHARS, DoubleType)
          .add(Col.INDEX, DoubleType);

  private static Row trend(String period, String topic, long articles, long mentions, long total, Double index) {
    return RowFactory.create(Date.valueOf(period), topic, articles, mentions, total, 1000L, articles / (double) total, mentions * 10.0, index);
  }

  @Test
  void pivotAlignsRowsWithPeriodsAndLeavesGapsNull() {
    List<TrendRow> rows = List.of(
        new TrendRow("2022-03-01", "绿色", 1, 2, 4, 0.25, 50.0),
        new TrendRow("2022-01-01", "绿色", 3, 3, 4, 0.75, 150.0),
        new TrendRow("2022-01-01", "数字", 0, 0, 4, 0.0, null));
    TrendView v = ReportBuilder.pivot("甲报", List.of("2022-01-01", "2022-02-01", "2022-03-01"), List.of("绿色", "数字"), rows);
    assertThat(v.label()).isEqualTo("甲报");
    assertThat(v.articles()).isEqualTo(8);
    assertThat(v.totals()).containsExactly(4L, null, 4L);
    assertThat(v.series()).extracting(s -> s.topic()).containsExactly("绿色", "数字");
    assertThat(v.series().get(0).share()).containsExactly(0.75, null, 0.25);
    assertThat(v.series().get(0).index()).containsExactly(150.0, null, 50.0);
    assertThat(v.series().get(0).mentions()).containsExactly(3L, null, 2L);
    assertThat(v.series().get(1).share()).containsExactly(0.0, null, null);
    assertThat(v.series().get(1).index()).containsExactly(null, null, null);
  }

  @Test
  void buildGathersTheAggregatesOfATablesDirectory(SparkSession spark, @TempDir Path dir) throws Exception {
    String root = dir.toString();
    // topic_trends: January 4 articles, February 2; the lexicon lists 绿色 before 数字
    ParquetTables.writeSmall(spark.createDataFrame(List.of(
        trend("2022-01-01", "数字", 1, 1, 4, 50.0),
        trend("2022-01-01", "绿色", 2, 3, 4, 100.0),
        trend("2022-02-01", "数字", 1, 2, 2, 150.0),
        trend("2022-02-01", "绿色", 1, 1, 2, 100.0)), TRENDS), root, ParquetTables.TOPIC_TRENDS);
    StructType bySourceSchema = new StructType().add(Col.SOURCE, StringType);
    for (var f : TRENDS.fields()) {
      bySourceSchema = bySourceSchema.add(f);
    }
    // 乙报 has articles in both months (1 + 2), 甲报 only in January (3): a tie, broken by the name
    ParquetTables.writeSmall(spark.createDataFrame(List.of(
        trendOf("甲报", "2022-01-01", "数字", 1, 1, 3, 100.0),
        trendOf("甲报", "2022-01-01", "绿色", 2, 3, 3, 100.0),
        trendOf("乙报", "2022-01-01", "数字", 0, 0, 1, 0.0),
        trendOf("乙报", "2022-01-01", "绿色", 0, 0, 1, 0.0),
        trendOf("乙报", "2022-02-01", "数字", 1, 2, 2, 200.0),
        trendOf("乙报", "2022-02-01", "绿色", 1, 1, 2, 200.0)), bySourceSchema), root, ParquetTables.TOPIC_TRENDS_BY_SOURCE);
    ParquetTables.writeSmall(ReportAggregatesTest.termFrequencies(spark), root, ParquetTables.TERM_FREQUENCIES);
    ParquetTables.writeSmall(ReportAggregatesTest.sourceStats(spark), root, ParquetTables.SOURCE_STATS);
    // syndication: written out of order; the report lists the pairs by copies, then source and copier
    StructType syndicationSchema = new StructType().add(Col.SOURCE, StringType).add(Col.COPIED_BY, StringType)
        .add(Col.ARTICLE_COUNT, LongType).add(Col.EXACT_COUNT, LongType).add(Col.MEDIAN_DELAY_MINUTES, DoubleType);
    ParquetTables.writeSmall(spark.createDataFrame(List.of(
        RowFactory.create("乙报", "甲报", 2L, 1L, 30.0),
        RowFactory.create("甲报", "丙报", 5L, 5L, 90.5),
        RowFactory.create("甲报", "乙报", 2L, 0L, null)), syndicationSchema), root, ParquetTables.SYNDICATION);
    // no rejects table
    Files.writeString(dir.resolve("run_summary.json"),
        "{\"command\":\"run\",\"input_files\":9,\"articles\":6,\"rejects\":3,"
            + "\"lexicon\":{\"topics\":[\"绿色\",\"数字\"]},\"options\":{\"zone\":\"Asia/Shanghai\",\"period\":\"month\"}}",
        StandardCharsets.UTF_8);

    ReportData d = ReportBuilder.build(spark, root, Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(d.grain()).isEqualTo("month");
    assertThat(d.zone()).isEqualTo("Asia/Shanghai");
    assertThat(d.periods()).containsExactly("2022-01-01", "2022-02-01");
    assertThat(d.topics()).containsExactly("绿色", "数字");
    assertThat(d.overall().totals()).containsExactly(4L, 2L);
    assertThat(d.overall().articles()).isEqualTo(6);
    assertThat(d.overall().series().get(0).share()).containsExactly(0.5, 0.5);
    assertThat(d.overall().series().get(1).index()).containsExactly(50.0, 150.0);

    assertThat(d.bySource()).extracting(TrendView::label).containsExactly("乙报", "甲报");
    TrendView jia = d.bySource().get(1);
    assertThat(jia.totals()).containsExactly(3L, null);
    assertThat(jia.series().get(0).share().get(0)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(jia.series().get(0).share().get(1)).isNull();
    assertThat(d.bySource().get(0).totals()).containsExactly(1L, 2L);

    assertThat(d.topTerms()).extracting(p -> p.period() + "=" + p.tokens()).containsExactly("2022-01-01=24", "2022-02-01=2");
    assertThat(d.topTerms().get(0).terms()).extracting(t -> t.term()).containsExactly("银行", "绿色金融", "企业", "数据");

    assertThat(d.sources()).extracting(s -> s.source()).containsExactly("丙报", "甲报", "乙报");
    assertThat(d.sources().get(1).firstDate()).isEqualTo("2022-02-11");
    assertThat(d.sources().get(1).topicShares()).containsEntry("绿色", 1.0 / 3);
    assertThat(d.sources().get(2).topicShares()).isEmpty();
    assertThat(d.hasDuplicates()).isFalse();

    assertThat(d.syndication()).containsExactly(
        new ReportData.SyndicationRow("甲报", "丙报", 5, 5L, 90.5),
        new ReportData.SyndicationRow("乙报", "甲报", 2, 1L, 30.0),
        new ReportData.SyndicationRow("甲报", "乙报", 2, 0L, null));
    assertThat(d.notes()).noneMatch(n -> n.contains("syndication"));

    assertThat(d.rejectsByReason()).isEmpty();
    assertThat(d.notes()).anyMatch(n -> n.contains("rejects not found"));
    assertThat(d.summary().get("input_files").asInt()).isEqualTo(9);
  }

  private static Row trendOf(String source, String period, String topic, long articles, long mentions, long total, Double index) {
    return RowFactory.create(source, Date.valueOf(period), topic, articles, mentions, total, 1000L, articles / (double) total, mentions * 10.0, index);
  }

  @Test
  void topicsFollowTheLexiconThenTheTable() throws Exception {
    var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"lexicon\":{\"topics\":[\"乙\",\"丢失\",\"甲\"]}}");
    List<TrendRow> rows = Arrays.asList(
        new TrendRow("2022-01-01", "甲", 0, 0, 1, 0, null),
        new TrendRow("2022-01-01", "丙", 0, 0, 1, 0, null),
        new TrendRow("2022-01-01", "乙", 0, 0, 1, 0, null));
    assertThat(ReportBuilder.topicOrder(summary, rows)).containsExactly("乙", "甲", "丙");
    assertThat(ReportBuilder.topicOrder(null, rows)).containsExactly("丙", "乙", "甲");
  }
}
