package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Duplicate marks for an update: the new articles of an incremental run compared with the stored
 * keys of the earlier ones (a hidden table written with {@code articles}: per article its content
 * hash, its near-duplicate band keys and its marks), without reading the earlier articles again
 * except the few texts a new pair needs. The marks are those {@link Duplicates} and {@link
 * NearDuplicates} would give over the whole table, provided no earlier article's mark changes; when
 * one would (a new article earlier than a stored one it repeats or shares a bucket with, or one
 * that joins two stored groups), {@link Result#conflicts} says how many and the caller marks the
 * whole table again.
 *
 * <p>Why the stored marks stay valid when there is no conflict: exact groups are ordered by
 * {@code (published_at, source_path)}, and a group with a new member keeps its stored kept article
 * when that article stays first, which is checked for every stored member of every touched group.
 * In a near-duplicate bucket each member pairs with the bucket's first member and its predecessor;
 * the pairs of every touched bucket are made twice, over its stored members (the previous run's)
 * and over all its members. A new article adds pairs with itself, and when it sorts before stored
 * members it takes the place of some stored pairs: those are verified, and one that was a verified
 * pair is a conflict (the stored groups could split). Otherwise the stored groups stand, and the
 * groups are formed again over the verified new pairs plus one edge from each stored member they
 * touch to its group's kept article; a stored member whose kept article would change is a
 * conflict.
 */
public final class IncrementalDuplicates {
  /** The exact duplicate's kept article (before near-duplicate groups repoint it), or null. */
  public static final String EXACT_OF = "exact_of";
  /** The near-duplicate threshold the stored band keys were made for (0: none made). */
  public static final String NEAR_THRESHOLD = "near_threshold";

  /** The stored keys' columns, in order. */
  public static final List<String> KEY_COLUMNS =
      List.of(Col.ARTICLE_ID, Col.PUBLISHED_AT, Col.SOURCE_PATH, Col.YEAR, Duplicates.CONTENT_KEY,
          NearDuplicates.BAND_KEYS, EXACT_OF, Col.DUPLICATE_OF, Col.SIMILARITY, NEAR_THRESHOLD);

  private static final String OLD = "_old";
  private static final String STORED = "_stored";
  private static final String KEPT = "_kept";

  private IncrementalDuplicates() {}

  /**
   * The outcome of {@link #update}.
   *
   * @param marks per new article: {@code article_id, exact_of, duplicate_of, similarity}; null when
   *     there are conflicts
   * @param conflicts stored articles whose marks would change (0: the marks are exact)
   * @param reason what the conflicts are, for the user; null without conflicts
   */
  public record Result(Dataset<Row> marks, long conflicts, String reason) {}

  /**
   * The keys of articles for the stored table, before their marks: {@code article_id, published_at,
   * source_path, year, content_key, band_keys}. Needs those columns' sources: title, text.
   *
   * @param threshold the near-duplicate threshold, 0 for none (band keys null)
   */
  public static Dataset<Row> keys(Dataset<Row> articles, double threshold) {
    Schemas.requireColumns(articles, "articles", Col.ARTICLE_ID, Col.PUBLISHED_AT, Col.SOURCE_PATH, Col.YEAR, Col.TITLE,
        Col.TEXT);
    Column bands = threshold > 0
        ? NearDuplicates.bandKeys(col(Col.TEXT), threshold)
        : lit(null).cast(DataTypes.createArrayType(DataTypes.LongType, false));
    return articles.select(col(Col.ARTICLE_ID), col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH), col(Col.YEAR),
        Duplicates.contentKey().as(Duplicates.CONTENT_KEY), bands.as(NearDuplicates.BAND_KEYS));
  }

  /**
   * The stored table's rows: {@code keys} with their marks. {@code exact} is {@link Duplicates#find}'s
   * output, {@code duplicates} the final marks {@code (_duplicate_id, duplicate_of, similarity)}.
   */
  public static Dataset<Row> stored(Dataset<Row> keys, Dataset<Row> exact, Dataset<Row> duplicates, double threshold) {
    // every exact duplicate is among the final marks (repointed or not): the marks with their exact keeper
    Dataset<Row> e = exact.select(col(Duplicates.DUPLICATE_ID).as("_e"), col(Col.DUPLICATE_OF).as(EXACT_OF));
    Dataset<Row> marks = duplicates
        .join(e, duplicates.col(Duplicates.DUPLICATE_ID).equalTo(e.col("_e")), "left_outer")
        .select(col(Duplicates.DUPLICATE_ID).as(Col.ARTICLE_ID), col(EXACT_OF), col(Col.DUPLICATE_OF), col(Col.SIMILARITY));
    return storedRows(keys, marks, threshold);
  }

  /** The stored marks as rows for new articles: the stored table's rows of {@code keys} with {@code marks}. */
  public static Dataset<Row> storedRows(Dataset<Row> keys, Dataset<Row> marks, double threshold) {
    Dataset<Row> m = marks.withColumnRenamed(Col.ARTICLE_ID, "_m");
    return keys.join(m, keys.col(Col.ARTICLE_ID).equalTo(m.col("_m")), "left_outer")
        .withColumn(NEAR_THRESHOLD, lit(threshold))
        .select(KEY_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /**
   * Marks the new articles against the stored ones.
   *
   * @param newKeys the new articles' {@link #keys}
   * @param newTexts the new articles' {@code article_id, text}
   * @param stored the stored keys of the earlier articles ({@link #KEY_COLUMNS}), every one of them
   * @param storedArticles the earlier {@code articles} table ({@code article_id, text, year}): read
   *     only for the stored members of new pairs and their groups' kept articles, in their years
   * @param threshold the near-duplicate threshold, 0 for exact duplicates only
   */
  public static Result update(
      Dataset<Row> newKeys, Dataset<Row> newTexts, Dataset<Row> stored, Dataset<Row> storedArticles, double threshold) {
    // exact duplicates: the new articles with the stored ones of the same content
    Dataset<Row> sameContent = stored.join(newKeys.select(col(Duplicates.CONTENT_KEY)).distinct(), Duplicates.CONTENT_KEY,
        "left_semi");
    Dataset<Row> exactRows =
        newKeys.select(col(Col.ARTICLE_ID), col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH), col(Duplicates.CONTENT_KEY),
                lit(null).cast(DataTypes.StringType).as(STORED), lit(false).as(OLD))
            .unionByName(sameContent.select(col(Col.ARTICLE_ID), col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH),
                col(Duplicates.CONTENT_KEY), col(EXACT_OF).as(STORED), lit(true).as(OLD)))
            .withColumn(KEPT, Duplicates.keptOf(col(Duplicates.CONTENT_KEY)))
            .withColumn(EXACT_OF, when(col(KEPT).notEqual(col(Col.ARTICLE_ID)), col(KEPT)))
            .localCheckpoint();
    Dataset<Row> changed = exactRows.where(col(OLD).and(not(col(EXACT_OF).eqNullSafe(col(STORED)))));
    long exactConflicts = changed.count();
    if (exactConflicts > 0) {
      return new Result(null, exactConflicts,
          "a new article repeats the text of a stored one and is earlier than it (" + exactConflicts
              + " stored articles would change their exact-duplicate mark, e.g. "
              + examples(changed.withColumnRenamed(EXACT_OF, "_new").withColumnRenamed(STORED, Col.DUPLICATE_OF), "_new")
              + ")");
    }
    Dataset<Row> newExact = exactRows.where(not(col(OLD))).select(col(Col.ARTICLE_ID), col(EXACT_OF));
    if (threshold <= 0) {
      Dataset<Row> marks = newExact.select(col(Col.ARTICLE_ID), col(EXACT_OF), col(EXACT_OF).as(Col.DUPLICATE_OF),
          when(col(EXACT_OF).isNotNull(), lit(1.0)).as(Col.SIMILARITY));
      return new Result(marks, 0, null);
    }
    return near(newKeys, newTexts, stored, storedArticles, threshold, newExact);
  }

  /** Up to three stored articles whose mark would change, as {@code id: stored → new} (for the user's message). */
  private static String examples(Dataset<Row> changed, String newColumn) {
    return changed.select(col(Col.ARTICLE_ID), col(Col.DUPLICATE_OF), col(newColumn)).limit(3).collectAsList().stream()
        .map(r -> r.getString(0) + ": " + (r.isNullAt(1) ? "kept" : r.getString(1)) + " → "
            + (r.isNullAt(2) ? "kept" : r.getString(2)))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * The candidate pairs {@code (_a, _b)} of {@code members} ({@code article_id, published_at, _key}),
   * as {@link NearDuplicates} makes them: in each bucket, ordered by time then id, every member with
   * the bucket's first and with its predecessor.
   */
  private static Dataset<Row> pairsOf(Dataset<Row> members) {
    String id = Col.ARTICLE_ID;
    WindowSpec bucket = Window.partitionBy(col(NearDuplicates.KEY)).orderBy(col(Col.PUBLISHED_AT), col(id));
    Dataset<Row> refs = members.select(col(id), first(col(id)).over(bucket).as("_first"),
        lag(col(id), 1).over(bucket).as("_prev"));
    return refs.where(col("_first").notEqual(col(id)))
        .select(col("_first").as(NearDuplicates.A), col(id).as(NearDuplicates.B))
        .union(refs.where(col("_prev").isNotNull().and(col("_prev").notEqual(col("_first"))))
            .select(col("_prev").as(NearDuplicates.A), col(id).as(NearDuplicates.B)))
        .distinct();
  }

  private static Column label() {
    return struct(col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH), col(Col.ARTICLE_ID));
  }

  private static Result near(
      Dataset<Row> newKeys, Dataset<Row> newTexts, Dataset<Row> stored, Dataset<Row> storedArticles, double threshold,
      Dataset<Row> newExact) {
    String id = Col.ARTICLE_ID;
    Dataset<Row> nearNew = newKeys.join(newExact.where(col(EXACT_OF).isNull()).select(col(id)), id, "left_semi");
    Dataset<Row> newMembers = nearNew.select(col(id), col(Col.PUBLISHED_AT),
        explode(col(NearDuplicates.BAND_KEYS)).as(NearDuplicates.KEY), lit(false).as(OLD));
    Dataset<Row> touched = newMembers.select(col(NearDuplicates.KEY)).distinct();
    Dataset<Row> oldMembers = stored.where(col(EXACT_OF).isNull())
        .select(col(id), col(Col.PUBLISHED_AT), explode(col(NearDuplicates.BAND_KEYS)).as(NearDuplicates.KEY))
        .join(touched, NearDuplicates.KEY, "left_semi")
        .withColumn(OLD, lit(true));
    Dataset<Row> members = newMembers.unionByName(oldMembers).localCheckpoint();

    // the pairs of the touched buckets as the previous run made them (stored members only) and as a
    // run over all articles makes them: a new article can only add pairs with itself, and take the
    // place of stored pairs when it sorts before stored members (a later member's predecessor, or
    // the bucket's first); every pair that goes must not have been a verified one
    String a = NearDuplicates.A;
    String b = NearDuplicates.B;
    Dataset<Row> before = pairsOf(members.where(col(OLD)));
    Dataset<Row> after = pairsOf(members);
    Dataset<Row> gone = before.except(after).localCheckpoint();
    Dataset<Row> pairs = after.except(before).localCheckpoint();

    // the stored articles those pairs touch, and their groups' kept articles: labels, marks, texts
    Dataset<Row> storedEnds = stored.join(
        pairs.select(col(a).as(id)).union(pairs.select(col(b).as(id)))
            .union(gone.select(col(a).as(id))).union(gone.select(col(b).as(id))).distinct(),
        id, "left_semi");
    Dataset<Row> storedIds = storedEnds.select(col(id))
        .union(storedEnds.where(col(Col.DUPLICATE_OF).isNotNull()).select(col(Col.DUPLICATE_OF).as(id)))
        .distinct();
    Dataset<Row> storedVertices = stored.join(storedIds, id, "left_semi")
        .select(col(id), col(Col.PUBLISHED_AT), col(Col.SOURCE_PATH), col(Col.YEAR), col(Col.DUPLICATE_OF))
        .localCheckpoint();
    List<Integer> years = storedVertices.select(col(Col.YEAR)).distinct().collectAsList().stream()
        .map(r -> r.isNullAt(0) ? null : r.getInt(0)).toList();
    Column inYears = col(Col.YEAR).isin(years.stream().filter(java.util.Objects::nonNull).toArray());
    if (years.contains(null)) {
      inYears = inYears.or(col(Col.YEAR).isNull());
    }
    Dataset<Row> storedTexts = storedArticles.where(inYears).select(col(id), col(Col.TEXT))
        .join(storedVertices.select(col(id)), id, "left_semi");
    UserDefinedFunction shingles = NearDuplicates.shingles();
    UserDefinedFunction similarity = NearDuplicates.similarity();
    Dataset<Row> texts = newTexts.join(nearNew.select(col(id)), id, "left_semi").select(col(id), col(Col.TEXT))
        .union(storedTexts)
        .select(col(id).as(NearDuplicates.ID), shingles.apply(col(Col.TEXT)).as(NearDuplicates.SHINGLES))
        .localCheckpoint();
    Dataset<Row> ta = texts.select(col(NearDuplicates.ID).as(a), col(NearDuplicates.SHINGLES).as("_ta"));
    Dataset<Row> tb = texts.select(col(NearDuplicates.ID).as(b), col(NearDuplicates.SHINGLES).as("_tb"));
    long goneEdges = gone.join(ta, a).join(tb, b).where(similarity.apply(col("_ta"), col("_tb")).geq(threshold)).count();
    if (goneEdges > 0) {
      return new Result(null, goneEdges,
          "new articles earlier than stored ones they share a near-duplicate bucket with take the place of "
              + goneEdges + " verified pairs of those");
    }
    Dataset<Row> edges = pairs.join(ta, a).join(tb, b)
        .where(similarity.apply(col("_ta"), col("_tb")).geq(threshold))
        .select(col(a), col(b))
        // a stored member stands for its whole stored group: an edge to the group's kept article
        .union(storedVertices.where(col(Col.DUPLICATE_OF).isNotNull()).select(col(id).as(a), col(Col.DUPLICATE_OF).as(b)));
    Dataset<Row> labels = nearNew.select(col(id).as(NearDuplicates.ID), label().as(NearDuplicates.LABEL))
        .union(storedVertices.select(col(id).as(NearDuplicates.ID), label().as(NearDuplicates.LABEL)));
    Dataset<Row> groups = NearDuplicates.groupsInOneTask(edges, labels)
        .select(col(a).as(id), col(b).as(KEPT))
        .localCheckpoint();

    Dataset<Row> changed = storedVertices.join(groups, id, "left_outer")
        .where(not(col(KEPT).eqNullSafe(col(Col.DUPLICATE_OF))));
    long groupConflicts = changed.count();
    if (groupConflicts > 0) {
      return new Result(null, groupConflicts,
          "new articles join two stored near-duplicate groups or come before a stored group's kept article ("
              + groupConflicts + " stored articles would change their mark, e.g. " + examples(changed, KEPT) + ")");
    }

    // the new members' marks; then the new exact duplicates point where their kept article points
    Dataset<Row> nearMarks = groups.join(nearNew.select(col(id)), id, "left_semi")
        .select(col(id).as(a), col(KEPT).as(b))
        .join(ta, a).join(tb, b)
        .select(col(a).as(id), col(b).as(Col.DUPLICATE_OF), similarity.apply(col("_ta"), col("_tb")).as(Col.SIMILARITY));
    Dataset<Row> roots = nearMarks.select(col(id).as("_k"), col(Col.DUPLICATE_OF).as("_root"), col(Col.SIMILARITY).as("_s"))
        .union(stored.where(col(EXACT_OF).isNull().and(col(Col.DUPLICATE_OF).isNotNull()))
            .join(newExact.select(col(EXACT_OF).as(id)).distinct(), id, "left_semi")
            .select(col(id).as("_k"), col(Col.DUPLICATE_OF).as("_root"), col(Col.SIMILARITY).as("_s")));
    Dataset<Row> exactMarks = newExact.where(col(EXACT_OF).isNotNull())
        .join(roots, col(EXACT_OF).equalTo(col("_k")), "left_outer")
        .select(col(id), coalesce(col("_root"), col(EXACT_OF)).as(Col.DUPLICATE_OF), coalesce(col("_s"), lit(1.0)).as(Col.SIMILARITY));
    Dataset<Row> marks = newExact
        .join(exactMarks.unionByName(nearMarks), id, "left_outer")
        .select(col(id), col(EXACT_OF), col(Col.DUPLICATE_OF), col(Col.SIMILARITY));
    return new Result(marks, 0, null);
  }
}
