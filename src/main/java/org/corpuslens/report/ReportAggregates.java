package org.corpuslens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * The small aggregates the report shows, computed with Spark from the analytic tables (never from
 * the articles' text). Periods and dates come out as ISO strings ({@code yyyy-MM-dd}) so that the
 * driver never converts dates through a JVM time zone. Requires the Spark session time zone to be
 * UTC, as every CorpusLens session has it.
 */
public final class ReportAggregates {
  /** Column of {@link #topTerms}: the term's rank in its period, 1 = most frequent. */
  public static final String RANK = "rank";
  /** Column of {@link #topTerms}: all terms of the period, every source together. */
  public static final String PERIOD_TOKENS = "period_tokens";
  /** Column of {@link #topTerms}: {@code count / period_tokens}. */
  public static final String SHARE = "share";
  /** Columns of {@link #sources}: local dates of the first and last article. */
  public static final String FIRST_DATE = "first_date";
  public static final String LAST_DATE = "last_date";
  /**
   * Optional column of {@code source_stats}: exact duplicates per source. Shown when the table has
   * it (a later pipeline version adds it); absent today.
   */
  public static final String DUPLICATE_COUNT = "duplicate_count";

  private ReportAggregates() {}

  private static Column isoDate(Column date) {
    return date.cast("string");
  }

  /**
   * The {@code n} most frequent terms of each period, all sources together: one row per (period,
   * rank) with period (string), rank, term, count, period_tokens and share; ties broken by the
   * term, alphabetically. The denominator is the period's tokens over all sources (the sum of the
   * distinct {@code period_source_tokens}), so a share is what the README calls a term's share.
   */
  public static Dataset<Row> topTerms(Dataset<Row> termFrequencies, int n) {
    Schemas.requireColumns(
        termFrequencies, "term_frequencies", Col.PERIOD, Col.SOURCE, Col.TERM, Col.COUNT, Col.PERIOD_SOURCE_TOKENS);
    Dataset<Row> periodTokens =
        termFrequencies
            .groupBy(Col.PERIOD, Col.SOURCE)
            .agg(max(col(Col.PERIOD_SOURCE_TOKENS)).as(Col.PERIOD_SOURCE_TOKENS))
            .groupBy(Col.PERIOD)
            .agg(sum(col(Col.PERIOD_SOURCE_TOKENS)).as(PERIOD_TOKENS));
    Dataset<Row> perTerm =
        termFrequencies.groupBy(Col.PERIOD, Col.TERM).agg(sum(col(Col.COUNT)).as(Col.COUNT));
    return perTerm
        .withColumn(
            RANK,
            row_number().over(Window.partitionBy(Col.PERIOD).orderBy(col(Col.COUNT).desc(), col(Col.TERM).asc())))
        .where(col(RANK).leq(n))
        .join(periodTokens, Col.PERIOD)
        .select(
            isoDate(col(Col.PERIOD)).as(Col.PERIOD),
            col(RANK),
            col(Col.TERM),
            col(Col.COUNT),
            col(PERIOD_TOKENS),
            col(Col.COUNT).cast("double").divide(col(PERIOD_TOKENS)).as(SHARE))
        .orderBy(col(Col.PERIOD), col(RANK));
  }

  /** Rejected files per reason, most frequent first (ties: by reason): reason, count. */
  public static Dataset<Row> rejectsByReason(Dataset<Row> rejects) {
    Schemas.requireColumns(rejects, "rejects", Col.REASON);
    return rejects
        .groupBy(Col.REASON)
        .agg(count(lit(1)).as(Col.COUNT))
        .orderBy(col(Col.COUNT).desc(), col(Col.REASON).asc());
  }

  /**
   * The trend rows of {@code topic_trends} (or of {@code topic_trends_by_source}, with source),
   * period as a string, ordered by period (and source) and topic.
   */
  public static Dataset<Row> trends(Dataset<Row> topicTrends, boolean bySource) {
    List<String> keys = bySource ? List.of(Col.PERIOD, Col.SOURCE, Col.TOPIC) : List.of(Col.PERIOD, Col.TOPIC);
    List<String> required = new ArrayList<>(keys);
    required.addAll(List.of(Col.ARTICLE_COUNT, Col.MENTION_COUNT, Col.TOTAL_ARTICLES, Col.ARTICLE_SHARE, Col.INDEX));
    Schemas.requireColumns(topicTrends, bySource ? "topic_trends_by_source" : "topic_trends", required.toArray(String[]::new));
    List<Column> select = new ArrayList<>();
    select.add(isoDate(col(Col.PERIOD)).as(Col.PERIOD));
    if (bySource) {
      select.add(col(Col.SOURCE));
    }
    for (String c : Arrays.asList(Col.TOPIC, Col.ARTICLE_COUNT, Col.MENTION_COUNT, Col.TOTAL_ARTICLES, Col.ARTICLE_SHARE, Col.INDEX)) {
      select.add(col(c));
    }
    return topicTrends
        .select(select.toArray(Column[]::new))
        .orderBy(keys.stream().map(k -> col(k)).toArray(Column[]::new));
  }

  /**
   * Sources ranked by their articles in {@code topic_trends_by_source} (the sum of one topic's
   * {@code total_articles} over the periods), most first (ties: by name): source, article_count.
   */
  public static Dataset<Row> chartSources(Dataset<Row> topicTrendsBySource) {
    Schemas.requireColumns(topicTrendsBySource, "topic_trends_by_source", Col.PERIOD, Col.SOURCE, Col.TOTAL_ARTICLES);
    return topicTrendsBySource
        .groupBy(Col.PERIOD, Col.SOURCE)
        .agg(max(col(Col.TOTAL_ARTICLES)).as(Col.TOTAL_ARTICLES))
        .groupBy(Col.SOURCE)
        .agg(sum(col(Col.TOTAL_ARTICLES)).as(Col.ARTICLE_COUNT))
        .orderBy(col(Col.ARTICLE_COUNT).desc(), col(Col.SOURCE).asc());
  }

  /**
   * The rows of the source table: source, article_count, first_date and last_date (local dates in
   * {@code zone} of the first and last {@code published_at}; null without articles), active_days,
   * char_count_mean, char_count_median, reject_count, topic_article_share and, when the table has
   * it, duplicate_count; most articles first (ties: by name).
   */
  public static Dataset<Row> sources(Dataset<Row> sourceStats, ZoneId zone) {
    Schemas.requireColumns(
        sourceStats, "source_stats", Col.SOURCE, Col.ARTICLE_COUNT, Col.FIRST_PUBLISHED_AT, Col.LAST_PUBLISHED_AT,
        Col.ACTIVE_DAYS, Col.CHAR_COUNT_MEAN, Col.CHAR_COUNT_MEDIAN, Col.REJECT_COUNT, Col.TOPIC_ARTICLE_SHARE);
    List<Column> select = new ArrayList<>(List.of(
        col(Col.SOURCE),
        col(Col.ARTICLE_COUNT),
        isoDate(PeriodGrain.localDate(col(Col.FIRST_PUBLISHED_AT), zone)).as(FIRST_DATE),
        isoDate(PeriodGrain.localDate(col(Col.LAST_PUBLISHED_AT), zone)).as(LAST_DATE),
        col(Col.ACTIVE_DAYS),
        col(Col.CHAR_COUNT_MEAN).cast("double").as(Col.CHAR_COUNT_MEAN),
        col(Col.CHAR_COUNT_MEDIAN).cast("double").as(Col.CHAR_COUNT_MEDIAN),
        col(Col.REJECT_COUNT),
        col(Col.TOPIC_ARTICLE_SHARE)));
    if (Arrays.asList(sourceStats.columns()).contains(DUPLICATE_COUNT)) {
      select.add(col(DUPLICATE_COUNT).cast("long").as(DUPLICATE_COUNT));
    }
    return sourceStats
        .select(select.toArray(Column[]::new))
        .orderBy(col(Col.ARTICLE_COUNT).desc(), col(Col.SOURCE).asc_nulls_last());
  }

  /**
   * The {@code perTopic} most recent articles of each topic in topic_mentions, one mention each
   * (its first in the text, else in the title): topic, published_at, source, term, snippet. Latest
   * first; ties by article id.
   */
  public static Dataset<Row> recentSnippets(Dataset<Row> topicMentions, int perTopic) {
    Schemas.requireColumns(topicMentions, "topic_mentions", Col.TOPIC, Col.ARTICLE_ID, Col.PUBLISHED_AT, Col.SOURCE,
        Col.FIELD, Col.OFFSET, Col.TERM, Col.SNIPPET);
    Dataset<Row> firstPerArticle = topicMentions
        .withColumn("_k", row_number().over(Window.partitionBy(col(Col.TOPIC), col(Col.ARTICLE_ID))
            .orderBy(col(Col.FIELD).desc(), col(Col.OFFSET))))
        .where(col("_k").equalTo(1));
    return firstPerArticle
        .withColumn(RANK, row_number().over(Window.partitionBy(col(Col.TOPIC))
            .orderBy(col(Col.PUBLISHED_AT).desc(), col(Col.ARTICLE_ID))))
        .where(col(RANK).leq(perTopic))
        .select(col(Col.TOPIC), col(Col.PUBLISHED_AT), col(Col.SOURCE), col(Col.TERM), col(Col.SNIPPET), col(RANK))
        .orderBy(col(Col.TOPIC), col(RANK));
  }

  /**
   * The {@code n} most distinctive terms of each period (term_keyness rows of all sources and
   * articles, direction over, rank 1 to n): period (string), rank, term, count, reference_count,
   * log_ratio, log_likelihood, ordered by period and rank.
   */
  public static Dataset<Row> distinctiveTerms(Dataset<Row> keyness, int n) {
    Schemas.requireColumns(keyness, "term_keyness", Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM, Col.COUNT,
        Col.REFERENCE_COUNT, Col.LOG_RATIO, Col.LOG_LIKELIHOOD, Col.DIRECTION, Col.RANK);
    return keyness
        .where(col(Col.SOURCE).isNull().and(col(Col.TOPIC).isNull()).and(col(Col.DIRECTION).equalTo("over"))
            .and(col(Col.RANK).leq(n)))
        .select(isoDate(col(Col.PERIOD)).as(Col.PERIOD), col(Col.RANK), col(Col.TERM), col(Col.COUNT), col(Col.REFERENCE_COUNT),
            col(Col.LOG_RATIO), col(Col.LOG_LIKELIHOOD))
        .orderBy(col(Col.PERIOD), col(Col.RANK));
  }

  /**
   * The {@code n} most rising and most falling terms of each period (term_changes, rank 1 to n):
   * period (string), direction, rank, term, count, previous_count, log_ratio.
   */
  public static Dataset<Row> termChanges(Dataset<Row> changes, int n) {
    Schemas.requireColumns(changes, "term_changes", Col.PERIOD, Col.TERM, Col.COUNT, Col.PREVIOUS_COUNT, Col.LOG_RATIO,
        Col.DIRECTION, Col.RANK);
    return changes
        .where(col(Col.RANK).leq(n))
        .select(isoDate(col(Col.PERIOD)).as(Col.PERIOD), col(Col.DIRECTION), col(Col.RANK), col(Col.TERM), col(Col.COUNT),
            col(Col.PREVIOUS_COUNT), col(Col.LOG_RATIO))
        .orderBy(col(Col.PERIOD), col(Col.DIRECTION), col(Col.RANK));
  }

  /**
   * The {@code n} best new words of new_terms (rank 1 to n), one row each: rank, term, first_period
   * (string), total_count, total_doc_count, cohesion, the smaller neighbour entropy; by rank.
   */
  public static Dataset<Row> newTerms(Dataset<Row> newTerms, int n) {
    Schemas.requireColumns(newTerms, "new_terms", Col.PERIOD, Col.TERM, Col.RANK, Col.FIRST_PERIOD, Col.TOTAL_COUNT,
        Col.TOTAL_DOC_COUNT, Col.COHESION, Col.LEFT_ENTROPY, Col.RIGHT_ENTROPY);
    return newTerms
        .where(col(Col.RANK).leq(n).and(col(Col.PERIOD).equalTo(col(Col.FIRST_PERIOD))))
        .select(col(Col.RANK), col(Col.TERM), isoDate(col(Col.FIRST_PERIOD)).as(Col.FIRST_PERIOD), col(Col.TOTAL_COUNT),
            col(Col.TOTAL_DOC_COUNT), col(Col.COHESION),
            org.apache.spark.sql.functions.least(col(Col.LEFT_ENTROPY), col(Col.RIGHT_ENTROPY)).as("entropy"))
        .orderBy(col(Col.RANK));
  }
}
