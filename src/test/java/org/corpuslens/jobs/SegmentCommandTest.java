package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code segment}: one output line per input line, words separated by one space. */
class SegmentCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private record Outcome(int exitCode, String out) {}

  private Outcome run(byte[] stdin, String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new SegmentCommand(new ByteArrayInputStream(stdin), stdout));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(CorpusLens.commandLine().getExecutionExceptionHandler());
    int code = cl.execute(args);
    return new Outcome(code, stdout.toString(StandardCharsets.UTF_8));
  }

  private Outcome run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  @Test
  void everyLineBecomesItsWordsSeparatedBySingleSpaces() {
    // Unambiguous sentences: 我/爱/北京/天安门; the default lexicon keeps 绿色金融 whole, HanLP alone
    // cuts it into 绿色/金融. The blank line stays a blank line; spaces never become words.
    Outcome o = run("我爱北京天安门\n\n银行  发展绿色金融。\n");
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).isEqualTo("我 爱 北京 天安门\n\n银行 发展 绿色金融 。\n");
  }

  @Test
  void posAppendsTheTagAndCustomWordsAreNz() {
    Outcome o = run("发展绿色金融\n", "--pos");
    // 发展 is a verb (v) or verbal noun (vn) in HanLP's core dictionary
    assertThat(o.out()).matches("发展/vn? 绿色金融/nz\n");
  }

  @Test
  void theLexiconOptionOfRunDecidesWhatStaysWhole() throws Exception {
    Path topics = dir.resolve("topics.yaml");
    Files.writeString(topics, "topics:\n  低空:\n    keywords: [低空经济, 天安门广场]\n", StandardCharsets.UTF_8);
    Path text = dir.resolve("in.txt");
    Files.writeString(text, "\uFEFF我爱北京天安门广场\n发展低空经济\n", StandardCharsets.UTF_8);
    Outcome o = run(new byte[0], "--input", text.toString(), "--topics", topics.toString());
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).isEqualTo("我 爱 北京 天安门广场\n发展 低空经济\n");
  }

  @Test
  void aUserDictionaryKeepsItsWordsWhole() throws Exception {
    // 珩栖仓 and 漪舱 are invented (the generator's new words): HanLP alone cuts them into pieces
    String line = "珩栖仓与漪舱上线\n";
    Outcome plain = run(line);
    assertThat(plain.out().strip().split(" ")).doesNotContain("珩栖仓", "漪舱");
    Path words = dir.resolve("new_terms.txt");
    Files.writeString(words, "# new words\n珩栖仓\n\n漪舱\n", StandardCharsets.UTF_8);
    Outcome o = run(line, "--user-dictionary", words.toString(), "--pos");
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).startsWith("珩栖仓/nz ").contains(" 漪舱/nz ");
  }

  @Test
  void termsOnlyPrintsWhatTheTablesCount() {
    // 的 and 了 are stop words, 。 punctuation, 2022年 a number-quantity: none is a term.
    Outcome o = run("2022年银行发展了绿色金融的市场。\n", "--terms");
    assertThat(o.out()).isEqualTo("银行 发展 绿色金融 市场\n");
  }

  @Test
  void theSegmentationStandardDecidesNumbersAndNamesButNotTheTerms() {
    // Written for this test: MSR keeps a number with its measure word and a name whole, PKU cuts
    // them (第三 届, 张 伟, 56.7亿 元); the terms the tables count are the same under both.
    String line = "张伟出席第三届论坛，签约56.7亿元。\n";
    Outcome msr = run(line);
    Outcome pku = run(line, "--segmentation-standard", "pku");
    assertThat(msr.out()).isEqualTo("张伟 出席 第三届 论坛 ， 签约 56.7亿元 。\n");
    assertThat(pku.out()).isEqualTo("张 伟 出席 第三 届 论坛 ， 签约 56.7亿 元 。\n");
    assertThat(run(line, "--terms").out()).isEqualTo("张伟 出席 论坛 签约\n");
    assertThat(run(line, "--terms", "--segmentation-standard", "PKU").out()).isEqualTo("张 伟 出席 论坛 签约\n");
  }

  @Test
  void badInputAndConfigurationAreReported() throws Exception {
    Outcome notUtf8 = run(new byte[] {(byte) 0xE4, (byte) 0xB8, 'a', '\n'});
    assertThat(notUtf8.exitCode()).isEqualTo(1);
    assertThat(err.toString()).contains("not valid UTF-8");

    Outcome missing = run("", "--input", dir.resolve("nope.txt").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(err.toString()).contains("--input").contains("nope.txt").contains("no such file");

    Outcome badStop = run("", "--stopwords", dir.resolve("stop.txt").toString());
    assertThat(badStop.exitCode()).isEqualTo(2);
    assertThat(err.toString()).contains("--stopwords");

    Outcome badStandard = run("", "--segmentation-standard", "ctb");
    assertThat(badStandard.exitCode()).isEqualTo(2);
    assertThat(err.toString()).contains("--segmentation-standard").contains("msr or pku");
  }
}
