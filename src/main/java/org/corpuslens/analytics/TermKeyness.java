package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Keyness: the terms that distinguish a period, a source or a topic's articles from a reference,
 * scored with Dunning's log-likelihood G² (how sure the difference is) and Hardie's log ratio (how
 * big it is), and rising and falling terms (a period against the periods before it).
 *
 * <p>For a term with {@code a} occurrences among the target's {@code c} tokens and {@code b} among
 * the reference's {@code d} tokens: expected counts {@code E1 = c(a+b)/(c+d)}, {@code E2 =
 * d(a+b)/(c+d)}; {@code G² = 2 (a ln(a/E1) + b ln(b/E2))} (a zero count adds nothing); {@code log
 * ratio = log2((a/c) / (b/d))} with a zero count replaced by 0.5 (Hardie 2014); direction {@code
 * over} when {@code a/c > b/d}, else {@code under}. Token totals are all terms of the articles (the
 * {@code period_source_tokens} of {@code term_frequencies}), not only content terms.
 *
 * <p>Targets and references, in {@code term_keyness}:
 *
 * <ul>
 *   <li>{@code source} and {@code topic} null: a period against the rest of the corpus (every other
 *       period), or against the preceding {@code window} periods that have articles;
 *   <li>{@code source} set: that source's articles of the period against the other sources' articles
 *       of the same period;
 *   <li>{@code topic} set: the period's articles that mention the topic against the period's other
 *       articles.
 * </ul>
 *
 * Only content terms count as candidates ({@link #isContent}); the references count every term.
 * Undated articles count in the rest of the corpus but are no period: never a target, in no
 * preceding window. The terms are scored in one pass, per term in plain Java ({@link
 * TermSeries}); the top-N ranking per target is a Spark window partitioned by the target.
 */
public final class TermKeyness {
  /** Direction values. */
  public static final String OVER = "over";
  public static final String UNDER = "under";
  public static final String RISING = "rising";
  public static final String FALLING = "falling";

  private static final String C = "_c";
  private static final String DAY = "_day";
  private static final String BUCKET = "_bucket";
  private static final String PERIOD_ROW = "_period_row";
  private static final String CHANGE = "_change";
  private static final String TERM_KEY = "_term_key";
  private static final String SUMMARY = "_summary";
  /** The sort key of the period rows: before every term's. */
  private static final long PERIOD_KEY = Long.MIN_VALUE;

  /** The rows {@link #candidates} gives: both tables' columns before the rank. */
  private static final StructType CANDIDATE =
      new StructType()
          .add(CHANGE, BooleanType)
          .add(DAY, IntegerType)
          .add(Col.SOURCE, StringType)
          .add(Col.TOPIC, StringType)
          .add(Col.TERM, StringType)
          .add(Col.COUNT, LongType)
          .add(Col.DOC_COUNT, LongType)
          .add(Col.TARGET_TOKENS, LongType)
          .add(Col.REFERENCE_COUNT, LongType)
          .add(Col.REFERENCE_TOKENS, LongType)
          .add(Col.EXPECTED_COUNT, DoubleType)
          .add(Col.REFERENCE_EXPECTED_COUNT, DoubleType)
          .add(Col.LOG_LIKELIHOOD, DoubleType)
          .add(Col.LOG_RATIO, DoubleType)
          .add(Col.DIRECTION, StringType);

  /**
   * Settings of {@code term_keyness}.
   *
   * @param minCount a term needs at least this many occurrences in the target
   * @param minDocs and to occur in at least this many of the target's articles
   * @param window 0: a period's reference is the rest of the corpus; n &gt; 0: the n preceding
   *     periods (the first period then has no rows)
   * @param top rows kept per target and direction (rank 1 to top)
   * @param minLogLikelihood rows with a smaller G² are left out (3.84: p &lt; 0.05 with one
   *     degree of freedom)
   */
  public record Settings(long minCount, long minDocs, int window, int top, double minLogLikelihood)
      implements java.io.Serializable {
    public static final Settings DEFAULTS = new Settings(5, 2, 0, 100, 3.84);

    public Settings {
      if (minCount < 1 || minDocs < 1 || window < 0 || top < 1 || minLogLikelihood < 0) {
        throw new IllegalArgumentException("keyness settings out of range: " + minCount + ", " + minDocs + ", " + window
            + ", " + top + ", " + minLogLikelihood);
      }
    }
  }

  /**
   * Settings of {@code term_changes} (rising and falling terms).
   *
   * @param window a period is compared with the sum of its {@code window} preceding periods
   * @param minCount a rising term needs this many occurrences in the period, a falling one this
   *     many in the preceding periods
   * @param top rows kept per period and direction
   * @param minLogLikelihood rows with a smaller G² are left out
   */
  public record ChangeSettings(int window, long minCount, int top, double minLogLikelihood)
      implements java.io.Serializable {
    public static final ChangeSettings DEFAULTS = new ChangeSettings(3, 10, 50, 3.84);

    public ChangeSettings {
      if (window < 1 || minCount < 1 || top < 1 || minLogLikelihood < 0) {
        throw new IllegalArgumentException("change settings out of range: " + window + ", " + minCount + ", " + top
            + ", " + minLogLikelihood);
      }
    }
  }

  private TermKeyness() {}

  /**
   * True for content terms: a noun, verb or named entity (HanLP tags starting with {@code n} or
   * {@code v}: n, nr, ns, nt, nz, nx, v, vn, vd, ...) or a word with a Latin letter; single
   * characters only if they are one of {@code lexiconWords}.
   */
  public static Column isContent(Column term, Column pos, List<String> lexiconWords) {
    Column tagged = pos.rlike("^[nv]").or(term.rlike("[A-Za-z]"));
    Column longEnough = length(term).gt(1);
    if (!lexiconWords.isEmpty()) {
      longEnough = longEnough.or(term.isin(lexiconWords.toArray()));
    }
    return tagged.and(longEnough);
  }

  /**
   * The articles that mention a topic, one row per (article, mentioned topic) with the topic in
   * {@link Col#SOURCE}, so that {@link TermFrequencies#compute} gives per (period, topic) counts: an
   * article matches a topic when the lexicon's rule gives it at least one counted mention. Needs
   * period, text, tokens, token_pos, token_count (and title when a topic's rule reads titles).
   */
  public static Dataset<Row> topicArticles(Dataset<Row> articles, TopicLexicon lexicon) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.TEXT, Col.TOKENS, Col.TOKEN_POS, Col.TOKEN_COUNT);
    List<Topic> topics = lexicon.topics();
    Column[] mentioned = new Column[topics.size()];
    for (int i = 0; i < mentioned.length; i++) {
      mentioned[i] = when(TopicMentions.count(i).gt(0), lit(topics.get(i).name()));
    }
    List<Column> input = new java.util.ArrayList<>(
        List.of(col(Col.PERIOD), col(Col.TEXT), col(Col.TOKENS), col(Col.TOKEN_POS), col(Col.TOKEN_COUNT)));
    if (java.util.Arrays.asList(articles.columns()).contains(Col.TITLE)) {
      input.add(col(Col.TITLE)); // topic rules may read titles
    }
    return TopicMentions.withCounts(articles.select(input.toArray(Column[]::new)), lexicon)
        .select(
            col(Col.PERIOD),
            explode(array_compact(array(mentioned))).as(Col.SOURCE),
            col(Col.TOKENS),
            col(Col.TOKEN_POS),
            col(Col.TOKEN_COUNT));
  }

  /**
   * The {@code term_keyness} table.
   *
   * @param termFrequencies {@link TermFrequencies#compute} of the articles (every row, before any
   *     minimum count)
   * @param topicTermFrequencies {@link TermFrequencies#compute} of {@link #topicArticles} (source
   *     = topic)
   * @param lexiconWords single characters in this list count as content terms
   */
  public static Dataset<Row> compute(
      Dataset<Row> termFrequencies, Dataset<Row> topicTermFrequencies, Settings settings, List<String> lexiconWords) {
    return keyness(candidates(termFrequencies, topicTermFrequencies, settings, null, lexiconWords), settings);
  }

  /**
   * The {@code term_changes} table: per period, the content terms whose share of all terms rose or
   * fell most against the preceding {@code window} periods (ranked by the absolute log ratio, then
   * G²). A term that vanished from a period appears as falling with count 0.
   */
  public static Dataset<Row> changes(Dataset<Row> termFrequencies, ChangeSettings settings, List<String> lexiconWords) {
    return changes(candidates(termFrequencies, null, null, settings, lexiconWords), settings);
  }

  /**
   * The scored rows of both tables before their top-N cut, in one pass over the terms: the rows of
   * {@code term_frequencies} (and of the topic articles' term frequencies) arrive together per
   * term, after the per-period token counts, and {@link TermSeries} scores the term's targets in
   * plain Java. A caller that writes both tables persists the result
   * and passes it to {@link #keyness} and {@link #changes}.
   *
   * @param termFrequencies {@link TermFrequencies#compute} of the articles (every row, before any
   *     minimum count)
   * @param topicTermFrequencies {@link TermFrequencies#compute} of {@link #topicArticles}, or null
   * @param keyness settings of {@code term_keyness}, or null for none of its rows
   * @param changes settings of {@code term_changes}, or null for none of its rows
   */
  public static Dataset<Row> candidates(
      Dataset<Row> termFrequencies,
      Dataset<Row> topicTermFrequencies,
      Settings keyness,
      ChangeSettings changes,
      List<String> lexiconWords) {
    return candidates(termFrequencies, topicTermFrequencies, keyness, changes, lexiconWords, termKey(col(Col.TERM)));
  }

  /**
   * A term's sort key: a 64-bit hash of it, never {@link #PERIOD_KEY}. One long key is sorted by
   * Spark's radix sort on its prefix alone; sorting by the term string made every comparison a
   * byte-wise compare (a fifth of the CPU of {@code term_keyness} on 22,000 generated posts).
   * Different terms with equal keys are told apart in {@link Emit}.
   */
  static Column termKey(Column term) {
    Column h = xxhash64(term);
    return when(h.equalTo(lit(PERIOD_KEY)), lit(PERIOD_KEY + 1)).otherwise(h);
  }

  /** {@link #candidates}, grouping the terms by {@code termKey} (a long; tests give colliding ones). */
  static Dataset<Row> candidates(
      Dataset<Row> termFrequencies,
      Dataset<Row> topicTermFrequencies,
      Settings keyness,
      ChangeSettings changes,
      List<String> lexiconWords,
      Column termKey) {
    return candidates(termFrequencies, topicTermFrequencies, null, periodTokens(termFrequencies), keyness, changes,
        lexiconWords, termKey);
  }

  /**
   * The candidates of an update: {@code termFrequencies} and {@code topicTermFrequencies} hold
   * only the periods with new articles (their source and topic targets are scored), {@code
   * summaries} ({@link #summaries}) the other periods' terms summed over their sources (they count
   * in the periods' and the corpus' sums: the period targets and the changes of every period are
   * scored), {@code periodTokens} every period's tokens ({@link #periodTokens}).
   */
  public static Dataset<Row> candidates(
      Dataset<Row> termFrequencies,
      Dataset<Row> topicTermFrequencies,
      Dataset<Row> summaries,
      Dataset<Row> periodTokens,
      Settings keyness,
      ChangeSettings changes,
      List<String> lexiconWords) {
    return candidates(termFrequencies, topicTermFrequencies, summaries, periodTokens, keyness, changes, lexiconWords,
        termKey(col(Col.TERM)));
  }

  /**
   * A period's terms summed over its sources, from {@code term_frequencies} rows: period, term,
   * count, doc_count, and {@code content} when the term is a content term in any of its sources'
   * rows.
   */
  public static Dataset<Row> summaries(Dataset<Row> termFrequencies, List<String> lexiconWords) {
    return termFrequencies
        .where(col(Col.TERM).isNotNull())
        .groupBy(Col.PERIOD, Col.TERM)
        .agg(
            sum(Col.COUNT).cast(LongType).as(Col.COUNT),
            sum(Col.DOC_COUNT).cast(LongType).as(Col.DOC_COUNT),
            max(coalesce(isContent(col(Col.TERM), col(Col.POS), lexiconWords), lit(false))).as(CONTENT));
  }

  /** The column of {@link #summaries} that says whether the term is a content term. */
  public static final String CONTENT = "content";

  /** The tokens column of {@link #periodTokens}. */
  public static final String PERIOD_TOKENS = "_period_tokens";

  /**
   * Per period (null: the undated articles) the tokens of its articles, from {@code
   * term_frequencies} rows (or any table with period, source and period_source_tokens): period,
   * {@link #PERIOD_TOKENS}.
   */
  public static Dataset<Row> periodTokens(Dataset<Row> termFrequencies) {
    return termFrequencies
        .groupBy(Col.PERIOD, Col.SOURCE)
        .agg(max(Col.PERIOD_SOURCE_TOKENS).as(C))
        .groupBy(Col.PERIOD)
        .agg(sum(C).cast(LongType).as(PERIOD_TOKENS));
  }

  private static Dataset<Row> candidates(
      Dataset<Row> termFrequencies,
      Dataset<Row> topicTermFrequencies,
      Dataset<Row> summaries,
      Dataset<Row> periodTokens,
      Settings keyness,
      ChangeSettings changes,
      List<String> lexiconWords,
      Column termKey) {
    Schemas.requireColumns(termFrequencies, "term_frequencies", Col.PERIOD, Col.SOURCE, Col.TERM, Col.POS, Col.COUNT,
        Col.DOC_COUNT, Col.PERIOD_SOURCE_TOKENS);
    // Each term's rows must meet every period's token count, and the periods are many for a fine
    // grain (ten years of days: 3,650), the terms millions: a copy of the period table per term (a
    // cross join) would cost periods × terms. Instead the terms are hashed into as many buckets as
    // shuffle partitions, each bucket gets one copy of the period rows, and within a partition the
    // period rows sort first, then the term rows by the term's key: one pass reads the periods, then
    // each key's consecutive rows (one term, or a few whose keys collide).
    int buckets = Math.max(1, Integer.parseInt(termFrequencies.sparkSession().conf().get("spark.sql.shuffle.partitions")));
    Column bucket = pmod(hash(col(Col.TERM)), lit(buckets));
    Dataset<Row> terms = entries(termFrequencies, false, lexiconWords, bucket, termKey);
    if (topicTermFrequencies != null && keyness != null) {
      terms = terms.unionByName(entries(topicTermFrequencies, true, lexiconWords, bucket, termKey));
    }
    if (summaries != null) {
      terms = terms.unionByName(summaries.select(
          bucket.cast(IntegerType).as(BUCKET),
          lit(false).as(PERIOD_ROW),
          col(Col.TERM),
          lit(false).as("topic"),
          unix_date(col(Col.PERIOD)).as(DAY),
          lit(null).cast(StringType).as("key"),
          col(Col.COUNT).cast(LongType).as("count"),
          col(Col.DOC_COUNT).cast(LongType).as("docs"),
          lit(0L).as("tokens"),
          col(CONTENT).as("content"),
          termKey.cast(LongType).as(TERM_KEY),
          lit(true).as(SUMMARY)));
    }
    // per period (undated articles: a null period) its tokens, one copy per bucket
    Dataset<Row> periodRows =
        periodTokens
            .crossJoin(broadcast(termFrequencies.sparkSession().range(buckets).toDF(BUCKET)))
            .select(
                col(BUCKET).cast(IntegerType).as(BUCKET),
                lit(true).as(PERIOD_ROW),
                lit(null).cast(StringType).as(Col.TERM),
                lit(false).as("topic"),
                unix_date(col(Col.PERIOD)).as(DAY),
                lit(null).cast(StringType).as("key"),
                lit(0L).as("count"),
                lit(0L).as("docs"),
                col(PERIOD_TOKENS).cast(LongType).as("tokens"),
                lit(false).as("content"),
                lit(PERIOD_KEY).as(TERM_KEY),
                lit(false).as(SUMMARY));
    return terms
        .unionByName(periodRows)
        .repartition(buckets, col(BUCKET))
        .sortWithinPartitions(col(TERM_KEY))
        .mapPartitions(new Emit(new TermSeries.Settings(keyness, changes)), Encoders.row(CANDIDATE));
  }

  /** The {@code term_keyness} table from {@link #candidates} made with these settings. */
  public static Dataset<Row> keyness(Dataset<Row> candidates, Settings settings) {
    Column rank =
        row_number()
            .over(
                Window.partitionBy(col(DAY), col(Col.SOURCE), col(Col.TOPIC), col(Col.DIRECTION))
                    .orderBy(col(Col.LOG_LIKELIHOOD).desc(), col(Col.TERM).asc()));
    return candidates
        .filter(not(col(CHANGE)))
        .withColumn(Col.RANK, rank)
        .filter(col(Col.RANK).leq(settings.top()))
        .select(
            date_from_unix_date(col(DAY)).as(Col.PERIOD),
            col(Col.SOURCE),
            col(Col.TOPIC),
            col(Col.TERM),
            col(Col.COUNT),
            col(Col.EXPECTED_COUNT),
            col(Col.REFERENCE_COUNT),
            col(Col.REFERENCE_EXPECTED_COUNT),
            col(Col.DOC_COUNT),
            col(Col.TARGET_TOKENS),
            col(Col.REFERENCE_TOKENS),
            col(Col.LOG_LIKELIHOOD),
            col(Col.LOG_RATIO),
            col(Col.DIRECTION),
            col(Col.RANK).cast("int").as(Col.RANK));
  }

  /** The {@code term_changes} table from {@link #candidates} made with these settings. */
  public static Dataset<Row> changes(Dataset<Row> candidates, ChangeSettings settings) {
    Column rank =
        row_number()
            .over(
                Window.partitionBy(col(DAY), col(Col.DIRECTION))
                    .orderBy(abs(col(Col.LOG_RATIO)).desc(), col(Col.LOG_LIKELIHOOD).desc(), col(Col.TERM).asc()));
    return candidates
        .filter(col(CHANGE))
        .withColumn(Col.RANK, rank)
        .filter(col(Col.RANK).leq(settings.top()))
        .select(
            date_from_unix_date(col(DAY)).as(Col.PERIOD),
            col(Col.TERM),
            col(Col.COUNT),
            col(Col.COUNT).divide(col(Col.TARGET_TOKENS)).as(Col.SHARE),
            col(Col.REFERENCE_COUNT).as(Col.PREVIOUS_COUNT),
            col(Col.REFERENCE_COUNT).divide(col(Col.REFERENCE_TOKENS)).as(Col.PREVIOUS_SHARE),
            col(Col.TARGET_TOKENS),
            col(Col.REFERENCE_TOKENS),
            col(Col.LOG_LIKELIHOOD),
            col(Col.LOG_RATIO),
            col(Col.DIRECTION),
            col(Col.RANK).cast("int").as(Col.RANK));
  }

  /** A term_frequencies-shaped table as rows for {@link Emit}. */
  private static Dataset<Row> entries(
      Dataset<Row> termFrequencies, boolean topic, List<String> lexiconWords, Column bucket, Column termKey) {
    Column content = isContent(col(Col.TERM), col(Col.POS), lexiconWords);
    return termFrequencies.where(col(Col.TERM).isNotNull()).select(
        bucket.cast(IntegerType).as(BUCKET),
        lit(false).as(PERIOD_ROW),
        col(Col.TERM),
        lit(topic).as("topic"),
        unix_date(col(Col.PERIOD)).as(DAY),
        col(Col.SOURCE).as("key"),
        col(Col.COUNT).cast(LongType).as("count"),
        col(Col.DOC_COUNT).cast(LongType).as("docs"),
        col(Col.PERIOD_SOURCE_TOKENS).cast(LongType).as("tokens"),
        coalesce(content, lit(false)).as("content"),
        termKey.cast(LongType).as(TERM_KEY),
        lit(false).as(SUMMARY));
  }

  /**
   * Executors: a partition's period rows (first) to the period table, then each term's rows to its
   * candidates. A term's rows are consecutive, in no particular order, and share their sort key
   * with only the rare term whose key collides. Row fields: bucket, period row, term, topic, day,
   * key, count, docs, tokens, content, sort key.
   */
  private static final class Emit implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final TermSeries.Settings settings;

    Emit(TermSeries.Settings settings) {
      this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      // the period rows: one copy per bucket, so equal copies when buckets share the partition
      java.util.TreeMap<Integer, Long> dated = new java.util.TreeMap<>();
      long undated = 0;
      boolean undatedSeen = false;
      Row first = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        if (!r.getBoolean(1)) {
          first = r;
          break;
        }
        if (r.isNullAt(4)) {
          if (!undatedSeen) {
            undated = r.getLong(8);
            undatedSeen = true;
          }
        } else {
          dated.put(r.getInt(4), r.getLong(8));
        }
      }
      if (first == null) {
        return Collections.emptyIterator();
      }
      int[] days = new int[dated.size()];
      long[] tokens = new long[dated.size()];
      Map<Integer, Integer> periodOfDay = new HashMap<>();
      long all = undated;
      int i = 0;
      for (Map.Entry<Integer, Long> e : dated.entrySet()) {
        days[i] = e.getKey();
        tokens[i] = e.getValue();
        periodOfDay.put(e.getKey(), i);
        all += e.getValue();
        i++;
      }
      TermSeries.Periods periods = new TermSeries.Periods(tokens, all);
      Row start = first;
      return new FlatIterator(rows) {
        private boolean started;
        private long key;
        /** The rows of the current key per term: one term but for a collision. */
        private final Map<String, List<TermSeries.Entry>> terms = new java.util.LinkedHashMap<>();

        {
          add(start);
        }

        @Override
        List<Row> expand(Row r) {
          return add(r);
        }

        @Override
        List<Row> last() {
          return candidates();
        }

        /** Adds a row to its term's entries; the first row of the next key emits the previous key's candidates. */
        private List<Row> add(Row e) {
          long k = e.getLong(10);
          List<Row> out = !started || k == key ? List.of() : candidates();
          started = true;
          key = k;
          boolean topic = e.getBoolean(3);
          int period = TermSeries.NO_PERIOD;
          if (!e.isNullAt(4)) {
            Integer p = periodOfDay.get(e.getInt(4));
            if (p != null) {
              period = p;
            } else if (!topic) {
              throw new IllegalStateException("a term_frequencies period missing from its own period totals: day " + e.getInt(4));
            } else {
              return out; // a topic row of a period the articles lack has no reference: left out, as by a join
            }
          } else if (topic) {
            return out; // an undated topic row: no period to be a target of
          }
          terms.computeIfAbsent(e.getString(2), t -> new ArrayList<>())
              .add(new TermSeries.Entry(topic, period, e.getString(5), e.getLong(6), e.getLong(7), e.getLong(8), e.getBoolean(9),
                  e.getBoolean(11)));
          return out;
        }

        /** The candidates of the terms of the key read so far; clears their entries. */
        private List<Row> candidates() {
          List<Row> out = new ArrayList<>();
          for (Map.Entry<String, List<TermSeries.Entry>> term : terms.entrySet()) {
            String t = term.getKey();
            TermSeries.candidates(term.getValue(), periods, settings, c -> out.add(RowFactory.create(
                c.change(), days[c.period()], c.source(), c.topic(), t, c.count(), c.docs(), c.targetTokens(),
                c.referenceCount(), c.referenceTokens(), c.score().expected(), c.score().referenceExpected(),
                c.score().logLikelihood(), c.score().logRatio(), c.direction())));
          }
          terms.clear();
          return out;
        }
      };
    }
  }
}
