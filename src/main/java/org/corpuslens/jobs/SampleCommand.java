package org.corpuslens.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.io.SparkSessions;
import org.corpuslens.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpuslens sample}: random matching articles per topic, for a human audit of precision. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = "Write N random matching articles per topic (seeded, spread evenly over the periods) from "
        + "topic_mentions and articles, as sample.csv (with an empty 'relevant' column to fill in) and "
        + "sample.html (the articles with the counted mentions highlighted).")
public final class SampleCommand implements Callable<Integer> {
  @Option(names = "--tables", required = true, paramLabel = "DIR",
      description = "Directory holding the articles and topic_mentions tables of a run.")
  String tables;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Directory for sample.csv and sample.html (default: DIR/sample); files there are replaced.")
  String output;

  @Option(names = "--per-topic", paramLabel = "N", defaultValue = "50",
      description = "Articles per topic, 1.." + Report.MAX_SAMPLE_PER_TOPIC + " (default: ${DEFAULT-VALUE}).")
  int perTopic;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the random choice: same tables and seed, same sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for direct runs, e.g. local[*]. Default: spark-submit's, else local[*].")
  String master;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (perTopic < 1 || perTopic > Report.MAX_SAMPLE_PER_TOPIC) {
      throw new ConfigurationException("--per-topic must be 1.." + Report.MAX_SAMPLE_PER_TOPIC + ", got " + perTopic);
    }
    if (Paths.isLocal(tables)) {
      for (String table : new String[] {"articles", "topic_mentions"}) {
        if (!java.nio.file.Files.isDirectory(Paths.local(tables).resolve(table))) {
          throw new ConfigurationException("--tables " + tables + " has no " + table + " table: run (or analyze) first");
        }
      }
    }
    String out = output == null ? (tables.endsWith("/") ? tables : tables + "/") + "sample" : output;
    int n;
    try (SparkSession spark = SparkSessions.create("corpuslens sample", master)) {
      n = Report.writeSample(spark, tables, out, perTopic, seed);
    }
    spec.commandLine().getOut().printf("sample of %d articles written to %s/{%s,%s}%n", n, out, Report.SAMPLE_CSV,
        Report.SAMPLE_HTML);
    return 0;
  }
}
