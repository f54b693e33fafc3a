package org.corpuslens.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.analytics.PeriodSet;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.tables.Col;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What an incremental run's analysis takes over from the previous output's term counts, and what it counts again. */
@ExtendWith(LocalSpark.class)
class TermCountsTest {
  @TempDir Path dir;

  private static final StructType COUNTED =
      new StructType().add(Col.ARTICLE_ID, StringType).add(Col.PERIOD, DateType).add("_counted", BooleanType);

  private static Row c(String id, String period, boolean counted) {
    return RowFactory.create(id, period == null ? null : Date.valueOf(period), counted);
  }

  @Test
  void theChangedPeriodsAreThoseOfArticlesAddedRemovedMovedOrMarkedOtherwise(SparkSession spark) {
    Dataset<Row> before = spark.createDataFrame(List.of(
        c("same", "2022-01-01", true),          // unchanged: no period
        c("removed", "2022-02-01", true),       // gone: February
        c("marked", "2022-03-01", true),        // now a duplicate: March
        c("moved", "2022-04-01", true),         // another date now: April and May
        c("dup-both", "2022-06-01", false),     // a duplicate before and after: no period
        c("removed-dup", "2022-07-01", false),  // an uncounted article gone: no period
        c("undated", null, true)), COUNTED);    // unchanged undated article: not the undated period
    Dataset<Row> after = spark.createDataFrame(List.of(
        c("same", "2022-01-01", true),
        c("marked", "2022-03-01", false),
        c("moved", "2022-05-01", true),
        c("dup-both", "2022-06-01", false),
        c("undated", null, true),
        c("new", "2022-08-01", true),            // added: August
        c("new-dup", "2022-09-01", false),       // added as a duplicate: no period
        c("new-undated", null, true)), COUNTED); // added without a date: the undated period
    PeriodSet changed = TermCounts.changedPeriods(before, after);
    assertThat(changed.days()).containsExactly(
        LocalDate.parse("2022-02-01"), LocalDate.parse("2022-03-01"), LocalDate.parse("2022-04-01"),
        LocalDate.parse("2022-05-01"), LocalDate.parse("2022-08-01"));
    assertThat(changed.undated()).isTrue();
  }

  @Test
  void aPeriodSetSelectsItsDaysAndTheUndatedRowsOnlyWhenAsked(SparkSession spark) {
    Dataset<Row> rows = spark.createDataFrame(List.of(
        c("a", "2022-01-01", true), c("b", "2022-02-01", true), c("u", null, true)), COUNTED);
    PeriodSet jan = PeriodSet.of(List.of(LocalDate.parse("2022-01-01")));
    assertThat(ids(rows.where(jan.contains(col(Col.PERIOD))))).containsExactly("a");
    assertThat(ids(rows.where(jan.excludes(col(Col.PERIOD))))).containsExactly("b", "u");
    PeriodSet janAndUndated = PeriodSet.of(Arrays.asList(LocalDate.parse("2022-01-01"), null));
    assertThat(ids(rows.where(janAndUndated.contains(col(Col.PERIOD))))).containsExactly("a", "u");
    assertThat(ids(rows.where(janAndUndated.excludes(col(Col.PERIOD))))).containsExactly("b");
    assertThat(ids(rows.where(PeriodSet.NONE.excludes(col(Col.PERIOD))))).containsExactly("a", "b", "u");
    assertThat(janAndUndated.size()).isEqualTo(2);
  }

  private static List<String> ids(Dataset<Row> rows) {
    return rows.select(col(Col.ARTICLE_ID)).orderBy(col(Col.ARTICLE_ID)).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  private AnalyzeJob.Plan plan(String tables, String out, long minCount) {
    return new AnalyzeJob.Plan(tables, out, TopicLexicon.defaults(), ZoneId.of("UTC"), PeriodGrain.MONTH, false,
        org.corpuslens.analytics.TopicIndex.Settings.defaults(), new AnalyzeJob.TermSettings(minCount));
  }

  @Test
  void keptPeriodsComeFromThePreviousOutputAndTouchedOnesAreCountedAgain(SparkSession spark) throws Exception {
    String tables = dir.resolve("tables").toString();
    AnalyzeJobTest.writeTables(spark, tables, List.of(
        AnalyzeJobTest.article("a1", "甲报", "2022-02-03T00:00:00Z", "绿色金融", "市场/n", "市场/n", "绿色金融/nz"),
        AnalyzeJobTest.article("a2", "甲报", "2022-03-05T00:00:00Z", "银行", "银行/n", "银行/n")));
    String previous = dir.resolve("previous").toString();
    Map<String, Object> first = AnalyzeJob.run(spark, plan(tables, previous, 1), null, true);
    assertThat(first).containsKey(ParquetTables.TERM_FREQUENCIES);
    assertThat(Path.of(previous, TermCounts.TOPIC_TABLE)).isDirectory();
    assertThat(TermCounts.read(previous, spark.sparkContext().hadoopConfiguration()))
        .isEqualTo(TermCounts.State.of(plan(tables, previous, 1), true));

    // the stored February rows are marked (count 1000 + the real count): a run that takes them over
    // carries the mark, a run that counts them again does not
    Dataset<Row> marked = ParquetTables.read(spark, previous, ParquetTables.TERM_FREQUENCIES)
        .withColumn(Col.COUNT, col(Col.COUNT).plus(1000L));
    String tampered = dir.resolve("tampered").toString();
    marked.write().mode(SaveMode.Overwrite).parquet(ParquetTables.path(tampered, ParquetTables.TERM_FREQUENCIES));
    ParquetTables.read(spark, previous, TermCounts.TOPIC_TABLE).withColumn(Col.COUNT, col(Col.COUNT).plus(1000L))
        .write().mode(SaveMode.Overwrite).parquet(ParquetTables.path(tampered, TermCounts.TOPIC_TABLE));

    // March is touched: counted again from the articles; February kept from the stored rows
    PeriodSet march = PeriodSet.of(List.of(LocalDate.parse("2022-03-01")));
    String out = dir.resolve("out").toString();
    AnalyzeJob.run(spark, plan(tables, out, 1), new AnalyzeJob.Reuse(tampered, march), true);
    List<String> rows = ParquetTables.read(spark, out, ParquetTables.TERM_FREQUENCIES)
        .selectExpr("concat(cast(period AS string), '|', term, '|', count)").collectAsList().stream()
        .map(r -> r.getString(0)).toList();
    assertThat(rows).containsExactlyInAnyOrder("2022-02-01|市场|1002", "2022-02-01|绿色金融|1001", "2022-03-01|银行|2");
    // the topic side table likewise (绿色金融's article is in February: its rows are the stored ones)
    List<String> topic = ParquetTables.read(spark, out, TermCounts.TOPIC_TABLE)
        .selectExpr("concat(cast(period AS string), '|', source, '|', term, '|', count)").collectAsList().stream()
        .map(r -> r.getString(0)).toList();
    assertThat(topic).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("2022-02-01|绿色金融|"));
    assertThat(topic).contains("2022-02-01|绿色金融|绿色金融|1001");
    // the columns keep the Parquet schema a full count writes, required columns included (DuckDB reads the footers)
    try (org.corpuslens.testing.Duck duck = new org.corpuslens.testing.Duck()) {
      String schema = "SELECT DISTINCT name, type, repetition_type FROM parquet_schema('%s/*.parquet') ORDER BY name";
      List<Map<String, Object>> full = duck.query(String.format(schema, Path.of(previous, ParquetTables.TERM_FREQUENCIES)));
      assertThat(full).anySatisfy(c -> assertThat(c).containsEntry("name", "count").containsEntry("repetition_type", "REQUIRED"));
      assertThat(duck.query(String.format(schema, Path.of(out, ParquetTables.TERM_FREQUENCIES)))).isEqualTo(full);
    }

    // every period touched: the same rows as a full count
    AnalyzeJob.run(spark, plan(tables, out, 1),
        new AnalyzeJob.Reuse(tampered, PeriodSet.of(List.of(LocalDate.parse("2022-02-01"), LocalDate.parse("2022-03-01")))),
        false);
    assertThat(ParquetTables.read(spark, out, ParquetTables.TERM_FREQUENCIES).exceptAll(
        ParquetTables.read(spark, previous, ParquetTables.TERM_FREQUENCIES)).count()).isZero();
    assertThat(ParquetTables.read(spark, previous, ParquetTables.TERM_FREQUENCIES).exceptAll(
        ParquetTables.read(spark, out, ParquetTables.TERM_FREQUENCIES)).count()).isZero();
    // an analysis that keeps no topic counts says so: the next run cannot take them over
    assertThat(TermCounts.read(out, spark.sparkContext().hadoopConfiguration()).topicTable()).isFalse();
  }

  @Test
  void storedCountsStandForNewOnesOnlyWithTheSameSettingsAndEveryRow() {
    TermCounts.State now = new TermCounts.State(1, "Asia/Shanghai", "month", "sha256:x", false, 1, true);
    assertThat(now.whyNotReusable(now)).isNull();
    assertThat(now.whyNotReusable(null)).contains(TermCounts.FILE_NAME);
    assertThat(now.whyNotReusable(new TermCounts.State(1, "Asia/Shanghai", "month", "sha256:x", false, 1, false)))
        .contains(TermCounts.TOPIC_TABLE);
    assertThat(now.whyNotReusable(new TermCounts.State(1, "Asia/Shanghai", "month", "sha256:x", false, 3, true)))
        .contains("--min-term-count");
    assertThat(new TermCounts.State(1, "Asia/Shanghai", "month", "sha256:x", false, 2, true).whyNotReusable(now))
        .contains("--min-term-count");
    assertThat(now.whyNotReusable(new TermCounts.State(1, "Asia/Shanghai", "month", "sha256:x", true, 1, true)))
        .contains("keep_duplicates=true");
    assertThat(now.whyNotReusable(new TermCounts.State(1, "UTC", "month", "sha256:x", false, 1, true))).contains("UTC");
    assertThat(now.whyNotReusable(new TermCounts.State(0, "Asia/Shanghai", "month", "sha256:x", false, 1, true)))
        .contains("layout=0");
  }
}
