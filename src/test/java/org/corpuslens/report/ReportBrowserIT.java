package org.corpuslens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the {@code sample-data/} run, opened in headless Chromium (Debian's package; the
 * test is skipped when no chromium binary exists): no console errors, no network requests, the
 * charts drawn with one series per topic and one point per period and the figures of the ground
 * truth ({@code sample-data/expected.json}), the source switch, the top terms and the sortable
 * source table checked against the tables (read with DuckDB); a screenshot is saved as {@code
 * target/report-screenshot.png}. A second page, rendered from hostile strings, must show them as
 * text and run no script of theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserIT {
  private static final String EVIL = "</script><script>alert(1)</script>";

  private Path tmp;
  private Path out;
  private JsonNode expected;
  private HeadlessChromium chromium;
  private Duck duck;
  private Cli.Result run;

  @BeforeAll
  void runSampleData(@TempDir Path tempDir) throws Exception {
    tmp = tempDir;
    Path sample = Cli.projectDir().resolve("sample-data");
    expected = new ObjectMapper().readTree(sample.resolve("expected.json").toFile());
    out = tmp.resolve("out");
    // the posts and the dumps of the other formats, as SampleDataRunIT reads them (expected.json covers both)
    run = Cli.run(tmp.resolve("run.log"), "run", "--input", sample.resolve("source").toString(), sample.resolve("dumps").toString(),
        "--pattern", "*.md,*.html,*.htm,*.json,*.csv,*.xml,*.txt", "--output", out.toString(), "--master", "local[2]", "--new-terms");
    assertThat(run.exitCode()).as(run.output()).isZero();
    duck = new Duck();
  }

  /** The browser, started on first use; the calling test is skipped when there is no chromium. */
  private HeadlessChromium chromium() throws Exception {
    Path binary = HeadlessChromium.binary().orElse(null);
    Assumptions.assumeTrue(binary != null, "no chromium binary (apt-get install chromium): browser test skipped");
    if (chromium == null) {
      chromium = HeadlessChromium.start(binary, tmp);
    }
    return chromium;
  }

  @AfterAll
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (duck != null) {
      duck.close();
    }
  }

  private String t(String name) {
    return Duck.table(out, name);
  }

  private static final String READY = "document.documentElement.getAttribute('data-report-ready') === 'true'";

  /** Series of the three charts: name, type, number of points and the values. */
  private static final String CHARTS =
      "(function () { var r = {}; ['share', 'index', 'volume'].forEach(function (n) {"
          + " var el = document.getElementById('chart-' + n); var o = echarts.getInstanceByDom(el).getOption();"
          + " r[n] = { svgPaths: el.querySelectorAll('svg path').length, width: el.getBoundingClientRect().width,"
          + "  x: o.xAxis[0].data, series: o.series.map(function (s) { return { name: s.name, type: s.type,"
          + "  points: s.data.length, values: s.data }; }) }; }); return r; })()";

  @Test
  void theSampleReportIsDrawnOfflineWithoutErrorsAndMatchesTheTables() throws Exception {
    assertThat(run.output()).contains("report: ");
    Path report = out.resolve("report.html");
    assertThat(report).isRegularFile();
    String url = report.toUri().toString();
    HeadlessChromium chromium = chromium();
    int from = chromium.events().size();
    chromium.open(url, READY);

    // the ground truth: topics, periods, per-period totals and shares
    List<String> topics = List.of("科技创新", "数字经济", "生物医药", "绿色金融");
    TreeMap<String, Long> totals = new TreeMap<>();
    Map<String, Double> share = new HashMap<>();
    for (JsonNode r : expected.get("topic_trends")) {
      totals.put(r.get("period").asText(), r.get("total_articles").asLong());
      share.put(r.get("period").asText() + "|" + r.get("topic").asText(), r.get("article_count").asDouble() / r.get("total_articles").asDouble());
    }
    List<String> periods = new ArrayList<>(totals.keySet());
    assertThat(periods).hasSize(10); // 7 months of posts, 3 of the dumps (2016-04, 2023-03, 2026-06)

    JsonNode charts = chromium.eval(CHARTS);
    for (String chart : List.of("share", "index")) {
      JsonNode c = charts.get(chart);
      assertThat(c.get("svgPaths").asInt()).as(chart + " drawn").isGreaterThan(topics.size());
      assertThat(c.get("width").asDouble()).isGreaterThan(600);
      assertThat(texts(c.get("x"))).containsExactlyElementsOf(periods.stream().map(p -> p.substring(0, 7)).toList());
      assertThat(c.get("series")).hasSize(topics.size());
      for (int k = 0; k < topics.size(); k++) {
        JsonNode s = c.get("series").get(k);
        assertThat(s.get("name").asText()).isEqualTo(topics.get(k));
        assertThat(s.get("type").asText()).isEqualTo("line");
        assertThat(s.get("points").asInt()).as(chart + " " + topics.get(k)).isEqualTo(periods.size());
        for (int i = 0; i < periods.size(); i++) {
          assertThat(s.get("values").get(i).isNumber()).as(chart + " " + topics.get(k) + " " + periods.get(i)).isTrue();
          if (chart.equals("share")) {
            assertThat(s.get("values").get(i).asDouble()).isCloseTo(share.get(periods.get(i) + "|" + topics.get(k)), within(1e-6));
          }
        }
      }
    }
    JsonNode volume = charts.get("volume");
    assertThat(volume.get("series")).hasSize(1);
    assertThat(volume.get("series").get(0).get("points").asInt()).isEqualTo(periods.size());
    List<Long> bars = new ArrayList<>();
    volume.get("series").get(0).get("values").forEach(v -> bars.add(v.asLong()));
    assertThat(bars).containsExactlyElementsOf(totals.values());

    // the source switch: every source of topic_trends_by_source, one point per period, values where it has articles
    Map<String, Long> activePeriods = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT source, count(DISTINCT period) AS n FROM " + t("topic_trends_by_source") + " GROUP BY source")) {
      activePeriods.put((String) r.get("source"), ((Number) r.get("n")).longValue());
    }
    JsonNode options = chromium.eval("Array.prototype.map.call(document.querySelectorAll('#trend-source option'), function (o) { return o.textContent; })");
    assertThat(options).hasSize(1 + activePeriods.size());
    long allArticles = totals.values().stream().mapToLong(Long::longValue).sum();
    assertThat(options.get(0).asText()).isEqualTo("All sources · " + allArticles + " articles");
    Set<String> switched = new TreeSet<>();
    for (int i = 1; i < options.size(); i++) {
      chromium.eval("(function () { var s = document.getElementById('trend-source'); s.value = '" + i + "';"
          + " s.dispatchEvent(new Event('change')); })()");
      String source = options.get(i).asText().replaceAll(" · .*$", "");
      switched.add(source);
      JsonNode c = chromium.eval(CHARTS);
      for (String chart : List.of("share", "index")) {
        assertThat(c.get(chart).get("series")).hasSize(topics.size());
        for (JsonNode s : c.get(chart).get("series")) {
          assertThat(s.get("points").asInt()).isEqualTo(periods.size());
          long drawn = 0;
          for (JsonNode v : s.get("values")) {
            drawn += v.isNumber() ? 1 : 0;
          }
          if (chart.equals("share")) {
            assertThat(drawn).as(source + " " + s.get("name")).isEqualTo(activePeriods.get(source));
          }
        }
      }
      long sourceArticles = 0;
      for (JsonNode v : c.get("volume").get("series").get(0).get("values")) {
        sourceArticles += v.asLong(0);
      }
      assertThat(sourceArticles).as(source).isEqualTo(expected.get("source_articles").get(source).asLong());
    }
    assertThat(switched).isEqualTo(activePeriods.keySet());
    chromium.eval("(function () { var s = document.getElementById('trend-source'); s.value = '0'; s.dispatchEvent(new Event('change')); })()");

    // term cards: a card per period; where term_keyness has distinctive terms of the period (all
    // sources, over-represented) the card lists them in rank order (at most 20), else the period's 20
    // most frequent terms; below, the period's rising and falling terms of term_changes (at most 8 each)
    Map<String, String> topTerm = new HashMap<>();
    for (Map<String, Object> r : duck.query(
        "SELECT p, term FROM (SELECT CAST(period AS VARCHAR) AS p, term, row_number() OVER (PARTITION BY period ORDER BY sum(count) DESC, term) AS rk FROM "
            + t("term_frequencies") + " GROUP BY period, term) WHERE rk = 1")) {
      topTerm.put(((String) r.get("p")).substring(0, 7), (String) r.get("term"));
    }
    Map<String, Long> distinctTerms = new HashMap<>();
    for (Map<String, Object> r : duck.query(
        "SELECT CAST(period AS VARCHAR) AS p, count(DISTINCT term) AS n FROM " + t("term_frequencies") + " GROUP BY period")) {
      distinctTerms.put(((String) r.get("p")).substring(0, 7), ((Number) r.get("n")).longValue());
    }
    Map<String, String> keyFirst = new HashMap<>();
    Map<String, Long> keyCount = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT CAST(period AS VARCHAR) AS p, count(*) AS n, min_by(term, rank) AS first FROM "
        + t("term_keyness") + " WHERE source IS NULL AND topic IS NULL AND direction = 'over' GROUP BY period")) {
      String p = ((String) r.get("p")).substring(0, 7);
      keyFirst.put(p, (String) r.get("first"));
      keyCount.put(p, Math.min(20, ((Number) r.get("n")).longValue()));
    }
    assertThat(keyFirst).as("sample-data has distinctive terms").isNotEmpty();
    Map<String, Long> changeCount = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT CAST(period AS VARCHAR) AS p, count(*) AS n FROM " + t("term_changes")
        + " WHERE rank <= 8 GROUP BY period")) {
      changeCount.put(((String) r.get("p")).substring(0, 7), ((Number) r.get("n")).longValue());
    }
    JsonNode cards = chromium.eval("Array.prototype.map.call(document.querySelectorAll('#terms-grid .term-card'), function (c) {"
        + " return { period: c.querySelector('h3').textContent, terms: c.querySelectorAll('ol li').length,"
        + " distinctive: c.classList.contains('distinctive'), changes: c.querySelectorAll('.changes .change').length,"
        + " first: c.querySelector('li .term').textContent }; })");
    // a page of cards holds the latest 8 periods (report.js TERMS_PER_PAGE), 20 terms each or all the period has
    List<String> lastPage = periods.subList(Math.max(0, periods.size() - 8), periods.size()).stream().map(p -> p.substring(0, 7)).toList();
    assertThat(cards).extracting(c -> c.get("period").asText()).containsExactlyElementsOf(lastPage);
    for (JsonNode card : cards) {
      String p = card.get("period").asText();
      if (keyFirst.containsKey(p)) {
        assertThat(card.get("distinctive").asBoolean()).as(p).isTrue();
        assertThat(card.get("terms").asLong()).as(p).isEqualTo(keyCount.get(p));
        assertThat(card.get("first").asText()).as(p).isEqualTo(keyFirst.get(p));
      } else {
        assertThat(card.get("distinctive").asBoolean()).as(p).isFalse();
        assertThat(card.get("terms").asLong()).as(p).isEqualTo(Math.min(20, distinctTerms.get(p)));
        assertThat(card.get("first").asText()).as(p).isEqualTo(topTerm.get(p));
      }
      assertThat(card.get("changes").asLong()).as(p).isEqualTo(changeCount.getOrDefault(p, 0L));
    }

    // new words: the 30 best of new_terms by rank, with their first period and total occurrences, or a note without any
    List<String> newTerms = new java.util.ArrayList<>();
    for (Map<String, Object> r : duck.query("SELECT term || '|' || CAST(first_period AS VARCHAR) || '|' || CAST(total_count AS VARCHAR) AS k FROM "
        + t("new_terms") + " WHERE period = first_period AND rank <= 30 ORDER BY rank")) {
      newTerms.add((String) r.get("k"));
    }
    JsonNode newRows = chromium.eval("Array.prototype.map.call(document.querySelectorAll('#new-terms-table tbody tr'), function (r) {"
        + " return r.cells[1].textContent + '|' + r.cells[2].textContent + '|' + r.cells[3].textContent.replace(/,/g, ''); })");
    assertThat(newRows).extracting(JsonNode::asText).containsExactlyElementsOf(newTerms);
    assertThat(chromium.eval("document.querySelectorAll('#new-terms p.empty').length").asInt()).isEqualTo(newTerms.isEmpty() ? 1 : 0);

    // syndication: the pairs of the syndication table with the most copies (the report's order), or a note without any
    List<String> pairs = new java.util.ArrayList<>();
    for (Map<String, Object> r : duck.query("SELECT coalesce(source, 'unknown') || '>' || coalesce(copied_by, 'unknown') || '|' "
        + "|| CAST(article_count AS VARCHAR) AS k FROM " + t("syndication")
        + " ORDER BY article_count DESC, source NULLS FIRST, copied_by NULLS FIRST LIMIT 30")) {
      pairs.add((String) r.get("k"));
    }
    JsonNode pairRows = chromium.eval("Array.prototype.map.call(document.querySelectorAll('#syndication-table tbody tr'), function (r) {"
        + " return r.cells[0].textContent + '>' + r.cells[1].textContent.replace(' (re-posted)', '') + '|' + r.cells[2].getAttribute('data-v'); })");
    assertThat(pairRows).extracting(JsonNode::asText).containsExactlyElementsOf(pairs);
    assertThat(chromium.eval("document.querySelectorAll('#syndication p.empty').length").asInt()).isEqualTo(pairs.isEmpty() ? 1 : 0);

    // the source table: every source of source_stats; sorting by articles, ascending then descending
    long sources = ((Number) duck.query("SELECT count(*) AS n FROM " + t("source_stats")).get(0).get("n")).longValue();
    String articleColumn = "Array.prototype.map.call(document.querySelectorAll('#source-table tbody tr'), function (r) { return Number(r.cells[1].getAttribute('data-v')); })";
    JsonNode before = chromium.eval(articleColumn);
    assertThat(before).hasSize((int) sources);
    assertThat(isSorted(before, -1)).isTrue();
    chromium.eval("document.querySelectorAll('#source-table thead th button')[1].click()");
    assertThat(isSorted(chromium.eval(articleColumn), 1)).isTrue();
    chromium.eval("document.querySelectorAll('#source-table thead th button')[1].click()");
    assertThat(isSorted(chromium.eval(articleColumn), -1)).isTrue();

    // rejects by reason: a row per reason of the rejects table
    long reasons = ((Number) duck.query("SELECT count(DISTINCT reason) AS n FROM " + t("rejects")).get(0).get("n")).longValue();
    assertThat(chromium.eval("document.querySelectorAll('#reject-table tbody tr').length").asLong()).isEqualTo(reasons).isPositive();

    byte[] png = chromium.screenshot(1280);
    Path shot = Cli.projectDir().resolve("target").resolve("report-screenshot.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, png);
    assertThat(png.length).isGreaterThan(10_000);

    assertCleanPage(chromium.events().subList(from, chromium.events().size()), url);
  }

  /** The CSV behind download link {@code id}, decoded from its data: URI, as lines of cells. */
  private static List<List<String>> csv(HeadlessChromium chromium, String id) throws Exception {
    JsonNode href = chromium.eval("document.getElementById('" + id + "').getAttribute('href')");
    assertThat(href.asText()).startsWith("data:text/csv;charset=utf-8,");
    String text = java.net.URLDecoder.decode(href.asText().substring("data:text/csv;charset=utf-8,".length()).replace("+", "%2B"),
        StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\r\n")) {
      rows.add(List.of(line.split(",", -1)));
    }
    return rows;
  }

  /**
   * The scaled index chart and the CSV downloads. Sample data has at most two articles per source
   * and month, so the tables are first re-analysed in place with {@code --index-min-articles 1}
   * (only topic_index changes) to give the index values to show.
   */
  @Test
  void theScaledIndexChartAndTheCsvDownloadsHoldTheTablesData() throws Exception {
    HeadlessChromium chromium = chromium();
    Path tables = tmp.resolve("min-one");
    Cli.Result analyze = Cli.run(tmp.resolve("analyze-min-one.log"), "analyze", "--tables", out.toString(), "--output",
        tables.toString(), "--index-min-articles", "1", "--master", "local[2]");
    assertThat(analyze.exitCode()).as(analyze.output()).isZero();
    for (String table : List.of("articles", "rejects")) {
      Files.createSymbolicLink(tables.resolve(table), out.resolve(table));
    }
    Files.copy(out.resolve("run_summary.json"), tables.resolve("run_summary.json"));
    Path page = tmp.resolve("scaled.html");
    Cli.Result report = Cli.run(tmp.resolve("report-scaled.log"), "report", "--tables", tables.toString(), "--output",
        page.toString(), "--master", "local[2]");
    assertThat(report.exitCode()).as(report.output()).isZero();
    int from = chromium.events().size();
    chromium.open(page.toUri().toString(), READY);

    // topic_index from the table: period|topic -> index (null as empty) and sources_used
    Map<String, String> index = new TreeMap<>();
    Map<String, String> used = new TreeMap<>();
    Set<String> periods = new TreeSet<>();
    long nonNull = 0;
    for (Map<String, Object> r : duck.query("SELECT CAST(period AS VARCHAR) AS p, topic, \"index\" AS i, sources_used AS u FROM "
        + Duck.table(tables, "topic_index"))) {
      String key = r.get("p") + "|" + r.get("topic");
      index.put(key, r.get("i") == null ? "" : String.valueOf(Math.round(((Number) r.get("i")).doubleValue() * 1000) / 1000.0));
      used.put(key, String.valueOf(r.get("u")));
      periods.add((String) r.get("p"));
      nonNull += r.get("i") == null ? 0 : 1;
    }
    assertThat(nonNull).isPositive();

    JsonNode chart = chromium.eval("(function () { var o = echarts.getInstanceByDom(document.getElementById('chart-scaled')).getOption();"
        + " return { x: o.xAxis[0].data, series: o.series.map(function (s) { return { name: s.name, values: s.data }; }) }; })()");
    List<String> topics = List.of("科技创新", "数字经济", "生物医药", "绿色金融");
    assertThat(texts(chart.get("x"))).containsExactlyElementsOf(periods.stream().map(p -> p.substring(0, 7)).toList());
    assertThat(chart.get("series")).hasSize(topics.size());
    List<String> periodList = new ArrayList<>(periods);
    for (int k = 0; k < topics.size(); k++) {
      JsonNode s = chart.get("series").get(k);
      assertThat(s.get("name").asText()).isEqualTo(topics.get(k));
      for (int i = 0; i < periodList.size(); i++) {
        String want = index.get(periodList.get(i) + "|" + topics.get(k));
        JsonNode v = s.get("values").get(i);
        if (want.isEmpty()) {
          assertThat(v.isNull()).as(topics.get(k) + " " + periodList.get(i)).isTrue();
        } else {
          assertThat(v.asDouble()).as(topics.get(k) + " " + periodList.get(i)).isCloseTo(Double.parseDouble(want), within(1e-9));
        }
      }
    }

    // its CSV: one row per period and topic with the table's values
    List<List<String>> rows = csv(chromium, "csv-scaled");
    assertThat(rows.get(0)).containsExactly("period", "topic", "index", "sources_used");
    assertThat(rows).hasSize(1 + index.size());
    for (List<String> r : rows.subList(1, rows.size())) {
      String key = r.get(0) + "|" + r.get(1);
      assertThat(r.get(2).isEmpty() ? "" : String.valueOf(Double.parseDouble(r.get(2)))).as(key).isEqualTo(index.get(key));
      assertThat(r.get(3)).as(key).isEqualTo(used.get(key));
    }

    // the trend charts' CSVs: the share per period and topic of the ground truth, the articles per period
    List<List<String>> share = csv(chromium, "csv-share");
    assertThat(share.get(0)).containsExactly("period", "sources", "科技创新", "数字经济", "生物医药", "绿色金融");
    Map<String, Double> truth = new HashMap<>();
    Map<String, Long> totals = new TreeMap<>();
    for (JsonNode r : expected.get("topic_trends")) {
      truth.put(r.get("period").asText() + "|" + r.get("topic").asText(), r.get("article_count").asDouble() / r.get("total_articles").asDouble());
      totals.put(r.get("period").asText(), r.get("total_articles").asLong());
    }
    assertThat(share).hasSize(1 + totals.size());
    for (List<String> r : share.subList(1, share.size())) {
      assertThat(r.get(1)).isEqualTo("All sources");
      for (int k = 0; k < topics.size(); k++) {
        assertThat(Double.parseDouble(r.get(2 + k))).isCloseTo(truth.get(r.get(0) + "|" + topics.get(k)), within(1e-6));
      }
    }
    List<List<String>> volume = csv(chromium, "csv-volume");
    assertThat(volume.subList(1, volume.size())).extracting(r -> r.get(0) + "=" + r.get(2))
        .containsExactlyElementsOf(totals.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    assertThat(csv(chromium, "csv-index")).hasSize(1 + totals.size());

    // the rules in words and recent matches
    assertThat(chromium.eval("document.querySelectorAll('#scaled ul.rules li').length").asInt()).isEqualTo(topics.size());
    assertThat(chromium.eval("document.querySelectorAll('#snippet-table tbody tr mark').length").asInt()).isPositive();
    assertCleanPage(chromium.events().subList(from, chromium.events().size()), page.toUri().toString());
  }

  @Test
  void theReportCommandWritesTheSamePageAndRejectsAMissingDirectory() throws Exception {
    Path page = tmp.resolve("by-command.html");
    Cli.Result r = Cli.run(tmp.resolve("report.log"), "report", "--tables", out.toString(), "--output", page.toString(), "--master", "local[2]");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("report written to " + page);
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html).contains("<script type=\"application/json\" id=\"report-data\">").contains("科技创新");

    Cli.Result missing = Cli.run(tmp.resolve("missing.log"), "report", "--tables", tmp.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.output()).contains("--tables").contains("no such directory");
  }

  @Test
  void hostileStringsAreShownAsTextAndRunNothing() throws Exception {
    ReportData data = HostileReport.data(EVIL);
    Path page = tmp.resolve("hostile.html");
    Files.writeString(page, HtmlReport.render(data, EChartsBundle.load()), StandardCharsets.UTF_8);
    String url = page.toUri().toString();
    HeadlessChromium chromium = chromium();
    int from = chromium.events().size();
    chromium.open(url, READY);

    assertThat(chromium.eval("document.scripts.length").asInt()).isEqualTo(3);
    assertThat(chromium.eval("document.title").asText()).contains(EVIL);
    JsonNode options = chromium.eval("Array.prototype.map.call(document.querySelectorAll('#trend-source option'), function (o) { return o.textContent; })");
    assertThat(options.get(1).asText()).startsWith(EVIL + " · ");
    assertThat(chromium.eval("document.querySelector('#source-table tbody th').textContent").asText()).isEqualTo(EVIL);
    assertThat(chromium.eval("document.querySelector('#syndication-table tbody th').textContent").asText()).isEqualTo(EVIL);
    assertThat(chromium.eval("document.querySelector('#terms-grid li .term').textContent").asText()).isEqualTo(EVIL);
    JsonNode charts = chromium.eval(CHARTS);
    assertThat(charts.get("share").get("series").get(0).get("name").asText()).isEqualTo(EVIL);
    // the tooltip (HTML built by the page's script) shows the names as text
    chromium.eval("echarts.getInstanceByDom(document.getElementById('chart-share')).dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 })");
    assertThat(chromium.eval("document.querySelector('#chart-share').innerText").asText()).contains(EVIL);
    assertThat(chromium.eval("document.querySelectorAll('#chart-share script, #chart-share img').length").asInt()).isZero();

    assertCleanPage(chromium.events().subList(from, chromium.events().size()), url);
  }

  /** No console error, no uncaught exception, no dialog, no request but the page itself. */
  private static void assertCleanPage(List<JsonNode> events, String url) {
    List<String> errors = new ArrayList<>();
    Set<String> requests = new LinkedHashSet<>();
    for (JsonNode e : events) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      switch (method) {
        case "Runtime.consoleAPICalled" -> {
          String type = p.path("type").asText();
          if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
            errors.add("console." + type + ": " + p.path("args"));
          }
        }
        case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
        case "Log.entryAdded" -> {
          String level = p.path("entry").path("level").asText();
          if (level.equals("error") || level.equals("warning")) {
            errors.add("log " + level + ": " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
          }
        }
        case "Page.javascriptDialogOpening" -> errors.add("dialog: " + p.path("message").asText());
        case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
        case "Network.loadingFailed" -> errors.add("loading failed: " + p.path("errorText").asText());
        default -> { }
      }
    }
    assertThat(errors).as("console errors, exceptions, dialogs").isEmpty();
    assertThat(requests).as("requests made by the page").containsExactly(url);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static boolean isSorted(JsonNode values, int sign) {
    for (int i = 1; i < values.size(); i++) {
      if (sign * Double.compare(values.get(i).asDouble(), values.get(i - 1).asDouble()) < 0) {
        return false;
      }
    }
    return true;
  }
}
