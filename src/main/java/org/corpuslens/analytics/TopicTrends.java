package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Policy-topic trends over time. Per period and topic (and optionally source): articles with at
 * least one mention, mentions, the denominators, the article share, mentions per 10,000
 * characters, and the EPU-style index: the article share scaled so that each topic's mean over the
 * periods of the run is 100.
 *
 * <p>Every period that has at least one article appears for every topic, with zeros where no
 * article mentions the topic.
 */
public final class TopicTrends {
  private TopicTrends() {}

  /**
   * {@code topic_trends}: one row per (period, topic). Needs period, char_count, and text or
   * {@link Col#TOPIC_MENTIONS} (counted with the same lexicon).
   */
  public static Dataset<Row> overall(Dataset<Row> articles, TopicLexicon lexicon) {
    return compute(articles, lexicon);
  }

  /** {@code topic_trends_by_source}: one row per (period, source, topic). */
  public static Dataset<Row> bySource(Dataset<Row> articles, TopicLexicon lexicon) {
    return compute(articles, lexicon, Col.SOURCE);
  }

  private static Dataset<Row> compute(
      Dataset<Row> articles, TopicLexicon lexicon, String... extraKeys) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.CHAR_COUNT);
    List<String> keep = new ArrayList<>(List.of(Col.PERIOD, Col.CHAR_COUNT));
    keep.addAll(Arrays.asList(extraKeys));
    Dataset<Row> perTopic =
        TopicMentions.perArticleTopic(articles, lexicon, keep.toArray(String[]::new));

    List<Column> groupKeys = new ArrayList<>();
    groupKeys.add(col(Col.PERIOD));
    for (String k : extraKeys) {
      groupKeys.add(col(k));
    }
    groupKeys.add(col(Col.TOPIC));

    Dataset<Row> counts =
        perTopic
            .groupBy(groupKeys.toArray(Column[]::new))
            .agg(
                sum(when(col(Col.MENTION_COUNT).gt(0), 1L).otherwise(0L)).as(Col.ARTICLE_COUNT),
                sum(col(Col.MENTION_COUNT)).as(Col.MENTION_COUNT),
                count(lit(1)).as(Col.TOTAL_ARTICLES),
                sum(col(Col.CHAR_COUNT)).as(Col.TOTAL_CHARS));

    Column share = col(Col.ARTICLE_COUNT).cast("double").divide(col(Col.TOTAL_ARTICLES));
    Column per10k =
        when(col(Col.TOTAL_CHARS).gt(0),
            col(Col.MENTION_COUNT).cast("double").multiply(10_000).divide(col(Col.TOTAL_CHARS)));

    List<Column> indexPartition = new ArrayList<>();
    for (String k : extraKeys) {
      indexPartition.add(col(k));
    }
    indexPartition.add(col(Col.TOPIC));
    WindowSpec allPeriods = Window.partitionBy(indexPartition.toArray(Column[]::new));
    // averaged as exact decimals: a sum of doubles depends on the order Spark happens to add
    // them in, and the same corpus must give the same index on every run
    Column meanShare = avg(col(Col.ARTICLE_SHARE).cast("decimal(38,18)")).over(allPeriods).cast("double");
    Column index = when(meanShare.gt(0), col(Col.ARTICLE_SHARE).multiply(100).divide(meanShare));

    List<Column> out = new ArrayList<>(groupKeys);
    out.addAll(
        List.of(
            col(Col.ARTICLE_COUNT),
            col(Col.MENTION_COUNT),
            col(Col.TOTAL_ARTICLES),
            col(Col.TOTAL_CHARS),
            col(Col.ARTICLE_SHARE),
            col(Col.MENTIONS_PER_10K_CHARS),
            col(Col.INDEX)));
    return counts
        .withColumn(Col.ARTICLE_SHARE, share)
        .withColumn(Col.MENTIONS_PER_10K_CHARS, per10k)
        .withColumn(Col.INDEX, index)
        .select(out.toArray(Column[]::new));
  }
}
