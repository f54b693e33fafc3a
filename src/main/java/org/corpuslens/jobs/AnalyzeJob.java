package org.corpuslens.jobs;

import static org.apache.spark.sql.functions.col;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.corpuslens.analytics.ArticleDates;
import org.corpuslens.analytics.Duplicates;
import org.corpuslens.analytics.NewTerms;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.analytics.SourceStats;
import org.corpuslens.analytics.Syndication;
import org.corpuslens.analytics.TermKeyness;
import org.corpuslens.analytics.TopicIndex;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.analytics.TopicMentions;
import org.corpuslens.analytics.TopicTrends;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.segment.KnownWords;
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
      String tables,
      String output,
      TopicLexicon lexicon,
      ZoneId zone,
      PeriodGrain grain,
      boolean keepDuplicates,
      TopicIndex.Settings index,
      TermSettings terms) {
    /** A plan with the default index and term settings. */
    public Plan(String tables, String output, TopicLexicon lexicon, ZoneId zone, PeriodGrain grain, boolean keepDuplicates) {
      this(tables, output, lexicon, zone, grain, keepDuplicates, TopicIndex.Settings.defaults(), TermSettings.DEFAULTS);
    }

    /** The same plan writing to another directory. */
    public Plan writingTo(String dir) {
      return new Plan(tables, dir, lexicon, zone, grain, keepDuplicates, index, terms);
    }
  }

  /**
   * Settings of the term tables.
   *
   * @param minTermCount {@code term_frequencies} keeps rows with at least this many occurrences
   * @param keyness settings of {@code term_keyness}
   * @param changes settings of {@code term_changes}
   * @param newTerms settings of {@code new_terms}, or null not to compute it (no table, no word list)
   * @param userWords the --user-dictionary's words: known, so never new terms
   */
  public record TermSettings(
      long minTermCount, TermKeyness.Settings keyness, TermKeyness.ChangeSettings changes, NewTerms.Settings newTerms,
      List<String> userWords) {
    public static final TermSettings DEFAULTS =
        new TermSettings(1, TermKeyness.Settings.DEFAULTS, TermKeyness.ChangeSettings.DEFAULTS);

    public TermSettings {
      userWords = List.copyOf(userWords);
    }

    /** Default new-term settings, no user dictionary. */
    public TermSettings(long minTermCount, TermKeyness.Settings keyness, TermKeyness.ChangeSettings changes) {
      this(minTermCount, keyness, changes, NewTerms.Settings.DEFAULTS, List.of());
    }

    /** Default keyness, change and new-term settings. */
    public TermSettings(long minTermCount) {
      this(minTermCount, TermKeyness.Settings.DEFAULTS, TermKeyness.ChangeSettings.DEFAULTS);
    }

    /** The same settings with these user-dictionary words. */
    public TermSettings withUserWords(List<String> words) {
      return new TermSettings(minTermCount, keyness, changes, newTerms, words);
    }
  }

  /** The article columns the trends and source statistics need (title and text only to match topics). */
  private static final List<String> PER_ARTICLE =
      List.of(Col.ARTICLE_ID, Col.SOURCE, Col.PUBLISHED_AT, Col.PUBLISHED_DATE, Col.PERIOD, Col.CHAR_COUNT, Col.EDITOR,
          Col.DATE_KIND, Col.DUPLICATE_OF, Col.TITLE, Col.TEXT);

  private AnalyzeJob() {}

  static void timed(SparkSession spark, String table, Runnable write) {
    long t0 = System.nanoTime();
    spark.sparkContext().setJobDescription(table);
    try {
      write.run();
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    LOG.info("analyze: {} written in {} s", table, String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
  }

  /**
   * Runs the analyze stage.
   *
   * @return facts for the run summary: per table what was kept and dropped
   */
  public static Map<String, Object> run(SparkSession spark, Plan plan) {
    return run(spark, plan, null);
  }

  /**
   * Runs the analyze stage of a run that only added articles to {@code previousOutput} (its
   * tables carried over into {@code plan.tables()}, the new articles in files of their own): the
   * term tables are updated from the previous output's stored counts ({@link TermTables}). Null:
   * every table from every article.
   *
   * @return facts for the run summary: per table what was kept and dropped
   */
  public static Map<String, Object> run(SparkSession spark, Plan plan, String previousOutput) {
    Map<String, Object> facts = new LinkedHashMap<>();
    Dataset<Row> allArticles =
        ArticleDates.withDates(
            ParquetTables.read(spark, plan.tables(), ParquetTables.ARTICLES).drop(Col.YEAR),
            plan.zone(),
            plan.grain());
    Dataset<Row> rejects = ParquetTables.read(spark, plan.tables(), ParquetTables.REJECTS);

    // the tokens are read once, by term_frequencies; the title and text once, here, for all topic
    // rules and the mentions they count: trends, index, mentions and source statistics then share
    // this small per-article projection
    Dataset<Row> newArticles = previousOutput == null ? null
        : ArticleDates.withDates(newArticles(spark, plan.tables(), previousOutput).drop(Col.YEAR), plan.zone(), plan.grain());
    // an update that only added articles matches the topics in its new articles only: the earlier
    // articles' matches are stored (their counts in _article_topics, their mentions in topic_mentions)
    boolean topicsStored = previousOutput != null && topicsStored(spark, plan, previousOutput);
    Dataset<Row> perArticle = topicsStored
        ? perArticle(spark, plan, previousOutput, newArticles)
        : TopicMentions.withMatches(allArticles.select(ExtractJob.columns(PER_ARTICLE)), plan.lexicon())
            .drop(Col.TITLE, Col.TEXT)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> countedArticles = Duplicates.counted(allArticles, plan.keepDuplicates());
      try {
        Map<String, Object> termFacts = TermTables.write(spark, plan, countedArticles, previousOutput, newArticles);
        facts.putAll(termFacts);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot write the term tables under " + plan.output(), e);
      }
      List<String> lexiconWords = plan.lexicon().allKeywords();
      NewTerms.Settings nt = plan.terms().newTerms();
      if (nt == null) {
        // not asked for: no table (nor one left by an earlier analysis of these tables)
        try {
          ParquetTables.delete(spark, plan.output(), ParquetTables.NEW_TERMS);
          ParquetTables.delete(spark, plan.output(), ParquetTables.NEW_TERMS_WORD_LIST);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot remove an earlier new_terms under " + plan.output(), e);
        }
        facts.put(ParquetTables.NEW_TERMS, new LinkedHashMap<>(Map.of("computed", false)));
      } else {
        List<String> knownWords = new java.util.ArrayList<>(lexiconWords);
        knownWords.addAll(plan.terms().userWords());
        List<Dataset<Row>> newTermPasses = new java.util.ArrayList<>();
        try {
          spark.sparkContext().setJobDescription(ParquetTables.NEW_TERMS);
          Dataset<Row> newTerms = NewTerms.compute(countedArticles, nt, new KnownWords(knownWords), newTermPasses);
          timed(spark, "new_terms", () -> ParquetTables.writeSmall(newTerms, plan.output(), ParquetTables.NEW_TERMS));
        } finally {
          newTermPasses.forEach(Dataset::unpersist);
        }
        timed(spark, "new_terms.txt", () -> writeWordList(spark, plan.output(), nt.top()));
        Map<String, Object> ntFacts = new LinkedHashMap<>();
        ntFacts.put("computed", true);
        ntFacts.putAll(Map.of("min_count", nt.minCount(), "min_docs", nt.minDocs(), "min_cohesion", nt.minCohesion(),
            "min_entropy", nt.minEntropy(), "max_length", nt.maxLength(), "max_chars", nt.maxChars(),
            "sample", nt.sample(), "top", nt.top(), "user_words", plan.terms().userWords().size()));
        facts.put(ParquetTables.NEW_TERMS, ntFacts);
      }
      TermKeyness.Settings k = plan.terms().keyness();
      facts.put(ParquetTables.TERM_KEYNESS, new LinkedHashMap<>(Map.of(
          "window", k.window(), "min_count", k.minCount(), "min_docs", k.minDocs(), "top", k.top(),
          "min_log_likelihood", k.minLogLikelihood())));
      TermKeyness.ChangeSettings ch = plan.terms().changes();
      facts.put(ParquetTables.TERM_CHANGES, new LinkedHashMap<>(Map.of(
          "window", ch.window(), "min_count", ch.minCount(), "top", ch.top(), "min_log_likelihood", ch.minLogLikelihood())));
      Dataset<Row> counted = Duplicates.counted(perArticle, plan.keepDuplicates());
      if (!topicsStored) {
        timed(spark, "topic_mentions", () -> ParquetTables.write(
            TopicMentions.mentionRows(counted), plan.output(), ParquetTables.TOPIC_MENTIONS));
        timed(spark, ParquetTables.ARTICLE_TOPICS, () -> ParquetTables.write(
            perArticle.drop(Col.TOPIC_MATCHES), plan.output(), ParquetTables.ARTICLE_TOPICS));
      }
      Dataset<Row> articles = counted.drop(Col.TOPIC_MATCHES);
      timed(spark, "topic_index", () -> ParquetTables.writeSmall(
          TopicIndex.compute(articles, plan.lexicon(), plan.grain(), plan.index()), plan.output(),
          ParquetTables.TOPIC_INDEX));
      timed(spark, "topic_trends", () -> ParquetTables.writeSmall(
          TopicTrends.overall(articles, plan.lexicon()), plan.output(), ParquetTables.TOPIC_TRENDS));
      timed(spark, "topic_trends_by_source", () -> ParquetTables.write(
          TopicTrends.bySource(articles, plan.lexicon()), plan.output(), ParquetTables.TOPIC_TRENDS_BY_SOURCE));
      timed(spark, "source_stats", () -> ParquetTables.writeSmall(
          SourceStats.compute(perArticle.drop(Col.TOPIC_MATCHES), rejects, plan.lexicon(), plan.keepDuplicates()),
          plan.output(),
          ParquetTables.SOURCE_STATS));
      timed(spark, "syndication", () -> ParquetTables.writeSmall(
          Syndication.compute(allArticles), plan.output(), ParquetTables.SYNDICATION));
    } finally {
      perArticle.unpersist();
    }
    LOG.info(
        "analyze: wrote {} under {} ({} topics, period {}, zone {}, duplicates {})",
        String.join(", ", ParquetTables.TERM_FREQUENCIES, ParquetTables.TERM_KEYNESS, ParquetTables.TERM_CHANGES,
            ParquetTables.NEW_TERMS,
            ParquetTables.TOPIC_MENTIONS, ParquetTables.TOPIC_INDEX, ParquetTables.TOPIC_TRENDS,
            ParquetTables.TOPIC_TRENDS_BY_SOURCE, ParquetTables.SOURCE_STATS, ParquetTables.SYNDICATION),
        plan.output(),
        plan.lexicon().topics().size(),
        plan.grain().columnValue(),
        plan.zone(),
        plan.keepDuplicates() ? "kept" : "excluded");
    return facts;
  }

  /**
   * Whether the previous output's topic matches can be taken over: stored, and made with the
   * settings of this run (those of the term tables: zone, period, lexicon, duplicates).
   */
  private static boolean topicsStored(SparkSession spark, Plan plan, String previousOutput) {
    try {
      return TermTables.obstacle(spark.sparkContext().hadoopConfiguration(), previousOutput, TermTables.settingsLine(plan)) == null
          && ParquetTables.exists(spark, previousOutput, ParquetTables.ARTICLE_TOPICS)
          && ParquetTables.exists(spark, previousOutput, ParquetTables.TOPIC_MENTIONS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the earlier output " + previousOutput, e);
    }
  }

  /**
   * An update's per-article projection with topic counts: the stored rows of the earlier articles
   * and the new articles' (matched here), whose counts and mentions are written as files of their
   * own beside the earlier files, carried over. The earlier texts are not read.
   */
  private static Dataset<Row> perArticle(SparkSession spark, Plan plan, String previousOutput, Dataset<Row> newArticles) {
    Dataset<Row> fresh = TopicMentions.withMatches(newArticles.select(ExtractJob.columns(PER_ARTICLE)), plan.lexicon())
        .drop(Col.TITLE, Col.TEXT)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      timed(spark, "topic_mentions", () -> ParquetTables.writeSmall(
          TopicMentions.mentionRows(Duplicates.counted(fresh, plan.keepDuplicates())), plan.output(),
          ParquetTables.TOPIC_MENTIONS));
      timed(spark, ParquetTables.ARTICLE_TOPICS, () -> ParquetTables.writeSmall(
          fresh.drop(Col.TOPIC_MATCHES), plan.output(), ParquetTables.ARTICLE_TOPICS));
      org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
      long carried = ParquetTables.carryOver(conf, previousOutput, plan.output(), ParquetTables.TOPIC_MENTIONS)
          + ParquetTables.carryOver(conf, previousOutput, plan.output(), ParquetTables.ARTICLE_TOPICS);
      LOG.info("incremental run: topics matched in the new articles only; {} files of the earlier matches carried over",
          carried);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot carry the topic matches over from " + previousOutput, e);
    } finally {
      fresh.unpersist();
    }
    // the mention rows are written: the tables below need the counts only
    return ParquetTables.read(spark, plan.output(), ParquetTables.ARTICLE_TOPICS).persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * The articles of {@code tables} in files the previous output's {@code articles} lacks: an
   * update's new articles (the earlier files are carried over under the same names).
   */
  static Dataset<Row> newArticles(SparkSession spark, String tables, String previousOutput) {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      java.util.Set<String> before = new java.util.HashSet<>(ParquetTables.dataFileNames(conf, previousOutput, ParquetTables.ARTICLES));
      List<String> paths = new java.util.ArrayList<>();
      for (String rel : ParquetTables.dataFileNames(conf, tables, ParquetTables.ARTICLES)) {
        if (!before.contains(rel)) {
          paths.add(ParquetTables.path(ParquetTables.path(tables, ParquetTables.ARTICLES), rel));
        }
      }
      Dataset<Row> all = ParquetTables.read(spark, tables, ParquetTables.ARTICLES);
      if (paths.isEmpty()) {
        return all.limit(0);
      }
      return spark.read().schema(all.schema()).option("basePath", ParquetTables.path(tables, ParquetTables.ARTICLES))
          .parquet(paths.toArray(String[]::new));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list the articles under " + tables, e);
    }
  }

  /** new_terms.txt: the terms of the new_terms just written, one a line, by rank. */
  private static void writeWordList(SparkSession spark, String output, int top) {
    Dataset<Row> words = ParquetTables.read(spark, output, ParquetTables.NEW_TERMS)
        .where(col(Col.PERIOD).equalTo(col(Col.FIRST_PERIOD)))
        .select(col(Col.TERM), col(Col.RANK))
        .orderBy(col(Col.RANK))
        .select(col(Col.TERM));
    try {
      ParquetTables.writeWordList(spark, words, top, output, ParquetTables.NEW_TERMS_WORD_LIST);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + ParquetTables.NEW_TERMS_WORD_LIST + " under " + output, e);
    }
  }
}
