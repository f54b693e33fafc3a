package org.corpuslens.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code corpuslens} in its own JVM, as a user launches it with {@code java -cp}: the test
 * classpath (which holds Spark, as a Spark distribution would) and Spark's JVM flags.
 */
public final class Cli {
  private Cli() {}

  /** The result of one command: exit code and combined output. */
  public record Result(int exitCode, String output) {}

  public static Path projectDir() {
    return Path.of(System.getProperty("corpuslens.project.dir", ".")).toAbsolutePath().normalize();
  }

  public static Result run(Path logFile, String... args) throws IOException, InterruptedException {
    Process p = start(logFile, args);
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("corpuslens " + String.join(" ", args) + " did not finish in 15 minutes; log: " + logFile);
    }
    return new Result(p.exitValue(), Files.readString(logFile, StandardCharsets.UTF_8));
  }

  /** Starts {@code corpuslens ARGS} in its own JVM, output to {@code logFile}. */
  public static Process start(Path logFile, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String flags = System.getProperty("corpuslens.jvm.flags", "");
    if (!flags.isBlank()) {
      command.addAll(Arrays.asList(flags.trim().split("\\s+")));
    }
    command.addAll(List.of("-Xmx2g", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Tokyo", "-cp", System.getProperty("java.class.path")));
    command.add("org.corpuslens.jobs.CorpusLens");
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }
}
