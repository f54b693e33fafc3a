package org.corpuslens.jobs;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.analytics.ArticleDates;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.analytics.PeriodSet;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.tables.Col;

/**
 * The per-period term counts an incremental run takes over from the previous output. Every row of
 * {@code term_frequencies} and of the topic articles' term counts ({@value #TOPIC_TABLE}, a hidden
 * side table) belongs to one period and depends only on the counted articles of that period; a
 * period whose counted articles are the same as in the previous run keeps its rows, the others
 * are counted again. {@value #FILE_NAME} says with which settings the stored rows were counted;
 * any difference (or a minimum count that dropped rows) means everything is counted again.
 */
final class TermCounts {
  static final String FILE_NAME = "_term_counts.json";
  /** The topic articles' term counts, every row (source = topic), kept for the next incremental run. */
  static final String TOPIC_TABLE = "_topic_term_frequencies";
  /** Bumped when the stored rows' layout or meaning changes: older ones are then not reused. */
  static final int LAYOUT = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private TermCounts() {}

  /**
   * The settings the term tables of an output were counted with.
   *
   * @param topicTable whether {@value #TOPIC_TABLE} was written with them
   */
  record State(
      int layout, String zone, String period, String lexicon, boolean keepDuplicates, long minTermCount,
      boolean topicTable) {
    static State of(AnalyzeJob.Plan plan, boolean topicTable) {
      return new State(LAYOUT, plan.zone().getId(), plan.grain().columnValue(), "sha256:" + plan.lexicon().sha256(),
          plan.keepDuplicates(), plan.terms().minTermCount(), topicTable);
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("layout", layout);
      m.put("zone", zone);
      m.put("period", period);
      m.put("lexicon", lexicon);
      m.put("keep_duplicates", keepDuplicates);
      m.put("min_term_count", minTermCount);
      m.put("topic_table", topicTable);
      return m;
    }

    static State fromMap(Map<String, Object> m) {
      return new State(
          ((Number) m.get("layout")).intValue(), (String) m.get("zone"), (String) m.get("period"), (String) m.get("lexicon"),
          (Boolean) m.get("keep_duplicates"), ((Number) m.get("min_term_count")).longValue(), (Boolean) m.get("topic_table"));
    }

    /** Why rows counted with {@code stored} cannot stand for rows counted now, or null when they can. */
    String whyNotReusable(State stored) {
      if (stored == null) {
        return "the previous output has no " + FILE_NAME;
      }
      if (!stored.topicTable) {
        return "the previous output has no " + TOPIC_TABLE + " (written by runs with --incremental)";
      }
      if (stored.minTermCount != 1 || minTermCount != 1) {
        return "--min-term-count is above 1 (term_frequencies lacks the dropped rows)";
      }
      State same = new State(layout, zone, period, lexicon, keepDuplicates, minTermCount, true);
      if (!same.equals(stored)) {
        return "the term tables were counted with other settings " + stored.toMap() + " than now " + same.toMap();
      }
      return null;
    }
  }

  static void write(State state, String dir, Configuration conf) throws IOException {
    Path path = new Path(dir, FILE_NAME);
    FileSystem fs = path.getFileSystem(conf);
    try (OutputStream out = fs.create(path, true)) {
      out.write(JSON.writeValueAsString(state.toMap()).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The state stored in {@code dir}, or null when there is none or it cannot be read. */
  static State read(String dir, Configuration conf) throws IOException {
    Path path = new Path(dir, FILE_NAME);
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) {
      return null;
    }
    try (InputStream in = fs.open(path)) {
      return State.fromMap(JSON.readValue(in, new TypeReference<Map<String, Object>>() {}));
    } catch (com.fasterxml.jackson.core.JacksonException | RuntimeException e) {
      return null; // unreadable or from another layout: not reused, everything counted again
    }
  }

  /**
   * What an incremental run takes over: the previous output's term rows of every period but those
   * whose counted articles changed.
   *
   * @param reuse what to reuse, null when nothing is
   * @param said why nothing is reused, or null
   */
  record Decision(AnalyzeJob.Reuse reuse, String said, long comparedPeriods) {
    Map<String, Object> summary() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("reused", reuse != null);
      m.put("not_reused_because", said);
      m.put("periods_counted_again", reuse == null ? null : reuse.touched().size());
      m.put("periods_kept", reuse == null ? null : Math.max(0, comparedPeriods - reuse.touched().size()));
      return m;
    }
  }

  /**
   * Decides what the analysis of the staged tables can take over from {@code previous}. The periods
   * counted again are those of the articles read this run ({@code readPeriods}) and those of every
   * article added, removed, moved to another period or changed between counted and not counted
   * (a duplicate mark) between the two {@code articles} tables.
   */
  static Decision decide(
      SparkSession spark, String previous, String staged, PeriodSet readPeriods, State now, ZoneId zone, PeriodGrain grain)
      throws IOException {
    String why = now.whyNotReusable(read(previous, spark.sparkContext().hadoopConfiguration()));
    if (why == null && !ParquetTables.exists(spark, previous, TOPIC_TABLE)) {
      why = "the previous output has no " + TOPIC_TABLE;
    }
    if (why != null || readPeriods == null) {
      return new Decision(null, why == null ? "not an incremental run" : why, 0);
    }
    Dataset<Row> before = countedByPeriod(spark, previous, zone, grain, now.keepDuplicates());
    Dataset<Row> after = countedByPeriod(spark, staged, zone, grain, now.keepDuplicates());
    PeriodSet touched = readPeriods.union(changedPeriods(before, after));
    long periods = before.select(col(Col.PERIOD)).union(after.select(col(Col.PERIOD))).distinct().count();
    return new Decision(new AnalyzeJob.Reuse(previous, touched), null, periods);
  }

  /** (article_id, period, counted) of the articles under {@code dir}. */
  private static Dataset<Row> countedByPeriod(SparkSession spark, String dir, ZoneId zone, PeriodGrain grain, boolean keep) {
    Dataset<Row> a = ParquetTables.read(spark, dir, ParquetTables.ARTICLES).select(
        col(Col.ARTICLE_ID), col(Col.PUBLISHED_AT), col(Col.DUPLICATE_OF));
    Column counted = keep ? org.apache.spark.sql.functions.lit(true) : col(Col.DUPLICATE_OF).isNull();
    return ArticleDates.withDates(a, zone, grain).select(col(Col.ARTICLE_ID), col(Col.PERIOD), counted.as("_counted"));
  }

  /**
   * The periods of every article present in one of {@code before} and {@code after} only, or in
   * both with another period or another counted flag: both its periods then change. Only counted
   * articles enter the term counts, so an article absent or uncounted on both sides changes nothing.
   */
  static PeriodSet changedPeriods(Dataset<Row> before, Dataset<Row> after) {
    Dataset<Row> b = before.select(col(Col.ARTICLE_ID), col(Col.PERIOD).as("_pb"), col("_counted").as("_cb"));
    Dataset<Row> a = after.select(col(Col.ARTICLE_ID).as("_ida"), col(Col.PERIOD).as("_pa"), col("_counted").as("_ca"));
    Dataset<Row> diff = b.join(a, b.col(Col.ARTICLE_ID).equalTo(a.col("_ida")), "full_outer")
        .where(col(Col.ARTICLE_ID).isNull()
            .or(col("_ida").isNull())
            .or(col("_pb").eqNullSafe(col("_pa")).unary_$bang())
            .or(col("_cb").notEqual(col("_ca"))));
    Dataset<Row> periods =
        diff.where(col(Col.ARTICLE_ID).isNotNull().and(col("_cb"))).select(col("_pb").as(Col.PERIOD))
            .union(diff.where(col("_ida").isNotNull().and(col("_ca"))).select(col("_pa").as(Col.PERIOD)))
            .distinct();
    List<java.time.LocalDate> out = new ArrayList<>();
    for (Row r : periods.collectAsList()) { // distinct periods: a small aggregate
      out.add(r.isNullAt(0) ? null : ExtractJob.localDate(r.get(0)));
    }
    return PeriodSet.of(out);
  }
}
