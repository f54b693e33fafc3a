package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad configuration fails fast, before Spark starts, with exit code 2 and a message saying what to fix. */
class CliConfigurationTest {
  @TempDir Path dir;
  private Path input;
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void setUp() throws IOException {
    input = Files.createDirectories(dir.resolve("posts"));
  }

  private int run(String... args) {
    CommandLine cl = CorpusLens.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(out, true));
    return cl.execute(args);
  }

  @Test
  void missingInput() {
    assertThat(run("run", "--input", dir.resolve("nope").toString(), "--output", dir.resolve("o").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--input").contains("nope").contains("no such file or directory");
  }

  @Test
  void nonPositiveOutputFileBytes() {
    assertThat(run("extract", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--output-file-bytes", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--output-file-bytes must be positive, got 0");
  }

  @Test
  void articleWritersFollowTheInputSizeWithAtLeastTwoPerCore() {
    assertThat(ExtractJob.articleWriters(5_201_123_004L, 256L << 20, 2)).isEqualTo(20); // the million-post corpus
    assertThat(ExtractJob.articleWriters(100_000_000L, 256L << 20, 2)).isEqualTo(4); // small input: 2 per core
    assertThat(ExtractJob.articleWriters(256L << 20, 256L << 20, 1)).isEqualTo(2);
    assertThat(ExtractJob.articleWriters((256L << 20) * 7 + 1, 256L << 20, 1)).isEqualTo(8); // rounded up
  }

  @Test
  void badIndexOptions() {
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--index-base", "2020-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--index-base 2020-01").contains("FROM..TO");
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--index-min-articles", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--index-min-articles must be at least 1");
  }

  @Test
  void badTopicRule() throws IOException {
    Path lexicon = Files.writeString(dir.resolve("epu.yaml"), "topics:\n  EPU: {all: [[经济], []], not: [足球]}\n", StandardCharsets.UTF_8);
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--topics", lexicon.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("topic 'EPU'").contains("all[2]");
  }

  @Test
  void minTermCountBelowOne() {
    assertThat(run("analyze", "--tables", dir.toString(), "--min-term-count", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--min-term-count must be at least 1, got 0");
  }

  @Test
  void badNewTermOptions() {
    String o = dir.resolve("o").toString();
    assertThat(run("run", "--input", input.toString(), "--output", o, "--new-terms-max-length", "7")).isEqualTo(2);
    assertThat(err.toString()).contains("--new-terms-max-length must be 2 to 6, got 7");
    assertThat(run("run", "--input", input.toString(), "--output", o, "--new-terms-sample", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--new-terms-sample must be above 0 and at most 1, got 0.0");
    assertThat(run("analyze", "--tables", dir.toString(), "--new-terms-min-count", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--new-terms-min-count and --new-terms-min-docs must be at least 1");
    assertThat(run("run", "--input", input.toString(), "--output", o, "--new-terms-min-entropy", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--new-terms-min-entropy a number >= 0");
  }

  @Test
  void missingUserDictionary() {
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--user-dictionary",
        dir.resolve("words.txt").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--user-dictionary").contains("words.txt: no such file");
  }

  @Test
  void unknownZone() {
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--zone", "Mars/Olympus")).isEqualTo(2);
    assertThat(err.toString()).contains("--zone 'Mars/Olympus' is not a time zone");
  }

  @Test
  void unknownSegmentationStandard() {
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--segmentation-standard", "ctb"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--segmentation-standard").contains("unknown segmentation standard 'ctb'").contains("msr or pku");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void unknownPeriod() {
    assertThat(run("extract", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--period", "fortnight")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown period 'fortnight'").contains("day, week, month, quarter, year");
  }

  @Test
  void malformedLexicon() throws IOException {
    Path topics = Files.writeString(dir.resolve("t.yaml"), "topics:\n  a:\n    keyword: [x]\n", StandardCharsets.UTF_8);
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--topics", topics.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("t.yaml").contains("unknown key 'keyword'");
  }

  @Test
  void missingLexiconFile() {
    assertThat(run("analyze", "--tables", dir.toString(), "--topics", dir.resolve("none.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("none.yaml");
  }

  @Test
  void existingOutputNeedsOverwrite() throws IOException {
    Path o = Files.createDirectories(dir.resolve("o"));
    Files.writeString(o.resolve("keep.txt"), "x", StandardCharsets.UTF_8);
    assertThat(run("run", "--input", input.toString(), "--output", o.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("already exists").contains("--overwrite");
  }

  @Test
  void analyzeNeedsAnArticlesTable() {
    assertThat(run("analyze", "--tables", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("has no articles table");
  }

  @Test
  void badSizes() {
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--max-file-bytes", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--max-file-bytes must be positive");
  }

  @Test
  void usageErrorsAndHelp() {
    assertThat(run("run", "--output", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option").contains("--input");
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString()).contains("--period").contains("--topics").contains("--zone").contains("--master").contains("--keep-duplicates");
    assertThat(run("analyze", "--help")).isZero();
    assertThat(run("extract", "--help")).isZero();
  }

  @Test
  void aFolderOfJsonDumpsWithThePostPatternsNamesWhatItSawAndHowToReadIt() throws IOException {
    Files.writeString(input.resolve("a.json"), "[{\"title\": \"x\", \"content\": \"y\"}]", StandardCharsets.UTF_8);
    Files.writeString(input.resolve("b.json"), "[]", StandardCharsets.UTF_8);
    Files.writeString(input.resolve("notes"), "x", StandardCharsets.UTF_8);
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no file name matches --pattern *.md,*.html,*.htm")
        .contains("2 × .json").contains("1 × (none)").contains("--format jsonl (.json)");
  }

  @Test
  void anUnknownFormat() {
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--format", "docx")).isEqualTo(2);
    assertThat(err.toString()).contains("--format docx is unknown").contains("jsonl");
  }

  @Test
  void aMappingNamingAFieldNoRecordHasListsTheFieldsSeen() throws IOException {
    Files.writeString(input.resolve("a.jsonl"), "{\"headline\": \"x\", \"body\": \"y\", \"ts\": 1700000000}\n", StandardCharsets.UTF_8);
    Path mapping = Files.writeString(dir.resolve("m.yaml"), "fields:\n  title: title\n  text: body\n  published_at: ts\n", StandardCharsets.UTF_8);
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--format", "jsonl",
        "--mapping", mapping.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("names fields that none of the 1 records").contains("title: title")
        .contains("Fields seen: [body, headline, ts]");
    // without a mapping no built-in profile fits these fields
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o2").toString(), "--format", "jsonl")).isEqualTo(2);
    assertThat(err.toString()).contains("fit no built-in profile").contains("[headline, body, ts]");
  }

  @Test
  void aMalformedMapping() throws IOException {
    Path mapping = Files.writeString(dir.resolve("m.yaml"), "fields:\n  text: body\nsheet: 1\n", StandardCharsets.UTF_8);
    assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--mapping", mapping.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown key 'sheet'");
  }
}
