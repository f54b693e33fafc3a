package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Near-duplicates: syndicated copies with small edits (another lead line, a source or editor line,
 * a trimmed or added paragraph, traditional characters, full-width forms). Linear in the number
 * of articles, never all pairs:
 *
 * <ol>
 *   <li>each article's MinHash signature over character shingles of its normalised text, cut into
 *       bands of {@code r} values, each band hashed into a bucket key ({@link
 *       NearDuplicateText#bandKeys}, one call per article); articles sharing a bucket are candidates.
 *       Within a bucket, ordered by time, each article is paired with the bucket's first and with
 *       its predecessor only, so a bucket of n articles gives at most 2n pairs (a boilerplate bucket
 *       of thousands does not explode);
 *   <li>every candidate pair verified by the exact Jaccard similarity of the two shingle sets
 *       (each candidate's set computed once), kept when at least the threshold;
 *   <li>groups formed transitively, as connected components of the verified pairs: by union-find
 *       in one task when there are at most {@link #ONE_TASK_EDGES} pairs (one job), otherwise by
 *       iterative min-label propagation with joins and aggregates (two jobs a step); nothing is
 *       collected to the driver. The kept article is the earliest member by ({@code
 *       published_at}, {@code source_path}, {@code article_id});
 *   <li>each other member gets {@code duplicate_of} = the kept article and {@code similarity} =
 *       its exact Jaccard similarity to it (below the threshold only for members joined through
 *       a third article).
 * </ol>
 */
public final class NearDuplicates {
  private static final Logger LOG = LoggerFactory.getLogger(NearDuplicates.class);

  /** Default Jaccard threshold of {@code --near-duplicate-threshold}. */
  public static final double DEFAULT_THRESHOLD = 0.8;

  /** Label propagation stops here at the latest (groups of near-duplicates are shallow). */
  static final int MAX_ITERATIONS = 50;

  static final String KEY = "_key";
  static final String A = "_a";
  static final String B = "_b";
  static final String ID = "_id";
  static final String LABEL = "_label";
  static final String SHINGLES = "_shingles";

  private NearDuplicates() {}

  /**
   * The column of stored band keys ({@link #bandKeys}): when an input has it, {@link #find} takes the
   * buckets from it instead of computing each text's signature again.
   */
  public static final String BAND_KEYS = "band_keys";

  /**
   * The near-duplicates among {@code articles}: {@code (_duplicate_id, duplicate_of, similarity)}
   * for every article that is not the earliest of its group. Needs article_id, text,
   * published_at, source_path (and uses {@link #BAND_KEYS} when it has it). Runs a few small Spark jobs.
   */
  public static Dataset<Row> find(Dataset<Row> articles, double threshold) {
    return find(articles, threshold, ONE_TASK_EDGES);
  }

  /** {@link #find(Dataset, double)}, forming the groups in one task up to {@code oneTaskEdges} verified pairs. */
  static Dataset<Row> find(Dataset<Row> articles, double threshold, long oneTaskEdges) {
    Schemas.requireColumns(articles, "articles", Col.ARTICLE_ID, Col.TEXT);
    return find(articles, articles.select(col(Col.ARTICLE_ID), col(Col.TEXT)), threshold, oneTaskEdges);
  }

  /**
   * The same from the articles' keys ({@code article_id, published_at, source_path} and {@link
   * #BAND_KEYS}, or the text to compute them from) and their texts ({@code article_id, text}),
   * which are read only for the candidates.
   */
  public static Dataset<Row> find(Dataset<Row> keys, Dataset<Row> texts, double threshold) {
    return find(keys, texts, threshold, ONE_TASK_EDGES);
  }

  /**
   * The bucket keys of {@code text} for a Jaccard {@code threshold} (an array of longs, null for a
   * text too short to compare): what {@link #find} explodes into buckets, and what an update stores.
   */
  public static Column bandKeys(Column text, double threshold) {
    checkThreshold(threshold);
    int[] banding = NearDuplicateText.banding(threshold);
    int rows = banding[0];
    int bands = banding[1];
    UserDefinedFunction keys =
        udf((UDF1<String, long[]>) t -> t == null ? null : NearDuplicateText.bandKeys(t, rows, bands),
            DataTypes.createArrayType(DataTypes.LongType, false));
    return keys.apply(text);
  }

  static void checkThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the near-duplicate threshold must be in (0, 1], not " + threshold);
    }
  }

  static Dataset<Row> find(Dataset<Row> articles, Dataset<Row> textsById, double threshold, long oneTaskEdges) {
    Schemas.requireColumns(articles, "articles", Col.ARTICLE_ID, Col.PUBLISHED_AT, Col.SOURCE_PATH);
    checkThreshold(threshold);
    int[] banding = NearDuplicateText.banding(threshold);
    int rows = banding[0];
    int bands = banding[1];
    Column bandKeys = java.util.Arrays.asList(articles.columns()).contains(BAND_KEYS)
        ? col(BAND_KEYS)
        : bandKeys(col(Col.TEXT), threshold);
    // a candidate's shingles are computed once, not once per pair it is in: the pairs of a
    // boilerplate bucket would otherwise normalise and shingle the same texts again and again
    UserDefinedFunction shingles = shingles();
    UserDefinedFunction similarity = similarity();

    // the keys in one call per article, exploded at once: a filter on a signature column would be
    // pushed below its projection and evaluate the function twice (a short text's null array
    // gives no rows)
    Dataset<Row> buckets =
        articles.select(
            col(Col.ARTICLE_ID), col(Col.PUBLISHED_AT), explode(bandKeys).as(KEY));
    // the order within a bucket only decides who is paired with whom (the kept article is decided by
    // the labels below), so the path is not shuffled with the bucket rows
    // a bucket is its key alone: each band's keys are hashed from a seed of their own, so keys of two
    // bands meet only by a 64-bit collision (whose extra candidates the verification drops); one long
    // as the first sort key lets the sort compare prefixes instead of whole rows
    WindowSpec bucket = Window.partitionBy(col(KEY)).orderBy(col(Col.PUBLISHED_AT), col(Col.ARTICLE_ID));
    Dataset<Row> refs =
        buckets.select(
            col(Col.ARTICLE_ID), first(col(Col.ARTICLE_ID)).over(bucket).as("_first"), lag(col(Col.ARTICLE_ID), 1).over(bucket).as("_prev"));
    Dataset<Row> pairs =
        refs.where(col("_first").notEqual(col(Col.ARTICLE_ID)))
            .select(col("_first").as(A), col(Col.ARTICLE_ID).as(B))
            .union(
                refs.where(col("_prev").isNotNull().and(col("_prev").notEqual(col("_first"))))
                    .select(col("_prev").as(A), col(Col.ARTICLE_ID).as(B)))
            .distinct()
            // the texts and the verification below both read the pairs: one pass over the articles
            .localCheckpoint();

    // verification: only the candidate articles are joined to the pairs, each with its shingles
    Dataset<Row> candidateIds = pairs.select(col(A).as(ID)).union(pairs.select(col(B).as(ID))).distinct();
    Dataset<Row> texts =
        articles
            .select(col(Col.ARTICLE_ID).as(ID), struct(col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH), col(Col.ARTICLE_ID)).as(LABEL))
            .join(candidateIds, ID)
            .join(textsById.select(col(Col.ARTICLE_ID).as(ID), col(Col.TEXT)), ID)
            .select(col(ID), shingles.apply(col(Col.TEXT)).as(SHINGLES), col(LABEL))
            .localCheckpoint();
    Dataset<Row> ta = texts.select(col(ID).as(A), col(SHINGLES).as("_ta"));
    Dataset<Row> tb = texts.select(col(ID).as(B), col(SHINGLES).as("_tb"));
    Dataset<Row> edges =
        pairs.join(ta, A).join(tb, B)
            .select(col(A), col(B), similarity.apply(col("_ta"), col("_tb")).as(Col.SIMILARITY))
            .where(col(Col.SIMILARITY).geq(threshold))
            .select(col(A), col(B))
            .localCheckpoint();

    // connected components; the kept article of a group is its member with the smallest label
    long edgeCount = edges.count();
    Dataset<Row> members =
        edgeCount <= oneTaskEdges ? groupsInOneTask(edges, texts) : groupsByPropagation(edges, texts, threshold, rows, bands);
    return members.join(ta, A).join(tb, B)
        .select(
            col(A).as(Duplicates.DUPLICATE_ID),
            col(B).as(Col.DUPLICATE_OF),
            similarity.apply(col("_ta"), col("_tb")).as(Col.SIMILARITY));
  }

  /** A text's sorted shingle hashes (empty for a null text), as {@link #similarity} compares them. */
  static UserDefinedFunction shingles() {
    return udf((UDF1<String, long[]>) text -> text == null ? new long[0] : NearDuplicateText.shinglesOf(text),
        DataTypes.createArrayType(DataTypes.LongType, false));
  }

  /** The exact Jaccard similarity of two columns of {@link #shingles}. */
  static UserDefinedFunction similarity() {
    return udf((UDF2<scala.collection.Seq<Object>, scala.collection.Seq<Object>, Double>)
            (a, b) -> NearDuplicateText.jaccard(longs(a), longs(b)),
        DataTypes.DoubleType);
  }

  /**
   * Up to this many verified pairs, the groups are formed by union-find in one task (about 100 bytes
   * a pair, one job); above it, by min-label propagation over joins (two jobs a step).
   */
  static final long ONE_TASK_EDGES = 1_000_000;

  private static final StructType MEMBERS =
      new StructType().add(A, DataTypes.StringType, false).add(B, DataTypes.StringType, false);

  /** (_a = member, _b = kept member) for every member of a group that is not kept: union-find in one task. */
  static Dataset<Row> groupsInOneTask(Dataset<Row> edges, Dataset<Row> texts) {
    return edges
        .join(texts.select(col(ID).as(A), col(LABEL).as("_la")), A)
        .join(texts.select(col(ID).as(B), col(LABEL).as("_lb")), B)
        .select(col("_la"), col("_lb"))
        .repartition(1)
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) pairs -> {
              LinkedGroups groups = new LinkedGroups();
              while (pairs.hasNext()) {
                Row pair = pairs.next();
                groups.link(key(pair.getStruct(0)), key(pair.getStruct(1)));
              }
              return groups.members().stream().map(m -> RowFactory.create(m.articleId(), m.keptId())).iterator();
            },
            Encoders.row(MEMBERS));
  }

  /** A column of {@link #SHINGLES} as the sorted array {@link NearDuplicateText#jaccard} compares. */
  static long[] longs(scala.collection.Seq<Object> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Long) values.apply(i);
    }
    return out;
  }

  /** A label struct (published_at, source_path, article_id) as the key {@link LinkedGroups} compares. */
  static LinkedGroups.Key key(Row label) {
    Object t = label.get(0);
    Long micros = null;
    if (t instanceof java.time.Instant i) {
      micros = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
    } else if (t instanceof java.sql.Timestamp ts) {
      java.time.Instant i = ts.toInstant();
      micros = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
    } else if (t != null) {
      throw new IllegalStateException("published_at is a " + t.getClass().getName() + ", not a timestamp");
    }
    return new LinkedGroups.Key(micros, label.isNullAt(1) ? null : label.getString(1), label.getString(2));
  }

  /** The same as {@link #groupsInOneTask}, for more pairs than one task holds: every vertex takes the smallest label among itself and its neighbours until none changes. */
  private static Dataset<Row> groupsByPropagation(
      Dataset<Row> edges, Dataset<Row> texts, double threshold, int rows, int bands) {
    Dataset<Row> both = edges.union(edges.select(col(B).as(A), col(A).as(B)));
    Dataset<Row> labels =
        edges.select(col(A).as(ID)).union(edges.select(col(B).as(ID))).distinct()
            .join(texts.select(col(ID), col(LABEL)), ID)
            .localCheckpoint();
    int steps = 0;
    while (true) {
      steps++;
      Dataset<Row> spread = both.join(labels, both.col(A).equalTo(labels.col(ID))).select(col(B).as(ID), col(LABEL));
      Dataset<Row> next = labels.union(spread).groupBy(col(ID)).agg(min(col(LABEL)).as(LABEL)).localCheckpoint();
      long changed =
          next.join(labels.select(col(ID), col(LABEL).as("_old")), ID).where(col(LABEL).notEqual(col("_old"))).count();
      labels = next;
      if (changed == 0) {
        break;
      }
      if (steps >= MAX_ITERATIONS) {
        throw new IllegalStateException("near-duplicate groups did not settle in " + MAX_ITERATIONS + " propagation steps");
      }
    }
    LOG.info("near-duplicates: threshold {}, {} rows x {} bands, groups settled in {} propagation steps", threshold, rows, bands, steps);
    return labels.where(col(LABEL + "." + Col.ARTICLE_ID).notEqual(col(ID)))
        .select(col(ID).as(A), col(LABEL + "." + Col.ARTICLE_ID).as(B));
  }

  /**
   * Exact and near duplicates together, {@code (_duplicate_id, duplicate_of, similarity)}: exact
   * duplicates (from {@link Duplicates#find}) have similarity 1, unless the article they copy is
   * itself a near-duplicate of an earlier one: then they point to that earlier article with its
   * similarity, so every {@code duplicate_of} names an article that is kept.
   */
  public static Dataset<Row> combine(Dataset<Row> exact, Dataset<Row> near) {
    Dataset<Row> roots =
        near.select(col(Duplicates.DUPLICATE_ID).as("_k"), col(Col.DUPLICATE_OF).as("_root"), col(Col.SIMILARITY).as("_s"));
    Dataset<Row> repointed =
        exact.join(roots, exact.col(Col.DUPLICATE_OF).equalTo(roots.col("_k")), "left_outer")
            .select(
                col(Duplicates.DUPLICATE_ID),
                coalesce(col("_root"), col(Col.DUPLICATE_OF)).as(Col.DUPLICATE_OF),
                coalesce(col("_s"), lit(1.0)).as(Col.SIMILARITY));
    return repointed.unionByName(near.select(col(Duplicates.DUPLICATE_ID), col(Col.DUPLICATE_OF), col(Col.SIMILARITY)));
  }
}
