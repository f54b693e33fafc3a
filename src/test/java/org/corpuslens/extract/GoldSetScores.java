package org.corpuslens.extract;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.corpuslens.ingest.Post;
import org.corpuslens.ingest.PostParser;
import org.corpuslens.ingest.RejectException;

/**
 * Scores the extractor on a gold set kept outside the repository (real posts or pages, which the
 * project may not copy in): {@code GoldSetScores DIR [-v]}. Every {@code NN.md} (an archive post,
 * front matter and body, extracted as the pipeline does) or {@code NN.html} (a saved page) under
 * {@code DIR} with an {@code NN.txt} beside it (the gold paragraphs, one a line) is scored with the
 * strict paragraph measure; {@code NN.properties} may give {@code editor}, {@code originalSource}
 * (posts) and {@code url}, {@code title}, {@code published_at}, {@code source}, {@code editor},
 * {@code author} (pages). {@code -v} prints each case's missed ({@code -}) and extra ({@code +})
 * lines. How the real sets of {@code bench/pages-extraction.md} were made: {@code
 * bench/gold-brief-posts.md}, {@code bench/gold-brief-pages.md}.
 */
public final class GoldSetScores {

  private GoldSetScores() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    boolean verbose = args.length > 1 && args[1].equals("-v");
    List<Path> cases;
    try (Stream<Path> files = Files.walk(root)) {
      cases = files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".html")).sorted().toList();
    }
    PostParser parser = new PostParser();
    ParagraphScore total = new ParagraphScore(0, 0, 0);
    int n = 0;
    int[] fields = new int[6]; // editor, source, title, date, author, pages with an author
    int pages = 0;
    for (Path file : cases) {
      String base = file.toString().substring(0, file.toString().lastIndexOf('.'));
      Path goldFile = Path.of(base + ".txt");
      if (!Files.exists(goldFile)) {
        continue;
      }
      List<String> gold = Files.readAllLines(goldFile, StandardCharsets.UTF_8);
      Properties meta = new Properties();
      Path propFile = Path.of(base + ".properties");
      if (Files.exists(propFile)) {
        try (Reader r = Files.newBufferedReader(propFile, StandardCharsets.UTF_8)) {
          meta.load(r);
        }
      }
      String input = Files.readString(file, StandardCharsets.UTF_8);
      List<String> got;
      List<String> wrong = new ArrayList<>();
      if (file.toString().endsWith(".md")) {
        ExtractedText t;
        try {
          Post post = parser.parse(input);
          t = HtmlTextExtractor.extractPost(post.body(), post.frontMatter().title());
        } catch (RejectException e) {
          t = new ExtractedText(List.of(), 0, null, null);
          wrong.add("rejected: " + e.getMessage());
        }
        got = t.paragraphs();
        fields[0] += check(wrong, "editor", t.editor(), meta);
        fields[1] += check(wrong, "originalSource", t.originalSource(), meta);
      } else {
        PageText page = PageExtractor.extract(input, value(meta, "url"));
        got = page.paragraphs();
        pages++;
        fields[0] += check(wrong, "editor", page.editor(), meta);
        fields[1] += check(wrong, "source", page.source(), meta);
        fields[2] += check(wrong, "title", page.title(), meta);
        String date = value(meta, "published_at");
        boolean dated = Objects.equals(page.publishedAt(), date == null ? null : Instant.parse(date));
        fields[3] += dated ? 1 : 0;
        if (!dated) {
          wrong.add("published_at " + page.publishedAt() + " (gold " + date + ")");
        }
        if (value(meta, "author") != null) {
          fields[5]++;
          fields[4] += check(wrong, "author", page.author(), meta);
        }
      }
      ParagraphScore s = ParagraphScore.of(got, gold);
      total = total.plus(s);
      n++;
      System.out.printf(Locale.ROOT, "%-24s P %.3f R %.3f F1 %.3f%s%n", root.relativize(file), s.precision(), s.recall(), s.f1(),
          wrong.isEmpty() ? "" : "  " + String.join("; ", wrong));
      if (verbose && s.f1() < 1) {
        printDiff(got, gold);
      }
    }
    System.out.printf(Locale.ROOT, "micro P %.3f R %.3f F1 %.3f over %d cases (%d gold paragraphs); editors %d, sources %d of %d",
        total.precision(), total.recall(), total.f1(), n, total.gold(), fields[0], fields[1], n);
    if (pages > 0) {
      System.out.printf(Locale.ROOT, "; of %d pages: titles %d, dates %d, authors %d of %d", pages, fields[2], fields[3], fields[4], fields[5]);
    }
    System.out.println();
  }

  private static String value(Properties meta, String key) {
    String v = meta.getProperty(key);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static int check(List<String> wrong, String key, String got, Properties meta) {
    String want = value(meta, key);
    if (Objects.equals(got, want)) {
      return 1;
    }
    wrong.add(key + " '" + got + "' (gold '" + want + "')");
    return 0;
  }

  /** Prints the gold lines {@code got} misses ({@code -}) and the lines it has beyond the gold ({@code +}). */
  static void printDiff(List<String> got, List<String> gold) {
    Map<String, Integer> left = new HashMap<>();
    for (String g : gold) {
      left.merge(Whitespace.normalize(g), 1, Integer::sum);
    }
    List<String> extra = new ArrayList<>();
    for (String e : got) {
      String k = Whitespace.normalize(e);
      Integer c = left.get(k);
      if (c != null && c > 0) {
        left.put(k, c - 1);
      } else {
        extra.add(k);
      }
    }
    for (String g : gold) {
      String k = Whitespace.normalize(g);
      Integer c = left.get(k);
      if (c != null && c > 0) {
        left.put(k, c - 1);
        System.out.println("   - " + k);
      }
    }
    for (String e : extra) {
      System.out.println("   + " + e);
    }
  }
}
