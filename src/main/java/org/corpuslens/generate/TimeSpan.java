package org.corpuslens.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days the posts fall on ({@code --from} .. {@code --to}, whole days in Asia/Shanghai), their
 * months (the ground truth's periods) and the two date formats of the archive. Immutable.
 */
final class TimeSpan {
  /** The zone of the periods: the pipeline's default {@code --zone}. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CRAWL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final long startSecond;
  private final long endSecond; // exclusive
  private final YearMonth firstMonth;
  private final List<YearMonth> months = new ArrayList<>();
  /** Month starts strictly inside the span, in epoch seconds. */
  private final List<Long> boundaries = new ArrayList<>();

  TimeSpan(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    startSecond = from.atStartOfDay(ZONE).toEpochSecond();
    endSecond = to.plusDays(1).atStartOfDay(ZONE).toEpochSecond();
    firstMonth = YearMonth.from(from);
    for (YearMonth m = firstMonth; !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      months.add(m);
      long b = m.atDay(1).atStartOfDay(ZONE).toEpochSecond();
      if (b > startSecond) {
        boundaries.add(b);
      }
    }
  }

  /** A random second of the span; one time in twenty within ten hours of a month's start (in Shanghai). */
  Instant random(Rng rng) {
    if (!boundaries.isEmpty() && rng.chance(0.05)) {
      long b = boundaries.get(rng.nextInt(boundaries.size()));
      long s = b - 36_000 + rng.nextLong(72_000);
      return Instant.ofEpochSecond(clamp(s));
    }
    return Instant.ofEpochSecond(startSecond + rng.nextLong(endSecond - startSecond));
  }

  long clamp(long epochSecond) {
    return Math.max(startSecond, Math.min(endSecond - 1, epochSecond));
  }

  /** Index of the instant's month (Asia/Shanghai) in {@link #months()}. */
  int monthIndex(Instant instant) {
    YearMonth m = YearMonth.from(instant.atZone(ZONE));
    return (int) ChronoUnit.MONTHS.between(firstMonth, m);
  }

  List<YearMonth> months() {
    return List.copyOf(months);
  }

  static String rfc1123(Instant instant) {
    return RFC_1123.format(instant);
  }

  static String crawlTime(Instant instant) {
    return CRAWL_TIME.format(instant);
  }
}
