package org.corpuslens.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.corpuslens.report.ReportData.PeriodTerms;
import org.corpuslens.report.ReportData.ReasonCount;
import org.corpuslens.report.ReportData.SourceRow;
import org.corpuslens.report.ReportData.TermCount;
import org.corpuslens.report.ReportData.TopicSeries;
import org.corpuslens.report.ReportData.TrendView;

/** A report whose every string from the data is {@code evil}: title, path, topic, source, term, reason, options. */
final class HostileReport {
  private HostileReport() {}

  static ReportData data(String evil) {
    List<String> periods = List.of("2022-01-01", "2022-02-01");
    TopicSeries topic = new TopicSeries(evil, List.of(0.5, 0.25), List.of(133.3, 66.7), List.of(1L, 1L), List.of(2L, 1L));
    TrendView all = new TrendView("All sources", 6, List.of(2L, 4L), List.of(topic));
    TrendView source = new TrendView(evil, 6, List.of(2L, 4L), List.of(topic));
    ObjectNode summary = new ObjectMapper().createObjectNode();
    summary.put("command", evil);
    summary.put("input_files", 7);
    summary.put("articles", 6);
    summary.put("rejects", 1);
    summary.putObject("options").put("zone", "Asia/Shanghai").put("output", evil).putArray("inputs").add(evil);
    summary.putObject("versions").put("corpuslens", evil);
    summary.putObject("lexicon").put("origin", evil).putArray("topics").add(evil);
    return new ReportData(
        evil, evil, "2026-01-01T00:00:00Z", "month", "Asia/Shanghai", periods, List.of(evil), all, List.of(source),
        List.of(new PeriodTerms("2022-01-01", 10, List.of(new TermCount(evil, 3, 0.3)))),
        List.of(new SourceRow(evil, 6, "2022-01-03", "2022-02-20", 5, 120.5, 100.0, null, 1, Map.of(evil, 0.5))),
        false, List.of(new ReasonCount(evil, 1)), summary, List.of(evil), null, Map.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(new ReportData.SyndicationRow(evil, evil, 3, 1L, 90.0)));
  }
}
