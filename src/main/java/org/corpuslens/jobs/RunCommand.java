package org.corpuslens.jobs;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.io.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpuslens run}: extract then analyze, into one output directory. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the whole pipeline: posts to articles, rejects, term_frequencies, topic_trends, "
        + "topic_trends_by_source and source_stats.")
public final class RunCommand implements Callable<Integer> {
  @Mixin ExtractOptions extract;
  @Mixin AnalysisOptions analysis;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant start = Instant.now();
    ExtractJob.Plan extractPlan = ExtractCommand.plan(extract, analysis, output, start);
    AnalyzeJob.Plan analyzePlan = AnalyzeCommand.plan(output.dir, output.dir, analysis);
    TopicLexicon lexicon = analyzePlan.lexicon();
    try (SparkSession spark = SparkSessions.create("corpuslens run", analysis.master)) {
      output.checkRemote(spark);
      ExtractJob.Counts counts = ExtractJob.run(spark, extractPlan);
      AnalyzeJob.run(spark, analyzePlan);
      RunSummary summary = Summaries.extract("run", extractPlan, lexicon, counts, start);
      summary.write(output.dir, spark.sparkContext().hadoopConfiguration());
      var out = spec.commandLine().getOut();
      out.printf("%s%n", summary.toJson());
      out.printf("CorpusLens: %d input files -> %d articles, %d rejects%n", counts.inputFiles(), counts.articles(), counts.rejects());
      out.printf("tables written under %s:%n", output.dir);
      for (String t : new String[] {
          ParquetTables.ARTICLES, ParquetTables.REJECTS, ParquetTables.TERM_FREQUENCIES,
          ParquetTables.TOPIC_TRENDS, ParquetTables.TOPIC_TRENDS_BY_SOURCE, ParquetTables.SOURCE_STATS}) {
        out.printf("  %s%n", ParquetTables.path(output.dir, t));
      }
      out.flush();
    }
    return 0;
  }
}
