package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Term frequencies per (period, source, term): occurrences, the number of articles that contain
 * the term, the term's most frequent part of speech (ties: the alphabetically first tag), and the
 * denominators {@code period_source_tokens} and {@code period_source_articles}.
 *
 * <p>One pass over the tokens: each article becomes its {@link TermBag} (a row per distinct
 * (term, tag), with its count and a first-of-term flag), which Spark sums per (period, source,
 * term, tag), combining on the map side before the shuffle; a second, much smaller aggregation
 * per term picks the tag. The same pass gives each article's token count to its key's
 * denominators, and ({@link #computeWithTopics}) the bags of each topic's articles: the tokens are
 * read once for all of it. No explode of every token, no distinct count, no sort.
 */
public final class TermFrequencies {
  private static final String N = "_n";
  private static final String FIRST = "_first";
  private static final String BEST = "_best";
  private static final String RANK = "_tag_rank";
  private static final String TAGS = "_tags";
  private static final String OTHER = "_other_tag";
  private static final String KIND = "_kind";
  private static final int SOURCE_ROWS = 0;
  private static final int TOPIC_ROWS = 1;
  private static final int DENOMINATORS = 2;

  /** The column of {@link #computeWithTopics}' input: the names of the topics an article matches. */
  public static final String TOPICS = "_topics";

  private TermFrequencies() {}

  /** Needs period, source, tokens, token_pos, token_count. */
  public static Dataset<Row> compute(Dataset<Row> articles) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.SOURCE, Col.TOKENS, Col.TOKEN_POS, Col.TOKEN_COUNT);
    return keyed(articles.select(col(Col.PERIOD), col(Col.SOURCE), col(Col.TOKENS), col(Col.TOKEN_POS), col(Col.TOKEN_COUNT)))
        .filter(col(KIND).equalTo(SOURCE_ROWS))
        .drop(KIND);
  }

  /**
   * {@link #compute} of the articles and, in the same pass over their tokens, of each topic's
   * matching articles: the rows of {@link WithTopics#topics} hold the topic in {@code source} and
   * are what {@link #compute} gives for the articles that mention it. Needs period, source, tokens,
   * token_pos, token_count and {@link #TOPICS} (the names of the topics an article matches).
   */
  public static WithTopics computeWithTopics(Dataset<Row> articles) {
    Schemas.requireColumns(
        articles, "articles", Col.PERIOD, Col.SOURCE, Col.TOKENS, Col.TOKEN_POS, Col.TOKEN_COUNT, TOPICS);
    return new WithTopics(keyed(articles.select(
        col(Col.PERIOD), col(Col.SOURCE), col(Col.TOKENS), col(Col.TOKEN_POS), col(Col.TOKEN_COUNT), col(TOPICS))));
  }

  /**
   * Both tables of {@link #computeWithTopics}, as one dataset told apart by an internal column (so
   * that a caller persists them once).
   */
  public record WithTopics(Dataset<Row> both) {
    /** The rows per (period, source, term): {@link #compute} of the articles. */
    public Dataset<Row> articles() {
      return both.filter(col(KIND).equalTo(SOURCE_ROWS)).drop(KIND);
    }

    /** The rows per (period, topic, term), the topic in {@code source}. */
    public Dataset<Row> topics() {
      return both.filter(col(KIND).equalTo(TOPIC_ROWS)).drop(KIND);
    }

    /** Persisted with {@code level}. */
    public WithTopics persist(org.apache.spark.storage.StorageLevel level) {
      return new WithTopics(both.persist(level));
    }
  }

  /**
   * One scan of the articles (period, source, tokens, token_pos, token_count, and topics when
   * present): each article becomes its bag's rows under its source (kind 0) and under each topic it
   * matches (kind 1), plus one row per key with its token count and no term (kinds 2 and 3: the
   * denominators); one aggregation sums them all.
   */
  private static Dataset<Row> keyed(Dataset<Row> input) {
    StructType bagSchema =
        new StructType()
            .add(Col.PERIOD, input.schema().apply(Col.PERIOD).dataType())
            .add(KIND, IntegerType, false)
            .add(Col.SOURCE, StringType)
            .add(Col.TERM, StringType)
            .add(Col.POS, StringType)
            .add(N, LongType, true)
            .add(FIRST, IntegerType, false);
    Dataset<Row> bags = input.mapPartitions(new Bags(input.columns().length > 5), Encoders.row(bagSchema));

    Dataset<Row> perTag =
        bags.groupBy(col(Col.PERIOD), col(KIND), col(Col.SOURCE), col(Col.TERM), col(Col.POS))
            .agg(sum(col(N)).as(N), sum(col(FIRST)).as(FIRST));
    Dataset<Row> terms = perTag.filter(col(KIND).lt(DENOMINATORS));

    // The tag pick as a number, so that Spark aggregates it in its fixed-width hash map (a
    // minimum over strings or structs would make it sort every (term, tag) row instead): the
    // distinct tags (a few dozen) are ranked alphabetically, and each (term, tag) scores
    // occurrences × tags + (tags - 1 - rank); the highest score is the most frequent tag, among
    // equals the alphabetically first.
    // The rank is the number of tags before it (nulls first), counted over a broadcast cross join
    // of the few dozen tags with themselves: plain aggregates, no window (a window without a
    // partition moves all its rows to one task, and Spark warns about it every time).
    Dataset<Row> tags = terms.select(col(Col.POS)).distinct();
    Column before =
        col(Col.POS).isNotNull().and(col(OTHER).isNull().or(col(OTHER).lt(col(Col.POS))));
    Dataset<Row> tagRanks =
        tags.crossJoin(broadcast(tags.select(col(Col.POS).as(OTHER))))
            .groupBy(col(Col.POS))
            .agg(sum(when(before, 1L).otherwise(0L)).as(RANK), count(lit(1)).as(TAGS));
    Dataset<Row> perTerm =
        terms
            .join(broadcast(tagRanks), terms.col(Col.POS).eqNullSafe(tagRanks.col(Col.POS)), "inner")
            .drop(tagRanks.col(Col.POS))
            .groupBy(col(Col.PERIOD), col(KIND), col(Col.SOURCE), col(Col.TERM))
            .agg(
                sum(col(N)).as(Col.COUNT),
                sum(col(FIRST)).as(Col.DOC_COUNT),
                max(col(N).multiply(col(TAGS)).plus(col(TAGS).minus(1).minus(col(RANK)))).as(BEST),
                max(col(TAGS)).as(TAGS));
    Column bestRank = col(TAGS).minus(1).minus(col(BEST).mod(col(TAGS)));
    Dataset<Row> withTag =
        perTerm
            .join(broadcast(tagRanks.select(col(Col.POS), col(RANK))), bestRank.equalTo(col(RANK)), "inner");

    Dataset<Row> denominators =
        perTag
            .filter(col(KIND).geq(DENOMINATORS))
            .select(
                col(Col.PERIOD),
                col(KIND).minus(DENOMINATORS).as(KIND),
                col(Col.SOURCE),
                col(N).as(Col.PERIOD_SOURCE_TOKENS),
                col(FIRST).as(Col.PERIOD_SOURCE_ARTICLES));

    return withTag
        .join(broadcast(denominators), new String[] {Col.PERIOD, KIND, Col.SOURCE}, "inner")
        .select(
            col(Col.PERIOD),
            col(Col.SOURCE),
            col(Col.TERM),
            col(Col.POS),
            col(Col.COUNT),
            col(Col.DOC_COUNT),
            col(Col.PERIOD_SOURCE_TOKENS),
            col(Col.PERIOD_SOURCE_ARTICLES),
            col(KIND));
  }

  /**
   * Executors: each article (period, source, tokens, token_pos, token_count[, topics]) to its
   * bag's rows under its source and each of its topics, and one denominator row per key.
   */
  private static final class Bags implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final boolean withTopics;

    Bags(boolean withTopics) {
      this.withTopics = withTopics;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> articles) {
      return new Iterator<>() {
        private Iterator<Row> current = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && articles.hasNext()) {
            current = rows(articles.next());
          }
          return current.hasNext();
        }

        @Override
        public Row next() {
          hasNext();
          return current.next();
        }
      };
    }

    private Iterator<Row> rows(Row article) {
      Object period = article.get(0);
      String source = article.getString(1);
      Long tokens = article.isNullAt(4) ? null : (long) article.getInt(4);
      List<String> topics = withTopics && !article.isNullAt(5) ? article.getList(5) : List.of();
      List<TermBag.Entry> bag =
          article.isNullAt(2) || article.isNullAt(3) ? List.of() : TermBag.of(article.getList(2), article.getList(3));
      List<Row> rows = new ArrayList<>((bag.size() + 1) * (1 + topics.size()));
      // every article counts in its keys' denominators, also one without tokens
      rows.add(RowFactory.create(period, DENOMINATORS + SOURCE_ROWS, source, null, null, tokens, 1));
      for (String topic : topics) {
        rows.add(RowFactory.create(period, DENOMINATORS + TOPIC_ROWS, topic, null, null, tokens, 1));
      }
      for (TermBag.Entry e : bag) {
        long n = e.count();
        rows.add(RowFactory.create(period, SOURCE_ROWS, source, e.term(), e.pos(), n, e.firstOfTerm()));
        for (String topic : topics) {
          rows.add(RowFactory.create(period, TOPIC_ROWS, topic, e.term(), e.pos(), n, e.firstOfTerm()));
        }
      }
      return rows.iterator();
    }
  }

  /**
   * The rows of a {@link #compute} result with at least {@code minCount} occurrences (the long
   * tail of rare terms is the user's choice: {@code --min-term-count}). The denominators are not
   * changed: {@code period_source_tokens} still counts every term.
   */
  public static Dataset<Row> atLeast(Dataset<Row> termFrequencies, long minCount) {
    if (minCount < 1) {
      throw new IllegalArgumentException("minimum term count must be at least 1, got " + minCount);
    }
    return minCount == 1 ? termFrequencies : termFrequencies.filter(col(Col.COUNT).geq(minCount));
  }
}
