package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.year;

import java.time.ZoneId;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuslens.tables.Col;

/** Derives the calendar columns of articles from {@code published_at}, in a time zone. */
public final class ArticleDates {
  private ArticleDates() {}

  /**
   * Adds (or replaces) {@code published_date} (the local date in {@code zone}), {@code period}
   * (the first day of its period) and {@code year} (of the local date).
   */
  public static Dataset<Row> withDates(Dataset<Row> articles, ZoneId zone, PeriodGrain grain) {
    return articles
        .withColumn(Col.PUBLISHED_DATE, PeriodGrain.localDate(col(Col.PUBLISHED_AT), zone))
        .withColumn(Col.PERIOD, grain.periodOf(col(Col.PUBLISHED_DATE)))
        .withColumn(Col.YEAR, year(col(Col.PUBLISHED_DATE)));
  }
}
