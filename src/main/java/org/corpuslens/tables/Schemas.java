package org.corpuslens.tables;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Explicit schemas of the tables and of the intermediate per-file records. No inference. */
public final class Schemas {
  private Schemas() {}

  /** Value of {@link Col#KIND} for a file that became an article. */
  public static final String KIND_ARTICLE = "article";

  /** Value of {@link Col#KIND} for a rejected file. */
  public static final String KIND_REJECT = "reject";

  /**
   * Value of {@link Col#KIND} for a WARC record that is neither an article nor a reject (request,
   * metadata, warcinfo, revisit, non-HTML or non-200 response): {@link Col#REASON} holds its kind.
   * Counted in the run summary, never written to a table.
   */
  public static final String KIND_SKIPPED = "skipped";

  /**
   * What the per-file stage emits for every input file: an article ({@code kind = article}, reject
   * fields null) or a reject ({@code kind = reject}, with source_path, reason, detail, size_bytes
   * and the source when the front matter named one). Dates are added afterwards with built-ins.
   */
  public static final StructType PROCESSED =
      new StructType(
          new StructField[] {
            createStructField(Col.KIND, StringType, false),
            createStructField(Col.ARTICLE_ID, StringType, true),
            createStructField(Col.SOURCE_PATH, StringType, false),
            createStructField(Col.SOURCE, StringType, true),
            createStructField(Col.SECTION, StringType, true),
            createStructField(Col.CHANNEL, StringType, true),
            createStructField(Col.TITLE, StringType, true),
            createStructField(Col.EDITOR, StringType, true),
            createStructField(Col.ORIGINAL_SOURCE, StringType, true),
            createStructField(Col.PUBLISHED_AT, TimestampType, true),
            createStructField(Col.DATE_KIND, StringType, true),
            createStructField(Col.TEXT, StringType, true),
            createStructField(Col.CHAR_COUNT, IntegerType, true),
            createStructField(Col.PARAGRAPH_COUNT, IntegerType, true),
            createStructField(Col.IMAGE_COUNT, IntegerType, true),
            createStructField(Col.TOKENS, createArrayType(StringType, false), true),
            createStructField(Col.TOKEN_POS, createArrayType(StringType, false), true),
            createStructField(Col.TOKEN_COUNT, IntegerType, true),
            createStructField(Col.SIZE_BYTES, LongType, false),
            createStructField(Col.REASON, StringType, true),
            createStructField(Col.DETAIL, StringType, true),
            createStructField(Col.RECORD_FORMAT, StringType, true),
            createStructField(Col.ACCOUNTS_FOR_FILE, BooleanType, false),
            createStructField(Col.URL, StringType, true),
            createStructField(Col.AUTHOR, StringType, true),
            createStructField(Col.RECORD_ID, StringType, true),
            createStructField(Col.EXTRA, createMapType(StringType, StringType, false), true),
            createStructField(Col.RECORD_MAPPING, StringType, true),
            createStructField(Col.LANGUAGE, StringType, true),
          });

  /** Columns of {@code articles}, in order ({@code year} is the partition column). */
  public static final List<String> ARTICLE_COLUMNS =
      List.of(
          Col.ARTICLE_ID,
          Col.SOURCE_PATH,
          Col.SOURCE,
          Col.SECTION,
          Col.CHANNEL,
          Col.TITLE,
          Col.EDITOR,
          Col.ORIGINAL_SOURCE,
          Col.PUBLISHED_AT,
          Col.PUBLISHED_DATE,
          Col.DATE_KIND,
          Col.PERIOD,
          Col.TEXT,
          Col.CHAR_COUNT,
          Col.PARAGRAPH_COUNT,
          Col.IMAGE_COUNT,
          Col.TOKENS,
          Col.TOKEN_POS,
          Col.TOKEN_COUNT,
          Col.SIZE_BYTES,
          Col.DUPLICATE_OF,
          Col.SIMILARITY,
          Col.RECORD_FORMAT,
          Col.URL,
          Col.AUTHOR,
          Col.RECORD_ID,
          Col.EXTRA,
          Col.LANGUAGE,
          Col.YEAR);

  /** One counted mention of a topic in an article: an element of {@link Col#TOPIC_MATCHES}. */
  public static final StructType MENTION =
      new StructType(
          new StructField[] {
            createStructField(Col.TOPIC, StringType, false),
            createStructField(Col.RULE_PART, StringType, false),
            createStructField(Col.TERM, StringType, false),
            createStructField(Col.FIELD, StringType, false),
            createStructField(Col.OFFSET, IntegerType, false),
            createStructField(Col.SNIPPET, StringType, false),
          });

  /** What the topic matcher returns per article: {@link Col#TOPIC_MENTIONS} and {@link Col#TOPIC_MATCHES}. */
  public static final StructType TOPIC_MATCH =
      new StructType(
          new StructField[] {
            createStructField(Col.TOPIC_MENTIONS, createArrayType(LongType, false), false),
            createStructField(Col.TOPIC_MATCHES, createArrayType(MENTION, false), false),
          });

  /** Columns of {@code topic_mentions}, in order. */
  public static final List<String> TOPIC_MENTION_COLUMNS =
      List.of(Col.ARTICLE_ID, Col.TOPIC, Col.RULE_PART, Col.TERM, Col.FIELD, Col.OFFSET, Col.SNIPPET, Col.SOURCE,
          Col.PERIOD, Col.PUBLISHED_AT);

  /** Schema of {@code topic_index}. */
  public static final StructType TOPIC_INDEX =
      new StructType(
          new StructField[] {
            createStructField(Col.PERIOD, org.apache.spark.sql.types.DataTypes.DateType, false),
            createStructField(Col.TOPIC, StringType, false),
            createStructField(Col.INDEX, org.apache.spark.sql.types.DataTypes.DoubleType, true),
            createStructField(Col.SOURCES_USED, IntegerType, false),
            createStructField(Col.MATCHING_ARTICLES, LongType, false),
            createStructField(Col.TOTAL_ARTICLES, LongType, false),
          });

  /** Columns of {@code new_terms}, in order. */
  public static final List<String> NEW_TERM_COLUMNS =
      List.of(Col.PERIOD, Col.TERM, Col.COUNT, Col.DOC_COUNT, Col.TOTAL_COUNT, Col.TOTAL_DOC_COUNT, Col.FIRST_PERIOD,
          Col.COHESION, Col.LEFT_ENTROPY, Col.RIGHT_ENTROPY, Col.RANK);

  /** Columns of {@code rejects}, in order. */
  public static final List<String> REJECT_COLUMNS =
      List.of(Col.SOURCE_PATH, Col.REASON, Col.DETAIL, Col.SIZE_BYTES, Col.SOURCE, Col.RECORD_FORMAT);


  /**
   * Fails with a message naming the missing columns when {@code data} lacks any of {@code
   * required}: a precondition of every transform.
   */
  public static void requireColumns(Dataset<Row> data, String what, String... required) {
    Set<String> have = new LinkedHashSet<>(Arrays.asList(data.columns()));
    List<String> missing = Arrays.stream(required).filter(c -> !have.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          what + " lacks the columns " + missing + " (it has " + have + ")");
    }
  }
}
