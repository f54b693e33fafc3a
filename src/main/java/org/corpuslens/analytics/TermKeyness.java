package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
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
 * Only content terms count as candidates ({@link #isContent}). Everything is Spark built-ins over
 * {@code term_frequencies}-shaped rows: no collect, no UDF.
 */
public final class TermKeyness {
  /** Direction values. */
  public static final String OVER = "over";
  public static final String UNDER = "under";
  public static final String RISING = "rising";
  public static final String FALLING = "falling";

  private static final String A = "_a";
  private static final String B = "_b";
  private static final String C = "_c";
  private static final String D = "_d";
  private static final String DOCS = "_docs";
  private static final String ALL_A = "_all_a";
  private static final String ALL_C = "_all_c";
  private static final String IDX = "_idx";
  private static final String CONTENT = "_content";

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
  public record Settings(long minCount, long minDocs, int window, int top, double minLogLikelihood) {
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
  public record ChangeSettings(int window, long minCount, int top, double minLogLikelihood) {
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
    return compute(termFrequencies, PeriodCounts.of(termFrequencies, lexiconWords), topicTermFrequencies, settings, lexiconWords);
  }

  /**
   * The per-period sums that {@code term_keyness} and {@code term_changes} both start from: per
   * (period, term) its occurrences, documents and whether it is a content term, and per period
   * its tokens. Much smaller than {@code term_frequencies} (no source); a caller that writes both
   * tables computes them once and persists them.
   *
   * @param terms period, term, and the internal count columns
   * @param totals period and its token count
   */
  public record PeriodCounts(Dataset<Row> terms, Dataset<Row> totals) {
    /** From {@link TermFrequencies#compute} of the articles (every row, before any minimum count). */
    public static PeriodCounts of(Dataset<Row> termFrequencies, List<String> lexiconWords) {
      return new PeriodCounts(periodTerms(termFrequencies, lexiconWords), periodTotals(termFrequencies));
    }

    /** Both persisted with {@code level}. */
    public PeriodCounts persist(org.apache.spark.storage.StorageLevel level) {
      return new PeriodCounts(terms.persist(level), totals.persist(level));
    }
  }

  /**
   * {@link #compute(Dataset, Dataset, Settings, List)} from per-period sums already computed from
   * the same {@code termFrequencies}.
   */
  public static Dataset<Row> compute(
      Dataset<Row> termFrequencies,
      PeriodCounts periodCounts,
      Dataset<Row> topicTermFrequencies,
      Settings settings,
      List<String> lexiconWords) {
    Dataset<Row> content = termFrequencies.filter(isContent(col(Col.TERM), col(Col.POS), lexiconWords));
    Dataset<Row> periodTotals = periodCounts.totals();
    Dataset<Row> periodTerms = periodCounts.terms();

    Dataset<Row> periods;
    if (settings.window() == 0) {
      Dataset<Row> corpusTerms = periodTerms.groupBy(Col.TERM).agg(sum(A).as(ALL_A));
      Dataset<Row> corpusTotal = periodTotals.agg(sum(C).as(ALL_C));
      periods =
          periodTerms
              .join(corpusTerms, Col.TERM)
              .join(broadcast(periodTotals), Col.PERIOD)
              .crossJoin(broadcast(corpusTotal))
              .withColumn(B, col(ALL_A).minus(col(A)))
              .withColumn(D, col(ALL_C).minus(col(C)));
    } else {
      periods = preceding(periodTerms, periodTotals, settings.window());
    }
    Dataset<Row> rows =
        periods
            .filter(col(CONTENT).equalTo(1))
            .select(
                col(Col.PERIOD), lit(null).cast(StringType).as(Col.SOURCE), lit(null).cast(StringType).as(Col.TOPIC),
                col(Col.TERM), col(A), col(DOCS), col(C), col(B), col(D))
            .unionByName(againstRestOfPeriod(content, periodTerms, periodTotals, Col.SOURCE))
            .unionByName(
                againstRestOfPeriod(
                    topicTermFrequencies.filter(isContent(col(Col.TERM), col(Col.POS), lexiconWords)),
                    periodTerms, periodTotals, Col.TOPIC));
    Dataset<Row> scored =
        scored(rows.filter(col(A).geq(settings.minCount()).and(col(DOCS).geq(settings.minDocs()))))
            .filter(col(Col.LOG_LIKELIHOOD).geq(settings.minLogLikelihood()))
            .withColumn(Col.DIRECTION, when(col(A).multiply(col(D)).gt(col(B).multiply(col(C))), lit(OVER)).otherwise(lit(UNDER)));
    Column rank =
        row_number()
            .over(
                Window.partitionBy(col(Col.PERIOD), col(Col.SOURCE), col(Col.TOPIC), col(Col.DIRECTION))
                    .orderBy(col(Col.LOG_LIKELIHOOD).desc(), col(Col.TERM).asc()));
    return scored
        .withColumn(Col.RANK, rank)
        .filter(col(Col.RANK).leq(settings.top()))
        .select(
            col(Col.PERIOD),
            col(Col.SOURCE),
            col(Col.TOPIC),
            col(Col.TERM),
            col(A).as(Col.COUNT),
            col(Col.EXPECTED_COUNT),
            col(B).as(Col.REFERENCE_COUNT),
            col(Col.REFERENCE_EXPECTED_COUNT),
            col(DOCS).as(Col.DOC_COUNT),
            col(C).as(Col.TARGET_TOKENS),
            col(D).as(Col.REFERENCE_TOKENS),
            col(Col.LOG_LIKELIHOOD),
            col(Col.LOG_RATIO),
            col(Col.DIRECTION),
            col(Col.RANK).cast("int").as(Col.RANK));
  }

  /**
   * The {@code term_changes} table: per period, the content terms whose share of all terms rose or
   * fell most against the preceding {@code window} periods (ranked by the absolute log ratio, then
   * G²). A term that vanished from a period appears as falling with count 0.
   */
  public static Dataset<Row> changes(Dataset<Row> termFrequencies, ChangeSettings settings, List<String> lexiconWords) {
    return changes(PeriodCounts.of(termFrequencies, lexiconWords), settings);
  }

  /** {@link #changes(Dataset, ChangeSettings, List)} from per-period sums already computed. */
  public static Dataset<Row> changes(PeriodCounts periodCounts, ChangeSettings settings) {
    Dataset<Row> rows =
        preceding(periodCounts.terms(), periodCounts.totals(), settings.window())
            .filter(col(CONTENT).equalTo(1));
    Column rising = col(A).multiply(col(D)).gt(col(B).multiply(col(C)));
    Dataset<Row> scored =
        scored(rows)
            .withColumn(Col.DIRECTION, when(rising, lit(RISING)).otherwise(lit(FALLING)))
            .filter(
                when(rising, col(A).geq(settings.minCount())).otherwise(col(B).geq(settings.minCount()))
                    .and(col(Col.LOG_LIKELIHOOD).geq(settings.minLogLikelihood()))
                    .and(col(A).multiply(col(D)).notEqual(col(B).multiply(col(C)))));
    Column rank =
        row_number()
            .over(
                Window.partitionBy(col(Col.PERIOD), col(Col.DIRECTION))
                    .orderBy(abs(col(Col.LOG_RATIO)).desc(), col(Col.LOG_LIKELIHOOD).desc(), col(Col.TERM).asc()));
    return scored
        .withColumn(Col.RANK, rank)
        .filter(col(Col.RANK).leq(settings.top()))
        .select(
            col(Col.PERIOD),
            col(Col.TERM),
            col(A).as(Col.COUNT),
            col(A).divide(col(C)).as(Col.SHARE),
            col(B).as(Col.PREVIOUS_COUNT),
            col(B).divide(col(D)).as(Col.PREVIOUS_SHARE),
            col(C).as(Col.TARGET_TOKENS),
            col(D).as(Col.REFERENCE_TOKENS),
            col(Col.LOG_LIKELIHOOD),
            col(Col.LOG_RATIO),
            col(Col.DIRECTION),
            col(Col.RANK).cast("int").as(Col.RANK));
  }

  /** Adds expected counts, G² and log ratio to rows with A, B, C, D (all longs, C and D positive). */
  static Dataset<Row> scored(Dataset<Row> rows) {
    Column a = col(A).cast("double");
    Column b = col(B).cast("double");
    Column c = col(C).cast("double");
    Column d = col(D).cast("double");
    Column e1 = c.multiply(a.plus(b)).divide(c.plus(d));
    Column e2 = d.multiply(a.plus(b)).divide(c.plus(d));
    Column termA = when(col(A).gt(0), a.multiply(log(a.divide(col(Col.EXPECTED_COUNT))))).otherwise(lit(0.0));
    Column termB = when(col(B).gt(0), b.multiply(log(b.divide(col(Col.REFERENCE_EXPECTED_COUNT))))).otherwise(lit(0.0));
    Column relA = when(col(A).equalTo(0), lit(0.5)).otherwise(a).divide(c);
    Column relB = when(col(B).equalTo(0), lit(0.5)).otherwise(b).divide(d);
    return rows
        .filter(col(C).gt(0).and(col(D).gt(0)))
        .withColumn(Col.EXPECTED_COUNT, e1)
        .withColumn(Col.REFERENCE_EXPECTED_COUNT, e2)
        .withColumn(Col.LOG_LIKELIHOOD, termA.plus(termB).multiply(2.0))
        .withColumn(Col.LOG_RATIO, log2(relA.divide(relB)));
  }

  /**
   * Per (period, term) of every term: occurrences (A), documents (DOCS) and whether any of its rows
   * is a content term (CONTENT, 0 or 1). References are sums of these, so they count every term,
   * while only content terms become candidates.
   */
  private static Dataset<Row> periodTerms(Dataset<Row> termFrequencies, List<String> lexiconWords) {
    return termFrequencies
        .withColumn(CONTENT, isContent(col(Col.TERM), col(Col.POS), lexiconWords).cast("int"))
        .groupBy(Col.PERIOD, Col.TERM)
        .agg(sum(Col.COUNT).as(A), sum(Col.DOC_COUNT).as(DOCS), max(CONTENT).as(CONTENT));
  }

  /** Tokens per period (C), from the per-(period, source) denominators of term_frequencies. */
  private static Dataset<Row> periodTotals(Dataset<Row> termFrequencies) {
    return termFrequencies
        .groupBy(Col.PERIOD, Col.SOURCE)
        .agg(max(Col.PERIOD_SOURCE_TOKENS).as(C))
        .groupBy(Col.PERIOD)
        .agg(sum(C).as(C));
  }

  /**
   * Rows of one source (or topic, held in {@code source}) against the rest of its period: the
   * reference counts are the period's minus the target's.
   */
  private static Dataset<Row> againstRestOfPeriod(
      Dataset<Row> content, Dataset<Row> periodTerms, Dataset<Row> periodTotals, String keyColumn) {
    Dataset<Row> target =
        content.select(
            col(Col.PERIOD), col(Col.SOURCE).as("_key"), col(Col.TERM), col(Col.COUNT).as(A), col(Col.DOC_COUNT).as(DOCS),
            col(Col.PERIOD_SOURCE_TOKENS).as(C));
    Dataset<Row> joined =
        target
            .join(periodTerms.select(col(Col.PERIOD), col(Col.TERM), col(A).as(ALL_A)), new String[] {Col.PERIOD, Col.TERM})
            .join(broadcast(periodTotals.select(col(Col.PERIOD), col(C).as(ALL_C))), Col.PERIOD);
    Column none = lit(null).cast(StringType);
    return joined.select(
        col(Col.PERIOD),
        Col.SOURCE.equals(keyColumn) ? col("_key").as(Col.SOURCE) : none.as(Col.SOURCE),
        Col.TOPIC.equals(keyColumn) ? col("_key").as(Col.TOPIC) : none.as(Col.TOPIC),
        col(Col.TERM),
        col(A),
        col(DOCS),
        col(C),
        col(ALL_A).minus(col(A)).as(B),
        col(ALL_C).minus(col(C)).as(D));
  }

  /**
   * Each period's term counts (A, DOCS, CONTENT, C) beside the sums over its {@code window} preceding
   * periods with articles (B, D), including terms that occur only in those (A = 0). Periods are
   * numbered in order on the small per-period totals; term rows are then shifted forward by 1 to
   * {@code window} periods and summed, so no period needs every term.
   */
  private static Dataset<Row> preceding(Dataset<Row> periodTerms, Dataset<Row> periodTotals, int window) {
    // each period's number in order (a null period first): the periods at or before it, counted over a
    // broadcast self-join of the few hundred periods (a window over all rows would run in one task)
    Dataset<Row> periods = broadcast(periodTotals.select(col(Col.PERIOD).as("_q")));
    Dataset<Row> index =
        periodTotals.join(periods, col("_q").isNull().or(col(Col.PERIOD).isNotNull().and(col("_q").leq(col(Col.PERIOD)))))
            .groupBy(col(Col.PERIOD), col(C))
            .agg(count(lit(1)).cast(IntegerType).as(IDX));
    Column later = explode(sequence(col(IDX).plus(1), col(IDX).plus(window))).as(IDX);
    Dataset<Row> terms = periodTerms.join(broadcast(index.select(Col.PERIOD, IDX)), Col.PERIOD);
    Dataset<Row> counts =
        terms.select(col(Col.TERM), col(IDX), col(A), col(DOCS), lit(0L).as(B), col(CONTENT))
            .unionByName(terms.select(col(Col.TERM), later, lit(0L).as(A), lit(0L).as(DOCS), col(A).as(B), col(CONTENT)))
            .groupBy(Col.TERM, IDX)
            .agg(sum(A).as(A), sum(DOCS).as(DOCS), sum(B).as(B), max(CONTENT).as(CONTENT));
    Dataset<Row> totals =
        index.select(col(IDX), col(C), lit(0L).as(D))
            .unionByName(index.select(later, lit(0L).as(C), col(C).as(D)))
            .groupBy(IDX)
            .agg(sum(C).as(C), sum(D).as(D))
            .join(index.select(Col.PERIOD, IDX), IDX);
    return counts.join(broadcast(totals), IDX).drop(IDX);
  }
}
