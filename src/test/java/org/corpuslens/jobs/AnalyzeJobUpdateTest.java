package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corpuslens.jobs.AnalyzeJobTest.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.analytics.TermKeyness;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An update that only adds articles recounts the term tables of the months its counted articles
 * fall in, from the stored counts, and matches the topics in its new articles only, and reaches
 * the tables a full analysis of all the articles gives; the other months' files and the earlier
 * matches are the previous output's (hard links).
 */
@ExtendWith(LocalSpark.class)
class AnalyzeJobUpdateTest {
  @TempDir Path dir;

  /** Lenient keyness and change settings, so that the small tables have rows to compare. */
  private static AnalyzeJob.TermSettings terms(long minTermCount) {
    return new AnalyzeJob.TermSettings(minTermCount, new TermKeyness.Settings(1, 1, 0, 100, 0.0),
        new TermKeyness.ChangeSettings(1, 1, 50, 0.0), null, List.of());
  }

  private static AnalyzeJob.Plan plan(String tables, String out, long minTermCount) {
    return plan(tables, out, minTermCount, PeriodGrain.MONTH);
  }

  private static AnalyzeJob.Plan plan(String tables, String out, long minTermCount, PeriodGrain grain) {
    return new AnalyzeJob.Plan(tables, out, TopicLexicon.defaults(), ZoneId.of("UTC"), grain, false,
        org.corpuslens.analytics.TopicIndex.Settings.defaults(), terms(minTermCount));
  }

  private static Row duplicateOf(Row a, String id, String of) {
    Object[] v = new Object[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i);
    }
    v[0] = id;
    v[v.length - 1] = of;
    return RowFactory.create(v);
  }

  private static final List<Row> EARLIER = List.of(
      article("a1", "甲报", "2022-01-05T00:00:00Z", "绿色金融 市场", "绿色金融/nz", "市场/n", "市场/n", "银行/n"),
      article("a2", "乙报", "2022-01-20T00:00:00Z", "数字经济 发展", "数字经济/nz", "发展/vn", "市场/n"),
      article("a3", "甲报", "2022-02-03T00:00:00Z", "银行 市场", "银行/n", "市场/n", "市场/v", "发展/v"),
      article("a4", "乙报", "2022-02-10T00:00:00Z", "绿色金融 银行", "绿色金融/nz", "银行/n", "银行/n"),
      article("a5", "甲报", "2022-03-01T00:00:00Z", "数字经济 市场", "数字经济/nz", "市场/n", "创新/vn"));

  private static final List<Row> ADDED = List.of(
      // March: a stored period recounted (市场 gets a second tag there, 甲报 and 丙报 both)
      article("b1", "甲报", "2022-03-09T00:00:00Z", "绿色金融 市场", "绿色金融/nz", "市场/v", "市场/v", "银行/n"),
      article("b2", "丙报", "2022-03-15T00:00:00Z", "数字经济 创新", "数字经济/nz", "创新/vn", "创新/vn"),
      // April: a new period
      article("b3", "乙报", "2022-04-02T00:00:00Z", "银行 发展", "银行/n", "发展/vn", "市场/n"),
      // a duplicate in February: not counted, February stays as it was
      duplicateOf(article("b4", "乙报", "2022-02-11T00:00:00Z", "绿色金融 银行", "绿色金融/nz", "银行/n", "银行/n"), "b4", "a4"));

  /** root/articles: the earlier files (copied) plus the added articles in a file of its own. */
  private static void addArticles(SparkSession spark, Path from, Path to, Path scratch) throws IOException {
    copyTree(from.resolve(ParquetTables.ARTICLES), to.resolve(ParquetTables.ARTICLES));
    copyTree(from.resolve(ParquetTables.REJECTS), to.resolve(ParquetTables.REJECTS));
    ParquetTables.writeSmall(spark.createDataFrame(ADDED, AnalyzeJobTest.ARTICLES), scratch.toString(), ParquetTables.ARTICLES);
    try (Stream<Path> files = Files.list(scratch.resolve(ParquetTables.ARTICLES))) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
        Files.copy(f, to.resolve(ParquetTables.ARTICLES).resolve("added-" + f.getFileName()));
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

  private static Object inode(Path f) {
    try {
      return Files.getAttribute(f, "unix:ino");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> rows(SparkSession spark, String root, String table) {
    List<String> out = new ArrayList<>();
    for (Row r : ParquetTables.read(spark, root, table).collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  @ParameterizedTest
  @EnumSource(value = PeriodGrain.class, names = {"MONTH", "DAY"})
  void anUpdateRecountsTheTouchedMonthsAndEqualsAFullAnalysis(PeriodGrain grain, SparkSession spark) throws IOException {
    Path before = dir.resolve("before");
    AnalyzeJobTest.writeTables(spark, before.toString(), EARLIER);
    AnalyzeJob.run(spark, plan(before.toString(), before.toString(), 2, grain));

    Path updated = dir.resolve("updated");
    addArticles(spark, before, updated, dir.resolve("scratch"));
    Map<String, Object> facts =
        AnalyzeJob.run(spark, plan(updated.toString(), updated.toString(), 2, grain), before.toString());
    Path full = dir.resolve("full");
    Map<String, Object> fullFacts = AnalyzeJob.run(spark, plan(updated.toString(), full.toString(), 2, grain));

    // March and April recounted; February (only a duplicate added) and January kept
    assertThat(facts).containsEntry("months_recounted", 2);
    Map<?, ?> tf = (Map<?, ?>) facts.get(ParquetTables.TERM_FREQUENCIES);
    assertThat(tf.get("computed")).isEqualTo(TermTables.UPDATED);
    Map<?, ?> fullTf = (Map<?, ?>) fullFacts.get(ParquetTables.TERM_FREQUENCIES);
    assertThat(fullTf.get("computed")).isEqualTo(TermTables.RECOMPUTED);
    assertThat(tf.get("rows")).isEqualTo(fullTf.get("rows"));
    assertThat(tf.get("rows_dropped")).isEqualTo(fullTf.get("rows_dropped"));
    for (String t : List.of(ParquetTables.TERM_FREQUENCIES, ParquetTables.TERM_KEYNESS, ParquetTables.TERM_CHANGES,
        ParquetTables.PERIOD_TERMS, ParquetTables.TERM_TOTALS, ParquetTables.TOPIC_MENTIONS, ParquetTables.TOPIC_INDEX,
        ParquetTables.TOPIC_TRENDS, ParquetTables.TOPIC_TRENDS_BY_SOURCE, ParquetTables.SOURCE_STATS,
        ParquetTables.SYNDICATION, ParquetTables.ARTICLE_TOPICS)) {
      assertThat(rows(spark, updated.toString(), t)).as(t).isNotEmpty().isEqualTo(rows(spark, full.toString(), t));
    }
    // the stored sums per tag (a term's documents are counted on one of its tag rows, which one may differ)
    for (String sums : List.of("period, source, term, topic, pos, sum(count)", "period, source, term, topic, sum(doc_count)")) {
      String group = sums.substring(0, sums.lastIndexOf(", sum("));
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      ParquetTables.read(spark, updated.toString(), ParquetTables.TERM_BAGS).createOrReplaceTempView("u");
      ParquetTables.read(spark, full.toString(), ParquetTables.TERM_BAGS).createOrReplaceTempView("f");
      spark.sql("select " + sums + " from u group by " + group).collectAsList().forEach(r -> a.add(r.toString()));
      spark.sql("select " + sums + " from f group by " + group).collectAsList().forEach(r -> b.add(r.toString()));
      a.sort(null);
      b.sort(null);
      assertThat(a).as(sums).isNotEmpty().isEqualTo(b);
    }
    // known by hand: 市场 of 甲报 in March, a5 市场/n once and b1 市场/v twice: tag v, 3 occurrences, 2 articles
    // (by month; by day they are two rows, 3 March and 9 March)
    List<Row> march = ParquetTables.read(spark, updated.toString(), ParquetTables.TERM_FREQUENCIES)
        .where("term = '市场' and source = '甲报' and trunc(period, 'month') = date'2022-03-01'").orderBy("period")
        .collectAsList();
    if (grain == PeriodGrain.MONTH) {
      assertThat(march).extracting(r -> r.getAs("pos") + "|" + r.getAs("count") + "|" + r.getAs("doc_count"))
          .containsExactly("v|3|2");
    } else { // the minimum count of 2 drops 1 March's single 市场/n
      assertThat(march).extracting(r -> r.getAs("period") + "|" + r.getAs("pos") + "|" + r.getAs("count"))
          .containsExactly("2022-03-09|v|2");
    }

    // the earlier articles' topic matches are the previous output's files, the new ones' a file of its own
    for (String t : List.of(ParquetTables.TOPIC_MENTIONS, ParquetTables.ARTICLE_TOPICS)) {
      try (Stream<Path> s = Files.list(updated.resolve(t))) {
        List<Path> files = s.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        long earlier;
        try (Stream<Path> e = Files.list(before.resolve(t))) {
          earlier = e.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
        }
        assertThat(files).as(t).filteredOn(f -> !Files.exists(before.resolve(t).resolve(f.getFileName()))).hasSize(1);
        assertThat(files).as(t).filteredOn(f -> Files.exists(before.resolve(t).resolve(f.getFileName())))
            .hasSize((int) earlier)
            .allMatch(f -> inode(f).equals(inode(before.resolve(t).resolve(f.getFileName()))));
      }
    }
    // b1 and b2 mention 绿色金融 and 数字经济 in their texts; b4, a duplicate, is not counted
    assertThat(ParquetTables.read(spark, updated.toString(), ParquetTables.TOPIC_MENTIONS)
        .where("article_id like 'b%'").selectExpr("concat(article_id, ':', topic)").collectAsList())
        .extracting(r -> r.getString(0)).contains("b1:绿色金融", "b2:数字经济").noneMatch(m -> m.startsWith("b4"));
    // the untouched months' files are the previous output's; each file holds one month's periods
    for (String t : List.of(ParquetTables.TERM_FREQUENCIES, ParquetTables.TERM_BAGS, ParquetTables.PERIOD_TERMS)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(updated.resolve(t))) {
        files = s.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
      }
      assertThat(files).as(t).anyMatch(f -> f.getFileName().toString().startsWith("period-2022-01-01_"));
      for (Path f : files) {
        String tag = ParquetTables.periodOfFile(f.getFileName().toString());
        assertThat(tag).as(f.toString()).isNotNull();
        List<Row> periods = spark.read().parquet(f.toString())
            .selectExpr("coalesce(cast(trunc(period, 'month') as string), 'undated')")
            .distinct().collectAsList();
        assertThat(periods).as(f.toString()).extracting(r -> r.getString(0)).containsExactly(tag);
        Path earlier = before.resolve(t).resolve(f.getFileName());
        boolean touched = tag.equals("2022-03-01") || tag.equals("2022-04-01");
        assertThat(Files.exists(earlier)).as(f.toString()).isEqualTo(!touched);
        if (!touched) {
          assertThat(Files.getAttribute(f, "unix:ino")).isEqualTo(Files.getAttribute(earlier, "unix:ino"));
        }
      }
    }
  }

  @Test
  void otherTermSettingsRecomputeFromEveryArticle(SparkSession spark) throws IOException {
    Path before = dir.resolve("before");
    AnalyzeJobTest.writeTables(spark, before.toString(), EARLIER);
    AnalyzeJob.run(spark, plan(before.toString(), before.toString(), 1));
    Path updated = dir.resolve("updated");
    addArticles(spark, before, updated, dir.resolve("scratch"));
    // another minimum count: the stored term_frequencies were cut at 1, these must be cut at 2
    Map<String, Object> facts = AnalyzeJob.run(spark, plan(updated.toString(), updated.toString(), 2), before.toString());
    assertThat(((Map<?, ?>) facts.get(ParquetTables.TERM_FREQUENCIES)).get("computed")).isEqualTo(TermTables.RECOMPUTED);
    Path full = dir.resolve("full");
    AnalyzeJob.run(spark, plan(updated.toString(), full.toString(), 2));
    assertThat(rows(spark, updated.toString(), ParquetTables.TERM_FREQUENCIES))
        .isEqualTo(rows(spark, full.toString(), ParquetTables.TERM_FREQUENCIES));
    assertThat(TermTables.obstacle(spark.sparkContext().hadoopConfiguration(), before.toString(),
        TermTables.settingsLine(plan(updated.toString(), updated.toString(), 2))))
        .contains("settings changed").contains("min_term_count=1").contains("min_term_count=2");
  }
}
