package org.corpuslens.jobs;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.io.SparkSessions;
import org.corpuslens.io.StagedOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code corpuslens extract}: posts to {@code articles} + {@code rejects}. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Read posts, extract and segment their text: writes the articles and rejects tables.")
public final class ExtractCommand implements Callable<Integer> {
  @Mixin ExtractOptions extract;
  @Mixin AnalysisOptions analysis;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant start = Instant.now();
    ExtractJob.Plan plan = plan(extract, analysis, output, start);
    TopicLexicon lexicon = analysis.lexicon();
    plan = listed(plan);
    RunProgress.Settings progressSettings = RunProgress.Settings.fromEnvironment();
    try (org.corpuslens.io.OutputLock lock = Ownership.take(output.dir, "extract", spec.commandLine().getErr());
        SparkSession spark = SparkSessions.create("corpuslens extract", analysis.master);
        RunProgress progress = RunProgress.start(spark.sparkContext(), progressSettings)) {
      if (SparkSessions.isLocal(analysis.master)) {
        // the tasks run in this JVM: load HanLP and compile its hot code while the first job is
        // planned (not while Spark starts: on two cores it slowed the start)
        org.corpuslens.segment.SegmenterWarmUp.start(plan.segmenter());
      }
      output.checkRemote(spark);
      StagedOutput staged = StagedOutput.begin(output.dir, spark.sparkContext().hadoopConfiguration());
      try {
        ExtractJob.Counts counts = ExtractJob.run(spark, plan.writingTo(staged.dir()));
        RunSummary summary =
            Summaries.extract("extract", plan, lexicon, counts, start).put("spark_work", progress.sparkWork());
        summary.write(staged.dir(), spark.sparkContext().hadoopConfiguration());
        staged.commit();
        summary.log(org.corpuslens.io.ParquetTables.path(output.dir, RunSummary.FILE_NAME));
        spec.commandLine().getOut().printf("articles and rejects written under %s%n%s%n", output.dir, summary.toJson());
      } catch (Exception | Error e) {
        staged.abort();
        throw e;
      }
    }
    return 0;
  }

  /** Validates everything and builds the plan, before Spark starts. */
  static ExtractJob.Plan plan(
      ExtractOptions extract, AnalysisOptions analysis, OutputOptions output, Instant start) {
    extract.validate();
    output.validate();
    TopicLexicon lexicon = analysis.lexicon();
    ExtractJob.Plan plan = new ExtractJob.Plan(
        extract.inputs,
        output.dir,
        extract.patterns(),
        extract.maxFileBytes,
        extract.segmenterConfig(analysis.customWords(lexicon)),
        analysis.zoneId(),
        analysis.grain(),
        extract.partitionBytes,
        extract.openCostBytes,
        extract.outputFileBytes,
        start,
        extract.format,
        extract.nearDuplicateThreshold(),
        extract.fieldMapping(),
        extract.languages(),
        null);
    return plan;
  }

  /**
   * The plan with its inputs listed and their first records sampled, when all inputs are local:
   * called once every option is validated, before the output is locked and Spark starts, so that
   * an input with no readable file, or a mapping naming fields no record has, exits 2 at once.
   * Remote inputs are listed (and checked) by the job, with Spark's Hadoop configuration.
   */
  static ExtractJob.Plan listed(ExtractJob.Plan plan) {
    if (!plan.inputs().stream().allMatch(Paths::isLocal)) {
      return plan;
    }
    long t0 = System.nanoTime();
    org.corpuslens.io.InputListing listing =
        InputCheck.listAndCheck(plan, org.corpuslens.io.SparkSessions.hadoopConfiguration());
    return new ExtractJob.Plan(plan.inputs(), plan.output(), plan.patterns(), plan.maxFileBytes(), plan.segmenter(), plan.zone(),
        plan.grain(), plan.partitionBytes(), plan.openCostBytes(), plan.outputFileBytes(), plan.runStart(), plan.format(),
        plan.nearDuplicateThreshold(), plan.mapping(), plan.languages(),
        new ExtractJob.PreListed(listing, (System.nanoTime() - t0) / 1e9));
  }
}
