package org.corpuslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.corpuslens.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What jobs/run.sh, extract.sh and analyze.sh hand to spark-submit (printed with {@code
 * CORPUSLENS_PRINT_COMMAND=1}, nothing is run): spark-submit's options to spark-submit, the
 * application's to the application with relative paths made absolute, a Spark distribution's
 * spark-submit when SPARK_HOME has one; and the conf files carry the JVM flags of the pom.
 */
class SubmitScriptsIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void sparkOptionsGoToSparkSubmitAndTheRestToTheApplication(@TempDir Path tmp) throws Exception {
    List<String> cmd = print(tmp, Map.of(), "run.sh",
        "--master", "spark://127.0.0.1:7077", "--deploy-mode=cluster", "--input", "posts", "/abs/posts", "hdfs://nn:8020/p",
        "--conf", "spark.executor.memory=3g", "--output", "out", "--overwrite", "--topics=lexicon.yaml", "--period", "week");

    assertThat(cmd.get(0)).endsWith("java");
    assertThat(cmd).contains("org.apache.spark.deploy.SparkSubmit", "-Dfile.encoding=UTF-8");
    assertThat(cmd).noneMatch(a -> a.startsWith("-Xmx")); // cluster mode: the driver is not this JVM
    int cls = cmd.indexOf("--class");
    List<String> submit = cmd.subList(cmd.indexOf("org.apache.spark.deploy.SparkSubmit") + 1, cls);
    assertThat(submit).containsSubsequence("--properties-file", Cli.projectDir().resolve("jobs/conf/local.conf").toString())
        .containsSubsequence("--master", "spark://127.0.0.1:7077")
        .containsSubsequence("--deploy-mode", "cluster")
        .containsSubsequence("--conf", "spark.executor.memory=3g");
    assertThat(cmd.subList(cls, cmd.size())).containsExactly(
        "--class", "org.corpuslens.jobs.CorpusLens", appJar().toString(), "run",
        "--input", tmp.resolve("posts").toString(), "/abs/posts", "hdfs://nn:8020/p",
        "--output", tmp.resolve("out").toString(), "--overwrite", "--topics=" + tmp.resolve("lexicon.yaml"), "--period", "week");
  }

  @Test
  void clientModeSizesTheLauncherJvmAsTheDriver(@TempDir Path tmp) throws Exception {
    List<String> cmd = print(tmp, Map.of(), "analyze.sh",
        "--properties-file", Cli.projectDir().resolve("jobs/conf/standalone.conf").toString(), "--tables", "t");
    assertThat(cmd).contains("-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED");
    assertThat(cmd.subList(cmd.indexOf("--class"), cmd.size()))
        .endsWith("analyze", "--tables", tmp.resolve("t").toString());
  }

  @Test
  void aSparkDistributionsSparkSubmitIsUsedWhenSparkHomeHasOne(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("spark-4.2.0-bin-hadoop3");
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path submit = Files.writeString(bin.resolve("spark-submit"), "#!/bin/sh\nexit 0\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));

    List<String> cmd = print(tmp, Map.of("SPARK_HOME", home.toString()), "extract.sh",
        "--master", "yarn", "--deploy-mode", "cluster", "--input", "hdfs:///archive", "--output", "hdfs:///tables");
    assertThat(cmd.get(0)).isEqualTo(submit.toString());
    assertThat(cmd).doesNotContain("org.apache.spark.deploy.SparkSubmit")
        .containsSubsequence("--master", "yarn", "--deploy-mode", "cluster")
        .endsWith("extract", "--input", "hdfs:///archive", "--output", "hdfs:///tables");

    // a SPARK_HOME without bin/spark-submit (such as jobs/cluster.sh's) is not a distribution
    List<String> own = print(tmp, Map.of("SPARK_HOME", tmp.toString()), "extract.sh", "--input", "x", "--output", "y");
    assertThat(own).contains("org.apache.spark.deploy.SparkSubmit");
  }

  @Test
  void confFilesGiveDriversAndExecutorsTheJvmFlagsOfThePom() throws Exception {
    String flags = System.getProperty("corpuslens.jvm.flags", "").trim();
    assertThat(flags).startsWith("-XX:+IgnoreUnrecognizedVMOptions");
    try (var confs = Files.list(Cli.projectDir().resolve("jobs/conf"))) {
      List<Path> files = confs.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
      assertThat(files).extracting(f -> f.getFileName().toString()).contains("local.conf", "standalone.conf");
      for (Path f : files) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions")) {
          assertThat(text.lines().filter(l -> l.startsWith(key + " ")))
              .as(f + " " + key).singleElement().satisfies(l -> assertThat(l.substring(key.length()).trim()).startsWith(flags));
        }
        assertThat(text).as(f.toString()).containsPattern("(?m)^spark\\.sql\\.session\\.timeZone\\s+UTC$")
            .containsPattern("(?m)^spark\\.sql\\.shuffle\\.partitions\\s+\\d+$");
      }
    }
  }

  private static List<String> print(Path cwd, Map<String, String> env, String script, String... args) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("CORPUSLENS_PRINT_COMMAND", "1");
    Jobs.Running running = Jobs.start(cwd, all, cwd.resolve("print-" + script + ".log"), script, args);
    Jobs.Result r = running.await(TIMEOUT);
    assertThat(r.exitCode()).as(r.output()).isZero();
    // the command follows the marker line (builds may print before it)
    List<String> lines = Arrays.asList(r.output().split("\n"));
    int marker = lines.indexOf("corpuslens: command:");
    assertThat(marker).as(r.output()).isNotNegative();
    return lines.subList(marker + 1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
  }

  private static Path appJar() throws Exception {
    try (var files = Files.list(Cli.projectDir().resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("corpuslens-.*-app\\.jar")).findFirst().orElseThrow();
    }
  }
}
