package org.corpuslens.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corpuslens.ingest.RejectReason;

/**
 * What the pipeline must find in a generated corpus, tallied from the generator's own decisions
 * (never from the pipeline's code): per month (Asia/Shanghai) and topic the articles that mention
 * the topic, the mentions and all articles; articles per source; rejects per source (those whose
 * front matter names one); every expected reject with its reason; and the duplicates, with the
 * same figures once the duplicates are left out.
 *
 * <p>A duplicate group is an article and its copies (same title and body). Among them the earliest
 * (by date, then path) is the one kept, as the pipeline keeps it; the others are the duplicates. Memory grows with the rejects
 * and the duplicates only (a few percent of the posts), not with the articles.
 *
 * <p>Not thread-safe: feed it from one thread.
 */
final class GroundTruth {
  static final String FORMAT = "corpuslens-generated-corpus/1";

  private final List<String> topics;
  private final List<String> sources;
  private final List<YearMonth> months;
  private final PlantedTerms planted;

  private long inputFiles;
  private long articles;
  private long crawled;
  private final long[] monthArticles;
  private final long[][] monthTopicArticles;
  private final long[][] monthTopicMentions;
  private final long[] sourceArticles;
  private final long[] sourceRejects;
  private final long[] placements = new long[Placement.values().length];
  private final EnumMap<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
  private final TreeMap<String, String> expectedRejects = new TreeMap<>();
  /** original's index -> the original and its copies */
  private final TreeMap<Long, List<GeneratedPost.Member>> groups = new TreeMap<>();
  /** near-duplicate's path -> its edits */
  private final TreeMap<String, String> nearEdits = new TreeMap<>();

  GroundTruth(List<String> topics, List<String> sources, List<YearMonth> months, PlantedTerms planted) {
    this.planted = planted;
    this.topics = List.copyOf(topics);
    this.sources = List.copyOf(sources);
    this.months = List.copyOf(months);
    monthArticles = new long[months.size()];
    monthTopicArticles = new long[months.size()][topics.size()];
    monthTopicMentions = new long[months.size()][topics.size()];
    sourceArticles = new long[sources.size()];
    sourceRejects = new long[sources.size()];
  }

  void add(GeneratedPost p) {
    inputFiles++;
    for (int i = 0; i < placements.length; i++) {
      placements[i] += p.placements()[i];
    }
    if (!p.isArticle()) {
      if (expectedRejects.put(p.relativePath(), p.reason().name()) != null) {
        throw new IllegalStateException("two posts at " + p.relativePath());
      }
      reasons.merge(p.reason(), 1L, Long::sum);
      if (p.source() >= 0) {
        sourceRejects[p.source()]++;
      }
      return;
    }
    articles++;
    if (p.crawled()) {
      crawled++;
    }
    addArticle(p.asMember(), 1);
    if (p.isDuplicate()) {
      List<GeneratedPost.Member> group = groups.computeIfAbsent(p.original().index(), k -> new ArrayList<>());
      if (group.isEmpty()) {
        group.add(p.original());
      }
      group.add(p.asMember());
      if (p.edits() != null) {
        nearEdits.put(p.relativePath(), p.edits());
      }
    }
  }

  private void addArticle(GeneratedPost.Member m, int sign) {
    monthArticles[m.month()] += sign;
    sourceArticles[m.source()] += sign;
    for (int t = 0; t < topics.size(); t++) {
      int n = m.mentions()[t];
      if (n > 0) {
        monthTopicArticles[m.month()][t] += sign;
        monthTopicMentions[m.month()][t] += (long) sign * n;
      }
    }
  }

  long inputFiles() {
    return inputFiles;
  }

  long articles() {
    return articles;
  }

  long rejects() {
    return inputFiles - articles;
  }

  long duplicates() {
    long d = 0;
    for (List<GeneratedPost.Member> g : groups.values()) {
      d += g.size() - 1;
    }
    return d;
  }

  /** The ground truth as an ordered map, ready for {@link Json}. */
  Map<String, Object> toMap(Map<String, Object> settings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("generator", settings);
    root.put("posts_root", PostFactory.POSTS_ROOT);
    root.put("zone", TimeSpan.ZONE.getId());
    root.put("period", "month");
    root.put("topics", topics);
    root.put("input_files", inputFiles);
    root.put("articles", articles);
    root.put("rejects", rejects());
    root.put("duplicates", duplicates());
    root.put("duplicate_groups", (long) groups.size());
    Map<String, Object> kinds = new LinkedHashMap<>();
    kinds.put("published", articles - crawled);
    kinds.put("crawled", crawled);
    root.put("date_kinds", kinds);
    root.put("topic_trends", trends());
    root.put("source_articles", perSource(sourceArticles));
    root.put("source_rejects", perSource(sourceRejects));
    Map<String, Object> reasonCounts = new LinkedHashMap<>();
    reasons.forEach((r, n) -> reasonCounts.put(r.name(), n));
    root.put("reject_reasons", reasonCounts);
    Map<String, Object> placed = new LinkedHashMap<>();
    for (Placement p : Placement.values()) {
      placed.put(p.key(), placements[p.ordinal()]);
    }
    root.put("keyword_placements", placed);

    // the same figures without the duplicates (all but the earliest, by date then path, of each group)
    GroundTruth without = copy();
    Map<String, Object> duplicateOf = new TreeMap<>();
    for (List<GeneratedPost.Member> g : groups.values()) {
      List<GeneratedPost.Member> sorted = new ArrayList<>(g);
      sorted.sort(Comparator.comparingLong(GeneratedPost.Member::epochSecond).thenComparing(GeneratedPost.Member::relativePath));
      for (GeneratedPost.Member m : sorted.subList(1, sorted.size())) {
        without.addArticle(m, -1);
        duplicateOf.put(m.relativePath(), sorted.get(0).relativePath());
      }
    }
    root.put("near_duplicates", (long) nearEdits.size());
    Map<String, Object> editCounts = new TreeMap<>();
    for (String edits : nearEdits.values()) {
      for (String e : edits.split("\\+")) {
        editCounts.merge(e, 1L, (a, b) -> (Long) a + (Long) b);
      }
    }
    root.put("near_duplicate_edits", editCounts);
    root.put("near_duplicate_paths", new LinkedHashMap<String, Object>(nearEdits));
    root.put("duplicate_of", duplicateOf);
    Map<String, Object> excl = new LinkedHashMap<>();
    excl.put("rule", "a duplicate has the same title and body as another article, or (a near-duplicate) the body of another with "
        + "small edits; within each group the earliest (by date, then path in code-point order) is kept");
    excl.put("articles", articles - duplicates());
    excl.put("topic_trends", without.trends());
    excl.put("source_articles", without.perSource(without.sourceArticles));
    root.put("excluding_duplicates", excl);
    root.put("planted_terms", plantedTerms());
    root.put("expected_rejects", new LinkedHashMap<>(expectedRejects));
    return root;
  }

  /**
   * The planted words: per month (yyyy-MM) the word that must be that period's most distinctive
   * term against the rest of the corpus, per source the word that must be the source's most
   * distinctive term against the other sources of each month.
   */
  private Map<String, Object> plantedTerms() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("month_rate", PlantedTerms.MONTH_RATE);
    m.put("source_rate", PlantedTerms.SOURCE_RATE);
    m.put("rule", "a month's articles carry its word once or twice with probability month_rate; a source's articles carry "
        + "its word two or three times with probability source_rate");
    Map<String, Object> byMonth = new LinkedHashMap<>();
    for (int i = 0; i < months.size(); i++) {
      byMonth.put(months.get(i).toString(), planted.month(i));
    }
    Map<String, Object> bySource = new TreeMap<>();
    for (int s = 0; s < sources.size(); s++) {
      bySource.put(sources.get(s), planted.source(s));
    }
    m.put("months", byMonth);
    m.put("sources", bySource);
    Map<String, Object> newWords = new LinkedHashMap<>();
    for (int k = 0; k < planted.newWords().size(); k++) {
      newWords.put(planted.newWords().get(k), months.get(planted.newWordStart(k)).toString());
    }
    m.put("new_word_rate", PlantedTerms.NEW_WORD_RATE);
    m.put("new_words", newWords);
    return m;
  }

  private GroundTruth copy() {
    GroundTruth c = new GroundTruth(topics, sources, months, planted);
    for (int m = 0; m < months.size(); m++) {
      c.monthArticles[m] = monthArticles[m];
      c.monthTopicArticles[m] = monthTopicArticles[m].clone();
      c.monthTopicMentions[m] = monthTopicMentions[m].clone();
    }
    System.arraycopy(sourceArticles, 0, c.sourceArticles, 0, sourceArticles.length);
    return c;
  }

  /** One row per (month with at least one article, topic), like the topic_trends table. */
  private List<Object> trends() {
    List<Object> rows = new ArrayList<>();
    for (int m = 0; m < months.size(); m++) {
      if (monthArticles[m] == 0) {
        continue;
      }
      for (int t = 0; t < topics.size(); t++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("period", months.get(m).atDay(1).toString());
        row.put("topic", topics.get(t));
        row.put("article_count", monthTopicArticles[m][t]);
        row.put("mention_count", monthTopicMentions[m][t]);
        row.put("total_articles", monthArticles[m]);
        rows.add(row);
      }
    }
    return rows;
  }

  private Map<String, Object> perSource(long[] counts) {
    Map<String, Object> out = new TreeMap<>();
    for (int s = 0; s < sources.size(); s++) {
      if (counts[s] > 0) {
        out.put(sources.get(s), counts[s]);
      }
    }
    return out;
  }
}
