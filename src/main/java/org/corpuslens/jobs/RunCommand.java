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
  /** The listing's chunk files for the manifest comparison, in the staging folder while it runs. */
  static final String LISTING_DIR = "_input_listing";

  @Mixin ExtractOptions extract;
  @Mixin AnalysisOptions analysis;
  @Mixin OutputOptions output;
  @Mixin TermOptions terms;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = "--no-report", description = "Do not write the HTML report (default: DIR/report.html).")
  boolean noReport;

  @picocli.CommandLine.Option(
      names = "--incremental",
      description = "Update an existing output: read and segment only the input files that are new or changed since "
          + "the run that wrote it (its manifest), keep the rows of the others, then mark duplicates and compute the "
          + "analytic tables again over the whole articles table. A change of settings that alters stored rows, or "
          + "no manifest, makes it a full run (said in one line).")
  boolean incremental;

  @picocli.CommandLine.Option(
      names = "--prune-deleted",
      description = "With --incremental: drop the rows of input files that no longer exist (kept by default).")
  boolean pruneDeleted;

  @Override
  public Integer call() throws Exception {
    Instant start = Instant.now();
    if (pruneDeleted && !incremental) {
      throw new ConfigurationException("--prune-deleted needs --incremental (a full run reads only what exists)");
    }
    if (incremental && !output.overwrite) {
      // an incremental run replaces the tables of an existing output: only of a CorpusLens output
      if (Paths.isNonEmptyLocalDir(output.dir) && !Incremental.looksLikeOutput(output.dir)) {
        throw new ConfigurationException(
            "--output " + output.dir + " is not empty and holds no CorpusLens tables: --incremental updates the output "
                + "of an earlier run; choose that output, an empty directory, or add --overwrite");
      }
      output.overwrite = true;
    }
    ExtractJob.Plan extractPlan = ExtractCommand.plan(extract, analysis, output, start);
    TopicLexicon lexicon = analysis.lexicon();
    org.corpuslens.analytics.TopicIndex.Settings index = analysis.indexSettings();
    AnalyzeJob.TermSettings termSettings = terms.settings().withUserWords(analysis.userWords());
    extractPlan = ExtractCommand.listed(extractPlan); // after every option check, before Spark
    RunProgress.Settings progressSettings = RunProgress.Settings.fromEnvironment();
    try (org.corpuslens.io.OutputLock lock = Ownership.take(output.dir, "run", spec.commandLine().getErr());
        SparkSession spark = SparkSessions.create("corpuslens run", analysis.master);
        RunProgress progress = RunProgress.start(spark.sparkContext(), progressSettings)) {
      double startup =
          (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
      if (SparkSessions.isLocal(analysis.master)) {
        // the tasks run in this JVM: load HanLP and compile its hot code while the input is compared
        // and the first job is planned (not while Spark starts: on two cores it slowed the start)
        org.corpuslens.segment.SegmenterWarmUp.start(extractPlan.segmenter());
      }
      output.checkRemote(spark);
      org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      Incremental.Decision decision = Incremental.decide(
          output.dir, SettingsFingerprint.of(extractPlan, lexicon), incremental, hadoop);
      if (decision.said() != null) {
        spec.commandLine().getErr().println(decision.said());
        spec.commandLine().getErr().flush();
      }
      long manifestStart = System.nanoTime();
      org.corpuslens.io.InputListing listing = Incremental.listing(extractPlan, hadoop);
      StagedOutput staged = StagedOutput.begin(output.dir, hadoop);
      try {
        // the listing's chunks for the comparison's tasks, in the staging folder until the manifest is written
        String listingDir = ParquetTables.path(staged.dir(), LISTING_DIR);
        Incremental.Delta delta = Incremental.compare(
            spark, listing, decision.incremental() ? output.dir : null, pruneDeleted, incremental, listingDir);
        double manifestSeconds = (System.nanoTime() - manifestStart) / 1e9;
        if (decision.incremental() && delta.nothingToDo()) {
          String line = "corpuslens: --incremental: nothing new, changed" + (pruneDeleted ? " or deleted" : "")
              + " since the previous run (" + delta.describe() + "): the tables under " + output.dir + " are unchanged";
          spec.commandLine().getErr().println(line);
          spec.commandLine().getErr().flush();
          spec.commandLine().getOut().println(line);
          spec.commandLine().getOut().flush();
          delta.release();
          staged.abort();
          return 0;
        }
        ExtractJob.Counts counts = ExtractJob.run(
            spark, extractPlan.writingTo(staged.dir()), listing,
            decision.incremental() ? new ExtractJob.Update(output.dir, delta.read(), delta.replaced()) : null);
        listing = null;
        Object marked = counts.timings().get("duplicates_marked");
        if (marked instanceof String m && m.startsWith(ExtractJob.WHOLE_TABLE)) {
          spec.commandLine().getErr().println("corpuslens: --incremental: duplicates marked again over the " + m);
          spec.commandLine().getErr().flush();
        }
        StagedOutput.haltIfAsked("articles-staged");
        org.corpuslens.io.ParquetTables.writeSmall(
            org.corpuslens.io.InputManifest.entries(delta.compared(), !pruneDeleted), staged.dir(), org.corpuslens.io.InputManifest.TABLE);
        SettingsFingerprint.of(extractPlan, lexicon).write(staged.dir(), hadoop);
        delta.release();
        ParquetTables.delete(spark, staged.dir(), LISTING_DIR);
        counts.timings().put("manifest_compare_wall_s", manifestSeconds);
        long analyzeStart = System.nanoTime();
        // an update that only added articles updates the term tables from the previous output's stored counts
        boolean appended = ExtractJob.APPENDED.equals(marked);
        Map<String, Object> tableFacts = AnalyzeJob.run(
            spark,
            new AnalyzeJob.Plan(
                staged.dir(), staged.dir(), lexicon, analysis.zoneId(), analysis.grain(), analysis.keepDuplicates,
                index, termSettings),
            appended ? output.dir : null);
        counts.timings().put("aggregate_write_wall_s", (System.nanoTime() - analyzeStart) / 1e9);
        counts.timings().put("jvm_start_to_spark_ready_s", startup);
        RunSummary summary =
            Summaries.extract("run", extractPlan, lexicon, counts, start)
                .put("keep_duplicates", analysis.keepDuplicates)
                .put("index_base", index.base().toString())
                .put("index_min_articles", index.minArticles())
                .put("tables", tableFacts)
                .put("spark_work", progress.sparkWork());
        summary.put("mode", decision.incremental() ? "incremental" : "full");
        summary.put("incremental", delta.summary(decision, counts));
        if (decision.incremental()) { // this run's counts cover the files it read: the summary gives the whole tables
          ExtractJob.tableTotals(spark, staged.dir()).forEach(summary::put);
        }
        StagedOutput.haltIfAsked("tables-staged");
        summary.write(staged.dir(), spark.sparkContext().hadoopConfiguration());
        staged.commit();
        summary.log(ParquetTables.path(output.dir, RunSummary.FILE_NAME));
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
    if (incremental) {
      out.printf("CorpusLens: %s run; read %d input files -> %d articles, %d rejects%n",
          summary.get("mode"), counts.inputFiles(), counts.articles(), counts.rejects());
    } else {
      out.printf(
          "CorpusLens: %d input files -> %d articles (%d duplicates), %d rejects%n",
          counts.inputFiles(), counts.articles(), counts.duplicates(), counts.rejects());
    }
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
