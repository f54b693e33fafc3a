package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpuslens.jobs.CorpusLens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code corpuslens generate}: options, output protection, exit codes. */
class GenerateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = CorpusLens.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void writesPostsAndGroundTruthThenRefusesToOverwriteWithoutTheFlag(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("c");
    assertThat(run("generate", "--articles", "40", "--output", dir.toString(), "--seed", "3", "--sources", "3", "--from", "2022-03-01",
        "--to", "2022-04-30", "--threads", "1")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("generated 40 posts").contains(CorpusGenerator.GROUND_TRUTH_FILE);
    String truth = Files.readString(dir.resolve(CorpusGenerator.GROUND_TRUTH_FILE), StandardCharsets.UTF_8);
    assertThat(truth).contains("\"input_files\": 40").contains("\"period\": \"2022-03-01\"").doesNotContain("2022-05-01");

    assertThat(run("generate", "--articles", "10", "--output", dir.toString(), "--seed", "3")).isEqualTo(2);
    assertThat(err.toString()).contains("--overwrite");
    assertThat(run("generate", "--articles", "10", "--output", dir.toString(), "--seed", "4", "--overwrite")).isZero();
    try (var files = Files.walk(dir.resolve("source"))) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(10);
    }
  }

  @Test
  void leavesOtherDirectoriesAloneEvenWithOverwrite(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertThat(run("generate", "--articles", "10", "--output", tmp.toString(), "--seed", "1", "--overwrite")).isEqualTo(2);
    assertThat(err.toString()).contains("not a generated corpus");
    assertThat(tmp.resolve("notes.txt")).exists();
  }

  @Test
  void badSettingsExitWithTwoAndSayWhatToFix(@TempDir Path tmp) {
    String o = tmp.resolve("x").toString();
    assertThat(run("generate", "--articles", "10", "--output", o, "--seed", "1", "--from", "2022-13-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--from '2022-13-01' is not a date");
    assertThat(run("generate", "--articles", "10", "--output", o, "--seed", "1", "--to", "2999-01-01")).isEqualTo(2);
    assertThat(err.toString()).contains("IMPLAUSIBLE_DATE");
    assertThat(run("generate", "--articles", "0", "--output", o, "--seed", "1")).isEqualTo(2);
    assertThat(run("generate", "--articles", "10", "--output", o, "--seed", "1", "--broken-rate", "0.6")).isEqualTo(2);
    assertThat(run("generate", "--articles", "10", "--output", o, "--seed", "1", "--sources", "1")).isEqualTo(2);
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
  }
}
