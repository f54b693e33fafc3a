package org.corpuslens.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.corpuslens.testing.Cli;

/**
 * Runs the {@code jobs/*.sh} scripts as a user does: {@code bash jobs/NAME.sh ARGS}, in a given
 * working folder, output (stdout and stderr together) to a log file. {@code SPARK_HOME} is removed
 * from the environment, so the scripts use Spark's own {@code SparkSubmit} from the Maven
 * dependencies.
 */
final class Jobs {
  private Jobs() {}

  /** Exit code and combined output of a finished script. */
  record Result(int exitCode, String output, Path log) {}

  /** A script that runs in the background. */
  record Running(Process process, Path log, List<String> command) {
    Result await(Duration timeout) throws IOException, InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        destroyTree(process);
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeout + "; log: " + log);
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
    }
  }

  static Path script(String name) {
    return Cli.projectDir().resolve("jobs").resolve(name);
  }

  static Running start(Path workingDir, Map<String, String> env, Path log, String script, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(script(script).toString());
    command.addAll(Arrays.asList(args));
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("SPARK_CONF_DIR");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    return new Running(pb.start(), log, command);
  }

  static Result run(Path workingDir, Map<String, String> env, Path log, Duration timeout, String script, String... args)
      throws IOException, InterruptedException {
    return start(workingDir, env, log, script, args).await(timeout);
  }

  /** Ends a process and everything it started (a launcher script and its JVM). */
  static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
