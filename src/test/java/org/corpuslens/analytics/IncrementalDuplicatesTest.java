package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.tables.Col;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An update's duplicate marks from the stored keys, on hand-made articles: the new articles get the
 * marks the whole-table marking gives (hand-known: who points where, and the similarity the plain
 * Java comparison gives), and a new article that would change a stored mark (an earlier copy, an
 * earlier member of a bucket, a bridge between two stored groups) is reported as a conflict.
 */
@ExtendWith(LocalSpark.class)
class IncrementalDuplicatesTest {
  private static final double THRESHOLD = 0.8;
  private static final StructType SCHEMA =
      new StructType()
          .add(Col.ARTICLE_ID, StringType)
          .add(Col.SOURCE_PATH, StringType)
          .add(Col.TITLE, StringType)
          .add(Col.TEXT, StringType)
          .add(Col.PUBLISHED_AT, TimestampType)
          .add(Col.YEAR, IntegerType);

  private static final String T = NearDuplicateTextTest.SIMPLIFIED;
  private static final String LEAD = "新华社北京三月五日电记者王小明报道";
  private static final String TRIMMED = T.substring(0, T.indexOf("，防范化解相关风险"));
  private static final String U = NearDuplicateTextTest.UNRELATED;
  /** Two tails that make T + X and T + Y each near T but not near each other. */
  private static final String X = "市气象台预计本周末将有一次明显降温过程请广大市民注意添衣保暖";
  private static final String Y = "图书馆新馆将于下月正式对外开放读者可凭身份证免费办理借阅证件";

  private static Row row(String id, String title, String text, String utc) {
    Instant t = Instant.parse(utc);
    return RowFactory.create(id, "file:/" + id + ".md", title, text, Timestamp.from(t),
        t.atZone(java.time.ZoneOffset.UTC).getYear());
  }

  /**
   * The stored articles. By hand: p (T + X) is the earliest text near T, and a (T) is near both p and
   * q (T + Y), so p keeps and q, a and d (T trimmed, a source line added) point to it; h (U with
   * （完）) is e's earlier near twin, so e points to h.
   */
  private static List<Row> old() {
    return List.of(
        row("a", "标题a", T, "2022-03-01T00:00:00Z"),
        row("d", "标题d", TRIMMED + "\n来源：某某日报", "2022-03-01T06:00:00Z"),
        row("e", "标题e", U, "2022-03-01T00:00:00Z"),
        row("h", "标题h", U + "（完）", "2022-02-01T00:00:00Z"),
        row("p", "标题p", T + X, "2021-06-01T00:00:00Z"),
        row("q", "标题q", T + Y, "2021-06-02T00:00:00Z"));
  }

  private Dataset<Row> frame(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** The keys, exact duplicates and final marks of the whole-table marking, as the full run makes them. */
  private record Marked(Dataset<Row> keys, Dataset<Row> exact, Dataset<Row> marks) {}

  private static Marked marked(Dataset<Row> articles) {
    Dataset<Row> keys = IncrementalDuplicates.keys(articles, THRESHOLD);
    Dataset<Row> exact = Duplicates.find(keys);
    Dataset<Row> near = NearDuplicates.find(
        keys.join(exact, keys.col(Col.ARTICLE_ID).equalTo(exact.col(Duplicates.DUPLICATE_ID)), "left_anti"),
        articles.select(col(Col.ARTICLE_ID), col(Col.TEXT)), THRESHOLD);
    return new Marked(keys, exact, NearDuplicates.combine(exact, near));
  }

  /** The whole-table marking: id → (duplicate_of, similarity) for every duplicate. */
  private static Map<String, Row> wholeTable(Dataset<Row> articles) {
    return TopicTrendsTest.byKey(marked(articles).marks(), Duplicates.DUPLICATE_ID);
  }

  private static Dataset<Row> stored(Dataset<Row> articles) {
    Marked m = marked(articles);
    return IncrementalDuplicates.stored(m.keys(), m.exact(), m.marks(), THRESHOLD).localCheckpoint();
  }

  private IncrementalDuplicates.Result update(SparkSession spark, List<Row> newRows) {
    Dataset<Row> before = frame(spark, old());
    Dataset<Row> added = frame(spark, newRows);
    return IncrementalDuplicates.update(IncrementalDuplicates.keys(added, THRESHOLD),
        added.select(col(Col.ARTICLE_ID), col(Col.TEXT)), stored(before), before, THRESHOLD);
  }

  @Test
  void theFixtureIsWhatItClaims() {
    assertThat(NearDuplicateText.similarity(T + X, T)).isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(NearDuplicateText.similarity(T + Y, T)).isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(NearDuplicateText.similarity(T + X, T + Y)).isLessThan(THRESHOLD);
    assertThat(NearDuplicateText.similarity(T, TRIMMED + "\n来源：某某日报")).isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(NearDuplicateText.similarity(U, U + "（完）")).isGreaterThanOrEqualTo(THRESHOLD);
  }

  @Test
  void newCopiesGetTheMarksOfTheWholeTable(SparkSession spark) {
    // the new articles' marks must be those of the whole-table marking over all of them
    List<Row> added = List.of(
        row("b", "标题b", LEAD + "\n" + T, "2022-03-02T00:00:00Z"), // lead line added
        row("c", "标题c", NearDuplicateTextTest.TRADITIONAL, "2022-03-03T00:00:00Z"),
        row("y", "标题a", T, "2022-03-05T00:00:00Z"), // an exact copy of a
        row("z", "标题d", TRIMMED + "\n来源：某某日报", "2022-03-06T00:00:00Z"), // an exact copy of d
        row("k", "标题k", "短讯一则", "2022-03-07T00:00:00Z"), // too short to compare
        row("u", "标题u", "会议强调，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。", "2022-03-08T00:00:00Z"));
    IncrementalDuplicates.Result r = update(spark, added);
    assertThat(r.conflicts()).as(String.valueOf(r.reason())).isZero();
    Map<String, Row> got = TopicTrendsTest.byKey(r.marks(), Col.ARTICLE_ID);
    assertThat(got).containsOnlyKeys("b", "c", "y", "z", "k", "u");

    List<Row> all = new ArrayList<>(old());
    all.addAll(added);
    Map<String, Row> whole = wholeTable(frame(spark, all));
    for (String id : List.of("b", "c", "y", "z", "k", "u")) {
      Row mine = got.get(id);
      Row expected = whole.get(id);
      if (expected == null) {
        assertThat(mine.isNullAt(mine.fieldIndex(Col.DUPLICATE_OF))).as(id).isTrue();
      } else {
        assertThat(mine.<String>getAs(Col.DUPLICATE_OF)).as(id).isEqualTo(expected.getAs(Col.DUPLICATE_OF));
        assertThat(mine.<Double>getAs(Col.SIMILARITY)).as(id).isCloseTo(expected.getAs(Col.SIMILARITY), within(1e-12));
      }
    }
    // by hand: p (2021-06-01) is the earliest text near T, so every copy of T points to it
    Map<String, String> text = new HashMap<>();
    for (Row row : all) {
      text.put(row.getString(0), row.getString(3));
    }
    assertThat(got.get("b").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("p");
    assertThat(got.get("b").<Double>getAs(Col.SIMILARITY))
        .isCloseTo(NearDuplicateText.similarity(text.get("b"), text.get("p")), within(1e-12));
    assertThat(got.get("y").<String>getAs(IncrementalDuplicates.EXACT_OF)).isEqualTo("a");
    assertThat(got.get("y").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("p"); // a is itself near p
    assertThat(got.get("y").<Double>getAs(Col.SIMILARITY))
        .isCloseTo(NearDuplicateText.similarity(T, T + X), within(1e-12));
    assertThat(got.get("z").<String>getAs(IncrementalDuplicates.EXACT_OF)).isEqualTo("d");
    assertThat(got.get("k").isNullAt(got.get("k").fieldIndex(Col.DUPLICATE_OF))).isTrue();
    assertThat(got.get("u").isNullAt(got.get("u").fieldIndex(Col.DUPLICATE_OF))).isTrue();
  }

  @Test
  void anEarlierCopyOfAStoredTextIsAConflict(SparkSession spark) {
    // an exact copy of e (same title and text) dated before e would make e an exact duplicate
    IncrementalDuplicates.Result r = update(spark, List.of(row("w", "标题e", U, "2022-01-15T00:00:00Z")));
    assertThat(r.conflicts()).isPositive();
    assertThat(r.reason()).contains("repeats the text of a stored one");
    assertThat(r.marks()).isNull();
  }

  @Test
  void aNewArticleThatTakesThePlaceOfAVerifiedStoredPairIsAConflict(SparkSession spark) {
    // stored: p, then p's text under another title (q2: in every bucket p is in, so never a bucket's
    // first where a is), then a. v, a's text under another title (not an exact copy), dated between
    // q2 and a, is in every bucket a is in and becomes a's predecessor in each: the verified pair
    // (q2, a) is made nowhere any more. Whether q2's group then holds (here through v) is not looked
    // into: a conflict
    Dataset<Row> before = frame(spark, List.of(old().get(4), row("q2", "标题q2", T + X, "2021-06-02T00:00:00Z"), old().get(0)));
    Dataset<Row> added = frame(spark, List.of(row("v", "另一个标题", T, "2021-12-01T00:00:00Z")));
    IncrementalDuplicates.Result r = IncrementalDuplicates.update(IncrementalDuplicates.keys(added, THRESHOLD),
        added.select(col(Col.ARTICLE_ID), col(Col.TEXT)), stored(before), before, THRESHOLD);
    assertThat(r.conflicts()).isPositive();
    assertThat(r.reason()).contains("take the place of");
    assertThat(r.marks()).isNull();
  }

  @Test
  void aNewArticleBetweenStoredOnesIsMarkedWhenTheirPairsAreStillMadeElsewhere(SparkSession spark) {
    // near T, dated between q and a, but not in every bucket of theirs: (q, a) is still made
    Row v = row("v", "标题v", LEAD + T, "2021-12-01T00:00:00Z");
    IncrementalDuplicates.Result r = update(spark, List.of(v));
    assertThat(r.conflicts()).as(String.valueOf(r.reason())).isZero();
    List<Row> all = new ArrayList<>(old());
    all.add(v);
    Map<String, Row> whole = wholeTable(frame(spark, all));
    Row got = r.marks().first();
    assertThat(got.<String>getAs(Col.DUPLICATE_OF)).isEqualTo("p").isEqualTo(whole.get("v").getAs(Col.DUPLICATE_OF));
    assertThat(got.<Double>getAs(Col.SIMILARITY)).isCloseTo(whole.get("v").getAs(Col.SIMILARITY), within(1e-12));
    for (String id : List.of("q", "a", "d")) { // the stored marks stand in the whole-table marking too
      assertThat(whole.get(id).<String>getAs(Col.DUPLICATE_OF)).as(id).isEqualTo("p");
    }
  }

  @Test
  void aNewArticleBeforeAStoredOneIsMarkedWhenNoVerifiedPairGoes(SparkSession spark) {
    // between h (Feb) and e (March), near both: the pair (h, e) stays (h is the buckets' first)
    String text = U + "（完）本报讯";
    assertThat(NearDuplicateText.similarity(text, U)).isGreaterThanOrEqualTo(THRESHOLD);
    Row n = row("n", "标题n", text, "2022-02-15T00:00:00Z");
    IncrementalDuplicates.Result r = update(spark, List.of(n));
    assertThat(r.conflicts()).as(String.valueOf(r.reason())).isZero();
    Row got = r.marks().first();
    assertThat(got.<String>getAs(Col.DUPLICATE_OF)).isEqualTo("h");
    assertThat(got.<Double>getAs(Col.SIMILARITY)).isCloseTo(NearDuplicateText.similarity(text, U + "（完）"), within(1e-12));
    List<Row> all = new ArrayList<>(old());
    all.add(n);
    Map<String, Row> whole = wholeTable(frame(spark, all));
    assertThat(whole.get("n").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("h");
    assertThat(whole.get("e").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("h");
  }

  @Test
  void aNewArticleThatJoinsTwoStoredGroupsIsAConflict(SparkSession spark) {
    // without a: two stored groups {p} and {q}, not near each other; the new T is near both
    Dataset<Row> before = frame(spark, List.of(old().get(4), old().get(5), old().get(2)));
    Map<String, Row> storedMarks = wholeTable(before);
    assertThat(storedMarks).doesNotContainKeys("p", "q");
    Dataset<Row> added = frame(spark, List.of(row("m", "标题m", T, "2022-05-01T00:00:00Z")));
    IncrementalDuplicates.Result r = IncrementalDuplicates.update(IncrementalDuplicates.keys(added, THRESHOLD),
        added.select(col(Col.ARTICLE_ID), col(Col.TEXT)), stored(before), before, THRESHOLD);
    assertThat(r.conflicts()).isPositive();
    assertThat(r.reason()).contains("join two stored near-duplicate groups");
  }

  @Test
  void withoutNearDuplicatesOnlyExactCopiesAreMarked(SparkSession spark) {
    Dataset<Row> before = frame(spark, old());
    Dataset<Row> keys = IncrementalDuplicates.keys(before, 0);
    Dataset<Row> exact = Duplicates.find(keys);
    Dataset<Row> storedKeys = IncrementalDuplicates.stored(keys, exact, exact.withColumn(Col.SIMILARITY,
        org.apache.spark.sql.functions.lit(1.0)), 0);
    Dataset<Row> added = frame(spark, List.of(
        row("y", "标题a", T, "2022-03-05T00:00:00Z"), row("b", "标题b", LEAD + "\n" + T, "2022-03-02T00:00:00Z")));
    IncrementalDuplicates.Result r = IncrementalDuplicates.update(IncrementalDuplicates.keys(added, 0),
        added.select(col(Col.ARTICLE_ID), col(Col.TEXT)), storedKeys, before, 0);
    assertThat(r.conflicts()).isZero();
    Map<String, Row> got = TopicTrendsTest.byKey(r.marks(), Col.ARTICLE_ID);
    assertThat(got.get("y").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("a");
    assertThat(got.get("y").<Double>getAs(Col.SIMILARITY)).isEqualTo(1.0);
    assertThat(got.get("b").isNullAt(got.get("b").fieldIndex(Col.DUPLICATE_OF))).isTrue();
  }
}
