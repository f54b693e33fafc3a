package org.corpuslens.generate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import com.hankcs.hanlp.HanLP;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.ingest.RejectReason;

/**
 * Makes post number {@code i} of a corpus: a pure function of the seed, the settings and {@code
 * i}, so posts can be made in any order and on any number of threads.
 *
 * <p>Each post draws its fate first (broken, duplicate or article, with the configured rates).
 * An article's metadata (source, feed, date) and its content (title, planned mentions, text,
 * markup) come from separate random streams. A duplicate re-makes an earlier article (found
 * by its index) and writes its title and body unchanged under another source, feed and path,
 * dated up to two days later. A broken post is one of the reject kinds of the contract.
 *
 * <p>After the text of an article is composed, the {@link MentionCounter} re-counts the
 * mentions of the whole text (paragraphs joined by line breaks, as the pipeline's text); if they
 * differ from the plan, the content is drawn again. Thread-safe (immutable).
 */
final class PostFactory {
  static final String POSTS_ROOT = "source/_posts";
  private static final long KIND_SALT = 0x4B494E44L;
  private static final long META_SALT = 0x4D455441L;
  private static final long CONTENT_SALT = 0x434F4E54L;
  private static final long DUP_SALT = 0x44555045L;
  private static final long BROKEN_SALT = 0x42524F4BL;
  private static final long NEAR_SALT = 0x4E454152L;
  private static final long NEW_WORD_SALT = 0x4E455757L;
  private static final int DUPLICATE_WINDOW = 5000;
  private static final int MAX_ARTICLE_ATTEMPTS = 20;
  private static final long MAX_DUPLICATE_DELAY_SECONDS = 48 * 3600;
  private static final double[] BASE_TOPIC_RATES = {0.22, 0.16, 0.11, 0.08};
  private static final String[] BRAND_SYLLABLES = {"Ka", "lo", "Mi", "ne", "Ro", "su", "Ta", "vi", "De", "po", "Ze", "na"};

  private enum Fate { ARTICLE, DUPLICATE, NEAR_DUPLICATE, BROKEN }

  private final long seed;
  private final double brokenRate;
  private final double duplicateRate;
  private final double nearDuplicateRate;
  private final SourceCatalog sources;
  private final TimeSpan time;
  private final MentionCounter counter;
  private final PhraseCatalog catalog;
  private final TextComposer composer;
  private final PostRenderer renderer;
  private final PlantedTerms planted;

  PostFactory(long seed, int sourceCount, LocalDate from, LocalDate to, double brokenRate, double duplicateRate,
      double nearDuplicateRate, TopicLexicon lexicon, Vocabulary vocabulary, PlantedTerms planted) {
    this.seed = seed;
    this.nearDuplicateRate = nearDuplicateRate;
    this.brokenRate = brokenRate;
    this.duplicateRate = duplicateRate;
    this.counter = new MentionCounter(lexicon);
    this.time = new TimeSpan(from, to);
    this.sources = new SourceCatalog(seed, sourceCount, counter.topicCount());
    this.catalog = new PhraseCatalog(lexicon, counter);
    this.composer = new TextComposer(vocabulary, counter);
    this.renderer = new PostRenderer(composer, catalog);
    this.planted = planted;
  }

  SourceCatalog sources() {
    return sources;
  }

  MentionCounter counter() {
    return counter;
  }

  TimeSpan time() {
    return time;
  }

  PhraseCatalog catalog() {
    return catalog;
  }

  /** Every folder a post can be written to, relative to the output directory. */
  List<String> folders() {
    List<String> out = new ArrayList<>();
    for (SourceProfile s : sources.sources()) {
      for (String feed : s.feeds()) {
        out.add(POSTS_ROOT + "/" + s.section() + "/" + s.name() + "/" + feed);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------

  GeneratedPost post(long index) {
    Fate fate = fate(index);
    if (fate == Fate.BROKEN) {
      return broken(index);
    }
    if (fate == Fate.DUPLICATE || fate == Fate.NEAR_DUPLICATE) {
      long original = duplicateOf(index);
      if (original >= 0) {
        return fate == Fate.DUPLICATE ? duplicate(index, original) : nearDuplicate(index, original);
      }
    }
    Article a = article(index);
    return a.post(null);
  }

  private Fate fate(long index) {
    double u = Rng.of(seed, index, KIND_SALT).nextDouble();
    if (u < brokenRate) {
      return Fate.BROKEN;
    }
    if (u < brokenRate + duplicateRate) {
      return Fate.DUPLICATE;
    }
    return u < brokenRate + duplicateRate + nearDuplicateRate ? Fate.NEAR_DUPLICATE : Fate.ARTICLE;
  }

  /** An earlier post that is an article of its own (not broken, not a duplicate), or -1. */
  private long duplicateOf(long index) {
    if (index == 0) {
      return -1;
    }
    Rng rng = Rng.of(seed, index, DUP_SALT);
    long j = index - 1 - rng.nextLong(Math.min(index, DUPLICATE_WINDOW));
    while (j >= 0 && fate(j) != Fate.ARTICLE) {
      j--;
    }
    return j;
  }

  /** An article as drafted, before its front matter. */
  private final class Article {
    final long index;
    final SourceProfile source;
    final String feed;
    final Instant instant;
    final boolean author;
    final boolean bom;
    String title;
    String body;
    int[] mentions;
    int[] placements;
    List<Paragraph> paragraphs;
    String edits;

    Article(long index, Rng meta) {
      this.index = index;
      this.source = sources.pick(meta);
      this.feed = meta.pick(source.feeds());
      this.instant = time.random(meta);
      this.author = !meta.chance(0.01);
      this.bom = meta.chance(0.005);
    }

    Article(long index, Rng meta, Article original) {
      this.index = index;
      this.source = sources.pickOther(meta, original.source);
      this.feed = meta.pick(source.feeds());
      this.instant = Instant.ofEpochSecond(time.clamp(original.instant.getEpochSecond() + meta.nextLong(MAX_DUPLICATE_DELAY_SECONDS)));
      this.author = !meta.chance(0.01);
      this.bom = meta.chance(0.005);
      this.title = original.title;
      this.body = original.body;
      this.mentions = original.mentions;
      this.placements = original.placements;
      this.paragraphs = original.paragraphs;
    }

    String path() {
      return POSTS_ROOT + "/" + source.section() + "/" + source.name() + "/" + feed + "/" + fileName(title, index) + ".md";
    }

    String date() {
      return source.style().crawlTime ? TimeSpan.crawlTime(instant) : TimeSpan.rfc1123(instant);
    }

    GeneratedPost post(GeneratedPost.Member original) {
      String image = "https://picsum.photos/400/300?random=" + (index % 10_000);
      String text = PostRenderer.frontMatter(new PostRenderer.Front(title, source.section(), source.name(), feed, author, date(), image, bom)) + body;
      return new GeneratedPost(index, path(), text.getBytes(StandardCharsets.UTF_8), null, source.index(), time.monthIndex(instant),
          instant.getEpochSecond(), mentions, source.style().crawlTime, placements, original, edits);
    }

    GeneratedPost.Member member() {
      return new GeneratedPost.Member(index, path(), source.index(), time.monthIndex(instant), instant.getEpochSecond(), mentions);
    }
  }

  private Article article(long index) {
    Article a = new Article(index, Rng.of(seed, index, META_SALT));
    int month = time.monthIndex(a.instant);
    for (int attempt = 0; attempt < MAX_ARTICLE_ATTEMPTS; attempt++) {
      Rng rng = Rng.of(seed, index, CONTENT_SALT + attempt);
      int[] placements = new int[Placement.values().length];
      String title = title(rng, placements);
      int[] wanted = wantedMentions(rng, a.source, month);
      List<Phrase> phrases = new ArrayList<>(catalog.plan(rng, wanted));
      for (Phrase p : phrases) {
        if (p.kind() == Phrase.Kind.OVERLAP_SAME_TOPIC) {
          placements[Placement.OVERLAP_SAME_TOPIC.ordinal()]++;
        } else if (p.kind() == Phrase.Kind.OVERLAP_TWO_TOPICS) {
          placements[Placement.OVERLAP_TWO_TOPICS.ordinal()]++;
        }
      }
      for (int t = 0; t < wanted.length; t++) {
        if (wanted[t] > 0 && catalog.hasExclusions(t) && rng.chance(0.1)) {
          Phrase exclusion = catalog.exclusion(rng, t); // the rule's 'not': the article is excluded
          if (exclusion != null) {
            phrases.add(exclusion);
          }
        }
      }
      if (rng.chance(0.15)) {
        int n = 1 + rng.nextInt(2);
        for (int k = 0; k < n; k++) {
          Phrase decoy = catalog.nearMiss(rng);
          if (decoy != null) {
            phrases.add(decoy);
            placements[Placement.NEAR_MISS.ordinal()]++;
          }
        }
      }
      phrases.addAll(planted.phrases(rng, month, a.source.index(), counter.topicCount()));
      phrases.addAll(planted.newWordPhrases(Rng.of(seed, index, NEW_WORD_SALT + attempt), month, counter.topicCount()));
      BodyStyle style = a.source.style();
      List<Paragraph> paragraphs = new ArrayList<>(composer.compose(rng, length(rng), phrases, headingRate(style)));
      int firstText = 0;
      if (style == BodyStyle.TELEGRAM) {
        paragraphs.set(0, withLead(rng, paragraphs.get(0), a.source.name(), a.instant));
      } else if (style == BodyStyle.QA) {
        paragraphs.add(0, new Paragraph(composer.fillerLine(rng, 1, 2) + "，" + composer.fillerLine(rng, 2, 4)));
        paragraphs.add(0, new Paragraph(composer.fillerLine(rng, 3, 7) + (rng.chance(0.8) ? "？" : "")));
        firstText = 2;
      }
      if (paragraphs.size() - firstText >= 2 && rng.chance(0.04)) {
        int p = firstText + rng.nextInt(paragraphs.size() - firstText - 1);
        splitAcross(rng, paragraphs, p);
        placements[Placement.SPLIT_ACROSS_PARAGRAPHS.ordinal()]++;
      }
      StringBuilder all = new StringBuilder();
      for (Paragraph p : paragraphs) {
        if (all.length() > 0) {
          all.append('\n');
        }
        all.append(p.text());
      }
      if (!Arrays.equals(counter.count(all), wanted)) {
        continue; // a join formed or broke a keyword: draw the content again
      }
      a.title = title;
      // what each topic's rule counts (for keyword topics, exactly the planned mentions)
      long[] counted = counter.counted(title, all);
      int[] mentions = new int[counted.length];
      for (int t = 0; t < counted.length; t++) {
        mentions[t] = (int) counted[t];
      }
      a.mentions = mentions;
      a.body = renderer.body(style, paragraphs, rng, index, placements);
      a.placements = placements;
      a.paragraphs = List.copyOf(paragraphs);
      return a;
    }
    throw new IllegalStateException("post " + index + ": no text with exactly the planned mentions in " + MAX_ARTICLE_ATTEMPTS + " attempts");
  }

  private GeneratedPost duplicate(long index, long originalIndex) {
    Article original = article(originalIndex);
    Article copy = new Article(index, Rng.of(seed, index, META_SALT), original);
    return copy.post(original.member());
  }

  /**
   * A near-duplicate: an earlier article under another source, later, with one structural edit
   * (a lead line before the text, a paragraph added at the end, the last paragraph trimmed, a
   * {@code 来源：} or {@code 责任编辑：} line) and sometimes a surface edit (traditional characters,
   * swapped character widths) and a new title. Each added or removed paragraph has at most 8 % of
   * the text's characters (at least 12), so the copy's shingle similarity to the original stays
   * well above 0.8. Its mentions are counted again on its own text.
   */
  private GeneratedPost nearDuplicate(long index, long originalIndex) {
    Article original = article(originalIndex);
    Article copy = new Article(index, Rng.of(seed, index, META_SALT), original);
    Rng rng = Rng.of(seed, index, NEAR_SALT);
    List<Paragraph> ps = new ArrayList<>(original.paragraphs);
    int total = 0;
    for (Paragraph p : ps) {
      total += p.text().length();
    }
    int budget = Math.max(12, total * 8 / 100);
    List<String> edits = new ArrayList<>();
    NearEdit structural = NearEdit.STRUCTURAL.get(rng.nextInt(NearEdit.STRUCTURAL.size()));
    Paragraph last = ps.get(ps.size() - 1);
    if (structural == NearEdit.TRIMMED_PARAGRAPH
        && (ps.size() < 2 || last.text().length() > budget || !last.keywordRanges().isEmpty() || !counter.isFree(last.text()))) {
      structural = NearEdit.ADDED_PARAGRAPH;
    }
    switch (structural) {
      case LEAD_LINE, ADDED_PARAGRAPH -> {
        String line = freeLine(rng, budget);
        if (line == null) {
          structural = NearEdit.EDITOR_LINE;
          ps.add(new Paragraph("责任编辑：" + PostRenderer.personName(rng)));
        } else if (structural == NearEdit.LEAD_LINE) {
          ps.add(0, new Paragraph(line));
        } else {
          ps.add(new Paragraph(line));
        }
      }
      case TRIMMED_PARAGRAPH -> ps.remove(ps.size() - 1);
      case SOURCE_LINE -> ps.add(new Paragraph("来源：" + original.source.name()));
      case EDITOR_LINE -> ps.add(new Paragraph("责任编辑：" + PostRenderer.personName(rng)));
      default -> throw new IllegalStateException(structural.name());
    }
    edits.add(structural.key());
    double u = rng.nextDouble();
    if (u < 0.25) {
      ps.replaceAll(p -> new Paragraph(HanLP.convertToTraditionalChinese(p.text()), p.heading(), List.of()));
      edits.add(NearEdit.TRADITIONAL.key());
    } else if (u < 0.5) {
      ps.replaceAll(p -> new Paragraph(NearEdit.swapWidths(p.text()), p.heading(), p.keywordRanges()));
      edits.add(NearEdit.WIDTHS.key());
    }
    int[] placements = new int[Placement.values().length];
    if (rng.chance(0.5)) {
      copy.title = title(rng, placements);
      edits.add(NearEdit.TITLE.key());
    }
    StringBuilder all = new StringBuilder();
    for (Paragraph p : ps) {
      if (all.length() > 0) {
        all.append('\n');
      }
      all.append(p.text());
    }
    copy.mentions = counter.count(all);
    copy.body = renderer.body(original.source.style(), ps, rng, index, placements);
    copy.placements = placements;
    copy.edits = String.join("+", edits);
    return copy.post(original.member());
  }

  /** A line of filler words without any keyword, at most {@code budget} characters; null if none is drawn. */
  private String freeLine(Rng rng, int budget) {
    for (int attempt = 0; attempt < 5; attempt++) {
      String line = composer.fillerLine(rng, 2, Math.max(3, budget / 3));
      if (line.length() > budget) {
        line = line.substring(0, budget);
      }
      line = line.strip();
      if (line.length() >= 4 && counter.isFree(line)) {
        return line + "。";
      }
    }
    return null;
  }

  private int[] wantedMentions(Rng rng, SourceProfile source, int month) {
    int topics = counter.topicCount();
    int months = time.months().size();
    double x = months > 1 ? month / (double) (months - 1) : 0.5;
    int[] wanted = new int[topics];
    for (int t = 0; t < topics; t++) {
      double base = BASE_TOPIC_RATES[t % BASE_TOPIC_RATES.length] * (t >= BASE_TOPIC_RATES.length ? 0.7 : 1.0);
      double trend = t % 2 == 0 ? 0.6 + 0.8 * x : 1.4 - 0.8 * x;
      double p = Math.min(0.9, base * trend * source.topicFactor(t));
      if (rng.chance(p)) {
        int n = 1;
        while (n < 8 && rng.chance(0.45)) {
          n++;
        }
        wanted[t] = n;
      }
    }
    return wanted;
  }

  /** Target length of the main text, in characters: a few hundred to several thousand. */
  private static int length(Rng rng) {
    double u = rng.nextDouble();
    if (u < 0.10) {
      return rng.between(200, 450);
    }
    if (u < 0.82) {
      return rng.between(450, 2000);
    }
    return rng.between(2000, 5500);
  }

  private static double headingRate(BodyStyle style) {
    return switch (style) {
      case SINA -> 0.12;
      case NEWS -> 0.10;
      case OPEN_SOURCE -> 0.08;
      case QA -> 0.05;
      case TELEGRAM, BR -> 0.0;
    };
  }

  /** 财联社's first line: 【lead】SOURCE M月d日电，then the paragraph. */
  private Paragraph withLead(Rng rng, Paragraph first, String source, Instant instant) {
    LocalDate day = instant.atZone(TimeSpan.ZONE).toLocalDate();
    String lead = "【" + composer.fillerLine(rng, 3, 6) + "】" + source + day.getMonthValue() + "月" + day.getDayOfMonth() + "日电，";
    if (!counter.isFree(lead)) {
      lead = "【" + composer.fillerLine(rng, 3, 6) + "】";
    }
    List<int[]> ranges = new ArrayList<>();
    for (int[] r : first.keywordRanges()) {
      ranges.add(new int[] {r[0] + lead.length(), r[1] + lead.length()});
    }
    return new Paragraph(lead + first.text(), false, ranges);
  }

  /** Ends paragraph p with the start of a keyword and begins p+1 with its end: no mention. */
  private void splitAcross(Rng rng, List<Paragraph> paragraphs, int p) {
    String k = catalog.anyKeyword(rng);
    if (k.length() < 2) {
      return;
    }
    int cut = 1 + rng.nextInt(k.length() - 1);
    Paragraph a = paragraphs.get(p);
    Paragraph b = paragraphs.get(p + 1);
    String at = a.text();
    char last = at.charAt(at.length() - 1);
    if ("。！？；".indexOf(last) >= 0 && at.length() > 1) {
      at = at.substring(0, at.length() - 1);
    }
    List<int[]> aRanges = new ArrayList<>();
    for (int[] r : a.keywordRanges()) {
      if (r[1] <= at.length()) {
        aRanges.add(r);
      }
    }
    String head = k.substring(cut);
    List<int[]> bRanges = new ArrayList<>();
    for (int[] r : b.keywordRanges()) {
      bRanges.add(new int[] {r[0] + head.length(), r[1] + head.length()});
    }
    paragraphs.set(p, new Paragraph(at + "，" + k.substring(0, cut), a.heading(), aRanges));
    paragraphs.set(p + 1, new Paragraph(head + b.text(), b.heading(), bRanges));
  }

  private String title(Rng rng, int[] placements) {
    if (rng.chance(0.01)) {
      return null; // the archive's blank title ' '
    }
    StringBuilder t = new StringBuilder(composer.fillerLine(rng, 2, 5));
    if (rng.chance(0.15)) {
      String k = catalog.anyKeyword(rng);
      if (rng.chance(0.5)) {
        t.insert(0, k);
      } else {
        t.append(k);
      }
      placements[Placement.TITLE.ordinal()]++;
    }
    double u = rng.nextDouble();
    if (u < 0.2) {
      t.append(rng.chance(0.7) ? "：" : "｜").append(composer.fillerLine(rng, 2, 4));
    } else if (u < 0.25) {
      t.append("，").append(composer.fillerLine(rng, 2, 3));
    }
    double v = rng.nextDouble();
    if (v < 0.03) {
      String brand = rng.pick(BRAND_SYLLABLES).toUpperCase(Locale.ROOT).charAt(0) + rng.pick(BRAND_SYLLABLES).toLowerCase(Locale.ROOT);
      t.insert(0, brand + "'s ");
    } else if (v < 0.05) {
      t.insert(0, "\"" + composer.fillerLine(rng, 1, 2) + "\"");
    } else if (v < 0.06) {
      t.append(" {").append(composer.fillerLine(rng, 1, 1)).append('}');
    } else if (v < 0.09) {
      t.append(' ').append(rng.pick(BRAND_SYLLABLES)).append(1 + rng.nextInt(9)).append('.').append(rng.nextInt(20)).append(" 发布");
    }
    return t.toString();
  }

  /**
   * A file name from the title: dots (the archive drops them), path and glob characters removed,
   * made unique by the post's index.
   */
  static String fileName(String title, long index) {
    StringBuilder sb = new StringBuilder();
    if (title != null) {
      for (int i = 0; i < title.length() && sb.length() < 40; i++) {
        char c = title.charAt(i);
        if (c < 0x20 || "./\\*?[]{}:%\"<>|#!~".indexOf(c) >= 0) {
          continue;
        }
        if (c == ' ' && (sb.length() == 0 || sb.charAt(sb.length() - 1) == ' ')) {
          continue;
        }
        sb.append(c);
      }
    }
    String base = sb.toString().strip();
    return (base.isEmpty() ? "post" : base) + "-" + index;
  }

  // ---------------------------------------------------------------------------------------------

  private GeneratedPost broken(long index) {
    Rng rng = Rng.of(seed, index, BROKEN_SALT);
    SourceProfile source = sources.pick(rng);
    String feed = rng.pick(source.feeds());
    Instant instant = time.random(rng);
    String title = composer.fillerLine(rng, 2, 5);
    List<Paragraph> paragraphs = composer.compose(rng, rng.between(150, 600), List.of(), 0.0);
    if (source.style() == BodyStyle.QA) {
      paragraphs = new ArrayList<>(paragraphs);
      paragraphs.add(0, new Paragraph(composer.fillerLine(rng, 1, 2) + "，" + composer.fillerLine(rng, 2, 3)));
      paragraphs.add(0, new Paragraph(composer.fillerLine(rng, 3, 6)));
    }
    String body = renderer.body(source.style(), paragraphs, rng, index, new int[Placement.values().length]);
    String date = source.style().crawlTime ? TimeSpan.crawlTime(instant) : TimeSpan.rfc1123(instant);
    String image = "https://picsum.photos/400/300?random=" + (index % 10_000);
    PostRenderer.Front front = new PostRenderer.Front(title, source.section(), source.name(), feed, true, date, image, false);
    String path = POSTS_ROOT + "/" + source.section() + "/" + source.name() + "/" + feed + "/" + fileName(title, index) + ".md";
    RejectReason reason;
    String text = null;
    byte[] bytes = null;
    boolean sourceKnown = false;
    int variant = rng.nextInt(17);
    switch (variant) {
      case 0 -> {
        reason = RejectReason.EMPTY_FILE;
        bytes = new byte[0];
      }
      case 1 -> {
        reason = RejectReason.BINARY;
        bytes = png(rng);
      }
      case 2 -> {
        reason = RejectReason.UNDECODABLE;
        bytes = brokenUtf8(PostRenderer.frontMatter(front) + body);
      }
      case 3 -> {
        reason = RejectReason.NO_FRONT_MATTER;
        text = "\n" + body;
      }
      case 4 -> {
        reason = RejectReason.NO_FRONT_MATTER;
        text = PostRenderer.frontMatter(front).replaceFirst("\n---\n", "\n");
      }
      case 5 -> {
        reason = RejectReason.UNCLOSED_FRONT_MATTER;
        String fm = PostRenderer.frontMatter(front);
        text = fm.substring(0, fm.lastIndexOf("---\n")) + "\n" + body;
      }
      case 6 -> {
        reason = RejectReason.INVALID_YAML;
        String fm = PostRenderer.frontMatter(front);
        text = fm.replaceFirst("title: '[^\\n]*'\\n", "title: '" + title + "'s " + composer.fillerLine(rng, 1, 2) + "'\n") + body;
      }
      case 7 -> {
        reason = RejectReason.INVALID_YAML;
        String fm = PostRenderer.frontMatter(front);
        text = fm.replace("\n - ", "\n\t- ") + body;
      }
      case 8 -> {
        reason = RejectReason.BAD_CATEGORIES;
        String fm = PostRenderer.frontMatter(front);
        text = fm.replaceFirst("categories: \\n - [^\\n]*\\n - [^\\n]*\\n - [^\\n]*\\n", "categories: " + source.section() + "\n") + body;
      }
      case 9 -> {
        reason = RejectReason.BAD_CATEGORIES;
        String fm = PostRenderer.frontMatter(front);
        text = fm.replaceFirst("\\n - " + source.section() + "\\n", "\n - " + source.section() + ": " + source.name() + "\n") + body;
      }
      case 10 -> {
        reason = RejectReason.MISSING_SOURCE;
        String fm = PostRenderer.frontMatter(new PostRenderer.Front(title, source.section(), source.name(), feed, false, date, image, false));
        text = fm.replaceFirst("categories: \\n - [^\\n]*\\n - [^\\n]*\\n - [^\\n]*\\n", "") + body;
      }
      case 11 -> {
        reason = RejectReason.MISSING_DATE;
        sourceKnown = true;
        String fm = PostRenderer.frontMatter(front);
        text = (rng.chance(0.5) ? fm.replace("date: " + date + "\n", "") : fm.replace("date: " + date + "\n", "date: \n")) + body;
      }
      case 12, 13 -> {
        reason = RejectReason.INVALID_DATE;
        sourceKnown = true;
        String bad = switch (rng.nextInt(3)) {
          case 0 -> "Invalid Date";
          case 1 -> TimeSpan.crawlTime(instant).replace('-', '/');
          default -> instant.atZone(TimeSpan.ZONE).getYear() + "年" + instant.atZone(TimeSpan.ZONE).getMonthValue() + "月"
              + instant.atZone(TimeSpan.ZONE).getDayOfMonth() + "日";
        };
        text = PostRenderer.frontMatter(new PostRenderer.Front(title, source.section(), source.name(), feed, true, bad, image, false)) + body;
      }
      case 14 -> {
        reason = RejectReason.IMPLAUSIBLE_DATE;
        sourceKnown = true;
        text = PostRenderer.frontMatter(new PostRenderer.Front(title, source.section(), source.name(), feed, true,
            "Thu, 01 Jan 1970 00:00:00 GMT", image, false)) + body;
      }
      default -> {
        reason = RejectReason.EMPTY_TEXT;
        sourceKnown = true;
        text = PostRenderer.frontMatter(front) + (variant == 15 ? renderer.sinaBoilerplateOnly(rng, index) : PostRenderer.imageOnly(index));
      }
    }
    if (bytes == null) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    return new GeneratedPost(index, path, bytes, reason, sourceKnown ? source.index() : -1, -1, 0L, new int[counter.topicCount()], false,
        new int[Placement.values().length], null, null);
  }

  private static byte[] png(Rng rng) {
    byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    byte[] out = Arrays.copyOf(header, header.length + 64 + rng.nextInt(448));
    for (int i = header.length; i < out.length; i++) {
      out[i] = (byte) rng.nextInt(256);
    }
    return out;
  }

  /**
   * UTF-8 with one broken byte in the body (a lead byte replaced by 0xFF): mostly valid UTF-8, so
   * the pipeline must refuse to guess another charset (a GBK file, by contrast, is now decoded).
   */
  private static byte[] brokenUtf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = bytes.length * 2 / 3; i < bytes.length; i++) {
      if ((bytes[i] & 0xF0) == 0xE0) {
        bytes[i] = (byte) 0xFF;
        return bytes;
      }
    }
    throw new IllegalStateException("no multi-byte character to break in the last third of the post");
  }

}
