package org.corpuslens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Everything the report shows, already aggregated and small: the input of {@link HtmlReport}.
 *
 * @param title page title
 * @param tables the tables directory the report was built from
 * @param generatedAt ISO instant of the report's creation
 * @param grain period grain of the run ({@code month} ...), or null when unknown
 * @param zone time zone of periods and dates
 * @param periods the periods of the trend charts, ISO dates, ascending
 * @param topics the topics, in lexicon order
 * @param overall the trends of all sources together (null without topic_trends)
 * @param bySource the trends of the sources offered in the charts' source switch
 * @param topTerms the top terms of each period
 * @param sources rows of the source table
 * @param hasDuplicates whether source_stats has a duplicate column
 * @param rejectsByReason rejected files per reason, from the rejects table
 * @param summary run_summary.json, or null when the directory has none
 * @param notes what the page leaves out or could not read (missing tables, truncation)
 * @param scaledIndex topic_index, pivoted (null without that table)
 * @param rules each topic's rule in words (from run_summary.json; empty when unknown)
 * @param snippets recent counted mentions of each topic (from topic_mentions)
 * @param keyTerms the distinctive terms of each period (term_keyness; empty without the table)
 * @param changes the rising and falling terms of each period (term_changes; empty without it)
 * @param newTerms the new words, by rank (new_terms; empty without it)
 * @param syndication the pairs of sources with the most copies, most first (syndication; empty without it)
 */
public record ReportData(
    String title,
    String tables,
    String generatedAt,
    String grain,
    String zone,
    List<String> periods,
    List<String> topics,
    TrendView overall,
    List<TrendView> bySource,
    List<PeriodTerms> topTerms,
    List<SourceRow> sources,
    boolean hasDuplicates,
    List<ReasonCount> rejectsByReason,
    JsonNode summary,
    List<String> notes,
    IndexView scaledIndex,
    Map<String, String> rules,
    List<Snippet> snippets,
    List<PeriodKeyTerms> keyTerms,
    List<PeriodChanges> changes,
    List<NewTerm> newTerms,
    List<SyndicationRow> syndication) {

  /** A report without the scaled index, rules, snippets, distinctive, rising or falling terms, syndication (tables of older runs). */
  public ReportData(
      String title, String tables, String generatedAt, String grain, String zone, List<String> periods,
      List<String> topics, TrendView overall, List<TrendView> bySource, List<PeriodTerms> topTerms,
      List<SourceRow> sources, boolean hasDuplicates, List<ReasonCount> rejectsByReason, JsonNode summary,
      List<String> notes) {
    this(title, tables, generatedAt, grain, zone, periods, topics, overall, bySource, topTerms, sources, hasDuplicates,
        rejectsByReason, summary, notes, null, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * topic_index aligned on its own periods (every period from the first to the last, gaps too).
   *
   * @param periods ISO dates, ascending
   * @param series one per topic, in {@link ReportData#topics} order
   */
  public record IndexView(List<String> periods, List<IndexSeries> series) {}

  /** One topic's scaled index (null where no source qualifies) and the sources used per period. */
  public record IndexSeries(String topic, List<Double> index, List<Integer> sourcesUsed) {}

  /** One recent counted mention: the article's local date, source, the term and its snippet. */
  public record Snippet(String topic, String date, String source, String term, String snippet) {}

  /**
   * A new word of new_terms: rank, first period (ISO date), occurrences and articles over all
   * periods, cohesion (bits) and the smaller of its neighbour entropies (bits).
   */
  public record NewTerm(int rank, String term, String firstPeriod, long count, long docCount, double cohesion,
      double entropy) {}

  /** The most distinctive terms of one period against its reference (term_keyness, over, by rank). */
  public record PeriodKeyTerms(String period, List<KeyTerm> terms) {}

  /** A distinctive term: occurrences in the period, log ratio (log2 of the relative frequency ratio) and G². */
  public record KeyTerm(String term, long count, long referenceCount, double logRatio, double logLikelihood) {}

  /** The terms of one period whose share rose or fell most against the preceding periods. */
  public record PeriodChanges(String period, List<ChangeTerm> rising, List<ChangeTerm> falling) {}

  /** A rising or falling term: its count now and in the preceding periods, and the log ratio of its shares. */
  public record ChangeTerm(String term, long count, long previousCount, double logRatio) {}

  /**
   * The trends of one view (all sources, or one source), aligned with {@link ReportData#periods}:
   * null where the view has no article in a period.
   *
   * @param label the view's name (the source; "All sources" for the overall view)
   * @param articles articles of the view over all periods
   * @param totals articles per period
   * @param series one series per topic, in {@link ReportData#topics} order
   */
  public record TrendView(String label, long articles, List<Long> totals, List<TopicSeries> series) {}

  /**
   * One topic's values per period: article share, index (null when the topic never occurs),
   * articles that mention it and mentions.
   */
  public record TopicSeries(String topic, List<Double> share, List<Double> index, List<Long> articles, List<Long> mentions) {}

  /** The top terms of one period; {@code tokens} = all terms of the period, every source together. */
  public record PeriodTerms(String period, long tokens, List<TermCount> terms) {}

  /** A term's occurrences in a period and its share of the period's tokens. */
  public record TermCount(String term, long count, double share) {}

  /**
   * One row of the source table; dates are local ISO dates (null for a source with only rejects),
   * {@code duplicates} is null when the table has no such column.
   */
  public record SourceRow(
      String source,
      long articles,
      String firstDate,
      String lastDate,
      long activeDays,
      Double meanChars,
      Double medianChars,
      Long duplicates,
      long rejects,
      Map<String, Double> topicShares) {}

  /**
   * A pair of sources of the syndication table: articles {@code source} published first and {@code
   * copiedBy} copied later (exactly or nearly), how many of the copies were exact (null when the
   * table does not say), and the median delay in minutes.
   */
  public record SyndicationRow(String source, String copiedBy, long articles, Long exact, Double medianDelayMinutes) {}

  /** Rejected files of one reason. */
  public record ReasonCount(String reason, long count) {}
}
