package org.corpuslens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpuslens.report.ReportData.PeriodTerms;
import org.corpuslens.report.ReportData.ReasonCount;
import org.corpuslens.report.ReportData.SourceRow;
import org.corpuslens.report.ReportData.TermCount;
import org.corpuslens.report.ReportData.TopicSeries;
import org.corpuslens.report.ReportData.TrendView;

/**
 * Renders {@link ReportData} as one self-contained HTML page: styles, the chart library and the
 * page's script inlined, the chart data as JSON in a {@code <script type="application/json">}
 * element, and a Content-Security-Policy that allows no network access at all and only the page's
 * own two scripts (by hash). The source table and run facts are rendered here, escaped with {@link
 * Html#escape}; the charts and the top terms are drawn by the page's script from the JSON, with
 * DOM text APIs only.
 */
public final class HtmlReport {
  private static final String RESOURCES = "org/corpuslens/report/";
  private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z_]+)\\}\\}");

  /** What each reject reason means, from the README, for the rejects table. */
  private static final Map<String, String> REASONS = Map.ofEntries(
      Map.entry("EMPTY_FILE", "0 bytes"),
      Map.entry("BINARY", "NUL bytes, not text"),
      Map.entry("UNDECODABLE", "invalid UTF-8"),
      Map.entry("NO_FRONT_MATTER", "does not start with ---"),
      Map.entry("UNCLOSED_FRONT_MATTER", "no closing --- line"),
      Map.entry("INVALID_YAML", "front matter is not a YAML mapping"),
      Map.entry("BAD_CATEGORIES", "categories is not a list of strings"),
      Map.entry("MISSING_SOURCE", "no author and no second category"),
      Map.entry("MISSING_DATE", "no date"),
      Map.entry("INVALID_DATE", "date in no known format"),
      Map.entry("IMPLAUSIBLE_DATE", "before 1990 or after the run"),
      Map.entry("EMPTY_TEXT", "no text left after extraction"),
      Map.entry("TOO_LARGE", "over --max-file-bytes"),
      Map.entry("UNREADABLE", "could not be read"),
      Map.entry("NOT_A_FILE", "a directory or a symlink loop"),
      Map.entry("PROCESSING_ERROR", "unexpected failure on the file"));

  private HtmlReport() {}

  /** The page of {@code data}, with ECharts from {@code echarts}. */
  public static String render(ReportData data, EChartsBundle echarts) {
    String app = resource("report.js");
    EChartsBundle.requireInlinable(app, "report.js");
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("csp", "default-src 'none'; script-src " + hash(echarts.script()) + " " + hash(app)
        + "; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'");
    slots.put("title", Html.escape(data.title() + " · " + data.tables()));
    slots.put("style", resource("report.css"));
    slots.put("header", header(data));
    slots.put("notes", notes(data.notes()));
    slots.put("grain", Html.escape(data.grain() == null ? "period" : data.grain()));
    slots.put("rules", rules(data));
    slots.put("snippets", snippets(data));
    slots.put("new_terms", newTerms(data));
    slots.put("sources", sourceTable(data));
    slots.put("syndication", syndicationTable(data));
    slots.put("run", runFacts(data));
    slots.put("footer", footer(data, echarts));
    slots.put("data", ScriptJson.write(payload(data)));
    slots.put("echarts", echarts.script());
    slots.put("app", app);
    return fill(resource("report.html"), slots);
  }

  /**
   * Replaces each {@code {{name}}} of the template with its value in one pass: values are never
   * scanned again, so data that looks like a slot stays text.
   */
  static String fill(String template, Map<String, String> slots) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + slots.values().stream().mapToInt(String::length).sum());
    while (m.find()) {
      String value = slots.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("report template slot {{" + m.group(1) + "}} has no value");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The CSP source of an inline script: {@code 'sha256-BASE64'} of its UTF-8 text. */
  static String hash(String script) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("report resource " + RESOURCES + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCES + name, e);
    }
  }

  // ---------------------------------------------------------------- the JSON for the page's script

  /** The data the page's script draws: periods, topics, trend views, top terms. Rounded for size. */
  static Map<String, Object> payload(ReportData d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("grain", d.grain());
    p.put("zone", d.zone());
    p.put("periods", d.periods());
    p.put("topics", d.topics());
    List<Object> views = new ArrayList<>();
    if (d.overall() != null) {
      views.add(view(d.overall(), true));
      for (TrendView v : d.bySource()) {
        views.add(view(v, false));
      }
    }
    p.put("views", views);
    if (d.scaledIndex() != null) {
      Map<String, Object> scaled = new LinkedHashMap<>();
      scaled.put("periods", d.scaledIndex().periods());
      List<Object> series = new ArrayList<>();
      for (ReportData.IndexSeries s : d.scaledIndex().series()) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("topic", s.topic());
        sm.put("index", s.index().stream().map(x -> round(x, 3)).toList());
        sm.put("sourcesUsed", s.sourcesUsed());
        series.add(sm);
      }
      scaled.put("series", series);
      p.put("scaled", scaled);
    }
    List<Object> terms = new ArrayList<>();
    for (PeriodTerms pt : d.topTerms()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("period", pt.period());
      m.put("tokens", pt.tokens());
      List<Object> list = new ArrayList<>();
      for (TermCount t : pt.terms()) {
        list.add(List.of(t.term(), t.count(), round(t.share(), 6)));
      }
      m.put("terms", list);
      terms.add(m);
    }
    p.put("topTerms", terms);
    List<Object> keyTerms = new ArrayList<>();
    for (ReportData.PeriodKeyTerms pk : d.keyTerms()) {
      List<Object> list = new ArrayList<>();
      for (ReportData.KeyTerm t : pk.terms()) {
        list.add(List.of(t.term(), t.count(), t.referenceCount(), round(t.logRatio(), 3), round(t.logLikelihood(), 1)));
      }
      keyTerms.add(Map.of("period", pk.period(), "terms", list));
    }
    p.put("keyTerms", keyTerms);
    List<Object> changes = new ArrayList<>();
    for (ReportData.PeriodChanges pc : d.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("period", pc.period());
      m.put("rising", pc.rising().stream().map(t -> (Object) List.of(t.term(), t.count(), t.previousCount())).toList());
      m.put("falling", pc.falling().stream().map(t -> (Object) List.of(t.term(), t.count(), t.previousCount())).toList());
      changes.add(m);
    }
    p.put("changes", changes);
    return p;
  }

  private static Map<String, Object> view(TrendView v, boolean all) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", v.label());
    m.put("all", all);
    m.put("articles", v.articles());
    m.put("totals", v.totals());
    List<Object> series = new ArrayList<>();
    for (TopicSeries s : v.series()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("topic", s.topic());
      sm.put("share", s.share().stream().map(x -> round(x, 6)).toList());
      sm.put("index", s.index().stream().map(x -> round(x, 3)).toList());
      sm.put("articles", s.articles());
      sm.put("mentions", s.mentions());
      series.add(sm);
    }
    m.put("series", series);
    return m;
  }

  private static Double round(Double x, int decimals) {
    if (x == null || x.isNaN() || x.isInfinite()) {
      return null;
    }
    double f = Math.pow(10, decimals);
    return Math.round(x * f) / f;
  }

  // ---------------------------------------------------------------- formatting

  static String integer(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String integer(Long n) {
    return n == null ? "—" : integer(n.longValue());
  }

  static String decimal(Double x) {
    return x == null || x.isNaN() ? "—" : String.format(Locale.ROOT, "%,.0f", x);
  }

  static String percent(Double share) {
    return share == null || share.isNaN() ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A numeric sort key for {@code data-v}: plain digits, no grouping. */
  private static String key(Number n) {
    return n == null ? "" : String.format(Locale.ROOT, "%s", n);
  }

  // ---------------------------------------------------------------- header, notes, footer

  private static String header(ReportData d) {
    JsonNode s = d.summary();
    StringBuilder b = new StringBuilder();
    b.append("<header class=\"hero\"><div class=\"wrap\">");
    b.append("<p class=\"eyebrow\">CorpusLens · run report</p>");
    b.append("<h1>").append(Html.escape(d.title())).append("</h1>");
    b.append("<p class=\"sub\">Tables <code>").append(Html.escape(d.tables())).append("</code> · generated ")
        .append(Html.escape(shortInstant(d.generatedAt()))).append(" UTC</p>");
    b.append("<div class=\"kpis\">");
    Long inputs = number(s, "input_files");
    Long articles = number(s, "articles");
    Long rejects = number(s, "rejects");
    if (articles == null && d.overall() != null) {
      articles = d.overall().articles();
    }
    if (rejects == null && !d.rejectsByReason().isEmpty()) {
      rejects = d.rejectsByReason().stream().mapToLong(ReasonCount::count).sum();
    }
    kpi(b, "Input files", integer(inputs), null);
    Long duplicates = number(s, "duplicates");
    kpi(b, "Articles", integer(articles), duplicates != null && duplicates > 0 ? integer(duplicates) + " duplicates" : null);
    kpi(b, "Rejects", integer(rejects),
        inputs != null && rejects != null && inputs > 0 ? percent(rejects / (double) inputs) + " of the files" : null);
    long withArticles = d.sources().stream().filter(r -> r.articles() > 0).count();
    kpi(b, "Sources", integer(withArticles), d.sources().size() > withArticles ? integer((long) d.sources().size() - withArticles) + " with rejects only" : null);
    kpi(b, "Periods", integer((long) d.periods().size()), d.grain() == null ? null : "by " + d.grain());
    String[] range = dateRange(d.sources());
    kpi(b, "Date range", range == null ? "—" : range[0] + " – " + range[1], "dates in " + d.zone());
    b.append("</div></div></header>");
    return b.toString();
  }

  private static void kpi(StringBuilder b, String label, String value, String note) {
    b.append("<div class=\"kpi").append(value.length() > 12 ? " wide" : "").append("\"><div class=\"kpi-label\">").append(Html.escape(label)).append("</div>")
        .append("<div class=\"kpi-value\">").append(Html.escape(value)).append("</div>");
    if (note != null) {
      b.append("<div class=\"kpi-note\">").append(Html.escape(note)).append("</div>");
    }
    b.append("</div>");
  }

  /** The first and last local dates over all sources, or null. */
  static String[] dateRange(List<SourceRow> sources) {
    String first = null;
    String last = null;
    for (SourceRow r : sources) {
      if (r.firstDate() != null && (first == null || r.firstDate().compareTo(first) < 0)) {
        first = r.firstDate();
      }
      if (r.lastDate() != null && (last == null || r.lastDate().compareTo(last) > 0)) {
        last = r.lastDate();
      }
    }
    return first == null ? null : new String[] {first, last};
  }

  private static String notes(List<String> notes) {
    if (notes.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<aside class=\"notes\"><ul>");
    for (String n : notes) {
      b.append("<li>").append(Html.escape(n)).append("</li>");
    }
    return b.append("</ul></aside>").toString();
  }

  private static String footer(ReportData d, EChartsBundle echarts) {
    String version = ReportBuilder.text(d.summary(), "versions", "corpuslens");
    return "<footer><div class=\"wrap\">Built by CorpusLens" + (version == null ? "" : " " + Html.escape(version))
        + " from the Parquet tables under <code>" + Html.escape(d.tables()) + "</code>. Charts: Apache ECharts "
        + Html.escape(echarts.version()) + " (Apache License 2.0), inlined. This page loads nothing from the network.</div></footer>";
  }

  // ---------------------------------------------------------------- rules and snippets

  private static String rules(ReportData d) {
    if (d.rules().isEmpty()) {
      return "<p class=\"empty\">The rules of the topics are not known (no lexicon rules in run_summary.json).</p>";
    }
    StringBuilder b = new StringBuilder("<ul class=\"rules\">");
    d.rules().forEach((topic, rule) -> b.append("<li><b>").append(Html.escape(topic)).append("</b>: ")
        .append(Html.escape(rule)).append("</li>"));
    return b.append("</ul>").toString();
  }

  private static String snippets(ReportData d) {
    if (d.snippets().isEmpty()) {
      return "<p class=\"empty\">No counted mentions (the topic_mentions table is empty or missing).</p>";
    }
    StringBuilder b = new StringBuilder("<div class=\"table-scroll\"><table class=\"data\" id=\"snippet-table\"><thead><tr>"
        + "<th>Topic</th><th>Date</th><th>Source</th><th>Mention</th></tr></thead><tbody>");
    for (ReportData.Snippet sn : d.snippets()) {
      b.append("<tr><td>").append(Html.escape(sn.topic())).append("</td><td>").append(Html.escape(sn.date()))
          .append("</td><td>").append(Html.escape(sn.source())).append("</td><td class=\"snippet\">")
          .append(markFirst(sn.snippet(), sn.term())).append("</td></tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  /** {@code snippet} escaped, its first occurrence of {@code term} in {@code <mark>}. */
  static String markFirst(String snippet, String term) {
    if (snippet == null) {
      return "";
    }
    int at = term == null || term.isEmpty() ? -1 : snippet.indexOf(term);
    if (at < 0) {
      return Html.escape(snippet);
    }
    return Html.escape(snippet.substring(0, at)) + "<mark>" + Html.escape(term) + "</mark>"
        + Html.escape(snippet.substring(at + term.length()));
  }

  // ---------------------------------------------------------------- new words

  private static String newTerms(ReportData d) {
    if (d.newTerms().isEmpty()) {
      return "<p class=\"empty\">No new words: the new_terms table is empty, or was not computed (it is written by <code>run --new-terms</code> or <code>analyze --new-terms</code>).</p>";
    }
    StringBuilder b = new StringBuilder("<div class=\"table-scroll\"><table class=\"data\" id=\"new-terms-table\"><thead><tr>"
        + "<th>#</th><th>Word</th><th>First seen</th><th>Occurrences</th><th>Articles</th><th>Cohesion (bits)</th>"
        + "<th>Neighbour entropy (bits)</th></tr></thead><tbody>");
    for (ReportData.NewTerm t : d.newTerms()) {
      b.append("<tr><td class=\"num\">").append(t.rank()).append("</td><td class=\"term\">").append(Html.escape(t.term()))
          .append("</td><td>").append(Html.escape(t.firstPeriod())).append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%,d", t.count())).append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%,d", t.docCount())).append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.1f", t.cohesion())).append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.2f", t.entropy())).append("</td></tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  // ---------------------------------------------------------------- syndication

  private static String syndicationTable(ReportData d) {
    List<ReportData.SyndicationRow> rows = d.syndication();
    if (rows.isEmpty()) {
      return "<p class=\"empty\">No copies: no article is an exact or near duplicate of an earlier one (table "
          + "syndication), or the table is missing.</p>";
    }
    boolean hasExact = rows.stream().anyMatch(r -> r.exact() != null);
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"table-scroll\"><table class=\"data sortable\" id=\"syndication-table\"><thead><tr>");
    th(b, "First published by", "text", null);
    th(b, "Copied by", "text", null);
    th(b, "Copies", "num", "descending");
    if (hasExact) {
      th(b, "Exact copies", "num", null);
    }
    th(b, "Median delay", "num", null);
    b.append("</tr></thead><tbody>");
    for (ReportData.SyndicationRow r : rows) {
      b.append("<tr>");
      sourceHeader(b, r.source());
      b.append("<td data-v=\"").append(Html.escape(r.copiedBy())).append("\">").append(sourceName(r.copiedBy()))
          .append(r.copiedBy() != null && r.copiedBy().equals(r.source()) ? " <span class=\"muted\">(re-posted)</span>" : "")
          .append("</td>");
      td(b, key(r.articles()), integer(r.articles()));
      if (hasExact) {
        td(b, key(r.exact()), integer(r.exact()));
      }
      td(b, key(r.medianDelayMinutes()), delay(r.medianDelayMinutes()));
      b.append("</tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  /** A delay in minutes as a reader says it: 45 min, 3.5 h, 2.0 d; a dash when unknown. */
  static String delay(Double minutes) {
    if (minutes == null || minutes.isNaN()) {
      return "—";
    }
    double m = minutes;
    if (Math.abs(m) < 60) {
      return String.format(Locale.ROOT, "%.0f min", m);
    }
    if (Math.abs(m) < 48 * 60) {
      return String.format(Locale.ROOT, "%.1f h", m / 60);
    }
    return String.format(Locale.ROOT, "%.1f d", m / (24 * 60));
  }

  /** A row's header cell naming a source (sorted by the name; an unknown source in italics). */
  private static void sourceHeader(StringBuilder b, String source) {
    b.append("<th scope=\"row\" data-v=\"").append(Html.escape(source)).append("\">").append(sourceName(source)).append("</th>");
  }

  private static String sourceName(String source) {
    return source == null ? "<em>unknown</em>" : Html.escape(source);
  }

  // ---------------------------------------------------------------- the source table

  private static String sourceTable(ReportData d) {
    List<SourceRow> rows = d.sources();
    if (rows.isEmpty()) {
      return "<p class=\"empty\">No sources: the source_stats table is empty or missing.</p>";
    }
    List<String> topics = new ArrayList<>(d.topics());
    for (SourceRow r : rows) {
      for (String t : r.topicShares().keySet()) {
        if (!topics.contains(t)) {
          topics.add(t);
        }
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"table-scroll\"><table class=\"data sortable\" id=\"source-table\"><thead><tr>");
    th(b, "Source", "text", null);
    th(b, "Articles", "num", "descending");
    th(b, "First", "text", null);
    th(b, "Last", "text", null);
    th(b, "Active days", "num", null);
    th(b, "Mean length", "num", null);
    th(b, "Median length", "num", null);
    if (d.hasDuplicates()) {
      th(b, "Duplicates", "num", null);
    }
    th(b, "Rejects", "num", null);
    for (String t : topics) {
      th(b, t, "num", null);
    }
    b.append("</tr></thead><tbody>");
    for (SourceRow r : rows) {
      b.append("<tr>");
      sourceHeader(b, r.source());
      td(b, key(r.articles()), integer(r.articles()));
      b.append("<td data-v=\"").append(Html.escape(r.firstDate())).append("\">").append(r.firstDate() == null ? "—" : Html.escape(r.firstDate())).append("</td>");
      b.append("<td data-v=\"").append(Html.escape(r.lastDate())).append("\">").append(r.lastDate() == null ? "—" : Html.escape(r.lastDate())).append("</td>");
      td(b, key(r.activeDays()), integer(r.activeDays()));
      td(b, key(r.meanChars()), decimal(r.meanChars()));
      td(b, key(r.medianChars()), decimal(r.medianChars()));
      if (d.hasDuplicates()) {
        td(b, key(r.duplicates()), integer(r.duplicates()));
      }
      td(b, key(r.rejects()), integer(r.rejects()));
      for (String t : topics) {
        Double share = r.articles() == 0 ? null : r.topicShares().get(t);
        String style = share == null ? "" : String.format(Locale.ROOT, " style=\"--heat:%.3f\"", Math.min(1.0, share));
        b.append("<td class=\"heat\"").append(style).append(" data-v=\"").append(key(share)).append("\">")
            .append(percent(share)).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div>");
    return b.toString();
  }

  private static void th(StringBuilder b, String label, String type, String sort) {
    b.append("<th scope=\"col\" data-type=\"").append(type).append("\"")
        .append(sort == null ? "" : " aria-sort=\"" + sort + "\"")
        .append("><button type=\"button\">").append(Html.escape(label)).append("</button></th>");
  }

  private static void td(StringBuilder b, String key, String text) {
    b.append("<td data-v=\"").append(Html.escape(key)).append("\">").append(Html.escape(text)).append("</td>");
  }

  // ---------------------------------------------------------------- run facts

  private static String runFacts(ReportData d) {
    JsonNode s = d.summary();
    StringBuilder b = new StringBuilder("<div class=\"facts\"><div class=\"facts-col\">");

    // rejects by reason (from the rejects table)
    b.append("<div class=\"card\"><h3>Rejects by reason</h3>");
    if (d.rejectsByReason().isEmpty()) {
      b.append("<p class=\"empty\">No rejects: every input file became an article.</p>");
    } else {
      long total = d.rejectsByReason().stream().mapToLong(ReasonCount::count).sum();
      long max = d.rejectsByReason().stream().mapToLong(ReasonCount::count).max().orElse(1);
      b.append("<table class=\"data compact\" id=\"reject-table\"><thead><tr><th scope=\"col\" class=\"text\">Reason</th><th scope=\"col\" class=\"text\">Meaning</th>")
          .append("<th scope=\"col\" class=\"num\">Files</th><th scope=\"col\" class=\"bar-col\"></th></tr></thead><tbody>");
      for (ReasonCount r : d.rejectsByReason()) {
        b.append("<tr><th scope=\"row\"><code>").append(Html.escape(r.reason() == null ? "(none)" : r.reason())).append("</code></th>")
            .append("<td class=\"muted\">").append(Html.escape(r.reason() == null ? "" : REASONS.getOrDefault(r.reason(), ""))).append("</td>")
            .append("<td class=\"num\">").append(integer(r.count())).append("</td>")
            .append(String.format(Locale.ROOT, "<td class=\"bar-col\"><span class=\"bar\" style=\"width:%.1f%%\"></span></td>", 100.0 * r.count() / max))
            .append("</tr>");
      }
      b.append("</tbody><tfoot><tr><th scope=\"row\" class=\"text\">Total</th><td></td><td class=\"num\">").append(integer(total))
          .append("</td><td></td></tr></tfoot></table>");
    }
    b.append("</div>");
    card(b, "Options", s == null ? null : s.get("options"), "No options recorded.");
    b.append("</div><div class=\"facts-col\">");

    // the run
    b.append("<div class=\"card\"><h3>Run</h3>");
    if (s == null) {
      b.append("<p class=\"empty\">No run_summary.json in the tables directory.</p>");
    } else {
      Map<String, String> run = new LinkedHashMap<>();
      run.put("Command", ReportBuilder.text(s, "command"));
      run.put("Input files", integer(number(s, "input_files")));
      run.put("Articles", integer(number(s, "articles")));
      Long duplicates = number(s, "duplicates");
      if (duplicates != null) {
        JsonNode keep = s.get("keep_duplicates");
        run.put("Duplicates", integer(duplicates) + (keep == null ? "" : keep.asBoolean() ? " (kept in the figures)" : " (left out of the figures)"));
      }
      run.put("Rejects", integer(number(s, "rejects")));
      run.put("Started", shortInstant(ReportBuilder.text(s, "started_at")) + " UTC");
      run.put("Finished", shortInstant(ReportBuilder.text(s, "finished_at")) + " UTC");
      run.put("Wall time", duration(ReportBuilder.text(s, "started_at"), ReportBuilder.text(s, "finished_at")));
      run.put("Period", d.grain());
      run.put("Zone", d.zone());
      run.put("Topics", String.join(", ", d.topics()));
      run.put("Lexicon", ReportBuilder.text(s, "lexicon", "origin"));
      String sha = ReportBuilder.text(s, "lexicon", "sha256");
      run.put("Lexicon SHA-256", sha == null ? null : sha.substring(0, Math.min(16, sha.length())) + "…");
      run.values().removeIf(v -> v == null || v.equals("null UTC"));
      definitions(b, run);
    }
    b.append("</div>");
    card(b, "Versions", s == null ? null : s.get("versions"), "No versions recorded.");
    JsonNode timings = s == null ? null : s.get("timings");
    if (timings != null && timings.isObject() && !timings.isEmpty()) {
      card(b, "Timings", timings, null);
    }
    b.append("</div></div>");
    return b.toString();
  }

  /** A card of the fields of a summary object, or of {@code empty} when there are none. */
  private static void card(StringBuilder b, String title, JsonNode object, String empty) {
    b.append("<div class=\"card\"><h3>").append(Html.escape(title)).append("</h3>");
    if (object == null || !object.isObject() || object.isEmpty()) {
      b.append("<p class=\"empty\">").append(Html.escape(empty)).append("</p>");
    } else {
      definitions(b, flatten(object));
    }
    b.append("</div>");
  }

  private static Map<String, String> flatten(JsonNode object) {
    Map<String, String> m = new LinkedHashMap<>();
    flatten("", object, m);
    return m;
  }

  /** Fields as text: lists joined, integers grouped, {@code *_s} as seconds, nested objects prefixed. */
  private static void flatten(String prefix, JsonNode object, Map<String, String> m) {
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(key + ".", v, m);
      } else if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.isValueNode() ? x.asText() : x.toString()));
        m.put(key, String.join(", ", parts));
      } else if (v.isNumber() && key.endsWith("_s")) {
        m.put(key.substring(0, key.length() - 2), String.format(Locale.ROOT, "%,.1f s", v.asDouble()));
      } else if (v.isIntegralNumber()) {
        m.put(key, integer(v.asLong()));
      } else {
        m.put(key, v.asText());
      }
    }
  }

  private static void definitions(StringBuilder b, Map<String, String> entries) {
    b.append("<dl class=\"defs\">");
    entries.forEach((k, v) -> {
      if (v != null) {
        b.append("<dt>").append(Html.escape(k)).append("</dt><dd>").append(Html.escape(v)).append("</dd>");
      }
    });
    b.append("</dl>");
  }

  private static Long number(JsonNode summary, String field) {
    JsonNode n = summary == null ? null : summary.get(field);
    return n != null && n.isNumber() ? n.asLong() : null;
  }

  /** {@code 2026-11-29T08:50:12.70194Z} as {@code 2026-11-29 08:50:12}; other text unchanged. */
  static String shortInstant(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      Instant i = Instant.parse(iso);
      String s = i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
      return s.replace('T', ' ').replace("Z", "");
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  static String duration(String from, String to) {
    if (from == null || to == null) {
      return null;
    }
    try {
      Duration d = Duration.between(Instant.parse(from), Instant.parse(to));
      long s = d.toSeconds();
      return s < 60 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
          : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
