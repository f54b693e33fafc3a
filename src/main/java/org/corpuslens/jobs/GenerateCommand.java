package org.corpuslens.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.generate.CorpusGenerator;
import org.corpuslens.generate.PageGenerator;
import org.corpuslens.generate.GeneratorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpuslens generate}: writes a synthetic corpus of posts in the archive layout, with its
 * ground truth. Plain Java: no Spark session.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic corpus of N posts in the archive layout (source/_posts/<section>/<source>/<feed>/<title>.md, "
          + "with the archive's quirks, broken files and exact duplicates), text made of HanLP dictionary words with "
          + "topic keywords at known places, and its ground truth in DIR/" + CorpusGenerator.GROUND_TRUTH_FILE + ".",
      "The same options and seed give the same bytes."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--articles", required = true, paramLabel = "N", description = "Number of posts (files) to write, broken files and duplicates included.")
  long articles;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Local directory to write the corpus to (must be empty or new).")
  Path output;

  @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the random choices.")
  long seed;

  @Option(names = "--sources", paramLabel = "K", defaultValue = "" + GeneratorConfig.DEFAULT_SOURCES,
      description = "Number of sources (default: ${DEFAULT-VALUE}).")
  int sources;

  @Option(names = "--from", paramLabel = "DATE", description = "First day of the posts, yyyy-MM-dd in Asia/Shanghai (default: 2022-01-01).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day of the posts, inclusive (default: 2023-12-31).")
  String to;

  @Option(names = "--duplicate-rate", paramLabel = "R", defaultValue = "" + GeneratorConfig.DEFAULT_DUPLICATE_RATE,
      description = "Share of the posts that copy an earlier article's title and body under another source (default: ${DEFAULT-VALUE}).")
  double duplicateRate;

  @Option(names = "--near-duplicate-rate", paramLabel = "R", defaultValue = "" + GeneratorConfig.DEFAULT_NEAR_DUPLICATE_RATE,
      description = "Share of the posts that copy an earlier article's body under another source with small edits: a lead line, "
          + "an added or trimmed paragraph, a source or editor line, traditional characters, swapped widths, a new title "
          + "(default: ${DEFAULT-VALUE}; 0 writes the posts of earlier versions byte for byte).")
  double nearDuplicateRate;

  @Option(names = "--broken-rate", paramLabel = "R", defaultValue = "" + GeneratorConfig.DEFAULT_BROKEN_RATE,
      description = "Share of the posts that are broken files the pipeline must reject (default: ${DEFAULT-VALUE}).")
  double brokenRate;

  @Option(names = "--topics", paramLabel = "FILE", description = "Topic lexicon whose keywords are inserted (default: the shipped four topics).")
  Path topics;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the number of cores). The output does not depend on it.")
  Integer threads;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "post",
      description = "What to write: post (the archive's posts, one Hexo post per file, default), jsonl (the same articles as one "
          + "news2016zh-style JSON Lines file, news.jsonl; the broken posts left out, also from ground-truth.json), page (saved full news pages, DIR/pages/<layout>/<n>.html) or "
          + "warc (the same pages as request and response records in DIR/crawl/pages-NNNNN.warc.gz, with non-HTML, 404 and revisit "
          + "records); pages come with their body paragraphs, title, date and source in DIR/" + PageGenerator.GROUND_TRUTH_FILE + ".")
  String format;

  @Option(names = "--overwrite", description = "Replace a corpus generated earlier in DIR (only a directory holding "
      + CorpusGenerator.GROUND_TRUTH_FILE + " is ever cleared).")
  boolean overwrite;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!List.of("post", "jsonl", "page", "warc").contains(format)) {
      throw new ConfigurationException("--format " + format + " is unknown; use post, jsonl, page or warc");
    }
    if (format.equals("page") || format.equals("warc")) {
      return pages();
    }
    GeneratorConfig config = config();
    prepareOutput();
    CorpusGenerator.Summary s = CorpusGenerator.generate(config, "jsonl".equals(format));
    double seconds = Math.max(1e-3, s.millis() / 1000.0);
    spec.commandLine().getOut().printf(Locale.ROOT,
        "generated %d posts (%d articles, of which %d duplicates; %d rejects expected), %.1f MB, in %.1f s (%.0f posts/s)%n"
            + "posts under %s%nground truth: %s%n",
        s.posts(), s.articles(), s.duplicates(), s.rejects(), s.bytes() / 1e6, seconds, s.posts() / seconds,
        "jsonl".equals(format) ? output.resolve(CorpusGenerator.JSON_LINES_FILE) : output.resolve("source"), s.groundTruth());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** {@code --format page|warc}: full pages and their ground truth. */
  private int pages() throws IOException {
    if (articles <= 0 || articles > Integer.MAX_VALUE) {
      throw new ConfigurationException("--articles must be between 1 and " + Integer.MAX_VALUE + ", got " + articles);
    }
    if (Files.exists(output.resolve(PageGenerator.GROUND_TRUTH_FILE)) && !overwrite) {
      throw new ConfigurationException(output + " already holds generated pages; add --overwrite to replace them");
    }
    if (Files.isDirectory(output) && !overwrite) {
      try (var entries = Files.list(output)) {
        if (entries.findAny().isPresent()) {
          throw new ConfigurationException(output + " is not empty: choose a new or empty directory");
        }
      }
    }
    long t0 = System.nanoTime();
    PageGenerator.Summary s = PageGenerator.create(seed).write(output, (int) articles, format.equals("warc"));
    spec.commandLine().getOut().printf(Locale.ROOT, "generated %d pages in %d %s files, %.1f MB, in %.1f s%nground truth: %s%n",
        s.pages(), s.files(), format, s.bytes() / 1e6, (System.nanoTime() - t0) / 1e9, s.groundTruth());
    spec.commandLine().getOut().flush();
    return 0;
  }

  GeneratorConfig config() {
    LocalDate fromDate = date("--from", from, GeneratorConfig.DEFAULT_FROM);
    LocalDate toDate = date("--to", to, GeneratorConfig.DEFAULT_TO);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    if (toDate.isAfter(today)) {
      throw new ConfigurationException("--to " + toDate + " is in the future: the pipeline rejects posts dated more than a day after "
          + "its run as IMPLAUSIBLE_DATE; choose a day up to " + today);
    }
    TopicLexicon lexicon = lexicon();
    try {
      return new GeneratorConfig(articles, output.toAbsolutePath().normalize(), seed, sources, fromDate, toDate, duplicateRate,
          brokenRate, lexicon, topics == null ? "default" : topics.toString(),
          threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()), nearDuplicateRate);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
  }

  private static LocalDate date(String option, String value, LocalDate fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ConfigurationException(option + " '" + value + "' is not a date: write it as yyyy-MM-dd, e.g. 2022-01-31", e);
    }
  }

  private TopicLexicon lexicon() {
    if (topics == null) {
      return TopicLexicon.defaults();
    }
    if (!Files.isRegularFile(topics)) {
      throw new ConfigurationException("--topics " + topics + ": no such file");
    }
    try {
      return TopicLexicon.parse(Files.readString(topics, StandardCharsets.UTF_8), topics.toString());
    } catch (IOException e) {
      throw new ConfigurationException("--topics " + topics + ": cannot be read as UTF-8: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--topics " + e.getMessage(), e);
    }
  }

  /** An existing non-empty output is refused, or with --overwrite cleared if it is a generated corpus. */
  private void prepareOutput() throws IOException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new ConfigurationException("--output " + output + " is a file, not a directory");
    }
    if (!Files.isDirectory(output)) {
      return;
    }
    boolean empty;
    try (Stream<Path> entries = Files.list(output)) {
      empty = entries.findAny().isEmpty();
    }
    if (empty) {
      return;
    }
    if (!overwrite) {
      throw new ConfigurationException("--output " + output + " already exists and is not empty: choose another directory or add --overwrite");
    }
    if (!Files.isRegularFile(output.resolve(CorpusGenerator.GROUND_TRUTH_FILE))) {
      throw new ConfigurationException("--output " + output + " is not a generated corpus (no " + CorpusGenerator.GROUND_TRUTH_FILE
          + "): it is left alone even with --overwrite");
    }
    deleteTree(output.resolve("source"));
    Files.deleteIfExists(output.resolve(CorpusGenerator.GROUND_TRUTH_FILE));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
