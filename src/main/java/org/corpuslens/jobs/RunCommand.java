package org.corpuslens.jobs;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.io.SparkSessions;
import org.corpuslens.io.StagedOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code corpuslens run}: extract then analyze, into one output directory. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the whole pipeline: posts to articles, rejects, term_frequencies, topic_trends, "
        + "topic_trends_by_source, source_stats, syndication, topic_index, topic_mentions, term_keyness, term_changes and new_terms (+ new_terms.txt).")
public final class RunCommand implements Callable<Integer> {
  @Mixin ExtractOptions extract;
  @Mixin AnalysisOptions analysis;
  @Mixin OutputOptions output;
  @Mixin TermOptions terms;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = "--no-report", description = "Do not write the HTML report (default: DIR/report.html).")
  boolean noReport;

  @Override
  public Integer call() throws Exception {
    Instant start = Instant.now();
    ExtractJob.Plan extractPlan = ExtractCommand.plan(extract, analysis, output, start);
    TopicLexicon lexicon = analysis.lexicon();
    org.corpuslens.analytics.TopicIndex.Settings index = analysis.indexSettings();
    AnalyzeJob.TermSettings termSettings = terms.settings().withUserWords(analysis.userWords());
    extractPlan = ExtractCommand.listed(extractPlan); // after every option check, before Spark
    RunProgress.Settings progressSettings = RunProgress.Settings.fromEnvironment();
    if (SparkSessions.isLocal(analysis.master)) {
      // the tasks run in this JVM: load HanLP and compile its hot code while Spark starts
      org.corpuslens.segment.SegmenterWarmUp.start(extractPlan.segmenter());
    }
    try (org.corpuslens.io.OutputLock lock = Ownership.take(output.dir, "run", spec.commandLine().getErr());
        SparkSession spark = SparkSessions.create("corpuslens run", analysis.master);
        RunProgress progress = RunProgress.start(spark.sparkContext(), progressSettings)) {
      double startup =
          (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
      output.checkRemote(spark);
      StagedOutput staged = StagedOutput.begin(output.dir, spark.sparkContext().hadoopConfiguration());
      try {
        ExtractJob.Counts counts = ExtractJob.run(spark, extractPlan.writingTo(staged.dir()));
        long analyzeStart = System.nanoTime();
        Map<String, Object> tableFacts = AnalyzeJob.run(
            spark,
            new AnalyzeJob.Plan(
                staged.dir(), staged.dir(), lexicon, analysis.zoneId(), analysis.grain(), analysis.keepDuplicates,
                index, termSettings));
        counts.timings().put("aggregate_write_wall_s", (System.nanoTime() - analyzeStart) / 1e9);
        counts.timings().put("jvm_start_to_spark_ready_s", startup);
        RunSummary summary =
            Summaries.extract("run", extractPlan, lexicon, counts, start)
                .put("keep_duplicates", analysis.keepDuplicates)
                .put("index_base", index.base().toString())
                .put("index_min_articles", index.minArticles())
                .put("tables", tableFacts)
                .put("spark_work", progress.sparkWork());
        summary.write(staged.dir(), spark.sparkContext().hadoopConfiguration());
        staged.commit();
        summary.log();
        print(spec.commandLine().getOut(), summary, counts);
      } catch (Exception | Error e) {
        staged.abort();
        throw e;
      }
      if (!noReport) { // once the tables are in place: a failed report leaves them there
        spark.sparkContext().setJobDescription("report");
        org.corpuslens.report.Report.write(spark, output.dir, org.corpuslens.report.Report.defaultOutput(output.dir));
        spec.commandLine().getOut().printf("report: %s%n", org.corpuslens.report.Report.defaultOutput(output.dir)).flush();
      }
    }
    return 0;
  }

  private void print(PrintWriter out, RunSummary summary, ExtractJob.Counts counts) {
    out.printf("%s%n", summary.toJson());
    out.printf(
        "CorpusLens: %d input files -> %d articles (%d duplicates), %d rejects%n",
        counts.inputFiles(), counts.articles(), counts.duplicates(), counts.rejects());
    out.printf("tables written under %s:%n", output.dir);
    for (String t : new String[] {
        ParquetTables.ARTICLES, ParquetTables.REJECTS, ParquetTables.TERM_FREQUENCIES,
        ParquetTables.TOPIC_TRENDS, ParquetTables.TOPIC_TRENDS_BY_SOURCE, ParquetTables.SOURCE_STATS,
        ParquetTables.SYNDICATION, ParquetTables.TOPIC_INDEX, ParquetTables.TOPIC_MENTIONS, ParquetTables.TERM_KEYNESS,
        ParquetTables.TERM_CHANGES, ParquetTables.NEW_TERMS, ParquetTables.NEW_TERMS_WORD_LIST}) {
      out.printf("  %s%n", ParquetTables.path(output.dir, t));
    }
    out.flush();
  }
}
