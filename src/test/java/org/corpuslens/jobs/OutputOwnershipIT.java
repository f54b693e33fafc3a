package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpuslens.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output ownership across real processes: a second JVM holds an output (lock + a staging folder
 * with a partial table); a run on the same output fails at once with exit code 2 naming it; the
 * holder is killed with kill -9; the next run takes the stale lock over, removes the leftover
 * staging folder, says both in one line each, and (its output inside its input) reads only the
 * posts, also on a rerun when the output holds a report and a run summary.
 */
class OutputOwnershipIT {
  private static final String POST =
      "\n---\ntitle: '%s'\ncategories:\n - 金融\n - 测试日报\n - 要闻\nauthor: 测试日报\ndate: 2022-03-0%d 08:00:00\n---\n"
          + "<p>%s</p>\n";

  /** Three different stories (near-duplicate detection must not group them). */
  private static final String[] BODIES = {
    "绿色金融支持实体经济发展，银行加大信贷投放力度。",
    "今年春播进展顺利，各地农机手抢抓农时下田作业。",
    "新建的城市图书馆周末开放，市民排队借阅新书。"
  };

  @Test
  void aBusyOutputFailsAtOnceAndADeadHoldersLeftoversAreCleanedUp(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in/source/_posts"));
    for (int i = 1; i <= 3; i++) {
      Files.writeString(in.resolve("post-" + i + ".md"), String.format(POST, "标题" + i, i, BODIES[i - 1]), StandardCharsets.UTF_8);
    }
    Path input = tmp.resolve("in");
    Path out = input.resolve("out"); // inside the input, on purpose

    // 1. another JVM holds the output
    Path holderLog = tmp.resolve("holder.log");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.corpuslens.testing.LockHolder", out.toString()));
    Process holder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(holderLog.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(holderLog, StandardCharsets.UTF_8).contains("HOLDING")) {
      assertThat(holder.isAlive()).as(Files.readString(holderLog, StandardCharsets.UTF_8)).isTrue();
      assertThat(System.nanoTime()).as("holder did not start in 60 s").isLessThan(deadline);
      Thread.sleep(100);
    }
    try (var siblings = Files.list(input)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(".out.staging-")).contains(".out.lock");
    }

    // 2. a second run on the busy output: exit 2 at once, before Spark, naming the holder; its master is
    // a port nobody listens on, so a run that went as far as starting Spark could not end this way
    StringWriter err = new StringWriter();
    picocli.CommandLine cl = CorpusLens.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    int code = cl.execute("run", "--input", input.toString(), "--output", out.toString(), "--master", "spark://127.0.0.1:1");
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString())
        .contains("is in use by corpuslens run on host")
        .contains("pid " + holder.pid())
        .contains("started ")
        .contains(".out.lock");

    // 3. kill -9 the holder: its lock and staging folder stay behind
    holder.destroyForcibly(); // SIGKILL on Unix
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(input.resolve(".out.lock")).exists();

    // 4. the next run takes over and cleans up, one line each
    Cli.Result first = Cli.run(tmp.resolve("run1.log"), "run", "--input", input.toString(), "--output", out.toString(), "--master", "local[2]");
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output())
        .contains("corpuslens: took over the lock of " + out)
        .contains("pid " + holder.pid() + " is no longer running")
        .containsPattern("corpuslens: removed 1 leftover folder\\(s\\) of dead runs beside .*\\(0\\.3 MB\\): \\.out\\.staging-")
        .contains("CorpusLens: 3 input files -> 3 articles (0 duplicates), 0 rejects");
    try (var siblings = Files.list(input)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("source", "out");
    }
    assertThat(out.resolve("report.html")).exists();
    assertThat(out.resolve("run_summary.json")).exists();

    // 5. a rerun into the same output inside the input: its report and summary are not posts
    Cli.Result second = Cli.run(
        tmp.resolve("run2.log"), "run", "--input", input.toString(), "--output", out.toString(), "--overwrite", "--master", "local[2]");
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output())
        .contains("CorpusLens: 3 input files -> 3 articles (0 duplicates), 0 rejects")
        .doesNotContain("took over")
        .doesNotContain("leftover");
    assertThat(input.resolve(".out.lock")).doesNotExist();
  }
}
