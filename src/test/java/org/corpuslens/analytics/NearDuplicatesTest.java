package org.corpuslens.analytics;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Near-duplicate groups on hand-made articles: who is kept, who points where, with what similarity. */
@ExtendWith(LocalSpark.class)
class NearDuplicatesTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(Col.ARTICLE_ID, StringType)
          .add(Col.SOURCE_PATH, StringType)
          .add(Col.TITLE, StringType)
          .add(Col.TEXT, StringType)
          .add(Col.PUBLISHED_AT, TimestampType);

  private static final String T = NearDuplicateTextTest.SIMPLIFIED;
  private static final String LEAD = "新华社北京三月五日电记者王小明报道";
  private static final String TRIMMED = T.substring(0, T.indexOf("，防范化解相关风险"));

  private static Row row(String id, String text, String utc) {
    return RowFactory.create(id, "file:/" + id + ".md", "标题" + id, text, Timestamp.from(Instant.parse(utc)));
  }

  private static int letters(String s) {
    return NearDuplicateText.normalize(s).length();
  }

  private Dataset<Row> articles(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            row("b", LEAD + "\n" + T, "2022-03-02T00:00:00Z"), // lead line added, later
            row("a", T, "2022-03-01T00:00:00Z"), // the original
            row("c", NearDuplicateTextTest.TRADITIONAL, "2022-03-03T00:00:00Z"),
            row("d", TRIMMED + "\n来源：某某日报", "2022-03-01T00:00:00Z"), // same time as a, later path
            row("e", NearDuplicateTextTest.UNRELATED, "2022-03-01T00:00:00Z"),
            row("f", "短讯一则", "2022-03-01T00:00:00Z"),
            row("g", "短讯一则", "2022-03-02T00:00:00Z"), // too short to compare
            row("h", NearDuplicateTextTest.UNRELATED + "（完）", "2022-02-01T00:00:00Z")), // e's earlier twin
        SCHEMA);
  }

  /** Union-find in one task (the default) and label propagation (no pair in one task). */
  @ParameterizedTest(name = "groups in one task up to {0} pairs")
  @ValueSource(longs = {NearDuplicates.ONE_TASK_EDGES, 0})
  void laterNearCopiesPointToTheEarliestWithTheirSimilarity(long oneTaskEdges, SparkSession spark) {
    Map<String, Row> dups =
        TopicTrendsTest.byKey(NearDuplicates.find(articles(spark), 0.8, oneTaskEdges), Duplicates.DUPLICATE_ID);
    assertThat(dups.keySet()).containsExactlyInAnyOrder("b", "c", "d", "e");
    assertThat(dups.get("b").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("a");
    assertThat(dups.get("c").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("a");
    assertThat(dups.get("d").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("a");
    assertThat(dups.get("e").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("h");
    int n = letters(T);
    assertThat(dups.get("b").<Double>getAs(Col.SIMILARITY)).isCloseTo((n - 4.0) / (n - 4.0 + letters(LEAD)), within(1e-9));
    assertThat(dups.get("c").<Double>getAs(Col.SIMILARITY)).isEqualTo(1.0);
    int m = letters(NearDuplicateTextTest.UNRELATED);
    assertThat(dups.get("e").<Double>getAs(Col.SIMILARITY)).isCloseTo((m - 4.0) / (m - 3.0), within(1e-9)); // one more letter, 完
  }

  @Test
  void aHigherThresholdLeavesTheEditedCopiesAlone(SparkSession spark) {
    Map<String, Row> dups = TopicTrendsTest.byKey(NearDuplicates.find(articles(spark), 0.95), Duplicates.DUPLICATE_ID);
    assertThat(dups.keySet()).containsExactlyInAnyOrder("c", "e");
  }

  @ParameterizedTest(name = "groups in one task up to {0} pairs")
  @ValueSource(longs = {NearDuplicates.ONE_TASK_EDGES, 0})
  void groupsAreTransitiveAndKeepTheirEarliestMember(long oneTaskEdges, SparkSession spark) {
    // x0 -> x1 -> x2: each adds a sentence; x2 is below the threshold against x0 but joins through x1
    String s1 = "另据介绍，试验区还将设立专项基金，重点支持中小企业的绿色转型升级项目。";
    String s2 = "业内人士认为，这些举措有望带动区域经济高质量发展，形成可复制推广的经验。";
    String x0 = T;
    String x1 = T + s1;
    String x2 = T + s1 + s2;
    double j01 = NearDuplicateText.similarity(x0, x1);
    double j12 = NearDuplicateText.similarity(x1, x2);
    double j02 = NearDuplicateText.similarity(x0, x2);
    double threshold = 0.7;
    assertThat(j01).isGreaterThan(threshold);
    assertThat(j12).isGreaterThan(threshold);
    assertThat(j02).isLessThan(threshold);
    Dataset<Row> in =
        spark.createDataFrame(
            List.of(row("x2", x2, "2022-05-03T00:00:00Z"), row("x0", x0, "2022-05-01T00:00:00Z"), row("x1", x1, "2022-05-02T00:00:00Z")),
            SCHEMA);
    Map<String, Row> dups = TopicTrendsTest.byKey(NearDuplicates.find(in, threshold, oneTaskEdges), Duplicates.DUPLICATE_ID);
    assertThat(dups.keySet()).containsExactlyInAnyOrder("x1", "x2");
    assertThat(dups.get("x2").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("x0");
    assertThat(dups.get("x2").<Double>getAs(Col.SIMILARITY)).isCloseTo(j02, within(1e-9));
  }

  @Test
  void exactCopiesOfANearDuplicatePointToTheArticleKept(SparkSession spark) {
    StructType dupSchema = new StructType().add(Duplicates.DUPLICATE_ID, StringType).add(Col.DUPLICATE_OF, StringType);
    Dataset<Row> exact =
        spark.createDataFrame(List.of(RowFactory.create("b2", "b"), RowFactory.create("z2", "z")), dupSchema);
    Dataset<Row> near = NearDuplicates.find(articles(spark), 0.8);
    Map<String, Row> all = TopicTrendsTest.byKey(NearDuplicates.combine(exact, near), Duplicates.DUPLICATE_ID);
    assertThat(all.get("b2").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("a");
    assertThat(all.get("b2").<Double>getAs(Col.SIMILARITY)).isEqualTo(all.get("b").<Double>getAs(Col.SIMILARITY));
    assertThat(all.get("z2").<String>getAs(Col.DUPLICATE_OF)).isEqualTo("z");
    assertThat(all.get("z2").<Double>getAs(Col.SIMILARITY)).isEqualTo(1.0);
    assertThat(all).hasSize(6);
  }
}
