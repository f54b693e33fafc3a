package org.corpuslens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final String EVIL = "</script><script>alert(1)</script>";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void escapeReplacesTheFiveHtmlSpecialCharacters() {
    assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    assertThat(Html.escape("绿色金融")).isEqualTo("绿色金融");
    assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void scriptJsonCannotCloseItsElementAndReadsBackUnchanged() throws Exception {
    String value = EVIL + " <!-- & \u2028 \u2029 '\"";
    String json = ScriptJson.write(Map.of("s", value));
    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028").doesNotContain("\u2029");
    assertThat(json).contains("\\u003c/script\\u003e");
    assertThat(JSON.readTree(json).get("s").asText()).isEqualTo(value);
  }

  @Test
  void numbersAreFormattedForReading() {
    assertThat(HtmlReport.integer(1234567)).isEqualTo("1,234,567");
    assertThat(HtmlReport.integer((Long) null)).isEqualTo("—");
    assertThat(HtmlReport.percent(0.12345)).isEqualTo("12.3%");
    assertThat(HtmlReport.percent(null)).isEqualTo("—");
    assertThat(HtmlReport.decimal(1234.5)).isEqualTo("1,235");
    assertThat(HtmlReport.shortInstant("2026-11-29T08:50:12.701941375Z")).isEqualTo("2026-11-29 08:50:12");
    assertThat(HtmlReport.duration("2026-11-29T08:50:12Z", "2026-11-29T08:52:45.5Z")).isEqualTo("2 min 33 s");
    assertThat(HtmlReport.duration("2026-11-29T08:50:12Z", "2026-11-29T08:50:45.5Z")).isEqualTo("33.5 s");
  }

  @Test
  void slotsAreFilledOnceSoDataThatLooksLikeASlotStaysText() {
    String out = HtmlReport.fill("<p>{{a}}</p><script>{{b}}</script>", Map.of("a", "{{b}}", "b", "code()"));
    assertThat(out).isEqualTo("<p>{{b}}</p><script>code()</script>");
    assertThatThrownBy(() -> HtmlReport.fill("{{missing}}", Map.of())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void hostileStringsCannotOpenOrCloseAnElement() throws Exception {
    String html = HtmlReport.render(HostileReport.data(EVIL), EChartsBundle.load());

    // exactly the page's three script elements, and nothing of the hostile string as markup
    assertThat(count(html.toLowerCase(java.util.Locale.ROOT), "<script")).isEqualTo(3);
    assertThat(html).doesNotContain(EVIL).doesNotContain("<script>alert");
    assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");

    // the data block reads back to the hostile strings
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).isTrue();
    JsonNode data = JSON.readTree(m.group(1));
    assertThat(data.get("topics").get(0).asText()).isEqualTo(EVIL);
    assertThat(data.get("views").get(1).get("label").asText()).isEqualTo(EVIL);
    assertThat(data.get("topTerms").get(0).get("terms").get(0).get(0).asText()).isEqualTo(EVIL);

    // the CSP allows the two inline scripts by hash, and no network at all
    List<String> scripts = new ArrayList<>();
    Matcher s = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    while (s.find()) {
      scripts.add(s.group(1));
    }
    assertThat(scripts).hasSize(2);
    Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
    assertThat(csp.find()).isTrue();
    assertThat(csp.group(1)).startsWith("default-src 'none';")
        .contains(HtmlReport.hash(scripts.get(0)))
        .contains(HtmlReport.hash(scripts.get(1)))
        .doesNotContain("unsafe-eval")
        .doesNotContain("script-src 'unsafe-inline'");
    assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
  }

  @Test
  void emptyTablesSaySo() {
    ReportData empty = new ReportData("CorpusLens report", "/tmp/t", "2026-01-01T00:00:00Z", null, "UTC", List.of(), List.of(),
        null, List.of(), List.of(), List.of(), false, List.of(), null, List.of("Table topic_trends not found in the tables directory: its section is empty."));
    String html = HtmlReport.render(empty, EChartsBundle.load());
    assertThat(html)
        .contains("No sources: the source_stats table is empty or missing.")
        .contains("No rejects: every input file became an article.")
        .contains("No run_summary.json in the tables directory.")
        .contains("Table topic_trends not found")
        .contains("No trends: the topic_trends table has no periods.")
        .contains("No terms: the term_frequencies table is empty or missing.")
        .contains("No new words: the new_terms table is empty, or was not computed (it is written by <code>run --new-terms</code>");
  }

  @Test
  void syndicationListsThePairsWithTheirDelaysAsAReaderSaysThem() {
    ReportData base = new ReportData("CorpusLens report", "/t", "2026-01-01T00:00:00Z", "month", "UTC", List.of(), List.of(),
        null, List.of(), List.of(), List.of(), false, List.of(), null, List.of());
    assertThat(HtmlReport.render(base, EChartsBundle.load()))
        .contains("No copies: no article is an exact or near duplicate of an earlier one");
    ReportData d = new ReportData(base.title(), base.tables(), base.generatedAt(), base.grain(), base.zone(), base.periods(),
        base.topics(), null, List.of(), List.of(), List.of(), false, List.of(), null, List.of(), null, Map.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(
            new ReportData.SyndicationRow("新华社", "人民网", 1234, 1000L, 45.0),
            new ReportData.SyndicationRow("人民网", "人民网", 2, 0L, 4320.0),
            new ReportData.SyndicationRow(null, "<i>", 1, null, null)));
    String html = HtmlReport.render(d, EChartsBundle.load());
    assertThat(html)
        .contains("<tr><th scope=\"row\" data-v=\"新华社\">新华社</th><td data-v=\"人民网\">人民网</td>"
            + "<td data-v=\"1234\">1,234</td><td data-v=\"1000\">1,000</td><td data-v=\"45.0\">45 min</td></tr>")
        // a source copying itself is said to re-post; 4,320 minutes are three days
        .contains("<td data-v=\"人民网\">人民网 <span class=\"muted\">(re-posted)</span></td>")
        .contains("<td data-v=\"4320.0\">3.0 d</td>")
        .contains("<th scope=\"row\" data-v=\"\"><em>unknown</em></th><td data-v=\"&lt;i&gt;\">&lt;i&gt;</td>")
        .contains("<td data-v=\"\">—</td>")
        .doesNotContain("No copies")
        .doesNotContain("{{");
    assertThat(HtmlReport.delay(59.4)).isEqualTo("59 min");
    assertThat(HtmlReport.delay(90.0)).isEqualTo("1.5 h");
    assertThat(HtmlReport.delay(47 * 60.0)).isEqualTo("47.0 h");
    assertThat(HtmlReport.delay(null)).isEqualTo("—");
  }

  @Test
  void newWordsAreListedByRankEscaped() {
    ReportData base = new ReportData("CorpusLens report", "/t", "2026-01-01T00:00:00Z", "month", "UTC", List.of(), List.of(),
        null, List.of(), List.of(), List.of(), false, List.of(), null, List.of());
    ReportData d = new ReportData(base.title(), base.tables(), base.generatedAt(), base.grain(), base.zone(), base.periods(),
        base.topics(), null, List.of(), List.of(), List.of(), false, List.of(), null, List.of(), null, Map.of(), List.of(),
        List.of(), List.of(), List.of(new ReportData.NewTerm(1, "珩栖仓", "2024-03-01", 12345, 321, 11.26, 3.456),
            new ReportData.NewTerm(2, "<b>", "2024-04-01", 10, 3, 8.04, 1.5)), List.of());
    String html = HtmlReport.render(d, EChartsBundle.load());
    assertThat(html)
        .contains("<tr><td class=\"num\">1</td><td class=\"term\">珩栖仓</td><td>2024-03-01</td><td class=\"num\">12,345</td>"
            + "<td class=\"num\">321</td><td class=\"num\">11.3</td><td class=\"num\">3.46</td></tr>")
        .contains("<td class=\"term\">&lt;b&gt;</td>")
        .doesNotContain("No new words")
        .doesNotContain("{{"); // every slot of the template filled
  }

  @Test
  void runFactsShowDuplicatesTimingsAndTheDuplicateColumn() throws Exception {
    JsonNode summary = JSON.readTree("{\"input_files\": 12345, \"articles\": 12000, \"rejects\": 345, \"duplicates\": 7,"
        + " \"keep_duplicates\": false, \"started_at\": \"2026-01-01T00:00:00Z\", \"finished_at\": \"2026-01-01T00:01:05Z\","
        + " \"timings\": {\"list_wall_s\": 0.0679, \"task_time\": {\"segment_s\": 1234.56, \"segmented_chars\": 11713}}}");
    ReportData d = new ReportData("CorpusLens report", "/t", "2026-01-01T00:00:00Z", "month", "UTC", List.of(), List.of("绿色"),
        null, List.of(), List.of(),
        List.of(new ReportData.SourceRow("甲报", 3, "2022-01-01", "2022-01-31", 2, 1234.4, 99.0, 1L, 0, Map.of("绿色", 1 / 3.0))),
        true, List.of(), summary, List.of());
    String html = HtmlReport.render(d, EChartsBundle.load());
    assertThat(html)
        .contains("<div class=\"kpi-value\">12,345</div>")
        .contains("<div class=\"kpi-note\">7 duplicates</div>")
        .contains("<dt>Duplicates</dt><dd>7 (left out of the figures)</dd>")
        .contains("<dt>Wall time</dt><dd>1 min 05 s</dd>")
        .contains("<dt>list_wall</dt><dd>0.1 s</dd>")
        .contains("<dt>task_time.segment</dt><dd>1,234.6 s</dd>")
        .contains("<dt>task_time.segmented_chars</dt><dd>11,713</dd>")
        .contains("<button type=\"button\">Duplicates</button>")
        .contains("<td data-v=\"1234.4\">1,234</td>")
        .contains("data-v=\"0.3333333333333333\">33.3%</td>")
        .contains("2022-01-01 – 2022-01-31");
  }

  @Test
  void theEChartsWebJarIsInlinable() {
    EChartsBundle bundle = EChartsBundle.load();
    assertThat(bundle.version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(bundle.script()).contains("echarts").hasSizeGreaterThan(500_000);
    assertThatThrownBy(() -> EChartsBundle.requireInlinable("var s = '</SCRIPT>';", "x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EChartsBundle.requireInlinable("var s = '<!--';", "x")).isInstanceOf(IllegalStateException.class);
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
