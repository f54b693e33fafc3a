package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * A seeded random sample of matching articles per topic, stratified by period, for a human audit of
 * precision: within each (topic, period) the articles are put in a random order (a hash of the seed
 * and the article id), and the sample takes the first article of every period, then the second of
 * every period, and so on (periods themselves in a seeded random order), until it has {@code n}
 * articles of the topic. Every period is thus represented as evenly as it can be; a period with few
 * matching articles gives all it has. Same tables and seed, same sample.
 */
public final class MentionSample {
  /** Column of the sample: the article's mentions of the topic (field, offset, term, rule_part), sorted. */
  public static final String HITS = "hits";

  private MentionSample() {}

  /**
   * @param mentions {@code topic_mentions}
   * @param articles {@code articles} (article_id, title, text)
   * @return one row per sampled (topic, article): topic, period, source, article_id, title, text,
   *     mention_count, hits, and the first mention's snippet
   */
  public static Dataset<Row> select(Dataset<Row> mentions, Dataset<Row> articles, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("the sample size must be at least 1, not " + n);
    }
    Schemas.requireColumns(mentions, "topic_mentions", Col.ARTICLE_ID, Col.TOPIC, Col.PERIOD, Col.SOURCE, Col.FIELD,
        Col.OFFSET, Col.TERM, Col.RULE_PART, Col.SNIPPET);
    Schemas.requireColumns(articles, "articles", Col.ARTICLE_ID, Col.TITLE, Col.TEXT);
    Dataset<Row> perArticle =
        mentions
            .groupBy(col(Col.TOPIC), col(Col.ARTICLE_ID), col(Col.PERIOD), col(Col.SOURCE))
            .agg(
                count(lit(1)).as(Col.MENTION_COUNT),
                sort_array(collect_list(struct(col(Col.FIELD), col(Col.OFFSET), col(Col.TERM), col(Col.RULE_PART),
                    col(Col.SNIPPET)))).as(HITS))
            .withColumn("_h", xxhash64(lit(seed), col(Col.TOPIC), col(Col.ARTICLE_ID)))
            .withColumn("_hp", xxhash64(lit(seed), col(Col.TOPIC), col(Col.PERIOD)))
            .withColumn("_round", row_number().over(
                Window.partitionBy(col(Col.TOPIC), col(Col.PERIOD)).orderBy(col("_h"), col(Col.ARTICLE_ID))))
            .withColumn("_pick", row_number().over(
                Window.partitionBy(col(Col.TOPIC)).orderBy(col("_round"), col("_hp"), col(Col.PERIOD), col("_h"),
                    col(Col.ARTICLE_ID))))
            .where(col("_pick").leq(n));
    return perArticle
        .join(articles.select(col(Col.ARTICLE_ID), col(Col.TITLE), col(Col.TEXT)), Col.ARTICLE_ID)
        .select(col(Col.TOPIC), col(Col.PERIOD), col(Col.SOURCE), col(Col.ARTICLE_ID), col(Col.TITLE), col(Col.TEXT),
            col(Col.MENTION_COUNT), col(HITS), col(HITS).getItem(0).getField(Col.SNIPPET).as(Col.SNIPPET))
        .orderBy(col(Col.TOPIC), col(Col.PERIOD), col(Col.ARTICLE_ID));
  }
}
