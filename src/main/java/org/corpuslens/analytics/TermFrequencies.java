package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
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
 * <p>One pass over the tokens: each task sums its articles' tokens per (period, source, term, tag)
 * in plain Java ({@link PartitionTermCounts}: one hash look-up per token, the documents counted on
 * one tag row per term), and Spark adds up those partial sums across tasks; a second, much smaller
 * aggregation per term picks the tag. No explode of every token, no row per article and term, no
 * distinct count, no sort.
 */
public final class TermFrequencies {
  private static final String N = "_n";
  private static final String FIRST = "_first";
  private static final String BEST = "_best";
  private static final String RANK = "_tag_rank";
  private static final String TAGS = "_tags";
  private static final String OTHER = "_other_tag";
  /** Sums a task holds before handing them on (tens of MB of terms at most). */
  private static final int MAX_HELD = 200_000;

  private TermFrequencies() {}

  /** Needs period, source, tokens, token_pos, token_count. */
  public static Dataset<Row> compute(Dataset<Row> articles) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.SOURCE, Col.TOKENS, Col.TOKEN_POS, Col.TOKEN_COUNT);
    Dataset<Row> input = articles.select(col(Col.PERIOD), col(Col.SOURCE), col(Col.TOKENS), col(Col.TOKEN_POS));
    StructType bagSchema =
        new StructType()
            .add(Col.PERIOD, input.schema().apply(Col.PERIOD).dataType())
            .add(Col.SOURCE, StringType)
            .add(Col.TERM, StringType)
            .add(Col.POS, StringType)
            .add(N, LongType, false)
            .add(FIRST, LongType, false);
    Dataset<Row> bags = input.mapPartitions(new Bags(), Encoders.row(bagSchema));

    Dataset<Row> perTag =
        bags.groupBy(col(Col.PERIOD), col(Col.SOURCE), col(Col.TERM), col(Col.POS))
            .agg(sum(col(N)).as(N), sum(col(FIRST)).as(FIRST));

    // The tag pick as a number, so that Spark aggregates it in its fixed-width hash map (a
    // minimum over strings or structs would make it sort every (term, tag) row instead): the
    // distinct tags (a few dozen, read from token_pos alone) are ranked alphabetically, and each (term, tag) scores
    // occurrences × tags + (tags - 1 - rank); the highest score is the most frequent tag, among
    // equals the alphabetically first.
    // The rank is the number of tags before it (nulls first), counted over a broadcast cross join
    // of the few dozen tags with themselves: plain aggregates, no window (a window without a
    // partition moves all its rows to one task, and Spark warns about it every time).
    Dataset<Row> tags = articles.select(explode(array_distinct(col(Col.TOKEN_POS))).as(Col.POS)).distinct();
    Column before =
        col(Col.POS).isNotNull().and(col(OTHER).isNull().or(col(OTHER).lt(col(Col.POS))));
    Dataset<Row> tagRanks =
        tags.crossJoin(broadcast(tags.select(col(Col.POS).as(OTHER))))
            .groupBy(col(Col.POS))
            .agg(sum(when(before, 1L).otherwise(0L)).as(RANK), count(lit(1)).as(TAGS));
    Dataset<Row> perTerm =
        perTag
            .join(broadcast(tagRanks), perTag.col(Col.POS).eqNullSafe(tagRanks.col(Col.POS)), "inner")
            .drop(tagRanks.col(Col.POS))
            .groupBy(col(Col.PERIOD), col(Col.SOURCE), col(Col.TERM))
            .agg(
                sum(col(N)).as(Col.COUNT),
                sum(col(FIRST)).as(Col.DOC_COUNT),
                max(col(N).multiply(col(TAGS)).plus(col(TAGS).minus(1).minus(col(RANK)))).as(BEST),
                max(col(TAGS)).as(TAGS));
    // back from rank to tag: a second, cheap scan of token_pos alone (the two broadcasts have
    // different keys, so Spark does not reuse the first)
    Column bestRank = col(TAGS).minus(1).minus(col(BEST).mod(col(TAGS)));
    Dataset<Row> withTag =
        perTerm
            .join(broadcast(tagRanks.select(col(Col.POS), col(RANK))), bestRank.equalTo(col(RANK)), "inner");

    Dataset<Row> denominators =
        articles
            .groupBy(Col.PERIOD, Col.SOURCE)
            .agg(
                sum(col(Col.TOKEN_COUNT)).as(Col.PERIOD_SOURCE_TOKENS),
                count(lit(1)).as(Col.PERIOD_SOURCE_ARTICLES));

    return withTag
        .join(broadcast(denominators), new String[] {Col.PERIOD, Col.SOURCE}, "inner")
        .select(
            col(Col.PERIOD),
            col(Col.SOURCE),
            col(Col.TERM),
            col(Col.POS),
            col(Col.COUNT),
            col(Col.DOC_COUNT),
            col(Col.PERIOD_SOURCE_TOKENS),
            col(Col.PERIOD_SOURCE_ARTICLES));
  }

  /**
   * Executors: a partition's articles (period, source, tokens, token_pos) to their summed counts,
   * a row per (period, source, term, tag) held in {@link PartitionTermCounts}; at most
   * {@link #MAX_HELD} sums are held, then handed on and the next articles counted afresh.
   */
  private static final class Bags implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> articles) {
      PartitionTermCounts counts = new PartitionTermCounts(MAX_HELD);
      return new Iterator<>() {
        private Iterator<Row> current = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && articles.hasNext()) {
            boolean full = false;
            while (!full && articles.hasNext()) {
              Row article = articles.next();
              if (!article.isNullAt(2) && !article.isNullAt(3)) {
                full = counts.add(article.get(0), article.getString(1), article.getList(2), article.getList(3));
              }
            }
            List<Row> rows = new ArrayList<>(counts.entries());
            counts.drain((period, source, term, pos, n, docs) -> rows.add(RowFactory.create(period, source, term, pos, n, docs)));
            current = rows.iterator();
          }
          return current.hasNext();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return current.next();
        }
      };
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
