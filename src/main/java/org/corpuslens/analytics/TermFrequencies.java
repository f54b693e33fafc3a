package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuslens.tables.Col;

/**
 * Term frequencies per (period, source, term): occurrences, the number of articles that contain
 * the term, the term's most frequent part of speech (ties: the alphabetically first tag), and the
 * denominators {@code period_source_tokens} and {@code period_source_articles}.
 */
public final class TermFrequencies {
  private TermFrequencies() {}

  /** Needs article_id, period, source, tokens, token_pos, token_count. */
  public static Dataset<Row> compute(Dataset<Row> articles) {
    Dataset<Row> occurrences =
        articles
            .select(
                col(Col.PERIOD),
                col(Col.SOURCE),
                col(Col.ARTICLE_ID),
                explode(arrays_zip(col(Col.TOKENS), col(Col.TOKEN_POS))).as("tp"))
            .select(
                col(Col.PERIOD),
                col(Col.SOURCE),
                col(Col.ARTICLE_ID),
                col("tp." + Col.TOKENS).as(Col.TERM),
                col("tp." + Col.TOKEN_POS).as(Col.POS));

    Dataset<Row> terms =
        occurrences
            .groupBy(Col.PERIOD, Col.SOURCE, Col.TERM)
            .agg(
                count(lit(1)).as(Col.COUNT),
                count_distinct(col(Col.ARTICLE_ID)).as(Col.DOC_COUNT),
                mode(col(Col.POS), true).as(Col.POS));

    Dataset<Row> denominators =
        articles
            .groupBy(Col.PERIOD, Col.SOURCE)
            .agg(
                sum(col(Col.TOKEN_COUNT)).as(Col.PERIOD_SOURCE_TOKENS),
                count(lit(1)).as(Col.PERIOD_SOURCE_ARTICLES));

    return terms
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
