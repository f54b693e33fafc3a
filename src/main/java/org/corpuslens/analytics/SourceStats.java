package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuslens.ingest.DateKind;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Per-source statistics: volume, time span, activity, text length, editors, rejects, crawl-time
 * dates and each topic's article share. Sources that only have rejects appear with zero articles.
 */
public final class SourceStats {
  /** Texts shorter than this many characters count as short. */
  public static final int SHORT_TEXT_CHARS = 50;

  private SourceStats() {}

  /**
   * @param allArticles needs source, published_at, published_date, char_count, editor, date_kind,
   *     duplicate_of, and text or {@link Col#TOPIC_MENTIONS} (counted with the same lexicon); duplicates are counted in {@code duplicate_count} and, unless {@code
   *     keepDuplicates}, left out of every other figure
   * @param rejects needs source (nullable; rejects without a known source are not attributed)
   */
  public static Dataset<Row> compute(
      Dataset<Row> allArticles, Dataset<Row> rejects, TopicLexicon lexicon, boolean keepDuplicates) {
    Schemas.requireColumns(allArticles, "articles", Col.SOURCE, Col.PUBLISHED_AT, Col.PUBLISHED_DATE, Col.CHAR_COUNT,
        Col.EDITOR, Col.DATE_KIND, Col.DUPLICATE_OF);
    Schemas.requireColumns(rejects, "rejects", Col.SOURCE);
    Dataset<Row> articles = Duplicates.counted(TopicMentions.withCounts(allArticles, lexicon), keepDuplicates);
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as(Col.ARTICLE_COUNT));
    aggs.add(min(col(Col.PUBLISHED_AT)).as(Col.FIRST_PUBLISHED_AT));
    aggs.add(max(col(Col.PUBLISHED_AT)).as(Col.LAST_PUBLISHED_AT));
    aggs.add(count_distinct(col(Col.PUBLISHED_DATE)).as(Col.ACTIVE_DAYS));
    aggs.add(avg(col(Col.CHAR_COUNT)).as(Col.CHAR_COUNT_MEAN));
    aggs.add(percentile(col(Col.CHAR_COUNT), lit(0.5)).as(Col.CHAR_COUNT_MEDIAN));
    aggs.add(percentile(col(Col.CHAR_COUNT), lit(0.9)).as(Col.CHAR_COUNT_P90));
    aggs.add(
        sum(when(col(Col.CHAR_COUNT).lt(SHORT_TEXT_CHARS), 1L).otherwise(0L))
            .as(Col.SHORT_TEXT_COUNT));
    aggs.add(count_distinct(col(Col.EDITOR)).as(Col.DISTINCT_EDITORS));
    aggs.add(mode(col(Col.EDITOR), true).as(Col.TOP_EDITOR));
    aggs.add(
        sum(when(col(Col.DATE_KIND).equalTo(DateKind.CRAWLED.columnValue()), 1L).otherwise(0L))
            .as(Col.CRAWL_DATE_COUNT));
    List<Column> shareEntries = new ArrayList<>();
    List<Topic> topics = lexicon.topics();
    for (int i = 0; i < topics.size(); i++) {
      String flag = "topic_" + i;
      aggs.add(sum(when(TopicMentions.count(i).gt(0), 1L).otherwise(0L)).as(flag));
      shareEntries.add(lit(topics.get(i).name()));
      shareEntries.add(col(flag).cast("double").divide(col(Col.ARTICLE_COUNT)));
    }

    Dataset<Row> perSource =
        articles
            .groupBy(col(Col.SOURCE))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
            .withColumn(Col.ARTICLES_PER_ACTIVE_DAY, col(Col.ARTICLE_COUNT).cast("double").divide(col(Col.ACTIVE_DAYS)))
            .withColumn(Col.TOPIC_ARTICLE_SHARE, map(shareEntries.toArray(Column[]::new)));

    Dataset<Row> rejectCounts =
        rejects
            .where(col(Col.SOURCE).isNotNull())
            .groupBy(col(Col.SOURCE))
            .agg(count(lit(1)).as(Col.REJECT_COUNT));

    Dataset<Row> duplicateCounts =
        allArticles
            .groupBy(col(Col.SOURCE))
            .agg(sum(when(col(Col.DUPLICATE_OF).isNotNull(), 1L).otherwise(0L)).as(Col.DUPLICATE_COUNT));

    return perSource
        .join(duplicateCounts, new String[] {Col.SOURCE}, "full_outer")
        .join(rejectCounts, new String[] {Col.SOURCE}, "full_outer")
        .select(
            col(Col.SOURCE),
            coalesce(col(Col.ARTICLE_COUNT), lit(0L)).as(Col.ARTICLE_COUNT),
            col(Col.FIRST_PUBLISHED_AT),
            col(Col.LAST_PUBLISHED_AT),
            coalesce(col(Col.ACTIVE_DAYS), lit(0L)).as(Col.ACTIVE_DAYS),
            col(Col.ARTICLES_PER_ACTIVE_DAY),
            col(Col.CHAR_COUNT_MEAN),
            col(Col.CHAR_COUNT_MEDIAN),
            col(Col.CHAR_COUNT_P90),
            coalesce(col(Col.SHORT_TEXT_COUNT), lit(0L)).as(Col.SHORT_TEXT_COUNT),
            coalesce(col(Col.DISTINCT_EDITORS), lit(0L)).as(Col.DISTINCT_EDITORS),
            col(Col.TOP_EDITOR),
            coalesce(col(Col.REJECT_COUNT), lit(0L)).as(Col.REJECT_COUNT),
            coalesce(col(Col.CRAWL_DATE_COUNT), lit(0L)).as(Col.CRAWL_DATE_COUNT),
            coalesce(col(Col.DUPLICATE_COUNT), lit(0L)).as(Col.DUPLICATE_COUNT),
            col(Col.TOPIC_ARTICLE_SHARE));
  }
}
