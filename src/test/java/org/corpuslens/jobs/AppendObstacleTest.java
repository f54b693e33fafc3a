package org.corpuslens.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.analytics.IncrementalDuplicates;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.tables.Col;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * When an update cannot add its articles to the earlier ones: an earlier output of three articles in
 * two year folders, with stored keys, checked against each obstacle.
 */
@ExtendWith(LocalSpark.class)
class AppendObstacleTest {
  private static String write(SparkSession spark, Path dir, double threshold) {
    Dataset<Row> articles = spark.sql("SELECT * FROM VALUES "
            + "('a', 'file:/in/a.md', 'x', 2021), ('b', 'file:/in/dump.jsonl#1', 'y', 2022), ('c', 'file:/in/dump.jsonl#2', 'z', 2022) "
            + "AS t(article_id, source_path, text, year)");
    String out = dir.resolve("out").toString();
    articles.repartition(3, col(Col.ARTICLE_ID)).write().partitionBy(Col.YEAR).parquet(ParquetTables.path(out, ParquetTables.ARTICLES));
    articles.select(col(Col.ARTICLE_ID), col(Col.SOURCE_PATH), lit(threshold).as(IncrementalDuplicates.NEAR_THRESHOLD))
        .write().parquet(ParquetTables.path(out, ParquetTables.ARTICLE_KEYS));
    return out;
  }

  private static ExtractJob.Update update(String out, Set<String> replaced) {
    return new ExtractJob.Update(out, Set.of(), replaced);
  }

  @Test
  void eachObstacleIsNamedAndNoneLetsTheUpdateAppend(SparkSession spark, @TempDir Path tmp) throws Exception {
    String out = write(spark, tmp, 0.8);
    assertThat(ExtractJob.appendObstacle(spark, update(out, Set.of()), 0.8, 10)).isNull();
    // a changed file without articles (a path rejected while listing) is no obstacle
    assertThat(ExtractJob.appendObstacle(spark, update(out, Set.of("file:/in/other.md")), 0.8, 10)).isNull();
    // a changed dump: both its records' articles go
    assertThat(ExtractJob.appendObstacle(spark, update(out, Set.of("file:/in/dump.jsonl")), 0.8, 10))
        .isEqualTo("2 earlier articles belong to changed or pruned input files");
    assertThat(ExtractJob.appendObstacle(spark, update(out, Set.of()), 0.9, 10))
        .isEqualTo("the near-duplicate threshold changed ([0.8] → 0.9)");
    long files;
    try (var walk = java.nio.file.Files.walk(Path.of(out, ParquetTables.ARTICLES))) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet") && !p.getFileName().toString().startsWith(".")).count();
    }
    assertThat(files).isGreaterThan(1);
    assertThat(ExtractJob.appendObstacle(spark, update(out, Set.of()), 0.8, files)).isNull();
    assertThat(ExtractJob.appendObstacle(spark, update(out, Set.of()), 0.8, files - 1))
        .isEqualTo("the earlier articles are in " + files + " files (each update adds its own): written again in fewer");
    String bare = tmp.resolve("bare").toString();
    spark.read().parquet(ParquetTables.path(out, ParquetTables.ARTICLES)).write()
        .parquet(ParquetTables.path(bare, ParquetTables.ARTICLES));
    assertThat(ExtractJob.appendObstacle(spark, update(bare, Set.of()), 0.8, 10)).startsWith("the earlier output has no _article_keys");
  }
}
