package org.corpuslens.jobs;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.tables.Col;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The analyze stage on a tiny hand-made articles table. */
@ExtendWith(LocalSpark.class)
class AnalyzeJobTest {
  static final StructType ARTICLES =
      new StructType()
          .add(Col.ARTICLE_ID, StringType)
          .add(Col.SOURCE, StringType)
          .add(Col.PUBLISHED_AT, TimestampType)
          .add(Col.DATE_KIND, StringType)
          .add(Col.EDITOR, StringType)
          .add(Col.TITLE, StringType)
          .add(Col.TEXT, StringType)
          .add(Col.CHAR_COUNT, IntegerType)
          .add(Col.TOKENS, createArrayType(StringType))
          .add(Col.TOKEN_POS, createArrayType(StringType))
          .add(Col.TOKEN_COUNT, IntegerType)
          .add(Col.DUPLICATE_OF, StringType);
  static final StructType REJECTS =
      new StructType()
          .add(Col.SOURCE_PATH, StringType)
          .add(Col.REASON, StringType)
          .add(Col.DETAIL, StringType)
          .add(Col.SIZE_BYTES, LongType)
          .add(Col.SOURCE, StringType);

  @TempDir Path dir;

  /** An article; tokens as term/tag. */
  static Row article(String id, String source, String utc, String text, String... tokens) {
    String[] terms = new String[tokens.length];
    String[] pos = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      String[] tp = tokens[i].split("/");
      terms[i] = tp[0];
      pos[i] = tp[1];
    }
    return RowFactory.create(
        id, source, Timestamp.from(Instant.parse(utc)), "published", null, null, text, text.length(), terms, pos, terms.length, null);
  }

  static void writeTables(SparkSession spark, String root, List<Row> articles) {
    ParquetTables.write(spark.createDataFrame(articles, ARTICLES), root, ParquetTables.ARTICLES);
    ParquetTables.writeSmall(spark.createDataFrame(new ArrayList<Row>(), REJECTS), root, ParquetTables.REJECTS);
  }

  @Test
  void minTermCountDropsRareRowsAndSaysHowMany(SparkSession spark) throws java.io.IOException {
    String root = dir.resolve("tables").toString();
    writeTables(
        spark,
        root,
        List.of(
            // (2022-02, 甲报): 市场 ×3, 银行 ×1; (2022-02, 乙报): 市场 ×1, 银行 ×2; (2022-03, 甲报): 银行 ×1
            article("a1", "甲报", "2022-02-03T00:00:00Z", "x", "市场/n", "市场/n", "银行/n"),
            article("a2", "甲报", "2022-02-04T00:00:00Z", "x", "市场/n"),
            article("b1", "乙报", "2022-02-05T00:00:00Z", "x", "市场/n", "银行/n", "银行/n"),
            article("a3", "甲报", "2022-03-05T00:00:00Z", "x", "银行/n")));
    String out = dir.resolve("out").toString();
    Map<String, Object> facts =
        AnalyzeJob.run(
            spark,
            new AnalyzeJob.Plan(
                root, out, TopicLexicon.defaults(), ZoneId.of("UTC"), PeriodGrain.MONTH, false,
                org.corpuslens.analytics.TopicIndex.Settings.defaults(), new AnalyzeJob.TermSettings(2)));
    // 5 rows in all; 甲报/银行 in February, 乙报/市场 in February and 甲报/银行 in March occur once
    assertThat(facts.get(ParquetTables.TERM_FREQUENCIES))
        .isEqualTo(Map.of("min_term_count", 2L, "rows", 2L, "rows_dropped", 3L, "computed", TermTables.RECOMPUTED));
    List<Row> kept = ParquetTables.read(spark, out, ParquetTables.TERM_FREQUENCIES)
        .selectExpr("concat(source, '|', term, '|', count, '|', period_source_tokens)").collectAsList();
    assertThat(kept.stream().map(r -> r.getString(0)))
        .containsExactlyInAnyOrder("甲报|市场|3|4", "乙报|银行|2|3");
    // term_keyness and term_changes are written beside, with the documented columns
    assertThat(ParquetTables.read(spark, out, ParquetTables.TERM_KEYNESS).columns())
        .containsExactly(Col.PERIOD, Col.SOURCE, Col.TOPIC, Col.TERM, Col.COUNT, Col.EXPECTED_COUNT, Col.REFERENCE_COUNT,
            Col.REFERENCE_EXPECTED_COUNT, Col.DOC_COUNT, Col.TARGET_TOKENS, Col.REFERENCE_TOKENS, Col.LOG_LIKELIHOOD,
            Col.LOG_RATIO, Col.DIRECTION, Col.RANK);
    assertThat(ParquetTables.read(spark, out, ParquetTables.TERM_CHANGES).columns())
        .containsExactly(Col.PERIOD, Col.TERM, Col.COUNT, Col.SHARE, Col.PREVIOUS_COUNT, Col.PREVIOUS_SHARE, Col.TARGET_TOKENS,
            Col.REFERENCE_TOKENS, Col.LOG_LIKELIHOOD, Col.LOG_RATIO, Col.DIRECTION, Col.RANK);
    assertThat(facts).containsKeys(ParquetTables.TERM_KEYNESS, ParquetTables.TERM_CHANGES, ParquetTables.NEW_TERMS);
    // new_terms (none in three one-letter texts) and its word list, empty
    assertThat(ParquetTables.read(spark, out, ParquetTables.NEW_TERMS).columns())
        .containsExactlyElementsOf(org.corpuslens.tables.Schemas.NEW_TERM_COLUMNS);
    assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(out, ParquetTables.NEW_TERMS_WORD_LIST))).isEmpty();
    assertThat(((Map<?, ?>) facts.get(ParquetTables.NEW_TERMS)).get("computed")).isEqualTo(true);

    // without new-term settings (the command line's default, no --new-terms): no new_terms, and the
    // earlier analysis's table and word list in the same output are removed, not left stale
    AnalyzeJob.TermSettings noNewTerms = new AnalyzeJob.TermSettings(
        2, org.corpuslens.analytics.TermKeyness.Settings.DEFAULTS, org.corpuslens.analytics.TermKeyness.ChangeSettings.DEFAULTS,
        null, List.of());
    Map<String, Object> without =
        AnalyzeJob.run(
            spark,
            new AnalyzeJob.Plan(
                root, out, TopicLexicon.defaults(), ZoneId.of("UTC"), PeriodGrain.MONTH, false,
                org.corpuslens.analytics.TopicIndex.Settings.defaults(), noNewTerms));
    assertThat(without.get(ParquetTables.NEW_TERMS)).isEqualTo(Map.of("computed", false));
    assertThat(java.nio.file.Path.of(out, ParquetTables.NEW_TERMS)).doesNotExist();
    assertThat(java.nio.file.Path.of(out, ParquetTables.NEW_TERMS_WORD_LIST)).doesNotExist();
    assertThat(java.nio.file.Path.of(out, ParquetTables.TERM_FREQUENCIES)).isDirectory();
  }
}
