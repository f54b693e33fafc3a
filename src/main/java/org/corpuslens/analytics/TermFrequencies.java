package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
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
 * one tag row per term); the tasks' sums of a (period, source, term) then meet, sorted next to
 * each other by a hash key, and plain Java adds them up and picks the tag ({@link PickTags}). No
 * explode of every token, no row per article and term, no distinct count, no sort by strings.
 */
public final class TermFrequencies {
  /** The hash key of {@link #tagCounts} rows. */
  public static final String KEY = "_key";
  /** Sums a task holds before handing them on (tens of MB of terms at most). */
  private static final int MAX_HELD = 200_000;

  private TermFrequencies() {}

  /** Needs period, source, tokens, token_pos, token_count. */
  public static Dataset<Row> compute(Dataset<Row> articles) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.SOURCE, Col.TOKENS, Col.TOKEN_POS, Col.TOKEN_COUNT);
    return withDenominators(pick(tagCounts(articles, 1)), denominators(articles));
  }

  /**
   * The sums per (period, source, term, tag) of the articles' tokens: columns period, source, term,
   * pos, count, doc_count (the term's documents are counted on one of its tag rows: summed over
   * the tags they are the term's) and a hash key, one partition per period (or per
   * {@code splits}-th of one), sorted by the key: what {@link #pick} reads, and what an update
   * adds its new articles' sums to ({@link #merge}). Needs period, source, tokens, token_pos.
   *
   * @param splits how many partitions a period's rows are spread over (1: a period's rows in one)
   */
  public static Dataset<Row> tagCounts(Dataset<Row> articles, int splits) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.SOURCE, Col.TOKENS, Col.TOKEN_POS);
    Dataset<Row> input = articles.select(col(Col.PERIOD), col(Col.SOURCE), col(Col.TOKENS), col(Col.TOKEN_POS));
    StructType bagSchema =
        new StructType()
            .add(Col.PERIOD, input.schema().apply(Col.PERIOD).dataType())
            .add(Col.SOURCE, StringType)
            .add(Col.TERM, StringType)
            .add(Col.POS, StringType)
            .add(Col.COUNT, LongType, false)
            .add(Col.DOC_COUNT, LongType, false);
    return merge(input.mapPartitions(new Bags(), Encoders.row(bagSchema)), splits);
  }

  /**
   * Rows of {@link #tagCounts} (without the key; from several sets of articles: an update's stored
   * sums and its new articles') summed per (period, source, term, tag), arranged as {@link
   * #tagCounts} gives them.
   */
  public static Dataset<Row> merge(Dataset<Row> tagRows, int splits) {
    // The tasks' sums of a (period, source, term) meet in one partition, next to each other (sorted
    // by a 64-bit hash of the three: one long key, Spark's radix sort), where plain Java adds them
    // up per tag. Spark's partial aggregation would find little left to add (each task has summed
    // its articles already). Partitioned by period (and a part of the key), so that a period's
    // rows are written in files of their own.
    Dataset<Row> keyed =
        tagRows
            .select(col(Col.PERIOD), col(Col.SOURCE), col(Col.TERM), col(Col.POS), col(Col.COUNT), col(Col.DOC_COUNT))
            .withColumn(KEY, xxhash64(col(Col.PERIOD), col(Col.SOURCE), col(Col.TERM)));
    Dataset<Row> arranged = splits <= 1
        ? keyed.repartition(col(Col.PERIOD))
        : keyed.repartition(col(Col.PERIOD), pmod(col(KEY), lit(splits)));
    return arranged.sortWithinPartitions(col(KEY)).mapPartitions(new SumTags(), Encoders.row(keyed.schema()));
  }

  /**
   * {@link #tagCounts} (or {@link #merge}) rows to one row per (period, source, term): period,
   * source, term, pos (the tag with the most occurrences), count, doc_count. No shuffle: the rows
   * come arranged.
   */
  public static Dataset<Row> pick(Dataset<Row> tagCounts) {
    StructType termSchema =
        new StructType()
            .add(Col.PERIOD, tagCounts.schema().apply(Col.PERIOD).dataType())
            .add(Col.SOURCE, StringType)
            .add(Col.TERM, StringType)
            .add(Col.POS, StringType)
            .add(Col.COUNT, LongType, false)
            .add(Col.DOC_COUNT, LongType, false);
    return tagCounts.mapPartitions(new PickTags(), Encoders.row(termSchema));
  }

  /** Per (period, source): the tokens and articles of the articles (needs period, source, token_count). */
  public static Dataset<Row> denominators(Dataset<Row> articles) {
    return articles
        .groupBy(Col.PERIOD, Col.SOURCE)
        .agg(
            sum(col(Col.TOKEN_COUNT)).as(Col.PERIOD_SOURCE_TOKENS),
            count(lit(1)).as(Col.PERIOD_SOURCE_ARTICLES));
  }

  /** {@link #pick} rows with their (period, source) denominators: the {@code term_frequencies} columns. */
  public static Dataset<Row> withDenominators(Dataset<Row> picked, Dataset<Row> denominators) {
    return picked
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

  /** Occurrences and documents per tag of one (period, source, term). */
  private record Group(Object period, String source, String term) {}

  /**
   * Reads rows (period, source, term, tag, n, docs, key) sorted by key and hands each key's groups
   * on when the next key starts: rows of one key are consecutive; a key shared by two (period,
   * source, term) (a hash collision) keeps them apart.
   */
  private abstract static class ByKey extends FlatIterator {
    private final java.util.Map<Group, java.util.Map<String, long[]>> groups = new java.util.LinkedHashMap<>();
    private long key;

    ByKey(Iterator<Row> rows) {
      super(rows);
    }

    /** The rows of a group of key {@code k}. */
    abstract void emit(long k, Group g, java.util.Map<String, long[]> byTag, List<Row> out);

    @Override
    List<Row> expand(Row r) {
      long k = r.getLong(6);
      List<Row> out = groups.isEmpty() || k == key ? List.of() : last();
      key = k;
      long[] sums = groups.computeIfAbsent(new Group(r.get(0), r.getString(1), r.getString(2)), g -> new java.util.HashMap<>(4))
          .computeIfAbsent(r.getString(3), t -> new long[2]);
      sums[0] += r.getLong(4);
      sums[1] += r.getLong(5);
      return out;
    }

    /** The rows of the key read so far; forgets them. */
    @Override
    List<Row> last() {
      List<Row> out = new ArrayList<>(groups.size());
      groups.forEach((g, byTag) -> emit(key, g, byTag, out));
      groups.clear();
      return out;
    }
  }

  /**
   * Executors: rows (period, source, term, tag, n, docs, key) sorted by key to one row per
   * (period, source, term, tag) with the sums, in the same layout and order.
   */
  static final class SumTags implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new ByKey(rows) {
        @Override
        void emit(long k, Group g, java.util.Map<String, long[]> byTag, List<Row> out) {
          byTag.forEach((tag, sums) -> out.add(RowFactory.create(g.period(), g.source(), g.term(), tag, sums[0], sums[1], k)));
        }
      };
    }
  }

  /**
   * Executors: the tasks' sums (period, source, term, tag, n, docs, key), sorted by key, to one row
   * per (period, source, term): occurrences and documents over all tags, and the tag with the most
   * occurrences (ties: the alphabetically first, a null tag before any).
   */
  static final class PickTags implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new ByKey(rows) {
        @Override
        void emit(long k, Group g, java.util.Map<String, long[]> byTag, List<Row> out) {
          out.add(pick(g, byTag));
        }
      };
    }

    private static Row pick(Group g, java.util.Map<String, long[]> byTag) {
      String best = null;
      long bestCount = -1;
      long all = 0;
      long docs = 0;
      for (java.util.Map.Entry<String, long[]> e : byTag.entrySet()) {
        long n = e.getValue()[0];
        all += n;
        docs += e.getValue()[1];
        if (n > bestCount || (n == bestCount && tagBefore(e.getKey(), best))) {
          best = e.getKey();
          bestCount = n;
        }
      }
      return RowFactory.create(g.period(), g.source(), g.term(), best, all, docs);
    }

    /** Null first, then by UTF-8 bytes as Spark orders strings (tags are ASCII: the same as by chars). */
    static boolean tagBefore(String a, String b) {
      if (a == null || b == null) {
        return a == null && b != null;
      }
      return java.util.Arrays.compareUnsigned(
              a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8)) < 0;
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
