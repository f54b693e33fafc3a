package org.corpuslens.analytics;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The base ranges of the scaled index ({@code --index-base}): one or more date ranges, in order and
 * not overlapping. With one range, every period is scaled with the standard deviations and the
 * mean of that range (Baker, Bloom and Davis: unit standard deviation and mean 100 over
 * 1985–2009). With several, each range starts an <em>era</em> that lasts until the next range
 * starts, and each era is scaled with its own range (Davis, Liu and Sheng's eras of the mainland
 * papers); periods before the first range belong to the first era. No range: one era, the whole
 * run as its base.
 *
 * @param ranges the ranges (first and last day, inclusive), in order; empty for the whole run
 */
public record IndexBase(List<Range> ranges) implements java.io.Serializable {
  /** One base range: a period belongs to it when its first day is within [{@code from}, {@code to}]. */
  public record Range(LocalDate from, LocalDate to) implements java.io.Serializable {
    public Range {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("range " + from + ".." + to + " ends before it starts");
      }
    }

    public boolean contains(LocalDate period) {
      return !period.isBefore(from) && !period.isAfter(to);
    }

    @Override
    public String toString() {
      return from + ".." + to;
    }
  }

  public IndexBase {
    ranges = List.copyOf(ranges);
    for (int i = 1; i < ranges.size(); i++) {
      if (!ranges.get(i).from().isAfter(ranges.get(i - 1).to())) {
        throw new IllegalArgumentException(
            "ranges must be in order and not overlap: " + ranges.get(i - 1) + " then " + ranges.get(i));
      }
    }
  }

  /** The whole run as one base. */
  public static IndexBase wholeRange() {
    return new IndexBase(List.of());
  }

  /**
   * Parses {@code FROM..TO[,FROM..TO...]}, each end a year ({@code 2000}), a month ({@code
   * 2000-01}) or a day ({@code 2000-01-15}); a range ends on the last day of its end ({@code
   * 2018-12} is up to 2018-12-31).
   */
  public static IndexBase parse(String value) {
    List<Range> ranges = new ArrayList<>();
    for (String part : value.split(",")) {
      String p = part.strip();
      int dots = p.indexOf("..");
      if (dots < 0) {
        throw new IllegalArgumentException(
            "'" + p + "' is not a range: write FROM..TO, e.g. 2000-01..2018-12 (several separated by commas)");
      }
      ranges.add(new Range(start(p.substring(0, dots).strip()), end(p.substring(dots + 2).strip())));
    }
    return new IndexBase(ranges);
  }

  private static LocalDate start(String s) {
    try {
      return switch (s.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(s), 1, 1);
        case 7 -> YearMonth.parse(s).atDay(1);
        default -> LocalDate.parse(s);
      };
    } catch (DateTimeException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a year (2000), month (2000-01) or day (2000-01-15)", e);
    }
  }

  private static LocalDate end(String s) {
    LocalDate first = start(s);
    return switch (s.length()) {
      case 4 -> first.withMonth(12).withDayOfMonth(31);
      case 7 -> YearMonth.from(first).atEndOfMonth();
      default -> first;
    };
  }

  /** The era of a period: the index of the last range starting on or before it (0 before the first). */
  public int eraOf(LocalDate period) {
    int era = 0;
    for (int i = 1; i < ranges.size(); i++) {
      if (!period.isBefore(ranges.get(i).from())) {
        era = i;
      }
    }
    return era;
  }

  /** Whether a period is in the base of its era (always, without ranges). */
  public boolean inBase(LocalDate period) {
    return ranges.isEmpty() || ranges.get(eraOf(period)).contains(period);
  }

  @Override
  public String toString() {
    return ranges.isEmpty() ? "whole range" : String.join(",", ranges.stream().map(Range::toString).toList());
  }
}
