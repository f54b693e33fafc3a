package org.corpuslens.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.io.SparkSessions;
import org.corpuslens.io.StagedOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpuslens analyze}: {@code articles} to the analytic tables. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Compute term_frequencies, topic_trends, topic_trends_by_source, source_stats, topic_index, "
        + "topic_mentions, term_keyness, term_changes and new_terms (+ new_terms.txt) "
        + "from the articles and rejects tables of an extract run.")
public final class AnalyzeCommand implements Callable<Integer> {
  static final String SUMMARY_FILE = "analyze_summary.json";

  @Option(
      names = "--tables",
      required = true,
      paramLabel = "DIR",
      description = "Directory holding the articles and rejects tables.")
  String tables;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Directory of the analytic tables (default: the --tables directory, where they "
          + "replace earlier analytic tables).")
  String output;

  @Option(names = "--overwrite", description = "Replace an existing, non-empty --output directory.")
  boolean overwrite;

  @Mixin AnalysisOptions analysis;
  @Mixin TermOptions terms;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant start = Instant.now();
    String out = output == null ? tables : output;
    boolean inPlace = out.equals(tables);
    AnalyzeJob.Plan plan = plan(tables, out, analysis, terms);
    if (Paths.isLocal(tables) && !java.nio.file.Files.isDirectory(Paths.local(tables).resolve("articles"))) {
      throw new ConfigurationException("--tables " + tables + " has no articles table: run extract (or run) first");
    }
    if (!inPlace && !overwrite && Paths.isNonEmptyLocalDir(out)) {
      throw new ConfigurationException(
          "--output " + out + " already exists and is not empty: choose another directory or add --overwrite");
    }
    RunProgress.Settings progressSettings = RunProgress.Settings.fromEnvironment();
    try (org.corpuslens.io.OutputLock lock = Ownership.take(out, "analyze", spec.commandLine().getErr());
        SparkSession spark = SparkSessions.create("corpuslens analyze", analysis.master);
        RunProgress progress = RunProgress.start(spark.sparkContext(), progressSettings)) {
      StagedOutput staged = StagedOutput.begin(out, spark.sparkContext().hadoopConfiguration());
      try {
        Map<String, Object> tableFacts = AnalyzeJob.run(spark, plan.writingTo(staged.dir()));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("tables", tables);
        options.put("output", out);
        options.put("zone", plan.zone().getId());
        options.put("period", plan.grain().columnValue());
        options.put("keep_duplicates", plan.keepDuplicates());
        options.put("index_base", plan.index().base().toString());
        options.put("index_min_articles", plan.index().minArticles());
        options.put("min_term_count", plan.terms().minTermCount());
        RunSummary summary =
            new RunSummary()
                .put("command", "analyze")
                .put("started_at", start.toString())
                .put("finished_at", Instant.now().toString())
                .put("lexicon", Summaries.lexicon(plan.lexicon()))
                .put("options", options)
                .put("tables", tableFacts)
                .put("versions", Versions.all())
                .put("spark_work", progress.sparkWork());
        summary.write(staged.dir(), SUMMARY_FILE, spark.sparkContext().hadoopConfiguration());
        if (inPlace) {
          staged.commitInto();
        } else {
          staged.commit();
        }
        summary.log(org.corpuslens.io.ParquetTables.path(out, SUMMARY_FILE));
      } catch (Exception | Error e) {
        staged.abort();
        throw e;
      }
      spec.commandLine().getOut().printf("analytic tables written under %s%n", out);
    }
    return 0;
  }

  static AnalyzeJob.Plan plan(String tables, String output, AnalysisOptions analysis, TermOptions terms) {
    return new AnalyzeJob.Plan(
        tables, output, analysis.lexicon(), analysis.zoneId(), analysis.grain(), analysis.keepDuplicates,
        analysis.indexSettings(), terms.settings().withUserWords(analysis.userWords()));
  }
}
