package org.corpuslens.report;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.report.ReportData.ChangeTerm;
import org.corpuslens.report.ReportData.KeyTerm;
import org.corpuslens.report.ReportData.PeriodChanges;
import org.corpuslens.report.ReportData.PeriodKeyTerms;
import org.corpuslens.report.ReportData.PeriodTerms;
import org.corpuslens.report.ReportData.ReasonCount;
import org.corpuslens.report.ReportData.SourceRow;
import org.corpuslens.report.ReportData.TermCount;
import org.corpuslens.report.ReportData.TopicSeries;
import org.corpuslens.report.ReportData.TrendView;
import org.corpuslens.tables.Col;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tables of a run directory and gathers the {@link ReportData}: every figure is an
 * aggregate computed by Spark on the Parquet tables (and run_summary.json); the articles table is
 * never read. What comes to the driver is bounded: at most {@link #MAX_PERIODS} periods (the
 * latest), {@link #TOP_TERMS} terms per period, {@link #MAX_CHART_SOURCES} sources in the chart
 * switch and {@link #MAX_SOURCES} rows in the source table; the page says when it leaves any out.
 */
public final class ReportBuilder {
  /** Terms shown per period. */
  public static final int TOP_TERMS = 20;
  /** Rising (and falling) terms shown per period. */
  public static final int CHANGE_TERMS = 8;
  /** New words listed (the best by rank). */
  public static final int NEW_TERMS = 30;
  /** Periods charted (the latest ones): ~2.7 years of days, 83 years of months. */
  public static final int MAX_PERIODS = 1000;
  /** Sources offered in the trend charts' switch (those with the most articles). */
  public static final int MAX_CHART_SOURCES = 20;
  /** Rows of the source table (those with the most articles). */
  public static final int MAX_SOURCES = 2000;
  /** Pairs of sources in the syndication panel. */
  public static final int MAX_SYNDICATION = 30;
  /** Recent snippets shown per topic. */
  public static final int SNIPPETS_PER_TOPIC = 3;
  /** Topics charted (lexicons are small; a bound for the collects). */
  public static final int MAX_TOPICS = 200;

  static final String SUMMARY_FILE = "run_summary.json";
  private static final Logger LOG = LoggerFactory.getLogger(ReportBuilder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId UTC = ZoneId.of("UTC");

  private ReportBuilder() {}

  /** One row of topic_trends (or of one source's topic_trends_by_source), as the driver holds it. */
  record TrendRow(String period, String topic, long articleCount, long mentionCount, long totalArticles, double share, Double index) {}

  /** Gathers the report of the tables under {@code tables} (any Hadoop file system URI). */
  public static ReportData build(SparkSession spark, String tables, Instant now) throws IOException {
    List<String> notes = new ArrayList<>();
    JsonNode summary = readSummary(spark, tables);
    if (summary == null) {
      notes.add("No " + SUMMARY_FILE + " in the tables directory: run facts, options and versions are unknown; dates are shown in UTC.");
    }
    ZoneId zone = zone(summary, notes);
    String grain = text(summary, "options", "period");

    Map<String, Dataset<Row>> t = new HashMap<>();
    for (String name : List.of(
        ParquetTables.TOPIC_TRENDS, ParquetTables.TOPIC_TRENDS_BY_SOURCE, ParquetTables.TERM_FREQUENCIES,
        ParquetTables.SOURCE_STATS, ParquetTables.REJECTS, ParquetTables.TOPIC_INDEX, ParquetTables.TOPIC_MENTIONS,
        ParquetTables.SYNDICATION)) {
      if (ParquetTables.exists(spark, tables, name)) {
        t.put(name, ParquetTables.read(spark, tables, name));
      } else {
        notes.add("Table " + name + " not found in the tables directory: its section is empty.");
      }
    }

    // Periods: the latest MAX_PERIODS of topic_trends (every period with an article is there).
    List<String> periods = new ArrayList<>();
    String cutoff = null;
    Dataset<Row> trends = t.get(ParquetTables.TOPIC_TRENDS);
    if (trends != null) {
      // bounded by the limit: distinct periods, latest first
      List<Row> rows = trends.select(col(Col.PERIOD).cast("string").as(Col.PERIOD)).distinct()
          .orderBy(col(Col.PERIOD).desc()).limit(MAX_PERIODS + 1).collectAsList();
      for (Row r : rows) {
        periods.add(r.getString(0));
      }
      if (periods.size() > MAX_PERIODS) {
        periods = new ArrayList<>(periods.subList(0, MAX_PERIODS));
        cutoff = periods.get(periods.size() - 1);
        notes.add("The run has more than " + MAX_PERIODS + " periods: the charts and top terms show the latest " + MAX_PERIODS + ", from " + cutoff + ".");
      }
      Collections.reverse(periods);
    }

    List<String> topics = new ArrayList<>();
    TrendView overall = null;
    if (trends != null) {
      // bounded: periods x topics rows of an aggregate table
      List<TrendRow> rows = trendRows(ReportAggregates.trends(since(trends, cutoff), false)
          .limit(MAX_PERIODS * MAX_TOPICS).collectAsList(), false);
      topics = topicOrder(summary, rows);
      overall = pivot("All sources", periods, topics, rows);
    }

    List<TrendView> bySource = new ArrayList<>();
    Dataset<Row> trendsBySource = t.get(ParquetTables.TOPIC_TRENDS_BY_SOURCE);
    if (trendsBySource != null && !periods.isEmpty()) {
      Dataset<Row> recent = since(trendsBySource, cutoff);
      // bounded: at most MAX_CHART_SOURCES + 1 (source, count) pairs
      List<Row> ranked = ReportAggregates.chartSources(recent).limit(MAX_CHART_SOURCES + 1).collectAsList();
      if (ranked.size() > MAX_CHART_SOURCES) {
        notes.add("The trend charts offer the " + MAX_CHART_SOURCES + " sources with the most articles; the source table lists them all.");
        ranked = ranked.subList(0, MAX_CHART_SOURCES);
      }
      List<String> names = ranked.stream().map(r -> r.getString(0)).filter(s -> s != null).toList();
      // bounded: chart sources x periods x topics rows
      List<Row> rows = ReportAggregates.trends(recent.where(col(Col.SOURCE).isin(names.toArray())), true)
          .limit(MAX_CHART_SOURCES * MAX_PERIODS * MAX_TOPICS).collectAsList();
      Map<String, List<Row>> perSource = new LinkedHashMap<>();
      names.forEach(n -> perSource.put(n, new ArrayList<>()));
      for (Row r : rows) {
        perSource.get(r.<String>getAs(Col.SOURCE)).add(r);
      }
      for (Map.Entry<String, List<Row>> e : perSource.entrySet()) {
        bySource.add(pivot(e.getKey(), periods, topics, trendRows(e.getValue(), true)));
      }
    }

    List<PeriodTerms> topTerms = new ArrayList<>();
    Dataset<Row> tf = t.get(ParquetTables.TERM_FREQUENCIES);
    if (tf != null) {
      // bounded: TOP_TERMS rows per period
      List<Row> rows = ReportAggregates.topTerms(since(tf, cutoff), TOP_TERMS)
          .limit(TOP_TERMS * MAX_PERIODS).collectAsList();
      topTerms = periodTerms(rows);
    }

    List<PeriodKeyTerms> keyTerms = new ArrayList<>();
    if (ParquetTables.exists(spark, tables, ParquetTables.TERM_KEYNESS)) {
      // bounded: TOP_TERMS rows per period
      keyTerms = keyTerms(ReportAggregates.distinctiveTerms(
          since(ParquetTables.read(spark, tables, ParquetTables.TERM_KEYNESS), cutoff), TOP_TERMS)
          .limit(TOP_TERMS * MAX_PERIODS).collectAsList());
    } else {
      notes.add("Table " + ParquetTables.TERM_KEYNESS + " not found: the term cards show the most frequent terms instead of the distinctive ones.");
    }
    List<PeriodChanges> changes = new ArrayList<>();
    if (ParquetTables.exists(spark, tables, ParquetTables.TERM_CHANGES)) {
      // bounded: 2 x CHANGE_TERMS rows per period
      changes = changes(ReportAggregates.termChanges(
          since(ParquetTables.read(spark, tables, ParquetTables.TERM_CHANGES), cutoff), CHANGE_TERMS)
          .limit(2 * CHANGE_TERMS * MAX_PERIODS).collectAsList());
    }

    List<ReportData.NewTerm> newTerms = new ArrayList<>();
    if (ParquetTables.exists(spark, tables, ParquetTables.NEW_TERMS)) {
      // bounded: NEW_TERMS rows
      for (Row r : ReportAggregates.newTerms(ParquetTables.read(spark, tables, ParquetTables.NEW_TERMS), NEW_TERMS)
          .limit(NEW_TERMS).collectAsList()) {
        newTerms.add(new ReportData.NewTerm(r.getInt(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
            r.getDouble(5), r.getDouble(6)));
      }
    }

    List<SourceRow> sources = new ArrayList<>();
    boolean hasDuplicates = false;
    Dataset<Row> stats = t.get(ParquetTables.SOURCE_STATS);
    if (stats != null) {
      Dataset<Row> rowsDs = ReportAggregates.sources(stats, zone);
      hasDuplicates = List.of(rowsDs.columns()).contains(ReportAggregates.DUPLICATE_COUNT);
      // bounded: one row per source, at most MAX_SOURCES + 1
      List<Row> rows = rowsDs.limit(MAX_SOURCES + 1).collectAsList();
      if (rows.size() > MAX_SOURCES) {
        notes.add("The source table lists the " + MAX_SOURCES + " sources with the most articles.");
        rows = rows.subList(0, MAX_SOURCES);
      }
      for (Row r : rows) {
        sources.add(sourceRow(r, hasDuplicates));
      }
    }

    List<ReportData.SyndicationRow> syndication = new ArrayList<>();
    Dataset<Row> copies = t.get(ParquetTables.SYNDICATION);
    if (copies != null) {
      // bounded: the MAX_SYNDICATION pairs with the most copies
      boolean hasExact = List.of(copies.columns()).contains(Col.EXACT_COUNT);
      List<Row> rows = copies
          .select(col(Col.SOURCE), col(Col.COPIED_BY), col(Col.ARTICLE_COUNT),
              hasExact ? col(Col.EXACT_COUNT) : org.apache.spark.sql.functions.lit(null).cast("long"), col(Col.MEDIAN_DELAY_MINUTES))
          .orderBy(col(Col.ARTICLE_COUNT).desc(), col(Col.SOURCE).asc_nulls_first(), col(Col.COPIED_BY).asc_nulls_first())
          .limit(MAX_SYNDICATION + 1).collectAsList();
      if (rows.size() > MAX_SYNDICATION) {
        notes.add("The syndication panel lists the " + MAX_SYNDICATION + " pairs of sources with the most copies; the syndication table has them all.");
        rows = rows.subList(0, MAX_SYNDICATION);
      }
      for (Row r : rows) {
        syndication.add(new ReportData.SyndicationRow(r.getString(0), r.getString(1), r.getLong(2),
            r.isNullAt(3) ? null : r.getLong(3), r.isNullAt(4) ? null : ((Number) r.get(4)).doubleValue()));
      }
    }

    List<ReasonCount> reasons = new ArrayList<>();
    Dataset<Row> rejects = t.get(ParquetTables.REJECTS);
    if (rejects != null) {
      // bounded: one row per reason code
      for (Row r : ReportAggregates.rejectsByReason(rejects).limit(1000).collectAsList()) {
        reasons.add(new ReasonCount(r.isNullAt(0) ? null : r.getString(0), r.getLong(1)));
      }
    }

    ReportData.IndexView scaled = null;
    Dataset<Row> index = t.get(ParquetTables.TOPIC_INDEX);
    if (index != null) {
      // bounded: periods x topics rows of an aggregate table
      List<Row> rows = since(index, cutoff)
          .select(col(Col.PERIOD).cast("string").as(Col.PERIOD), col(Col.TOPIC), col(Col.INDEX), col(Col.SOURCES_USED))
          .orderBy(col(Col.PERIOD)).limit((MAX_PERIODS + 1) * MAX_TOPICS).collectAsList();
      scaled = indexView(rows, topics);
    }

    List<ReportData.Snippet> snippets = new ArrayList<>();
    Dataset<Row> mentions = t.get(ParquetTables.TOPIC_MENTIONS);
    if (mentions != null) {
      // bounded: SNIPPETS_PER_TOPIC rows per topic
      for (Row r : ReportAggregates.recentSnippets(mentions, SNIPPETS_PER_TOPIC)
          .limit(SNIPPETS_PER_TOPIC * MAX_TOPICS).collectAsList()) {
        java.sql.Timestamp at = r.getAs(Col.PUBLISHED_AT);
        String date = at == null ? null : at.toInstant().atZone(zone).toLocalDate().toString();
        snippets.add(new ReportData.Snippet(r.getAs(Col.TOPIC), date, r.getAs(Col.SOURCE), r.getAs(Col.TERM),
            r.getAs(Col.SNIPPET)));
      }
    }
    Map<String, String> rules = new LinkedHashMap<>();
    if (summary != null) {
      summary.path("lexicon").path("rules").fields().forEachRemaining(e -> rules.put(e.getKey(), e.getValue().asText()));
    }

    LOG.info("report of {}: {} periods, {} topics, {} chart sources, {} table sources, {} reject reasons",
        tables, periods.size(), topics.size(), bySource.size(), sources.size(), reasons.size());
    return new ReportData(
        "CorpusLens report", tables, now.toString(), grain, zone.getId(), periods, topics, overall, bySource,
        topTerms, sources, hasDuplicates, reasons, summary, notes, scaled, rules, snippets,
        keyTerms, changes, newTerms, syndication);
  }

  /** topic_index rows (period, topic, index, sources_used; by period) as one series per topic. */
  static ReportData.IndexView indexView(List<Row> rows, List<String> topicOrder) {
    List<String> periods = new ArrayList<>(new TreeSet<>(rows.stream().map(r -> r.getString(0)).toList()));
    List<String> topics = new ArrayList<>(topicOrder);
    rows.stream().map(r -> r.getString(1)).distinct().sorted().filter(x -> !topics.contains(x)).forEach(topics::add);
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < periods.size(); i++) {
      at.put(periods.get(i), i);
    }
    Map<String, Double[]> index = new LinkedHashMap<>();
    Map<String, Integer[]> used = new LinkedHashMap<>();
    for (String topic : topics) {
      index.put(topic, new Double[periods.size()]);
      Integer[] u = new Integer[periods.size()];
      java.util.Arrays.fill(u, 0);
      used.put(topic, u);
    }
    for (Row r : rows) {
      int i = at.get(r.getString(0));
      index.get(r.getString(1))[i] = r.isNullAt(2) ? null : r.getDouble(2);
      used.get(r.getString(1))[i] = r.getInt(3);
    }
    List<ReportData.IndexSeries> series = new ArrayList<>();
    for (String topic : topics) {
      series.add(new ReportData.IndexSeries(topic, java.util.Arrays.asList(index.get(topic)),
          java.util.Arrays.asList(used.get(topic))));
    }
    return new ReportData.IndexView(periods, series);
  }

  private static Dataset<Row> since(Dataset<Row> table, String cutoff) {
    return cutoff == null ? table : table.where(col(Col.PERIOD).cast("string").geq(cutoff));
  }

  static JsonNode readSummary(SparkSession spark, String tables) throws IOException {
    Path path = new Path(tables, SUMMARY_FILE);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(path)) {
      return null;
    }
    try (InputStream in = fs.open(path)) {
      return JSON.readTree(in);
    }
  }

  private static ZoneId zone(JsonNode summary, List<String> notes) {
    String id = text(summary, "options", "zone");
    if (id == null) {
      return UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      notes.add("The run's zone '" + id + "' is unknown here: dates are shown in UTC.");
      LOG.warn("unknown zone '{}' in {}: dates in UTC", id, SUMMARY_FILE, e);
      return UTC;
    }
  }

  /** A text field at {@code path} of the summary, or null. */
  static String text(JsonNode summary, String... path) {
    JsonNode n = summary;
    for (String p : path) {
      if (n == null) {
        return null;
      }
      n = n.get(p);
    }
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  private static List<TrendRow> trendRows(List<Row> rows, boolean bySource) {
    List<TrendRow> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object index = r.getAs(Col.INDEX);
      out.add(new TrendRow(
          r.getAs(Col.PERIOD), r.getAs(Col.TOPIC), r.<Long>getAs(Col.ARTICLE_COUNT), r.<Long>getAs(Col.MENTION_COUNT),
          r.<Long>getAs(Col.TOTAL_ARTICLES), r.<Double>getAs(Col.ARTICLE_SHARE), index == null ? null : ((Number) index).doubleValue()));
    }
    return out;
  }

  /** The lexicon order of run_summary.json, then any other topic of the table alphabetically. */
  static List<String> topicOrder(JsonNode summary, List<TrendRow> rows) {
    Set<String> present = new TreeSet<>();
    rows.forEach(r -> present.add(r.topic()));
    Set<String> ordered = new LinkedHashSet<>();
    JsonNode lexicon = summary == null ? null : summary.path("lexicon").path("topics");
    if (lexicon != null && lexicon.isArray()) {
      lexicon.forEach(n -> {
        if (present.contains(n.asText())) {
          ordered.add(n.asText());
        }
      });
    }
    ordered.addAll(present);
    return new ArrayList<>(ordered);
  }

  /**
   * Aligns trend rows with the periods and topics: one series per topic with a value per period,
   * null where the view has no row (a source without articles in that period).
   */
  static TrendView pivot(String label, List<String> periods, List<String> topics, List<TrendRow> rows) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < periods.size(); i++) {
      at.put(periods.get(i), i);
    }
    Map<String, Integer> topicAt = new HashMap<>();
    for (int i = 0; i < topics.size(); i++) {
      topicAt.put(topics.get(i), i);
    }
    int n = periods.size();
    List<Long> totals = new ArrayList<>(Collections.nCopies(n, (Long) null));
    List<List<Double>> share = new ArrayList<>();
    List<List<Double>> index = new ArrayList<>();
    List<List<Long>> articles = new ArrayList<>();
    List<List<Long>> mentions = new ArrayList<>();
    for (int k = 0; k < topics.size(); k++) {
      share.add(new ArrayList<>(Collections.nCopies(n, (Double) null)));
      index.add(new ArrayList<>(Collections.nCopies(n, (Double) null)));
      articles.add(new ArrayList<>(Collections.nCopies(n, (Long) null)));
      mentions.add(new ArrayList<>(Collections.nCopies(n, (Long) null)));
    }
    for (TrendRow r : rows) {
      Integer i = at.get(r.period());
      Integer k = topicAt.get(r.topic());
      if (i == null || k == null) {
        continue;
      }
      totals.set(i, r.totalArticles());
      share.get(k).set(i, r.share());
      index.get(k).set(i, r.index());
      articles.get(k).set(i, r.articleCount());
      mentions.get(k).set(i, r.mentionCount());
    }
    long sum = totals.stream().filter(x -> x != null).mapToLong(Long::longValue).sum();
    List<TopicSeries> series = new ArrayList<>();
    for (int k = 0; k < topics.size(); k++) {
      series.add(new TopicSeries(topics.get(k), share.get(k), index.get(k), articles.get(k), mentions.get(k)));
    }
    return new TrendView(label, sum, totals, series);
  }

  static List<PeriodKeyTerms> keyTerms(List<Row> rows) {
    Map<String, List<KeyTerm>> terms = new LinkedHashMap<>();
    for (Row r : rows) {
      terms.computeIfAbsent(r.getAs(Col.PERIOD), p -> new ArrayList<>())
          .add(new KeyTerm(r.getAs(Col.TERM), r.<Long>getAs(Col.COUNT), r.<Long>getAs(Col.REFERENCE_COUNT),
              r.<Double>getAs(Col.LOG_RATIO), r.<Double>getAs(Col.LOG_LIKELIHOOD)));
    }
    List<PeriodKeyTerms> out = new ArrayList<>();
    terms.forEach((p, list) -> out.add(new PeriodKeyTerms(p, list)));
    return out;
  }

  static List<PeriodChanges> changes(List<Row> rows) {
    Map<String, List<ChangeTerm>> rising = new LinkedHashMap<>();
    Map<String, List<ChangeTerm>> falling = new LinkedHashMap<>();
    for (Row r : rows) {
      String period = r.getAs(Col.PERIOD);
      rising.computeIfAbsent(period, p -> new ArrayList<>());
      falling.computeIfAbsent(period, p -> new ArrayList<>());
      ChangeTerm t = new ChangeTerm(r.getAs(Col.TERM), r.<Long>getAs(Col.COUNT), r.<Long>getAs(Col.PREVIOUS_COUNT),
          r.<Double>getAs(Col.LOG_RATIO));
      ("rising".equals(r.getAs(Col.DIRECTION)) ? rising : falling).get(period).add(t);
    }
    List<PeriodChanges> out = new ArrayList<>();
    rising.forEach((p, list) -> out.add(new PeriodChanges(p, list, falling.get(p))));
    return out;
  }

  static List<PeriodTerms> periodTerms(List<Row> rows) {
    Map<String, List<TermCount>> terms = new LinkedHashMap<>();
    Map<String, Long> tokens = new HashMap<>();
    for (Row r : rows) {
      String period = r.getAs(Col.PERIOD);
      terms.computeIfAbsent(period, p -> new ArrayList<>())
          .add(new TermCount(r.getAs(Col.TERM), r.<Long>getAs(Col.COUNT), r.<Double>getAs(ReportAggregates.SHARE)));
      tokens.put(period, r.<Long>getAs(ReportAggregates.PERIOD_TOKENS));
    }
    List<PeriodTerms> out = new ArrayList<>();
    terms.forEach((p, list) -> out.add(new PeriodTerms(p, tokens.get(p), list)));
    return out;
  }

  private static SourceRow sourceRow(Row r, boolean hasDuplicates) {
    Map<String, Double> shares = new LinkedHashMap<>();
    Map<String, Object> m = r.isNullAt(r.fieldIndex(Col.TOPIC_ARTICLE_SHARE))
        ? Map.of()
        : scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.Map<String, Object>>getAs(Col.TOPIC_ARTICLE_SHARE));
    m.forEach((k, v) -> shares.put(k, v == null ? null : ((Number) v).doubleValue()));
    return new SourceRow(
        r.getAs(Col.SOURCE),
        r.<Long>getAs(Col.ARTICLE_COUNT),
        r.getAs(ReportAggregates.FIRST_DATE),
        r.getAs(ReportAggregates.LAST_DATE),
        r.<Long>getAs(Col.ACTIVE_DAYS),
        r.getAs(Col.CHAR_COUNT_MEAN),
        r.getAs(Col.CHAR_COUNT_MEDIAN),
        hasDuplicates ? r.<Long>getAs(ReportAggregates.DUPLICATE_COUNT) : null,
        r.<Long>getAs(Col.REJECT_COUNT),
        shares);
  }
}
