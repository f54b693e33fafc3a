package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corpuslens.segment.KnownWords;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * New words: strings of 2 to {@code maxLength} Han characters that HanLP's dictionaries do not
 * know but the corpus uses as words. Three signs, computed over all (or a sample of the) counted
 * articles' titles and texts, the first {@code maxChars} characters of each (see {@link NgramScan}):
 *
 * <ul>
 *   <li><b>frequency</b>: at least {@code minCount} occurrences in at least {@code minDocs} articles;
 *   <li><b>cohesion</b>: the pointwise mutual information of its weakest split, min over splits w =
 *       ab of log2(c(w) N / (c(a) c(b))), N the number of Han characters read: its parts occur
 *       together far more often than chance;
 *   <li><b>freedom</b>: the entropy (bits) of its left and of its right neighbour characters, the
 *       smaller of the two: a word combines with many neighbours, a fragment of a longer word
 *       ({@code 普惠} of {@code 碳普惠}) always with the same one.
 * </ul>
 *
 * Known strings are left out ({@link KnownWords}: HanLP's core and custom dictionaries, the
 * lexicon's and the user dictionary's words, phrases of known words, numerals). The terms that
 * pass, at most {@code top} (rank 1 = most occurrences, then by term), get a row per period they
 * occur in, with that period's counts and their first period.
 *
 * <p>Two passes over the texts. The first counts every gram of 1 to {@code maxLength} characters
 * (occurrences, articles): each task sums its articles' grams in a map of at most {@link
 * #PARTITION_GRAMS} entries before Spark sums the tasks'; the cohesion joins each frequent gram with
 * the counts of its prefixes and suffixes. The second counts the neighbours and periods of the at
 * most {@link #MAX_CANDIDATES} most frequent cohesive unknown grams, a set the driver ships to the
 * tasks (a bounded aggregate), which emit only their occurrences. The frequent grams, the candidates
 * and their contexts are persisted, so that each pass runs once. Memory: an article adds at most
 * {@code maxLength × maxChars} grams; {@code sample} below 1 reads a random share of the articles
 * (counts are then those of the sample).
 */
public final class NewTerms {
  /** At most this many candidates go into the second pass (the most frequent). */
  public static final int MAX_CANDIDATES = 100_000;

  /** Grams a task sums in memory before it emits them (about 100 bytes each). */
  static final int PARTITION_GRAMS = 300_000;

  /** Seed of the article sample (the same sample for the same input and partitioning). */
  static final long SAMPLE_SEED = 15L;

  private static final String N = "_n";
  private static final String DOCS = "_docs";
  private static final String LEFT = "_left";
  private static final String RIGHT = "_right";
  private static final String K = "_k";
  private static final String A = "_a";
  private static final String B = "_b";
  private static final String CA = "_ca";
  private static final String CB = "_cb";
  private static final String TOTAL_CHARS = "_chars";

  private NewTerms() {}

  /**
   * Settings of {@code new_terms}.
   *
   * @param minCount occurrences a new word needs in the articles read
   * @param minDocs articles it needs to occur in
   * @param minCohesion PMI of its weakest split, bits
   * @param minEntropy left and right neighbour entropy, bits, each
   * @param maxLength longest new word, characters (2 to 6)
   * @param maxChars characters read per article (title, a line break, text)
   * @param sample share of the articles read, (0, 1]
   * @param top new words kept (rank 1 to top)
   */
  public record Settings(
      long minCount, long minDocs, double minCohesion, double minEntropy, int maxLength, int maxChars, double sample,
      int top) {
    public static final Settings DEFAULTS = new Settings(10, 3, 8.0, 1.5, 6, 5000, 1.0, 200);
  }

  /**
   * The new words of {@code articles} (period, title, text: the counted articles): {@link
   * Schemas#NEW_TERM_COLUMNS}, a row per (period, term), ordered by rank and period.
   */
  public static Dataset<Row> compute(Dataset<Row> articles, Settings s, KnownWords known) {
    return compute(articles, s, known, new ArrayList<>());
  }

  /**
   * As {@link #compute(Dataset, Settings, KnownWords)}, each pass computed once: the frequent
   * strings, the candidates and their contexts are persisted and added to {@code cached}, for the
   * caller to unpersist once the result is written.
   */
  public static Dataset<Row> compute(Dataset<Row> articles, Settings s, KnownWords known, List<Dataset<Row>> cached) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.TITLE, Col.TEXT);
    Dataset<Row> input = articles.select(
        col(Col.PERIOD), concat_ws("\n", coalesce(col(Col.TITLE), lit("")), coalesce(col(Col.TEXT), lit(""))).as(Col.TEXT));
    if (s.sample() < 1.0) {
      input = input.sample(false, s.sample(), SAMPLE_SEED);
    }

    // pass 1: every gram's occurrences and articles; the gram "" carries each article's Han characters
    StructType gramSchema = new StructType().add(Col.TERM, StringType, false).add(N, LongType, false)
        .add(DOCS, LongType, false);
    Dataset<Row> counts = input.select(col(Col.TEXT))
        .mapPartitions(new GramRows(s.maxLength(), s.maxChars()), Encoders.row(gramSchema))
        .groupBy(col(Col.TERM))
        .agg(sum(col(N)).as(Col.TOTAL_COUNT), sum(col(DOCS)).as(Col.TOTAL_DOC_COUNT));
    // the frequent strings, and "" (its count is every Han character read, N, unless N < minCount)
    Dataset<Row> kept = counts.where(col(Col.TOTAL_COUNT).geq(s.minCount()).or(col(Col.TERM).equalTo("")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(kept);
    Dataset<Row> totalChars = kept.where(col(Col.TERM).equalTo("")).select(col(Col.TOTAL_COUNT).as(TOTAL_CHARS));
    Dataset<Row> frequent = kept.where(col(Col.TOTAL_COUNT).geq(s.minCount()).and(length(col(Col.TERM)).gt(0)));

    Dataset<Row> unknown = frequent
        .where(length(col(Col.TERM)).geq(2).and(col(Col.TOTAL_DOC_COUNT).geq(s.minDocs())))
        .filter(new Unknown(known));
    Column gram = col(Col.TERM);
    Dataset<Row> cohesive = unknown
        .withColumn(K, explode(sequence(lit(1), length(gram).minus(1))))
        .withColumn(A, gram.substr(lit(1), col(K)))
        .withColumn(B, gram.substr(col(K).plus(1), length(gram).minus(col(K))))
        .join(frequent.select(col(Col.TERM).as(A), col(Col.TOTAL_COUNT).as(CA)), A)
        .join(frequent.select(col(Col.TERM).as(B), col(Col.TOTAL_COUNT).as(CB)), B)
        .crossJoin(totalChars)
        .groupBy(col(Col.TERM), col(Col.TOTAL_COUNT), col(Col.TOTAL_DOC_COUNT))
        .agg(min(log2(col(Col.TOTAL_COUNT).cast("double").multiply(col(TOTAL_CHARS))
            .divide(col(CA).cast("double").multiply(col(CB))))).as(Col.COHESION))
        .where(col(Col.COHESION).geq(s.minCohesion()))
        .orderBy(col(Col.TOTAL_COUNT).desc(), col(Col.TERM))
        .limit(MAX_CANDIDATES)
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(cohesive);

    // pass 2: the candidates' neighbours and periods
    StructType contextSchema = new StructType()
        .add(Col.PERIOD, input.schema().apply(Col.PERIOD).dataType())
        .add(Col.TERM, StringType, false)
        .add(LEFT, StringType, false)
        .add(RIGHT, StringType, false)
        .add(N, LongType, false)
        .add(DOCS, IntegerType, false);
    // bounded: at most MAX_CANDIDATES strings, shipped to the tasks so that they emit only their occurrences
    Set<String> candidates = new HashSet<>();
    for (Row r : cohesive.select(col(Col.TERM)).collectAsList()) {
      candidates.add(r.getString(0));
    }
    org.apache.spark.broadcast.Broadcast<Set<String>> shipped =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(articles.sparkSession().sparkContext()).broadcast(candidates);
    Dataset<Row> contexts = input
        .mapPartitions(new ContextRows(s.maxLength(), s.maxChars(), shipped), Encoders.row(contextSchema))
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(contexts);
    Dataset<Row> left = entropy(contexts, LEFT, Col.LEFT_ENTROPY);
    Dataset<Row> right = entropy(contexts, RIGHT, Col.RIGHT_ENTROPY);
    Dataset<Row> perPeriod = contexts.groupBy(col(Col.PERIOD), col(Col.TERM))
        .agg(sum(col(N)).as(Col.COUNT), sum(col(DOCS)).cast(LongType).as(Col.DOC_COUNT));
    Dataset<Row> first = perPeriod.groupBy(col(Col.TERM)).agg(min(col(Col.PERIOD)).as(Col.FIRST_PERIOD));

    Dataset<Row> terms = cohesive
        .join(left, Col.TERM)
        .join(right, Col.TERM)
        .where(least(col(Col.LEFT_ENTROPY), col(Col.RIGHT_ENTROPY)).geq(s.minEntropy()))
        .orderBy(col(Col.TOTAL_COUNT).desc(), col(Col.TERM))
        .limit(s.top());
    // the rank among at most `top` rows: the terms at or before each (more frequent, or as frequent
    // and earlier in code-point order), over a broadcast self-join rather than a window without a partition
    Dataset<Row> others = broadcast(terms.select(col(Col.TOTAL_COUNT).as("_oc"), col(Col.TERM).as("_ot")));
    Dataset<Row> ranked = terms
        .join(others, col("_oc").gt(col(Col.TOTAL_COUNT))
            .or(col("_oc").equalTo(col(Col.TOTAL_COUNT)).and(col("_ot").leq(col(Col.TERM)))))
        .drop("_oc", "_ot")
        .groupBy(Arrays.stream(terms.columns()).map(c -> col(c)).toArray(Column[]::new))
        .agg(count(lit(1)).cast(IntegerType).as(Col.RANK));
    return perPeriod
        .join(ranked, Col.TERM)
        .join(first, Col.TERM)
        .select(Schemas.NEW_TERM_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
        .orderBy(col(Col.RANK), col(Col.PERIOD));
  }

  /** Per term, the entropy in bits of its neighbours in column {@code side}: log2(S) - sum(m log2 m) / S. */
  private static Dataset<Row> entropy(Dataset<Row> contexts, String side, String as) {
    return contexts.groupBy(col(Col.TERM), col(side)).agg(sum(col(N)).as("_m"))
        .groupBy(col(Col.TERM))
        .agg(sum(col("_m")).as("_s"), sum(col("_m").multiply(log2(col("_m")))).as("_t"))
        .select(col(Col.TERM), log2(col("_s")).minus(col("_t").divide(col("_s"))).as(as));
  }

  /** Not a known word ({@link KnownWords#isKnown}). */
  private static final class Unknown implements FilterFunction<Row> {
    private static final long serialVersionUID = 1L;
    private final KnownWords known;

    Unknown(KnownWords known) {
      this.known = known;
    }

    @Override
    public boolean call(Row r) {
      return !known.isKnown(r.getString(0));
    }
  }

  /**
   * text → (gram, occurrences, articles), summed over the partition's articles in a map of at most
   * {@link #PARTITION_GRAMS} grams (emitted and cleared when full, and at the end), with the gram ""
   * carrying the Han characters read.
   */
  private static final class GramRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int maxLength;
    private final int maxChars;

    GramRows(int maxLength, int maxChars) {
      this.maxLength = maxLength;
      this.maxChars = maxChars;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new FlatIterator(rows) {
        private final Map<String, long[]> sums = new java.util.HashMap<>();

        @Override
        List<Row> expand(Row r) {
          Map<String, Integer> grams = NgramScan.counts(r.getString(0), maxLength, maxChars);
          long chars = 0;
          for (Map.Entry<String, Integer> e : grams.entrySet()) {
            long[] sum = sums.computeIfAbsent(e.getKey(), k -> new long[2]);
            sum[0] += e.getValue();
            sum[1]++;
            if (e.getKey().length() == 1) {
              chars += e.getValue();
            }
          }
          long[] all = sums.computeIfAbsent("", k -> new long[2]);
          all[0] += chars;
          all[1]++;
          return sums.size() >= PARTITION_GRAMS ? flush() : List.of();
        }

        @Override
        List<Row> last() {
          return flush();
        }

        private List<Row> flush() {
          List<Row> out = new ArrayList<>(sums.size());
          sums.forEach((gram, sum) -> out.add(RowFactory.create(gram, sum[0], sum[1])));
          sums.clear();
          return out;
        }
      };
    }
  }

  /** (period, text) → (period, candidate, left, right, occurrences, 1 on the candidate's first row of the article). */
  private static final class ContextRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int maxLength;
    private final int maxChars;
    private final org.apache.spark.broadcast.Broadcast<Set<String>> candidates;

    ContextRows(int maxLength, int maxChars, org.apache.spark.broadcast.Broadcast<Set<String>> candidates) {
      this.maxLength = maxLength;
      this.maxChars = maxChars;
      this.candidates = candidates;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Set<String> wanted = candidates.value();
      return new FlatIterator(rows) {
        @Override
        List<Row> expand(Row r) {
          Object period = r.get(0);
          Map<NgramScan.Context, Integer> contexts = NgramScan.contexts(r.getString(1), maxLength, maxChars, wanted);
          List<Row> out = new ArrayList<>(contexts.size());
          Set<String> seen = new HashSet<>();
          for (Map.Entry<NgramScan.Context, Integer> e : contexts.entrySet()) {
            NgramScan.Context c = e.getKey();
            out.add(RowFactory.create(period, c.gram(), c.left(), c.right(), (long) e.getValue(), seen.add(c.gram()) ? 1 : 0));
          }
          return out;
        }
      };
    }
  }
}
