/**
 * The HTML report of a run: {@link org.corpuslens.report.ReportBuilder} computes the small
 * aggregates the page shows with Spark from the Parquet tables (never the articles' text), {@link
 * org.corpuslens.report.HtmlReport} renders one self-contained page (ECharts, styles, script and
 * data inlined; no network access), {@link org.corpuslens.report.Report} writes it.
 */
package org.corpuslens.report;
