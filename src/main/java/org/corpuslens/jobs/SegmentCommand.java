package org.corpuslens.jobs;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpuslens.segment.HanLpSegmenter;
import org.corpuslens.segment.SegmenterConfig;
import org.corpuslens.segment.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpuslens segment}: lines of text segmented with the shipped configuration, one output
 * line per input line (plain Java, no Spark). How users check what the tables will count, and how
 * the SIGHAN figures in {@code bench/segmenter.md} are produced.
 */
@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    description = "Segment lines of UTF-8 text (stdin or --input) with the configuration of run: each "
        + "line is printed as its words separated by one space. No Spark.")
public final class SegmentCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "UTF-8 text file, one text per line (default: standard input).")
  Path input;

  @Option(names = "--pos", description = "Append each word's part-of-speech tag: word/tag.")
  boolean pos;

  @Option(
      names = "--terms",
      description = "Print only the terms the tables count (no stop words, punctuation, numbers); "
          + "by default every word is printed, which is what segmentation scorers expect.")
  boolean termsOnly;

  @Option(
      names = "--topics",
      paramLabel = "FILE",
      description = "Topic lexicon, as for run: its keywords stay whole (default: the shipped lexicon).")
  String topics;

  @Option(
      names = "--user-dictionary",
      paramLabel = "FILE",
      description = "Words to keep whole, as for run (one a line, e.g. a run's new_terms.txt).")
  String userDictionary;

  @Option(
      names = "--stopwords",
      paramLabel = "FILE",
      description = "Stop-word list, as for run (only matters with --terms).")
  Path stopwords;

  @Option(
      names = "--segmentation-standard",
      paramLabel = "STANDARD",
      defaultValue = "msr",
      description = "Convention where conventions disagree, as for run: msr (default) or pku.")
  String segmentationStandard;

  @Spec CommandSpec spec;

  private final InputStream stdin;
  private final java.io.OutputStream stdout;

  /** The command on the process's standard input and output. */
  public SegmentCommand() {
    this(System.in, System.out);
  }

  /** For tests: other streams in place of standard input and output. */
  SegmentCommand(InputStream stdin, java.io.OutputStream stdout) {
    this.stdin = stdin;
    this.stdout = stdout;
  }

  @Override
  public Integer call() throws IOException {
    SegmenterConfig config = config();
    if (input != null && !Files.isRegularFile(input)) {
      throw new ConfigurationException("--input " + input + ": no such file");
    }
    HanLpSegmenter segmenter = new HanLpSegmenter(config);
    try (InputStream in = input == null ? stdin : Files.newInputStream(input)) {
      Writer out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
      segment(segmenter, in, out);
      out.flush();
      return 0;
    } catch (CharacterCodingException e) {
      spec.commandLine().getErr().println("corpuslens segment: the input is not valid UTF-8");
      return 1;
    } catch (NoSuchFileException e) {
      throw new ConfigurationException("--input " + input + ": no such file", e);
    }
  }

  SegmenterConfig config() {
    AnalysisOptions lexicon = new AnalysisOptions();
    lexicon.topics = topics;
    lexicon.userDictionary = userDictionary;
    ExtractOptions stop = new ExtractOptions();
    stop.stopwords = stopwords;
    stop.segmentationStandard = segmentationStandard;
    return stop.segmenterConfig(lexicon.customWords(lexicon.lexicon()));
  }

  /**
   * Segments every line of {@code in} (strict UTF-8; a leading byte-order mark is skipped) onto
   * {@code out}. Whitespace inside a line separates words; it never becomes a word.
   *
   * @return the number of lines
   * @throws CharacterCodingException on malformed UTF-8
   */
  long segment(HanLpSegmenter segmenter, InputStream in, Writer out) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    StringBuilder line = new StringBuilder();
    long count = 0;
    String text;
    while ((text = reader.readLine()) != null) {
      if (count == 0 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      count++;
      line.setLength(0);
      List<Token> tokens = termsOnly ? segmenter.segment(text) : segmenter.segmentAll(text);
      for (Token token : tokens) {
        if (token.term().isBlank()) {
          continue;
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(token.term().strip());
        if (pos) {
          line.append('/').append(token.pos());
        }
      }
      line.append('\n');
      out.write(line.toString());
    }
    return count;
  }
}
