package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;

import java.time.ZoneId;
import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * The time grain of trends: a period is named by its first day (a Monday for weeks), computed in a
 * time zone. Requires the Spark session time zone to be UTC (set by the jobs).
 */
public enum PeriodGrain {
  DAY(null),
  WEEK("week"),
  MONTH("month"),
  QUARTER("quarter"),
  YEAR("year");

  private final String truncUnit;

  PeriodGrain(String truncUnit) {
    this.truncUnit = truncUnit;
  }

  /** Parses {@code day|week|month|quarter|year}, case-insensitively. */
  public static PeriodGrain parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown period '" + value + "': use one of day, week, month, quarter, year", e);
    }
  }

  /** The local date in {@code zone} of a UTC timestamp column. */
  public static Column localDate(Column utcTimestamp, ZoneId zone) {
    return to_date(from_utc_timestamp(utcTimestamp, lit(zone.getId())));
  }

  /** The first day of the period containing {@code localDate}. */
  public Column periodOf(Column localDate) {
    return truncUnit == null ? localDate : trunc(localDate, truncUnit);
  }

  /** The first day of the period after the one starting on {@code periodStart}. */
  public java.time.LocalDate next(java.time.LocalDate periodStart) {
    return switch (this) {
      case DAY -> periodStart.plusDays(1);
      case WEEK -> periodStart.plusWeeks(1);
      case MONTH -> periodStart.plusMonths(1);
      case QUARTER -> periodStart.plusMonths(3);
      case YEAR -> periodStart.plusYears(1);
    };
  }

  public String columnValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
