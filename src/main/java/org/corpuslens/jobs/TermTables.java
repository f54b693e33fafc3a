package org.corpuslens.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.corpuslens.analytics.TermFrequencies;
import org.corpuslens.analytics.TermKeyness;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.tables.Col;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code term_frequencies}, {@code term_keyness} and {@code term_changes}, and the hidden tables
 * an update of them reads: computed from every counted article, or, in an incremental run that
 * only added articles, from the previous output's hidden tables plus the new articles' counts.
 *
 * <p>An update recounts only the periods of the months its new counted articles fall in (the
 * "touched" months: the tables are stored in files of one month's periods): their sums
 * per (period, source or topic, term, tag) are the stored ones plus the new articles' (so the
 * tag picked and the minimum count are those of the whole period), their {@code term_frequencies}
 * files are written again and the other periods' files carried over. {@code term_keyness} scores
 * every period against the rest of the corpus again (the rest changed) from the stored per-period
 * term sums, and the source and topic targets of the touched periods; the other periods' source
 * and topic rows compare within their period and are taken from the previous table. {@code
 * term_changes} is scored again for every period. The result equals a full run's.
 */
final class TermTables {
  private static final Logger LOG = LoggerFactory.getLogger(TermTables.class);

  /** The settings the stored term tables were made with, one line, beside them. */
  static final String SETTINGS_FILE = "_term_tables.txt";
  /** Bump when the hidden tables' layout changes: an older output is then recomputed. */
  private static final int LAYOUT = 1;
  private static final String TOPIC = "topic";

  /** How the term tables were made, for the run summary. */
  static final String RECOMPUTED = "recomputed from every article";
  static final String UPDATED = "updated for the periods with new articles";

  private TermTables() {}

  /**
   * Writes the three tables and the hidden ones under {@code plan.output()}.
   *
   * @param counted the counted articles with their periods (all of them)
   * @param previousOutput an output whose tables this run's only adds articles to (or null)
   * @param newArticles the articles this run added to it, with their periods (null with no previous output)
   * @return facts for the run summary
   */
  static Map<String, Object> write(
      SparkSession spark, AnalyzeJob.Plan plan, Dataset<Row> counted, String previousOutput, Dataset<Row> newArticles)
      throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String settings = settingsLine(plan);
    String obstacle = previousOutput == null ? "no previous output" : obstacle(conf, previousOutput, settings);
    Map<String, Object> facts = new LinkedHashMap<>();
    if (obstacle == null) {
      update(spark, plan, previousOutput, org.corpuslens.analytics.Duplicates.counted(newArticles, plan.keepDuplicates()),
          facts);
    } else {
      full(spark, plan, counted, facts);
      if (previousOutput != null) {
        LOG.info("incremental run: term tables recomputed from every article: {}", obstacle);
      }
    }
    Path file = new Path(ParquetTables.path(plan.output(), SETTINGS_FILE));
    try (java.io.OutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write((settings + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return facts;
  }

  /** What the stored tables depend on besides the articles (the lexicon, zone and period are in the manifest too). */
  static String settingsLine(AnalyzeJob.Plan plan) {
    return "layout=" + LAYOUT + " zone=" + plan.zone().getId() + " period=" + plan.grain().columnValue()
        + " lexicon=" + plan.lexicon().sha256() + " keep_duplicates=" + plan.keepDuplicates()
        + " min_term_count=" + plan.terms().minTermCount() + " keyness=" + plan.terms().keyness()
        + " changes=" + plan.terms().changes();
  }

  /** Why the previous output's term tables cannot be updated, or null when they can. */
  static String obstacle(Configuration conf, String previousOutput, String settings) throws IOException {
    Path file = new Path(ParquetTables.path(previousOutput, SETTINGS_FILE));
    FileSystem fs = file.getFileSystem(conf);
    if (!fs.exists(file)) {
      return "the previous output has no stored term counts (" + SETTINGS_FILE + ")";
    }
    String before;
    try (java.io.InputStream in = fs.open(file)) {
      before = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (!before.equals(settings)) {
      return "the term tables' settings changed (" + before + " -> " + settings + ")";
    }
    for (String t : List.of(ParquetTables.TERM_BAGS, ParquetTables.PERIOD_TERMS, ParquetTables.TERM_TOTALS,
        ParquetTables.TERM_FREQUENCIES, ParquetTables.TERM_KEYNESS)) {
      if (!fs.exists(new Path(ParquetTables.path(previousOutput, t)))) {
        return "the previous output lacks " + t;
      }
    }
    return null;
  }

  /** How many partitions a period's term rows are spread over: all partitions busy when periods are few. */
  private static int splits(SparkSession spark, Dataset<Row> totals) {
    int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    long periods = Math.max(1, totals.select(col(Col.PERIOD)).distinct().count());
    return (int) Math.max(1, partitions / periods);
  }

  private static void full(SparkSession spark, AnalyzeJob.Plan plan, Dataset<Row> counted, Map<String, Object> facts)
      throws IOException {
    List<String> lexiconWords = plan.lexicon().allKeywords();
    Dataset<Row> topicArticles = TermKeyness.topicArticles(counted, plan.lexicon());
    Dataset<Row> totals =
        totals(TermFrequencies.denominators(counted), TermFrequencies.denominators(topicArticles))
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> cached = new ArrayList<>(List.of(totals));
    try {
      AnalyzeJob.timed(spark, ParquetTables.TERM_TOTALS, () -> ParquetTables.writeSmall(totals, plan.output(),
          ParquetTables.TERM_TOTALS));
      int splits = splits(spark, totals);
      Dataset<Row> sourceBags = cache(cached, TermFrequencies.tagCounts(counted, splits));
      Dataset<Row> topicBags = cache(cached, TermFrequencies.tagCounts(topicArticles, splits));
      tables(spark, plan, sourceBags, topicBags, totals, null, null, lexiconWords, facts);
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  private static void update(
      SparkSession spark, AnalyzeJob.Plan plan, String previous, Dataset<Row> newCounted, Map<String, Object> facts)
      throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> lexiconWords = plan.lexicon().allKeywords();
    Set<String> touched = new HashSet<>();
    // the months of the new articles (a day's worth: one or two)
    for (Row r : newCounted.select(ParquetTables.periodTag(col(Col.PERIOD))).distinct().collectAsList()) {
      touched.add(r.getString(0));
    }
    LOG.info("incremental run: term tables recounted for the periods of {} month(s) with new counted articles: {}",
        touched.size(), touched);
    facts.put("months_recounted", touched.size());
    Dataset<Row> newTopicArticles = TermKeyness.topicArticles(newCounted, plan.lexicon());
    Dataset<Row> stored = ParquetTables.read(spark, previous, ParquetTables.TERM_TOTALS);
    Dataset<Row> totals =
        sumTotals(stored.unionByName(totals(TermFrequencies.denominators(newCounted),
            TermFrequencies.denominators(newTopicArticles))))
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> cached = new ArrayList<>(List.of(totals));
    try {
      AnalyzeJob.timed(spark, ParquetTables.TERM_TOTALS, () -> ParquetTables.writeSmall(totals, plan.output(),
          ParquetTables.TERM_TOTALS));
      int splits = splits(spark, totals.where(ParquetTables.periodTag(col(Col.PERIOD)).isin(touched.toArray())));
      List<String> bagFiles = ParquetTables.periodFiles(conf, previous, ParquetTables.TERM_BAGS, touched);
      Dataset<Row> storedBags = bagFiles.isEmpty() ? null : spark.read().parquet(bagFiles.toArray(String[]::new));
      Dataset<Row> sourceBags = cache(cached, TermFrequencies.merge(
          withStored(TermFrequencies.tagCounts(newCounted, 1), storedBags, false), splits));
      Dataset<Row> topicBags = cache(cached, TermFrequencies.merge(
          withStored(TermFrequencies.tagCounts(newTopicArticles, 1), storedBags, true), splits));
      Set<String> untouched = new HashSet<>();
      List<String> periodFiles = new ArrayList<>();
      for (String t : allTags(conf, previous)) {
        if (!touched.contains(t)) {
          untouched.add(t);
        }
      }
      periodFiles.addAll(ParquetTables.periodFiles(conf, previous, ParquetTables.PERIOD_TERMS, untouched));
      Dataset<Row> storedPeriodTerms = periodFiles.isEmpty() ? null : spark.read().parquet(periodFiles.toArray(String[]::new));
      tables(spark, plan, sourceBags, topicBags, totals, storedPeriodTerms, new Previous(previous, touched), lexiconWords,
          facts);
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** The previous output and the periods this update recounts. */
  private record Previous(String output, Set<String> touched) {}

  /** Every period tag of the previous output's stored per-period sums. */
  private static Set<String> allTags(Configuration conf, String previous) throws IOException {
    Path table = new Path(ParquetTables.path(previous, ParquetTables.PERIOD_TERMS));
    Set<String> tags = new HashSet<>();
    for (org.apache.hadoop.fs.FileStatus f : table.getFileSystem(conf).listStatus(table)) {
      String tag = ParquetTables.periodOfFile(f.getPath().getName());
      if (tag != null) {
        tags.add(tag);
      }
    }
    return tags;
  }

  /** The new articles' tag rows, with the stored ones of the same kind (source or topic) when there are any. */
  private static Dataset<Row> withStored(Dataset<Row> fresh, Dataset<Row> storedBags, boolean topic) {
    Dataset<Row> rows = fresh.drop(TermFrequencies.KEY);
    if (storedBags == null) {
      return rows;
    }
    Column kind = topic ? col(TOPIC) : not(col(TOPIC));
    return rows.unionByName(storedBags.where(kind).drop(TOPIC));
  }

  private static Dataset<Row> cache(List<Dataset<Row>> cached, Dataset<Row> d) {
    Dataset<Row> p = d.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(p);
    return p;
  }

  /** Per (period, source) and (period, topic) denominators in one table, a topic flag telling them apart. */
  private static Dataset<Row> totals(Dataset<Row> sources, Dataset<Row> topics) {
    return sources.withColumn(TOPIC, lit(false)).unionByName(topics.withColumn(TOPIC, lit(true)));
  }

  private static Dataset<Row> sumTotals(Dataset<Row> totals) {
    return totals
        .groupBy(col(Col.PERIOD), col(Col.SOURCE), col(TOPIC))
        .agg(
            sum(col(Col.PERIOD_SOURCE_TOKENS)).cast(DataTypes.LongType).as(Col.PERIOD_SOURCE_TOKENS),
            sum(col(Col.PERIOD_SOURCE_ARTICLES)).cast(DataTypes.LongType).as(Col.PERIOD_SOURCE_ARTICLES))
        .select(col(Col.PERIOD), col(Col.SOURCE), col(Col.PERIOD_SOURCE_TOKENS), col(Col.PERIOD_SOURCE_ARTICLES), col(TOPIC));
  }

  /**
   * Writes the tables from the (touched, in an update) periods' tag sums; {@code previous} null in
   * a full run, else the stored sums of the untouched periods are in {@code storedPeriodTerms}.
   */
  private static void tables(
      SparkSession spark,
      AnalyzeJob.Plan plan,
      Dataset<Row> sourceBags,
      Dataset<Row> topicBags,
      Dataset<Row> totals,
      Dataset<Row> storedPeriodTerms,
      Previous previous,
      List<String> lexiconWords,
      Map<String, Object> facts)
      throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    long minCount = plan.terms().minTermCount();
    AnalyzeJob.timed(spark, ParquetTables.TERM_BAGS, () -> writeByPeriod(
        sourceBags.drop(TermFrequencies.KEY).withColumn(TOPIC, lit(false))
            .unionByName(topicBags.drop(TermFrequencies.KEY).withColumn(TOPIC, lit(true))),
        plan.output(), ParquetTables.TERM_BAGS));
    Dataset<Row> sourceTotals = totals.where(not(col(TOPIC))).drop(TOPIC);
    Dataset<Row> topicTotals = totals.where(col(TOPIC)).drop(TOPIC);
    // every row of the (touched) periods, before the minimum count: the keyness reads them again
    Dataset<Row> termFrequencies = TermFrequencies.withDenominators(TermFrequencies.pick(sourceBags), sourceTotals);
    Observation tfRows = new Observation(ParquetTables.TERM_FREQUENCIES);
    AnalyzeJob.timed(spark, ParquetTables.TERM_FREQUENCIES, () -> writeByPeriod(
        TermFrequencies.atLeast(termFrequencies.observe(tfRows, count(lit(1)).as("rows"),
            sum(when(col(Col.COUNT).lt(minCount), 1L).otherwise(0L)).as("rows_dropped")), minCount),
        plan.output(), ParquetTables.TERM_FREQUENCIES));
    Map<String, Object> observed = observed(tfRows);
    // per period: its terms summed over the sources, and a row without a term holding its tokens and dropped rows
    Dataset<Row> periodTokens = TermKeyness.periodTokens(termFrequencies);
    Dataset<Row> withDropped = periodTokens.withColumn(Col.DOC_COUNT, lit(0L));
    if (minCount > 1) {
      Dataset<Row> dropped = termFrequencies.where(col(Col.COUNT).lt(minCount)).groupBy(col(Col.PERIOD))
          .agg(count(lit(1)).as(Col.DOC_COUNT));
      withDropped = periodTokens.join(dropped, new String[] {Col.PERIOD}, "left");
    }
    Dataset<Row> periodRows =
        withDropped.select(
            col(Col.PERIOD),
            lit(null).cast(DataTypes.StringType).as(Col.TERM),
            col(TermKeyness.PERIOD_TOKENS).cast(DataTypes.LongType).as(Col.COUNT),
            org.apache.spark.sql.functions.coalesce(col(Col.DOC_COUNT), lit(0L)).cast(DataTypes.LongType).as(Col.DOC_COUNT),
            lit(null).cast(DataTypes.BooleanType).as(TermKeyness.CONTENT));
    Dataset<Row> summaries = TermKeyness.summaries(termFrequencies, lexiconWords);
    AnalyzeJob.timed(spark, ParquetTables.PERIOD_TERMS, () -> writeByPeriod(
        summaries.unionByName(periodRows), plan.output(), ParquetTables.PERIOD_TERMS));
    Dataset<Row> topicTermFrequencies = TermFrequencies.withDenominators(TermFrequencies.pick(topicBags), topicTotals);
    Dataset<Row> candidates;
    long rows = ((Number) observed.get("rows")).longValue();
    long rowsDropped = observed.get("rows_dropped") == null ? 0 : ((Number) observed.get("rows_dropped")).longValue();
    if (previous == null) {
      candidates = TermKeyness.candidates(termFrequencies, topicTermFrequencies, plan.terms().keyness(),
          plan.terms().changes(), lexiconWords);
    } else {
      Dataset<Row> storedSummaries = storedPeriodTerms == null ? null
          : storedPeriodTerms.where(col(Col.TERM).isNotNull());
      Dataset<Row> allPeriodTokens = periodTokens;
      if (storedPeriodTerms != null) {
        Dataset<Row> storedPeriodRows = storedPeriodTerms.where(col(Col.TERM).isNull());
        allPeriodTokens = allPeriodTokens.unionByName(
            storedPeriodRows.select(col(Col.PERIOD), col(Col.COUNT).as(TermKeyness.PERIOD_TOKENS)));
        Row before = storedPeriodRows.agg(sum(col(Col.DOC_COUNT))).first();
        rowsDropped += before.isNullAt(0) ? 0 : before.getLong(0);
      }
      candidates = TermKeyness.candidates(termFrequencies, topicTermFrequencies, storedSummaries, allPeriodTokens,
          plan.terms().keyness(), plan.terms().changes(), lexiconWords);
    }
    Dataset<Row> scored = candidates.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> keyness = TermKeyness.keyness(scored, plan.terms().keyness());
      if (previous != null) {
        // the source and topic targets of the untouched periods compare within their period: unchanged
        Dataset<Row> kept = ParquetTables.read(spark, previous.output(), ParquetTables.TERM_KEYNESS)
            .where(col(Col.SOURCE).isNotNull().or(col(Col.TOPIC).isNotNull())
                .and(not(ParquetTables.periodTag(col(Col.PERIOD)).isin(previous.touched().toArray()))));
        keyness = keyness.unionByName(kept);
      }
      Dataset<Row> keynessRows = keyness;
      AnalyzeJob.timed(spark, ParquetTables.TERM_KEYNESS, () -> ParquetTables.write(keynessRows, plan.output(),
          ParquetTables.TERM_KEYNESS));
      AnalyzeJob.timed(spark, ParquetTables.TERM_CHANGES, () -> ParquetTables.write(
          TermKeyness.changes(scored, plan.terms().changes()), plan.output(), ParquetTables.TERM_CHANGES));
    } finally {
      scored.unpersist();
    }
    if (previous != null) {
      long carried = 0;
      for (String t : List.of(ParquetTables.TERM_BAGS, ParquetTables.TERM_FREQUENCIES, ParquetTables.PERIOD_TERMS)) {
        carried += ParquetTables.carryOverPeriods(conf, previous.output(), plan.output(), t, previous.touched());
      }
      LOG.info("incremental run: {} files of the untouched periods' term tables carried over", carried);
      rows = ParquetTables.read(spark, plan.output(), ParquetTables.TERM_FREQUENCIES).count() + rowsDropped;
    }
    Map<String, Object> tf = new LinkedHashMap<>();
    tf.put("min_term_count", minCount);
    tf.put("rows", rows - rowsDropped);
    tf.put("rows_dropped", rowsDropped);
    tf.put("computed", previous == null ? RECOMPUTED : UPDATED);
    facts.put(ParquetTables.TERM_FREQUENCIES, tf);
    LOG.info("analyze: term_frequencies kept {} rows, dropped {} with fewer than {} occurrences", rows - rowsDropped,
        rowsDropped, minCount);
  }

  private static void writeByPeriod(Dataset<Row> data, String root, String name) {
    try {
      ParquetTables.writeByPeriod(data, root, name, Col.PERIOD);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + name + " under " + root, e);
    }
  }

  private static Map<String, Object> observed(Observation rows) {
    try {
      return rows.getAsJava();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the term_frequencies row counts", e);
    }
  }
}
