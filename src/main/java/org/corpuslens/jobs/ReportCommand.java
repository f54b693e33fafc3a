package org.corpuslens.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.io.SparkSessions;
import org.corpuslens.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpuslens report}: the tables of a run to one self-contained HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write an HTML report (topic trends, top terms, sources, run facts) of the tables "
        + "of a run: one self-contained file that needs no network access.")
public final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--tables",
      required = true,
      paramLabel = "DIR",
      description = "Directory holding the tables (and run_summary.json) of a run.")
  String tables;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "The HTML file to write (default: DIR/report.html); replaced when it exists.")
  String output;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master for direct runs, e.g. local[*]. Default: spark-submit's, else local[*].")
  String master;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (Paths.isLocal(tables) && !java.nio.file.Files.isDirectory(Paths.local(tables))) {
      throw new ConfigurationException("--tables " + tables + ": no such directory");
    }
    String out = output == null ? Report.defaultOutput(tables) : output;
    try (org.corpuslens.io.OutputLock lock = Ownership.take(tables, "report", spec.commandLine().getErr());
        SparkSession spark = SparkSessions.create("corpuslens report", master)) {
      Report.write(spark, tables, out);
    }
    spec.commandLine().getOut().printf("report written to %s%n", out);
    return 0;
  }
}
