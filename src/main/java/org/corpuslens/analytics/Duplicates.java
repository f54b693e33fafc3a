package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha2;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Marks exact duplicates: an article whose title and whitespace-normalised text equal those of
 * an earlier article (the same story in two feeds, a re-crawled post) gets {@code duplicate_of} =
 * the kept article's id. The kept article is the earliest by {@code published_at}, then by
 * {@code source_path}; it has {@code duplicate_of} null.
 */
public final class Duplicates {
  /** The id column of {@link #find}'s output. */
  public static final String DUPLICATE_ID = "_duplicate_id";

  private Duplicates() {}

  /** Adds {@link Col#DUPLICATE_OF}. Needs article_id, title, text, published_at, source_path. */
  public static Dataset<Row> mark(Dataset<Row> articles) {
    return mark(articles, find(articles), false);
  }

  /**
   * The column of a stored content key (the hash {@link #contentKey} gives): when an input has it,
   * {@link #find} groups by it instead of hashing the title and text again.
   */
  public static final String CONTENT_KEY = "content_key";

  /** The hash two exact duplicates share: SHA-256 of the title and the text without whitespace. */
  public static Column contentKey() {
    return sha2(concat_ws("\u0001", coalesce(col(Col.TITLE), lit("")), regexp_replace(col(Col.TEXT), "\\s+", "")), 256);
  }

  /**
   * The duplicates only: {@code (_duplicate_id, duplicate_of)}, one row per article that repeats
   * an earlier one. Only the ids, a hash of the content, the time and the path are shuffled, never
   * the text or tokens. Needs article_id, published_at, source_path and either title and text or
   * {@link #CONTENT_KEY}.
   */
  public static Dataset<Row> find(Dataset<Row> articles) {
    Schemas.requireColumns(articles, "articles", Col.ARTICLE_ID, Col.PUBLISHED_AT, Col.SOURCE_PATH);
    boolean keyed = java.util.Arrays.asList(articles.columns()).contains(CONTENT_KEY);
    if (!keyed) {
      Schemas.requireColumns(articles, "articles", Col.TITLE, Col.TEXT);
    }
    Column key = keyed ? col(CONTENT_KEY) : contentKey();
    return articles
        .select(col(Col.ARTICLE_ID), col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH), key.as("_content_key"))
        .withColumn(Col.DUPLICATE_OF, keptOf(col("_content_key")))
        .where(col(Col.DUPLICATE_OF).notEqual(col(Col.ARTICLE_ID)))
        .select(col(Col.ARTICLE_ID).as(DUPLICATE_ID), col(Col.DUPLICATE_OF));
  }

  /**
   * The kept article of each group of equal {@code key}: the earliest by {@code published_at}
   * (undated first), then by {@code source_path}. A window function over the articles' rows.
   */
  static Column keptOf(Column key) {
    return first(col(Col.ARTICLE_ID)).over(Window.partitionBy(key).orderBy(col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH)));
  }

  /**
   * Adds {@link Col#DUPLICATE_OF} from the output of {@link #find}: null for kept articles. With
   * {@code broadcast}, the duplicates are sent to every task and the articles are not shuffled
   * (about 200 bytes of memory per duplicate on the driver and each executor); without, both
   * sides are shuffled by article id.
   */
  public static Dataset<Row> mark(Dataset<Row> articles, Dataset<Row> duplicates, boolean broadcast) {
    Schemas.requireColumns(duplicates, "duplicates", DUPLICATE_ID, Col.DUPLICATE_OF);
    Dataset<Row> right = broadcast ? functions.broadcast(duplicates) : duplicates;
    return articles
        .join(right, articles.col(Col.ARTICLE_ID).equalTo(right.col(DUPLICATE_ID)), "left_outer")
        .drop(DUPLICATE_ID);
  }

  /** The articles the analytics count: duplicates excluded unless {@code keepDuplicates}. */
  public static Dataset<Row> counted(Dataset<Row> articles, boolean keepDuplicates) {
    return keepDuplicates ? articles : articles.where(col(Col.DUPLICATE_OF).isNull());
  }
}
