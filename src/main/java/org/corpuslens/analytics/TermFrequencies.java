package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Term frequencies per (period, source, term): occurrences, the number of articles that contain
 * the term, the term's most frequent part of speech (ties: the alphabetically first tag), and the
 * denominators {@code period_source_tokens} and {@code period_source_articles}.
 *
 * <p>Every step is an aggregation that Spark combines on the map side before shuffling (no
 * distinct-count over article ids): occurrences are counted per (term, tag), documents from each
 * article's distinct terms.
 */
public final class TermFrequencies {
  private TermFrequencies() {}

  /** Needs period, source, tokens, token_pos, token_count. */
  public static Dataset<Row> compute(Dataset<Row> articles) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.SOURCE, Col.TOKENS, Col.TOKEN_POS, Col.TOKEN_COUNT);
    Dataset<Row> perTag =
        articles
            .select(col(Col.PERIOD), col(Col.SOURCE), explode(arrays_zip(col(Col.TOKENS), col(Col.TOKEN_POS))).as("tp"))
            .groupBy(col(Col.PERIOD), col(Col.SOURCE), col("tp." + Col.TOKENS).as(Col.TERM), col("tp." + Col.TOKEN_POS).as(Col.POS))
            .agg(count(lit(1)).as("n"));

    Dataset<Row> counts = perTag.groupBy(Col.PERIOD, Col.SOURCE, Col.TERM).agg(sum(col("n")).as(Col.COUNT));
    // most frequent tag first; among equals, the alphabetically first
    Dataset<Row> tags =
        perTag
            .withColumn(
                "rank",
                row_number().over(Window.partitionBy(Col.PERIOD, Col.SOURCE, Col.TERM).orderBy(col("n").desc(), col(Col.POS).asc())))
            .where(col("rank").equalTo(1))
            .select(col(Col.PERIOD), col(Col.SOURCE), col(Col.TERM), col(Col.POS));
    Dataset<Row> perTerm = counts.join(tags, new String[] {Col.PERIOD, Col.SOURCE, Col.TERM}, "inner");

    Dataset<Row> docs =
        articles
            .select(col(Col.PERIOD), col(Col.SOURCE), explode(array_distinct(col(Col.TOKENS))).as(Col.TERM))
            .groupBy(Col.PERIOD, Col.SOURCE, Col.TERM)
            .agg(count(lit(1)).as(Col.DOC_COUNT));

    Dataset<Row> denominators =
        articles
            .groupBy(Col.PERIOD, Col.SOURCE)
            .agg(
                sum(col(Col.TOKEN_COUNT)).as(Col.PERIOD_SOURCE_TOKENS),
                count(lit(1)).as(Col.PERIOD_SOURCE_ARTICLES));

    String[] key = {Col.PERIOD, Col.SOURCE, Col.TERM};
    return perTerm
        .join(docs, key, "inner")
        .join(denominators, new String[] {Col.PERIOD, Col.SOURCE}, "inner")
        .select(
            col(Col.PERIOD),
            col(Col.SOURCE),
            col(Col.TERM),
            col(Col.POS),
            col(Col.COUNT),
            col(Col.DOC_COUNT),
            col(Col.PERIOD_SOURCE_TOKENS),
            col(Col.PERIOD_SOURCE_ARTICLES));
  }
}
