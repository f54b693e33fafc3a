package org.corpuslens.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SIGHAN 2005 MSR test set, read in place from the shared corpora (never copied into the
 * project): {@code msr_test.utf8} (input, one sentence a line) and {@code msr_test_gold.utf8}
 * (the same lines, words separated by two spaces).
 */
final class MsrCorpus {

  static final String INPUT = "msr_test.utf8";
  static final String GOLD = "msr_test_gold.utf8";

  final List<String> input;
  final List<List<String>> gold;

  private MsrCorpus(List<String> input, List<List<String>> gold) {
    this.input = input;
    this.gold = gold;
  }

  /**
   * The corpus directory: {@code ../shared/corpora/sighan2005-msr} relative to the project
   * directory (system property {@code corpuslens.project.dir}, set by surefire, else the working
   * directory), else {@code /work/shared/corpora/sighan2005-msr}; empty if neither holds the files.
   */
  static Optional<Path> locate() {
    String projectDir =
        System.getProperty("corpuslens.project.dir", System.getProperty("user.dir"));
    List<Path> candidates =
        List.of(
            Path.of(projectDir).resolve("../shared/corpora/sighan2005-msr").normalize(),
            Path.of("/work/shared/corpora/sighan2005-msr"));
    for (Path dir : candidates) {
      if (Files.isRegularFile(dir.resolve(INPUT)) && Files.isRegularFile(dir.resolve(GOLD))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  static MsrCorpus read(Path dir) throws IOException {
    List<String> input = Files.readAllLines(dir.resolve(INPUT), StandardCharsets.UTF_8);
    List<List<String>> gold = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(GOLD), StandardCharsets.UTF_8)) {
      gold.add(WordF1.words(line));
    }
    if (input.size() != gold.size()) {
      throw new IOException(
          dir + ": " + input.size() + " input lines but " + gold.size() + " gold lines");
    }
    return new MsrCorpus(input, gold);
  }

  /** Characters of input, line breaks excluded. */
  long chars() {
    return input.stream().mapToLong(String::length).sum();
  }
}
