package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Marks exact duplicates: an article whose title and whitespace-normalised text equal those of
 * an earlier article (the same story in two feeds, a re-crawled post) gets {@code duplicate_of} =
 * the kept article's id. The kept article is the earliest by {@code published_at}, then by
 * {@code source_path}; it has {@code duplicate_of} null.
 */
public final class Duplicates {
  private Duplicates() {}

  /** Adds {@link Col#DUPLICATE_OF}. Needs article_id, title, text, published_at, source_path. */
  public static Dataset<Row> mark(Dataset<Row> articles) {
    Schemas.requireColumns(articles, "articles", Col.ARTICLE_ID, Col.TITLE, Col.TEXT, Col.PUBLISHED_AT, Col.SOURCE_PATH);
    Column key =
        sha2(concat_ws("\u0001", coalesce(col(Col.TITLE), lit("")), regexp_replace(col(Col.TEXT), "\\s+", "")), 256);
    Column kept =
        first(col(Col.ARTICLE_ID))
            .over(Window.partitionBy(col("_content_key")).orderBy(col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH)));
    return articles
        .withColumn("_content_key", key)
        .withColumn("_kept", kept)
        .withColumn(Col.DUPLICATE_OF, when(col("_kept").notEqual(col(Col.ARTICLE_ID)), col("_kept")))
        .drop("_content_key", "_kept");
  }

  /** The articles the analytics count: duplicates excluded unless {@code keepDuplicates}. */
  public static Dataset<Row> counted(Dataset<Row> articles, boolean keepDuplicates) {
    return keepDuplicates ? articles : articles.where(col(Col.DUPLICATE_OF).isNull());
  }
}
