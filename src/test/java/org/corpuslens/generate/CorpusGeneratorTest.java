package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corpuslens.analytics.Topic;
import org.corpuslens.analytics.TopicLexicon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator, without the pipeline: same seed same bytes (whatever the thread count), the
 * archive layout, and a ground truth that agrees with an independent re-count of the written files
 * ({@link IndependentReader}, a regular-expression count of the keywords).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusGeneratorTest {
  private static final int POSTS = 1500;
  private static final TopicLexicon LEXICON = TopicLexicon.defaults();

  private Path corpus;
  private JsonNode truth;
  private Map<String, IndependentReader.Post> posts;

  @BeforeAll
  void generate(@TempDir Path tmp) throws IOException {
    corpus = tmp.resolve("corpus");
    // more broken files and duplicates than by default, so that a small corpus has every kind
    CorpusGenerator.generate(config(POSTS, corpus, 11, 0.10, 0.12, 2));
    truth = new ObjectMapper().readTree(corpus.resolve(CorpusGenerator.GROUND_TRUTH_FILE).toFile());
    posts = new TreeMap<>();
    for (Path f : files(corpus)) {
      posts.put(corpus.relativize(f).toString(), IndependentReader.read(Files.readAllBytes(f)));
    }
  }

  private static GeneratorConfig config(int n, Path out, long seed, double dup, double broken, int threads) {
    return new GeneratorConfig(n, out, seed, 9, LocalDate.of(2022, 11, 1), LocalDate.of(2023, 6, 30), dup, broken, LEXICON, "default", threads);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root.resolve("source"))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void theJsonLinesFormHoldsTheSameArticlesWithTheSameTruth(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("jsonl");
    CorpusGenerator.generate(config(POSTS, dir, 11, 0.10, 0.12, 2), true);
    JsonNode t = new ObjectMapper().readTree(dir.resolve(CorpusGenerator.GROUND_TRUTH_FILE).toFile());
    // the articles' figures are the posts' ones; the broken posts are not written
    for (String key : List.of("articles", "duplicates", "topic_trends", "source_articles", "date_kinds")) {
      assertThat(t.get(key)).as(key).isEqualTo(truth.get(key));
    }
    assertThat(t.get("rejects").asLong()).isZero();
    byte[] bytes = Files.readAllBytes(dir.resolve(CorpusGenerator.JSON_LINES_FILE));
    org.corpuslens.ingest.format.RecordInput input = org.corpuslens.ingest.format.RecordInput.whole("file:/news.jsonl", "news.jsonl",
        "news.jsonl", "", bytes.length, new java.io.ByteArrayInputStream(bytes), 1 << 24, Map.of());
    long n = 0;
    try (var records = new org.corpuslens.ingest.format.JsonLinesFormat().open(input)) {
      while (records.hasNext()) {
        var r = records.next();
        assertThat(r.failure()).as(r.sourcePath()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = ((org.corpuslens.ingest.format.Content.Fields) r.content()).values();
        var mapped = org.corpuslens.ingest.mapping.RecordMapper.apply(
            org.corpuslens.ingest.mapping.Profiles.forFields(fields.keySet()).orElseThrow(), fields);
        assertThat(mapped.source()).isNotBlank();
        assertThat(org.corpuslens.ingest.RecordDates.parse(mapped.publishedAt(), java.time.ZoneId.of("Asia/Shanghai"),
            java.time.Instant.now()).instant()).isNotNull();
        n++;
      }
    }
    assertThat(n).isEqualTo(truth.get("articles").asLong())
        .isEqualTo(posts.values().stream().filter(p -> p.reason() == null).count());
  }

  @Test
  void sameSeedSameBytesWhateverTheThreadCount(@TempDir Path tmp) throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    CorpusGenerator.generate(config(300, a, 5, 0.05, 0.05, 1));
    CorpusGenerator.generate(config(300, b, 5, 0.05, 0.05, 3));
    CorpusGenerator.generate(config(300, c, 6, 0.05, 0.05, 1));
    List<String> namesA = files(a).stream().map(p -> a.relativize(p).toString()).toList();
    List<String> namesB = files(b).stream().map(p -> b.relativize(p).toString()).toList();
    assertThat(namesA).hasSize(300).isEqualTo(namesB);
    for (String name : namesA) {
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
    assertThat(Files.readAllBytes(b.resolve(CorpusGenerator.GROUND_TRUTH_FILE))).isEqualTo(Files.readAllBytes(a.resolve(CorpusGenerator.GROUND_TRUTH_FILE)));
    List<String> namesC = files(c).stream().map(p -> c.relativize(p).toString()).toList();
    assertThat(namesC).hasSize(300).isNotEqualTo(namesA);
    assertThat(Files.readString(c.resolve(CorpusGenerator.GROUND_TRUTH_FILE))).isNotEqualTo(Files.readString(a.resolve(CorpusGenerator.GROUND_TRUTH_FILE)));
  }

  @Test
  void postsFollowTheArchiveLayout() {
    assertThat(posts).hasSize(POSTS);
    Pattern layout = Pattern.compile("source/_posts/([^/]+)/([^/]+)/([^/]+)/([^/.]+)\\.md");
    long folders = posts.keySet().stream().map(p -> p.substring(0, p.lastIndexOf('/'))).distinct().count();
    assertThat(folders).isGreaterThanOrEqualTo(25);
    posts.forEach((path, post) -> {
      Matcher m = layout.matcher(path);
      assertThat(m.matches()).as(path).isTrue();
      assertThat(m.group(4)).as(path).doesNotContainPattern("[*?\\[\\]{}\\\\:%#]").isEqualTo(m.group(4).strip());
      if (post.reason() == null) {
        assertThat(List.of(m.group(1), m.group(2), m.group(3))).as(path).containsExactly(post.section(), post.source(), post.feed());
      }
    });
  }

  @Test
  void postsHaveTheArchiveQuirks() throws IOException {
    String all;
    StringBuilder sb = new StringBuilder();
    for (Path f : files(corpus)) {
      byte[] bytes = Files.readAllBytes(f);
      if (IndependentReader.read(bytes).reason() == null) {
        sb.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).append('\u0000');
      }
    }
    all = sb.toString();
    for (String quirk : List.of("\u0000\n---\ntitle: '", "title: \"", "title: ' '", "&#123;", "&#125;", "<!--article_adlist[", "]article_adlist-->",
        "<style>", "appendQr_wrap", "<p class=\"article-editor\">责任编辑：", "<p cms-style=\"font-L\">　　", "<br>", "class=\"originUrl\" hidden>查看知乎原文</a>",
        "<div class=\"view-more\">", ">查看原文</a></p>", "&nbsp;&nbsp;", "<li>", "来源：", "style=\"display:none\"", "\u0000\uFEFF\n---")) {
      assertThat(all).as(quirk).contains(quirk);
    }
    assertThat(Pattern.compile("\ndate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\n").matcher(all).find()).isTrue();
    assertThat(Pattern.compile("\ndate: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\n").matcher(all).find()).isTrue();
    // a counted keyword cut by inline markup, and lengths from a few hundred to several thousand characters
    assertThat(truth.at("/keyword_placements/inline_markup").asLong()).isPositive();
    int[] lengths = posts.values().stream().filter(p -> p.reason() == null).mapToInt(p -> p.text().length()).sorted().toArray();
    assertThat(lengths[lengths.length / 20]).isBetween(150, 600);
    assertThat(lengths[lengths.length / 2]).isBetween(800, 2500);
    assertThat(lengths[lengths.length - 1 - lengths.length / 50]).isGreaterThan(3500);
  }

  @Test
  void textIsMadeOfDictionaryWordsNotCopiedText() {
    // every run of Han characters splits into the generator's own vocabulary (plus the keywords and
    // the names it makes): checked on a sample by greedy longest match against HanLP's dictionary
    var words = new java.util.HashSet<String>();
    DictionaryWords.load().forEach(e -> words.add(e.word()));
    words.addAll(LEXICON.allKeywords());
    long unknown = 0;
    long total = 0;
    for (IndependentReader.Post p : posts.values().stream().filter(p -> p.reason() == null).limit(200).toList()) {
      String t = p.text();
      int i = 0;
      while (i < t.length()) {
        int best = 0;
        for (int len = Math.min(7, t.length() - i); len >= 1; len--) {
          if (words.contains(t.substring(i, i + len))) {
            best = len;
            break;
          }
        }
        if (best == 0) {
          if (Character.UnicodeScript.of(t.charAt(i)) == Character.UnicodeScript.HAN) {
            unknown++;
          }
          best = 1;
        }
        total++;
        i += best;
      }
    }
    assertThat(unknown).isLessThan(total / 100);
  }

  @Test
  void newWordsAreInventedAndUsedFromTheirMonthOn() {
    JsonNode newWords = truth.at("/planted_terms/new_words");
    assertThat(newWords.size()).isEqualTo(PlantedTerms.NEW_WORDS);
    var known = new org.corpuslens.segment.KnownWords(LEXICON.allKeywords());
    // 8 months (2022-11 to 2023-06): word k from month (k + 1) * 8 / 5, i.e. the 2nd, 4th, 5th and 7th
    List<String> firstMonths = new ArrayList<>();
    newWords.properties().forEach(e -> {
      String word = e.getKey();
      YearMonth from = YearMonth.parse(e.getValue().asText());
      firstMonths.add(from.toString());
      assertThat(known.isKnown(word)).as(word).isFalse();
      Map<YearMonth, Long> carrying = new TreeMap<>();
      posts.values().stream().filter(p -> p.reason() == null && p.text().contains(word))
          .forEach(p -> carrying.merge(p.month(), 1L, Long::sum));
      assertThat(carrying.keySet()).as(word).allMatch(m -> !m.isBefore(from)).contains(from);
    });
    assertThat(firstMonths).containsExactly("2022-12", "2023-02", "2023-03", "2023-05");
  }

  @Test
  void rejectsAreWhatTheGroundTruthSays() {
    Map<String, String> expected = new TreeMap<>();
    truth.get("expected_rejects").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));
    Map<String, String> actual = new TreeMap<>();
    posts.forEach((path, post) -> {
      if (post.reason() != null) {
        actual.put(path, post.reason());
      }
    });
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.values().stream().distinct().count()).as("reject kinds").isGreaterThanOrEqualTo(12);
    Map<String, Long> perSource = new TreeMap<>();
    posts.values().stream().filter(p -> p.reason() != null && p.source() != null).forEach(p -> perSource.merge(p.source(), 1L, Long::sum));
    assertThat(perSource).isEqualTo(longs(truth.get("source_rejects")));
  }

  @Test
  void groundTruthAgreesWithAnIndependentRecount() {
    List<Map.Entry<String, IndependentReader.Post>> articles = posts.entrySet().stream().filter(e -> e.getValue().reason() == null).toList();
    assertThat(truth.get("articles").asLong()).isEqualTo(articles.size());
    assertThat(truth.get("input_files").asLong()).isEqualTo(POSTS);
    assertThat(truth.get("rejects").asLong()).isEqualTo(POSTS - articles.size());
    assertThat(truth.at("/date_kinds/crawled").asLong()).isEqualTo(articles.stream().filter(e -> e.getValue().crawled()).count());

    // duplicates: same title and text; the earliest of each group (by date, then path) is kept
    Map<String, List<String>> groups = new TreeMap<>();
    for (var e : articles) {
      groups.computeIfAbsent(e.getValue().title() + "\u0001" + e.getValue().text(), k -> new ArrayList<>()).add(e.getKey());
    }
    List<Map.Entry<String, IndependentReader.Post>> kept = new ArrayList<>();
    long duplicates = 0;
    for (List<String> g : groups.values()) {
      g.sort(Comparator.comparing((String path) -> posts.get(path).instant()).thenComparing(Comparator.naturalOrder()));
      kept.add(Map.entry(g.get(0), posts.get(g.get(0))));
      duplicates += g.size() - 1;
    }
    assertThat(duplicates).isEqualTo(truth.get("duplicates").asLong()).isPositive();
    assertThat(truth.at("/excluding_duplicates/articles").asLong()).isEqualTo(kept.size());

    assertThat(trends(articles)).isEqualTo(rows(truth.get("topic_trends")));
    assertThat(trends(kept)).isEqualTo(rows(truth.at("/excluding_duplicates/topic_trends")));
    assertThat(perSource(articles)).isEqualTo(longs(truth.get("source_articles")));
    assertThat(perSource(kept)).isEqualTo(longs(truth.at("/excluding_duplicates/source_articles")));
    // every topic is mentioned, and the decoys are there
    for (JsonNode r : truth.get("topic_trends")) {
      assertThat(r.get("mention_count").asLong()).isGreaterThanOrEqualTo(r.get("article_count").asLong());
    }
    for (String placement : List.of("title", "ad_block", "hidden", "near_miss", "split_across_paragraphs", "overlap_same_topic", "image_alt")) {
      assertThat(truth.at("/keyword_placements/" + placement).asLong()).as(placement).isPositive();
    }
  }

  @Test
  void nearDuplicatesKeepTheirMentionsCountedAndStaySimilarToTheirOriginal(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("near");
    CorpusGenerator.generate(new GeneratorConfig(1500, dir, 3, 9, LocalDate.of(2022, 11, 1), LocalDate.of(2023, 6, 30), 0.02, 0.02,
        LEXICON, "default", 2, 0.2));
    JsonNode t = new ObjectMapper().readTree(dir.resolve(CorpusGenerator.GROUND_TRUTH_FILE).toFile());
    Map<String, IndependentReader.Post> read = new TreeMap<>();
    for (Path f : files(dir)) {
      read.put(dir.relativize(f).toString(), IndependentReader.read(Files.readAllBytes(f)));
    }
    List<Map.Entry<String, IndependentReader.Post>> articles = read.entrySet().stream().filter(e -> e.getValue().reason() == null).toList();
    // the mentions of the edited copies (traditional ones included) as an independent reader counts them
    assertThat(trends(articles)).isEqualTo(rows(t.get("topic_trends")));
    assertThat(perSource(articles)).isEqualTo(longs(t.get("source_articles")));
    Map<String, String> duplicateOf = new TreeMap<>();
    t.get("duplicate_of").properties().forEach(e -> duplicateOf.put(e.getKey(), e.getValue().asText()));
    long near = t.get("near_duplicates").asLong();
    assertThat(near).isGreaterThan(200);
    assertThat(t.get("near_duplicate_paths").size()).isEqualTo((int) near);
    t.get("near_duplicate_paths").properties().forEach(e -> {
      String copy = e.getKey();
      String kept = duplicateOf.get(copy);
      assertThat(kept).as(copy).isNotNull();
      // the copy's text against the kept article's (the original, or an earlier copy of it)
      double j = org.corpuslens.analytics.NearDuplicateText.similarity(read.get(copy).text(), read.get(kept).text());
      assertThat(j).as(copy + " (" + e.getValue().asText() + ") vs " + kept).isGreaterThanOrEqualTo(0.8);
      if (e.getValue().asText().contains("traditional")) {
        assertThat(read.get(copy).text()).isNotEqualTo(read.get(kept).text());
      }
    });
    assertThat(t.get("near_duplicate_edits").size()).isEqualTo(8);
  }

  /** Per "period|topic": article_count|mention_count|total_articles, counted with regular expressions. */
  private static Map<String, String> trends(List<Map.Entry<String, IndependentReader.Post>> articles) {
    List<Topic> topics = LEXICON.topics();
    List<Pattern> patterns = topics.stream().map(t -> Pattern.compile(t.keywords().stream()
        .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).collect(Collectors.joining("|")))).toList();
    Map<YearMonth, long[]> perMonth = new TreeMap<>(); // [total, a0, m0, a1, m1, ...]
    for (var e : articles) {
      long[] acc = perMonth.computeIfAbsent(e.getValue().month(), k -> new long[1 + 2 * topics.size()]);
      acc[0]++;
      for (int t = 0; t < topics.size(); t++) {
        Matcher m = patterns.get(t).matcher(e.getValue().text());
        int n = 0;
        while (m.find()) {
          n++;
        }
        acc[1 + 2 * t] += n > 0 ? 1 : 0;
        acc[2 + 2 * t] += n;
      }
    }
    Map<String, String> out = new TreeMap<>();
    perMonth.forEach((month, acc) -> {
      for (int t = 0; t < topics.size(); t++) {
        out.put(month.atDay(1) + "|" + topics.get(t).name(), acc[1 + 2 * t] + "|" + acc[2 + 2 * t] + "|" + acc[0]);
      }
    });
    return out;
  }

  private static Map<String, String> rows(JsonNode trends) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode r : trends) {
      out.put(r.get("period").asText() + "|" + r.get("topic").asText(),
          r.get("article_count").asLong() + "|" + r.get("mention_count").asLong() + "|" + r.get("total_articles").asLong());
    }
    return out;
  }

  private static Map<String, Long> perSource(List<Map.Entry<String, IndependentReader.Post>> articles) {
    Map<String, Long> out = new TreeMap<>();
    articles.forEach(e -> out.merge(e.getValue().source(), 1L, Long::sum));
    return out;
  }

  private static Map<String, Long> longs(JsonNode object) {
    Map<String, Long> out = new HashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
    return new TreeMap<>(out);
  }
}
