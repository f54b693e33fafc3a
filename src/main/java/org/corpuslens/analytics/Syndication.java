package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * The {@code syndication} table: for each ordered pair of sources, how many articles the first
 * ({@code source}) published and the second ({@code copied_by}) copied later, exactly or nearly
 * ({@code duplicate_of}), and the median delay between the two publications. Pairs of one source
 * with itself are re-posts within a source.
 */
public final class Syndication {
  private Syndication() {}

  /** Needs article_id, source, published_at, duplicate_of (and similarity for {@code exact_count}). */
  public static Dataset<Row> compute(Dataset<Row> articles) {
    Schemas.requireColumns(articles, "articles", Col.ARTICLE_ID, Col.SOURCE, Col.PUBLISHED_AT, Col.DUPLICATE_OF);
    boolean hasSimilarity = Arrays.asList(articles.columns()).contains(Col.SIMILARITY);
    Dataset<Row> copies =
        articles
            .where(col(Col.DUPLICATE_OF).isNotNull())
            .select(
                col(Col.DUPLICATE_OF).as("_kept"),
                col(Col.SOURCE).as(Col.COPIED_BY),
                col(Col.PUBLISHED_AT).as("_copied_at"),
                (hasSimilarity ? col(Col.SIMILARITY) : lit(null).cast("double")).as("_similarity"));
    Dataset<Row> kept =
        articles.select(col(Col.ARTICLE_ID).as("_kept"), col(Col.SOURCE), col(Col.PUBLISHED_AT).as("_published_at"));
    Column delayMinutes = unix_micros(col("_copied_at")).minus(unix_micros(col("_published_at"))).divide(60e6);
    return copies
        .join(kept, "_kept")
        .groupBy(col(Col.SOURCE), col(Col.COPIED_BY))
        .agg(
            count(lit(1)).as(Col.ARTICLE_COUNT),
            sum(when(col("_similarity").geq(1.0), 1L).otherwise(hasSimilarity ? lit(0L) : lit(null).cast("long")))
                .as(Col.EXACT_COUNT),
            percentile(delayMinutes, lit(0.5)).as(Col.MEDIAN_DELAY_MINUTES))
        .orderBy(col(Col.ARTICLE_COUNT).desc(), col(Col.SOURCE), col(Col.COPIED_BY));
  }
}
