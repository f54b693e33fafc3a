package org.corpuslens.jobs;

import java.time.ZoneId;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.analytics.ArticleDates;
import org.corpuslens.analytics.Duplicates;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.analytics.SourceStats;
import org.corpuslens.analytics.TermFrequencies;
import org.corpuslens.analytics.TopicLexicon;
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

  private AnalyzeJob() {}

  private static void timed(String table, Runnable write) {
    long t0 = System.nanoTime();
    write.run();
    LOG.info("analyze: {} written in {} s", table, String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
  }

  public static void run(SparkSession spark, Plan plan) {
    Dataset<Row> allArticles =
        ArticleDates.withDates(
            ParquetTables.read(spark, plan.tables(), ParquetTables.ARTICLES).drop(Col.YEAR),
            plan.zone(),
            plan.grain());
    Dataset<Row> articles = Duplicates.counted(allArticles, plan.keepDuplicates());
    Dataset<Row> rejects = ParquetTables.read(spark, plan.tables(), ParquetTables.REJECTS);

    timed("term_frequencies", () -> ParquetTables.write(TermFrequencies.compute(articles), plan.output(), ParquetTables.TERM_FREQUENCIES));
    timed("topic_trends", () -> ParquetTables.writeSmall(TopicTrends.overall(articles, plan.lexicon()), plan.output(), ParquetTables.TOPIC_TRENDS));
    timed("topic_trends_by_source", () -> ParquetTables.write(
        TopicTrends.bySource(articles, plan.lexicon()), plan.output(), ParquetTables.TOPIC_TRENDS_BY_SOURCE));
    timed("source_stats", () -> ParquetTables.writeSmall(
        SourceStats.compute(allArticles, rejects, plan.lexicon(), plan.keepDuplicates()),
        plan.output(),
        ParquetTables.SOURCE_STATS));
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
