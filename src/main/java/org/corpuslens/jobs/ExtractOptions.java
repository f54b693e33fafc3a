package org.corpuslens.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corpuslens.ingest.format.RecordFormats;
import org.corpuslens.ingest.mapping.FieldMapping;
import org.corpuslens.segment.SegmentationStandard;
import org.corpuslens.segment.SegmenterConfig;
import org.corpuslens.segment.StopWords;
import picocli.CommandLine.Option;

/** Options of the extract stage (reading, parsing, segmenting). */
public final class ExtractOptions {
  @Option(
      names = "--input",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or directories (read recursively) of posts; any Hadoop file system URI "
          + "(local path, file:, hdfs://, s3a://).")
  List<String> inputs;

  /** The patterns when neither --pattern nor a --format is given: the posts'. */
  static final List<String> DEFAULT_PATTERNS = List.of("*.md", "*.html", "*.htm", "*.warc", "*.warc.gz");

  @Option(
      names = "--pattern",
      split = ",",
      paramLabel = "GLOB",
      description = "File-name patterns of the inputs, comma-separated (default: *.md,*.html,*.htm,*.warc,*.warc.gz; with --format NAME, "
          + "that format's extensions).")
  List<String> patterns;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      defaultValue = RecordFormats.AUTO,
      description = "Record format of every input file, or auto: chosen per file by its first bytes, then its "
          + "extension (default: ${DEFAULT-VALUE}). Formats: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatNames.class)
  String format;

  @Option(
      names = "--languages",
      split = ",",
      paramLabel = "CODE",
      defaultValue = "zh",
      description = "Languages of full pages (WARC records, saved pages) that become articles, comma-separated: zh, ja, ko, "
          + "other (default: ${DEFAULT-VALUE}); a page in another language is a NOT_CHINESE reject. Posts are not checked.")
  List<String> languages;

  @Option(
      names = "--max-file-bytes",
      paramLabel = "BYTES",
      defaultValue = "20971520",
      description = "Files larger than this are rejected as TOO_LARGE without being read (default: ${DEFAULT-VALUE} = 20 MB).")
  long maxFileBytes;

  @Option(
      names = "--stopwords",
      paramLabel = "FILE",
      description = "Stop-word list (UTF-8, one word per line, # comments) replacing the shipped Chinese list.")
  Path stopwords;

  @Option(
      names = "--segmentation-standard",
      paramLabel = "STANDARD",
      defaultValue = "msr",
      description = "Word-segmentation convention where conventions disagree: msr (default: a number with its measure "
          + "word and a person's name are one word each) or pku (People's Daily: 第三 步, 40 多 个, 江 泽民). See bench/segmenter.md.")
  String segmentationStandard;

  @Option(
      names = "--partition-bytes",
      paramLabel = "BYTES",
      defaultValue = "67108864",
      description = "Input bytes packed into one Spark partition (default: ${DEFAULT-VALUE} = 64 MB).")
  long partitionBytes;

  @Option(
      names = "--open-cost-bytes",
      paramLabel = "BYTES",
      defaultValue = "16384",
      description = "Estimated cost of opening one file, in bytes, when packing small files (default: ${DEFAULT-VALUE}).")
  long openCostBytes;

  @Option(
      names = "--output-file-bytes",
      paramLabel = "BYTES",
      defaultValue = "268435456",
      description = "Input bytes behind each file of the articles table (default: ${DEFAULT-VALUE} = 256 MB, about 150 MB of "
          + "Parquet for news posts): it is written by max(2 x cores, input bytes / this) tasks, each writing one file per year.")
  long outputFileBytes;

  @Option(
      names = "--near-duplicate-threshold",
      paramLabel = "J",
      defaultValue = "0.8",
      description = "Jaccard similarity (of 5-character shingles of the normalised text) from which an article is a near-duplicate "
          + "of an earlier one, 0.5 to 1 (default: ${DEFAULT-VALUE}).")
  double nearDuplicateThreshold;

  @Option(
      names = "--no-near-duplicates",
      description = "Look for exact duplicates only (same title and text), not for near-duplicates.")
  boolean noNearDuplicates;

  /** The threshold of the plan: 0 when near-duplicates are off. */
  double nearDuplicateThreshold() {
    return noNearDuplicates ? 0 : nearDuplicateThreshold;
  }

  void validate() {
    if (!(nearDuplicateThreshold >= 0.5 && nearDuplicateThreshold <= 1.0)) {
      throw new ConfigurationException(
          "--near-duplicate-threshold must be between 0.5 and 1, got " + nearDuplicateThreshold
              + " (use --no-near-duplicates to look for exact duplicates only)");
    }
    if (maxFileBytes <= 0) {
      throw new ConfigurationException("--max-file-bytes must be positive, got " + maxFileBytes);
    }
    if (outputFileBytes <= 0) {
      throw new ConfigurationException("--output-file-bytes must be positive, got " + outputFileBytes);
    }
    if (partitionBytes <= 0 || openCostBytes < 0) {
      throw new ConfigurationException("--partition-bytes must be positive and --open-cost-bytes not negative");
    }
    for (String language : languages) {
      if (!LANGUAGES.contains(language)) {
        throw new ConfigurationException("--languages " + language + " is unknown; use one or more of " + String.join(", ", LANGUAGES));
      }
    }
    if (!RecordFormats.names().contains(format)) {
      throw new ConfigurationException("--format " + format + " is unknown; use one of " + String.join(", ", RecordFormats.names()));
    }
    List<String> patterns = patterns();
    if (patterns.isEmpty() || patterns.stream().anyMatch(String::isBlank)) {
      throw new ConfigurationException("--pattern needs at least one non-blank file-name pattern such as *.md");
    }
    for (String input : inputs) {
      if (Paths.isLocal(input) && !Files.exists(Paths.local(input))) {
        throw new ConfigurationException("--input " + input + ": no such file or directory");
      }
    }
  }

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "YAML field mapping for JSON, CSV and XML records (which field is the title, text, time, source...); "
          + "without it a built-in profile is picked per record by its field names (README: Formats and mappings).")
  String mapping;

  /** The --mapping, loaded and checked, or null. */
  FieldMapping fieldMapping() {
    if (mapping == null) {
      return null;
    }
    if (Paths.isLocal(mapping) && !Files.isRegularFile(Paths.local(mapping))) {
      throw new ConfigurationException("--mapping " + mapping + ": no such file");
    }
    try {
      return FieldMapping.parse(Paths.readUtf8(mapping), mapping);
    } catch (java.io.IOException e) {
      throw new ConfigurationException("--mapping " + mapping + ": cannot be read as UTF-8: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--mapping " + e.getMessage(), e);
    }
  }

  /** The codes --languages accepts ({@code extract.Language}). */
  static final List<String> LANGUAGES = List.of(
      org.corpuslens.extract.Language.CHINESE, org.corpuslens.extract.Language.JAPANESE,
      org.corpuslens.extract.Language.KOREAN, org.corpuslens.extract.Language.OTHER);

  /** The --languages codes as a set. */
  java.util.Set<String> languages() {
    return java.util.Set.copyOf(languages);
  }

  /** The file-name patterns: --pattern, else the --format's extensions, else the posts'. */
  List<String> patterns() {
    if (patterns != null) {
      return patterns;
    }
    if (RecordFormats.AUTO.equals(format) || format == null) {
      return DEFAULT_PATTERNS;
    }
    return RecordFormats.byName(format).orElseThrow().extensions().stream().map(e -> "*" + e).toList();
  }

  /** The values picocli lists for --format. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return RecordFormats.names().iterator();
    }
  }

  SegmenterConfig segmenterConfig(List<String> customWords) {
    SegmentationStandard standard = standard(segmentationStandard);
    if (stopwords == null) {
      return SegmenterConfig.withDefaultStopWords(customWords).withStandard(standard);
    }
    if (!Files.isRegularFile(stopwords)) {
      throw new ConfigurationException("--stopwords " + stopwords + ": no such file");
    }
    try {
      return new SegmenterConfig(customWords, StopWords.load(stopwords), standard);
    } catch (RuntimeException e) {
      throw new ConfigurationException("--stopwords " + stopwords + ": " + e.getMessage(), e);
    }
  }

  /** The --segmentation-standard value (null: the default, msr). */
  static SegmentationStandard standard(String name) {
    if (name == null) {
      return SegmentationStandard.MSR;
    }
    try {
      return SegmentationStandard.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--segmentation-standard: " + e.getMessage(), e);
    }
  }
}
