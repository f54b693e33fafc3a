package org.corpuslens.jobs;

import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.corpuslens.analytics.ArticleDates;
import org.corpuslens.analytics.Duplicates;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.analytics.SourceStats;
import org.corpuslens.analytics.TermFrequencies;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.analytics.TopicMentions;
import org.corpuslens.analytics.TopicTrends;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.tables.Col;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of a run: {@code articles} and {@code rejects} to the analytic tables. Periods
 * are recomputed from {@code published_at} with this run's zone and grain, and topics are counted
 * on the stored text, so a user can re-run it with another lexicon or period without re-reading
 * and re-segmenting the archive.
 */
public final class AnalyzeJob {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeJob.class);

  /** Everything the analyze stage needs, validated on the driver. */
  public record Plan(
      String tables, String output, TopicLexicon lexicon, ZoneId zone, PeriodGrain grain, boolean keepDuplicates) {}

  /** The article columns the trends and source statistics need (text only to count mentions). */
  private static final List<String> PER_ARTICLE =
      List.of(Col.SOURCE, Col.PUBLISHED_AT, Col.PUBLISHED_DATE, Col.PERIOD, Col.CHAR_COUNT, Col.EDITOR,
          Col.DATE_KIND, Col.DUPLICATE_OF, Col.TEXT);

  private AnalyzeJob() {}

  private static void timed(SparkSession spark, String table, Runnable write) {
    long t0 = System.nanoTime();
    spark.sparkContext().setJobDescription(table);
    try {
      write.run();
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    LOG.info("analyze: {} written in {} s", table, String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
  }

  public static void run(SparkSession spark, Plan plan) {
    Dataset<Row> allArticles =
        ArticleDates.withDates(
            ParquetTables.read(spark, plan.tables(), ParquetTables.ARTICLES).drop(Col.YEAR),
            plan.zone(),
            plan.grain());
    Dataset<Row> rejects = ParquetTables.read(spark, plan.tables(), ParquetTables.REJECTS);

    // the tokens are read once, by term_frequencies; the text once, here, for all topic counts:
    // trends and source statistics then share this small per-article projection
    Dataset<Row> perArticle =
        TopicMentions.withCounts(allArticles.select(ExtractJob.columns(PER_ARTICLE)), plan.lexicon())
            .drop(Col.TEXT)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      timed(spark, "term_frequencies", () -> ParquetTables.write(
          TermFrequencies.compute(Duplicates.counted(allArticles, plan.keepDuplicates())),
          plan.output(),
          ParquetTables.TERM_FREQUENCIES));
      Dataset<Row> articles = Duplicates.counted(perArticle, plan.keepDuplicates());
      timed(spark, "topic_trends", () -> ParquetTables.writeSmall(
          TopicTrends.overall(articles, plan.lexicon()), plan.output(), ParquetTables.TOPIC_TRENDS));
      timed(spark, "topic_trends_by_source", () -> ParquetTables.write(
          TopicTrends.bySource(articles, plan.lexicon()), plan.output(), ParquetTables.TOPIC_TRENDS_BY_SOURCE));
      timed(spark, "source_stats", () -> ParquetTables.writeSmall(
          SourceStats.compute(perArticle, rejects, plan.lexicon(), plan.keepDuplicates()),
          plan.output(),
          ParquetTables.SOURCE_STATS));
    } finally {
      perArticle.unpersist();
    }
    LOG.info(
        "analyze: wrote {}, {}, {}, {} under {} ({} topics, period {}, zone {}, duplicates {})",
        ParquetTables.TERM_FREQUENCIES,
        ParquetTables.TOPIC_TRENDS,
        ParquetTables.TOPIC_TRENDS_BY_SOURCE,
        ParquetTables.SOURCE_STATS,
        plan.output(),
        plan.lexicon().topics().size(),
        plan.grain().columnValue(),
        plan.zone(),
        plan.keepDuplicates() ? "kept" : "excluded");
  }
}
