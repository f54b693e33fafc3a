package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;

/**
 * A set of periods (first days, as in the {@code period} column) and whether it holds the undated
 * articles' null period. The periods an incremental run must count again: the others keep their
 * rows from the previous output.
 *
 * @param days the periods' first days
 * @param undated whether the null period (articles without a date) is in the set
 */
public record PeriodSet(SortedSet<LocalDate> days, boolean undated) {
  public PeriodSet {
    days = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(days));
  }

  /** No period. */
  public static final PeriodSet NONE = new PeriodSet(new TreeSet<>(), false);

  /** The set of these periods; a null element is the undated period. */
  public static PeriodSet of(Collection<LocalDate> periods) {
    TreeSet<LocalDate> days = new TreeSet<>();
    boolean undated = false;
    for (LocalDate d : periods) {
      if (d == null) {
        undated = true;
      } else {
        days.add(d);
      }
    }
    return new PeriodSet(days, undated);
  }

  /** Both sets' periods. */
  public PeriodSet union(PeriodSet other) {
    TreeSet<LocalDate> all = new TreeSet<>(days);
    all.addAll(other.days);
    return new PeriodSet(all, undated || other.undated);
  }

  public boolean isEmpty() {
    return days.isEmpty() && !undated;
  }

  /** How many periods, the undated one included. */
  public int size() {
    return days.size() + (undated ? 1 : 0);
  }

  /** True where {@code period} (a date column, null for undated rows) is in the set; never null. */
  public Column contains(Column period) {
    Column dated = lit(false);
    if (!days.isEmpty()) {
      dated = period.isNotNull().and(period.isin(days.toArray()));
    }
    return undated ? period.isNull().or(dated) : dated;
  }

  /** True where {@code period} is not in the set; never null. */
  public Column excludes(Column period) {
    return org.apache.spark.sql.functions.not(contains(period));
  }

  @Override
  public String toString() {
    return days.toString() + (undated ? " + undated" : "");
  }
}
