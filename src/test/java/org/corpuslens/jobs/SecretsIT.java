package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpuslens.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object-store keys in the Hadoop configuration (set as {@code spark.hadoop.*}, as users of
 * spark-submit do) appear nowhere a run writes: not in its log (everything at INFO, Spark's own
 * lines included), not in run_summary.json, report.html or any other output file.
 */
class SecretsIT {
  private static final String S3_SECRET = "s3aSecretKey-7Fq2Lw9xZt";
  private static final String S3_ACCESS = "AKIAACCESSKEY8K2JQ";
  private static final String AZURE_KEY = "azureAccountKey-Pd4Nc1Vr0Y==";

  @Test
  void keysAppearInNoOutputAndNoLogLine(@TempDir Path tmp) throws Exception {
    Path log4j = tmp.resolve("log4j2.properties");
    Files.writeString(log4j, """
        rootLogger.level = info
        rootLogger.appenderRef.stderr.ref = console
        appender.console.type = Console
        appender.console.name = console
        appender.console.target = SYSTEM_ERR
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = %d %p %c: %m%n%ex
        """, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    Cli.Result run = Cli.run(tmp.resolve("run.log"), Map.of("CORPUSLENS_PROGRESS", "log"),
        List.of("-Dlog4j2.configurationFile=" + log4j,
            "-Dspark.hadoop.fs.s3a.secret.key=" + S3_SECRET,
            "-Dspark.hadoop.fs.s3a.access.key=" + S3_ACCESS,
            "-Dspark.hadoop.fs.azure.account.key.corpus.blob.core.windows.net=" + AZURE_KEY),
        "run", "--input", Cli.projectDir().resolve("sample-data").toString(), "--output", out.toString(), "--master", "local[2]");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).as("the log is at INFO").contains(" INFO ", "run summary");
    assertThat(out.resolve("run_summary.json")).exists();
    assertThat(out.resolve("report.html")).exists();

    for (String secret : List.of(S3_SECRET, S3_ACCESS, AZURE_KEY)) {
      assertThat(run.output()).as("the log").doesNotContain(secret);
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          assertThat(bytes).as(f.toString()).doesNotContain(secret);
        }
      }
    }
  }
}
