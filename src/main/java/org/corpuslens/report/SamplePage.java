package org.corpuslens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@code sample} command's output: a CSV for the audit (one row per sampled article, with an
 * empty {@code relevant} column for the auditor) and a self-contained HTML page showing each
 * sampled article with its counted mentions highlighted. Everything from the data is escaped.
 */
public final class SamplePage {
  private SamplePage() {}

  /** One counted mention: {@code offset} in code points of {@code field} ({@code title} or {@code text}). */
  public record Hit(String field, int offset, String term, String rulePart) {}

  /** One sampled article of one topic. */
  public record Article(
      String topic, String period, String source, String articleId, String title, String text, long mentionCount,
      List<Hit> hits, String snippet) {}

  static final List<String> CSV_COLUMNS = List.of(
      "topic", "period", "source", "article_id", "title", "mention_count", "terms", "snippet", "relevant");

  /** RFC 4180 CSV, UTF-8, one row per article; {@code relevant} is left for the auditor (yes / no). */
  public static String csv(List<Article> articles) {
    StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
    for (Article a : articles) {
      List<String> cells = List.of(a.topic(), a.period(), a.source(), a.articleId(), a.title() == null ? "" : a.title(),
          Long.toString(a.mentionCount()), terms(a), a.snippet() == null ? "" : a.snippet(), "");
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(csvCell(cells.get(i)));
      }
      b.append("\r\n");
    }
    return b.toString();
  }

  static String csvCell(String s) {
    // a leading = + - @ would be read as a formula by spreadsheets: quote and prefix it
    boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
    if (!formula && s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return s;
    }
    return "\"" + (formula ? "'" : "") + s.replace("\"", "\"\"") + "\"";
  }

  private static String terms(Article a) {
    LinkedHashSet<String> terms = new LinkedHashSet<>();
    a.hits().forEach(h -> terms.add(h.term()));
    return String.join(";", terms);
  }

  /** The page: per topic, its rule in words (when known) and the sampled articles, mentions marked. */
  public static String html(List<Article> articles, Map<String, String> rules, long seed, int perTopic) {
    Map<String, List<Article>> byTopic = new LinkedHashMap<>();
    for (Article a : articles) {
      byTopic.computeIfAbsent(a.topic(), t -> new ArrayList<>()).add(a);
    }
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        .append("<title>CorpusLens sample for a precision audit</title><style>")
        .append("body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}")
        .append("article{border-top:1px solid #ccc;padding:.5em 0}mark{background:#fd6}")
        .append(".meta{color:#555;font-size:.9em}.text{white-space:pre-wrap}</style></head><body>\n")
        .append("<h1>Sample of matching articles</h1><p>Up to ").append(perTopic)
        .append(" articles per topic, spread over the periods, seed ").append(seed)
        .append(". Highlighted: the mentions the topic's rule counted. Mark each article relevant or not in the CSV.</p>\n");
    for (Map.Entry<String, List<Article>> e : byTopic.entrySet()) {
      b.append("<section><h2>").append(Html.escape(e.getKey())).append(" (").append(e.getValue().size())
          .append(" articles)</h2>");
      String rule = rules.get(e.getKey());
      if (rule != null) {
        b.append("<p>Rule: ").append(Html.escape(rule)).append("</p>");
      }
      for (Article a : e.getValue()) {
        b.append("\n<article><h3>").append(highlight(a.title(), a.hits(), "title")).append("</h3>")
            .append("<p class=\"meta\">").append(Html.escape(a.period())).append(" · ").append(Html.escape(a.source()))
            .append(" · ").append(Html.escape(a.articleId())).append(" · ").append(a.mentionCount())
            .append(" mentions: ").append(Html.escape(terms(a))).append("</p><div class=\"text\">")
            .append(highlight(a.text(), a.hits(), "text")).append("</div></article>");
      }
      b.append("</section>\n");
    }
    return b.append("</body></html>\n").toString();
  }

  /** {@code s} escaped, with the hits of {@code field} wrapped in {@code <mark>}. */
  static String highlight(String s, List<Hit> hits, String field) {
    if (s == null) {
      return "";
    }
    List<Hit> mine = new ArrayList<>(hits.stream().filter(h -> h.field().equals(field)).toList());
    mine.sort(Comparator.comparingInt(Hit::offset));
    StringBuilder b = new StringBuilder();
    int at = 0; // char index written so far
    int cps = s.codePointCount(0, s.length());
    for (Hit h : mine) {
      if (h.offset() < 0 || h.offset() >= cps) {
        continue; // a hit that does not fit the text (tables of different runs): shown unmarked
      }
      int start = s.offsetByCodePoints(0, h.offset());
      int end = Math.min(s.length(), start + h.term().length());
      if (start < at || !s.startsWith(h.term(), start)) {
        continue;
      }
      b.append(Html.escape(s.substring(at, start))).append("<mark>").append(Html.escape(s.substring(start, end)))
          .append("</mark>");
      at = end;
    }
    return b.append(Html.escape(s.substring(at))).toString();
  }
}
