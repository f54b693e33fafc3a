package org.corpuslens.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.analytics.TopicLexicon;
import picocli.CommandLine.Option;

/** Options shared by the commands that compute periods or count topics. */
public final class AnalysisOptions {
  @Option(
      names = "--topics",
      paramLabel = "FILE",
      description = "Topic lexicon (YAML: topics: NAME: {keywords: [...]}, or rules with any, all (groups), "
          + "not, min_mentions, scope: title|text|both) replacing the default "
          + "four topics 科技创新, 数字经济, 生物医药, 绿色金融. A local path or any Hadoop file system URI "
          + "(hdfs://, s3a://), read once by the driver.")
  String topics;

  @Option(
      names = "--user-dictionary",
      paramLabel = "FILE",
      description = "Words that must be counted whole (UTF-8, one word a line, # comments), such as the new_terms.txt "
          + "a previous run wrote: segmented as single terms like the lexicon's keywords, and never new terms. "
          + "A local path or any Hadoop file system URI.")
  String userDictionary;

  @Option(
      names = "--period",
      paramLabel = "GRAIN",
      defaultValue = "month",
      description = "Period of the trends: day, week, month, quarter or year (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "Asia/Shanghai",
      description = "Time zone of dates and periods (default: ${DEFAULT-VALUE}); published_at stays UTC.")
  String zone;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master for direct runs, e.g. local[*]. Under spark-submit, leave it out: "
          + "the master comes from spark-submit. Default: spark-submit's, else local[*].")
  String master;

  @Option(
      names = "--keep-duplicates",
      description = "Count duplicate articles (same title and text as an earlier one) in the trends, "
          + "term frequencies and source figures; by default they are excluded.")
  boolean keepDuplicates;

  @Option(
      names = "--index-base",
      paramLabel = "FROM..TO[,FROM..TO...]",
      description = "Base range(s) of topic_index: each source's series is scaled to unit standard deviation "
          + "and the index to mean 100 over it, e.g. 2000-01..2018-12 (years, months or days). Several "
          + "ranges are eras, each scaled over its own range (periods up to the next range's start). "
          + "Default: the whole run.")
  String indexBase;

  @Option(
      names = "--index-min-articles",
      paramLabel = "N",
      defaultValue = "10",
      description = "Fewest articles a source needs in a period to count in topic_index there (default: ${DEFAULT-VALUE}).")
  long indexMinArticles;

  /** The topic_index settings, validated on the driver before Spark starts. */
  org.corpuslens.analytics.TopicIndex.Settings indexSettings() {
    org.corpuslens.analytics.IndexBase base;
    try {
      base = indexBase == null ? org.corpuslens.analytics.IndexBase.wholeRange()
          : org.corpuslens.analytics.IndexBase.parse(indexBase);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--index-base " + indexBase + ": " + e.getMessage(), e);
    }
    if (indexMinArticles < 1) {
      throw new ConfigurationException("--index-min-articles must be at least 1, got " + indexMinArticles);
    }
    return new org.corpuslens.analytics.TopicIndex.Settings(base, indexMinArticles);
  }

  /** The lexicon, read and validated on the driver before Spark starts. */
  TopicLexicon lexicon() {
    if (topics == null) {
      return TopicLexicon.defaults();
    }
    if (Paths.isLocal(topics) && !Files.isRegularFile(Paths.local(topics))) {
      throw new ConfigurationException("--topics " + topics + ": no such file");
    }
    try {
      return TopicLexicon.parse(Paths.readUtf8(topics), topics);
    } catch (IOException e) {
      throw new ConfigurationException("--topics " + topics + ": cannot be read as UTF-8: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--topics " + e.getMessage(), e);
    }
  }

  /** The --user-dictionary's words (empty without it), read on the driver before Spark starts. */
  java.util.List<String> userWords() {
    if (userDictionary == null) {
      return java.util.List.of();
    }
    if (Paths.isLocal(userDictionary) && !Files.isRegularFile(Paths.local(userDictionary))) {
      throw new ConfigurationException("--user-dictionary " + userDictionary + ": no such file");
    }
    String text;
    try {
      text = Paths.readUtf8(userDictionary);
    } catch (IOException e) {
      throw new ConfigurationException(
          "--user-dictionary " + userDictionary + ": cannot be read as UTF-8: " + e.getMessage(), e);
    }
    java.util.Set<String> words = new java.util.LinkedHashSet<>();
    for (String line : text.split("\\R")) {
      String word = line.strip();
      if (!word.isEmpty() && word.charAt(0) == '\uFEFF') {
        word = word.substring(1).strip();
      }
      if (!word.isEmpty() && !word.startsWith("#")) {
        words.add(word);
      }
    }
    return java.util.List.copyOf(words);
  }

  /** The words the segmenter keeps whole: the lexicon's keywords, then the --user-dictionary's. */
  java.util.List<String> customWords(TopicLexicon lexicon) {
    java.util.List<String> words = new java.util.ArrayList<>(lexicon.allKeywords());
    words.addAll(userWords());
    return words;
  }

  PeriodGrain grain() {
    try {
      return PeriodGrain.parse(period);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--period: " + e.getMessage(), e);
    }
  }

  ZoneId zoneId() {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new ConfigurationException(
          "--zone '" + zone + "' is not a time zone: use a region such as Asia/Shanghai or an offset such as +08:00", e);
    }
  }
}
