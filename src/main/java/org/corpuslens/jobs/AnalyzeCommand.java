package org.corpuslens.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.io.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpuslens analyze}: {@code articles} to the analytic tables. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Compute term_frequencies, topic_trends, topic_trends_by_source and source_stats "
        + "from the articles and rejects tables of an extract run.")
public final class AnalyzeCommand implements Callable<Integer> {
  @Option(
      names = "--tables",
      required = true,
      paramLabel = "DIR",
      description = "Directory holding the articles and rejects tables.")
  String tables;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Directory of the analytic tables (default: the --tables directory; existing analytic tables there are replaced).")
  String output;

  @Mixin AnalysisOptions analysis;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant start = Instant.now();
    AnalyzeJob.Plan plan = plan(tables, output == null ? tables : output, analysis);
    if (Paths.isLocal(tables) && !java.nio.file.Files.isDirectory(Paths.local(tables).resolve("articles"))) {
      throw new ConfigurationException("--tables " + tables + " has no articles table: run extract (or run) first");
    }
    try (SparkSession spark = SparkSessions.create("corpuslens analyze", analysis.master)) {
      AnalyzeJob.run(spark, plan);
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("tables", tables);
      options.put("output", plan.output());
      options.put("zone", plan.zone().getId());
      options.put("period", plan.grain().columnValue());
      RunSummary summary =
          new RunSummary()
              .put("command", "analyze")
              .put("started_at", start.toString())
              .put("finished_at", Instant.now().toString())
              .put("lexicon", Summaries.lexicon(plan.lexicon()))
              .put("options", options)
              .put("versions", Versions.all());
      if (!plan.output().equals(tables)) {
        summary.write(plan.output(), spark.sparkContext().hadoopConfiguration());
      }
      spec.commandLine().getOut().printf("analytic tables written under %s%n", plan.output());
    }
    return 0;
  }

  static AnalyzeJob.Plan plan(String tables, String output, AnalysisOptions analysis) {
    return new AnalyzeJob.Plan(tables, output, analysis.lexicon(), analysis.zoneId(), analysis.grain());
  }
}
