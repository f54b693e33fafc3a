package org.corpuslens.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    return run(logFile, Map.of(), args);
  }

  /** {@link #run(Path, String...)} with these environment variables set (or removed, when null). */
  public static Result run(Path logFile, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return run(logFile, env, List.of(), args);
  }

  /** {@link #run(Path, Map, String...)} with these extra JVM options (e.g. {@code -Dspark.hadoop.x=y}). */
  public static Result run(Path logFile, Map<String, String> env, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    Process p = start(logFile, env, jvmOptions, args);
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("corpuslens " + String.join(" ", args) + " did not finish in 15 minutes; log: " + logFile);
    }
    return new Result(p.exitValue(), Files.readString(logFile, StandardCharsets.UTF_8));
  }

  /** Starts {@code corpuslens ARGS} in its own JVM, output to {@code logFile}. */
  public static Process start(Path logFile, String... args) throws IOException {
    return start(logFile, Map.of(), args);
  }

  /** {@link #start(Path, String...)} with these environment variables set (or removed, when null). */
  public static Process start(Path logFile, Map<String, String> env, String... args) throws IOException {
    return start(logFile, env, List.of(), args);
  }

  /** {@link #start(Path, Map, String...)} with these extra JVM options. */
  public static Process start(Path logFile, Map<String, String> env, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    addFlags(command, "corpuslens.jvm.flags");
    // the tests' JIT setting (pom: test.jit.flags), not the product's: see the pom
    addFlags(command, "corpuslens.test.jit.flags");
    command.addAll(jvmOptions);
    command.addAll(List.of("-Xmx2g", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Tokyo", "-cp", System.getProperty("java.class.path")));
    command.add("org.corpuslens.jobs.CorpusLens");
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    return pb.start();
  }

  /** Adds the JVM flags held, space-separated, in system property {@code property} (none when unset). */
  private static void addFlags(List<String> command, String property) {
    String flags = System.getProperty(property, "");
    if (!flags.isBlank()) {
      command.addAll(Arrays.asList(flags.trim().split("\\s+")));
    }
  }
}
