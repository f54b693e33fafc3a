package org.corpuslens.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.corpuslens.analytics.Topic;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.analytics.TopicMatcher;

/**
 * Topic matching alone, one thread, on the texts of a run's {@code articles} table: the one-pass
 * {@link TopicMatcher} (rules, counts and mention rows with snippets, or counts only) against the
 * previous way, one regular-expression scan per topic ({@code regexp_count} of each topic's {@link
 * Topic#mentionRegex()}). Prints one line per lexicon and method with the median of the runs. Used by
 * {@code jobs/bench-topics.sh}; not a test.
 *
 * <p>Usage: {@code TopicMatcherThroughput TABLES_DIR RUNS LEXICON_FILE...} ({@code default} for the
 * built-in lexicon).
 */
public final class TopicMatcherThroughput {
  private TopicMatcherThroughput() {}

  public static void main(String[] args) throws Exception {
    Path tables = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<String> titles = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    long chars = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT title, text FROM read_parquet('" + tables.resolve("articles")
            + "/**/*.parquet') ORDER BY article_id")) {
      while (rs.next()) {
        titles.add(rs.getString(1));
        texts.add(rs.getString(2));
        chars += rs.getString(2).length();
      }
    }
    for (int a = 2; a < args.length; a++) {
      TopicLexicon lexicon = args[a].equals("default") ? TopicLexicon.defaults()
          : TopicLexicon.parse(Files.readString(Path.of(args[a]), StandardCharsets.UTF_8), args[a]);
      int terms = lexicon.allKeywords().size();
      TopicMatcher matcher = new TopicMatcher(lexicon);
      List<Pattern> regexes = lexicon.topics().stream().map(t -> Pattern.compile(t.mentionRegex())).toList();
      long[] sink = new long[1];
      Runnable counts = () -> {
        for (int i = 0; i < texts.size(); i++) {
          sink[0] += matcher.match(titles.get(i), texts.get(i), false).counts()[0];
        }
      };
      Runnable mentions = () -> {
        for (int i = 0; i < texts.size(); i++) {
          sink[0] += matcher.match(titles.get(i), texts.get(i), true).mentions().size();
        }
      };
      Runnable regex = () -> {
        for (String t : texts) {
          for (Pattern p : regexes) {
            var m = p.matcher(t);
            while (m.find()) {
              sink[0]++;
            }
          }
        }
      };
      for (String[] method : new String[][] {{"matcher, counts", "c"}, {"matcher, counts + mention rows", "m"},
          {"one regex per topic (before)", "r"}}) {
        Runnable r = switch (method[1]) {
          case "c" -> counts;
          case "m" -> mentions;
          default -> regex;
        };
        r.run(); // warm-up
        double[] seconds = new double[runs];
        for (int k = 0; k < runs; k++) {
          long t0 = System.nanoTime();
          r.run();
          seconds[k] = (System.nanoTime() - t0) / 1e9;
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[runs / 2];
        System.out.printf(Locale.ROOT, "| %s | %d topics, %d terms | %s | %d | %.1f | %.2f |%n", args[a], lexicon.topics().size(),
            terms, method[0], texts.size(), chars / median / 1e6, median);
      }
      if (sink[0] == Long.MIN_VALUE) {
        System.out.println(); // keeps the work from being optimised away
      }
    }
  }
}
