package org.corpuslens.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the publication time of a mapped record (JSON, CSV, XML dumps). Accepted forms:
 *
 * <ul>
 *   <li>ISO 8601 with an offset or {@code Z} ({@code 2016-04-09T17:47:00+08:00}); without one it is
 *       a local time in the run's zone;
 *   <li>{@code yyyy-MM-dd HH:mm[:ss]} (also with {@code /}), {@code yyyy-MM-dd}: local times;
 *   <li>{@code yyyy年M月d日[ HH:mm[:ss]]}: local;
 *   <li>epoch seconds or milliseconds, as a number or digits (13 digits or more than 10^11 are
 *       milliseconds);
 *   <li>RFC 1123 ({@code Thu, 10 Feb 2022 15:04:05 GMT}).
 * </ul>
 *
 * Local (naive) times are read in {@code --zone}. Dates before {@value PostDates#EARLIEST_YEAR} or
 * more than one day after the run are implausible, as for posts.
 */
public final class RecordDates {
  private static final Instant EARLIEST = Instant.parse(PostDates.EARLIEST_YEAR + "-01-01T00:00:00Z");
  private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
  private static final long MILLIS_FROM = 100_000_000_000L; // 1973 in ms, year 5138 in s

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .appendValue(ChronoField.YEAR, 4)
          .appendLiteral('-')
          .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
          .appendLiteral('-')
          .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
          .optionalStart()
          .appendLiteral(' ')
          .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalEnd()
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
          .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(java.time.chrono.IsoChronology.INSTANCE);
  private static final Pattern CHINESE =
      Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2}))?\\s*秒?)?");
  private static final Pattern DIGITS = Pattern.compile("\\d{9,13}");

  private RecordDates() {}

  /**
   * Parses a field value.
   *
   * @param value text or a number; {@code null} is a missing date
   * @param zone the zone of local times
   * @param runStart dates more than a day after it are implausible
   * @throws RejectException MISSING_DATE, INVALID_DATE or IMPLAUSIBLE_DATE
   */
  public static PostDate parse(Object value, ZoneId zone, Instant runStart) throws RejectException {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(runStart, "runStart");
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new RejectException(RejectReason.MISSING_DATE, "the record has no publication time");
    }
    Instant instant;
    String shown;
    if (value instanceof Number n) {
      shown = n.toString();
      instant = epoch(n);
    } else if (value instanceof String s) {
      shown = s.strip();
      instant = parseText(shown, zone);
    } else {
      throw new RejectException(RejectReason.INVALID_DATE, "the publication time is a list or an object, not a date");
    }
    if (instant.isBefore(EARLIEST)) {
      throw new RejectException(RejectReason.IMPLAUSIBLE_DATE, "date '" + shown + "' is before " + PostDates.EARLIEST_YEAR + "-01-01");
    }
    if (instant.isAfter(runStart.plus(FUTURE_TOLERANCE))) {
      throw new RejectException(RejectReason.IMPLAUSIBLE_DATE, "date '" + shown + "' is more than a day after the run started");
    }
    return new PostDate(instant, DateKind.PUBLISHED);
  }

  private static Instant epoch(Number n) throws RejectException {
    if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new RejectException(RejectReason.INVALID_DATE, "date " + n + " is not a number of seconds");
      }
      long whole = (long) d;
      return Math.abs(d) >= MILLIS_FROM ? Instant.ofEpochMilli(whole) : Instant.ofEpochSecond(whole, (long) ((d - whole) * 1e9));
    }
    if (n instanceof BigInteger b && b.bitLength() > 62) {
      throw new RejectException(RejectReason.INVALID_DATE, "date " + n + " is too large for a time");
    }
    long v = n.longValue();
    return Math.abs(v) >= MILLIS_FROM ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
  }

  private static Instant parseText(String s, ZoneId zone) throws RejectException {
    if (s.length() > 64) {
      throw new RejectException(RejectReason.INVALID_DATE, "date is not a date (" + s.length() + " characters)");
    }
    try {
      if (DIGITS.matcher(s).matches()) {
        return epoch(Long.parseLong(s));
      }
      Matcher m = CHINESE.matcher(s);
      if (m.matches()) {
        LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalDateTime t = m.group(4) == null ? day.atStartOfDay()
            : day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        return t.atZone(zone).toInstant();
      }
      if (Character.isLetter(s.charAt(0))) {
        return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      }
      if (s.length() > 10 && s.charAt(10) == 'T') {
        if (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10) {
          return OffsetDateTime.parse(s).toInstant();
        }
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      }
      String normal = s.replace('/', '-');
      return LocalDateTime.parse(normal, LOCAL).atZone(zone).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      throw new RejectException(RejectReason.INVALID_DATE,
          "date '" + s + "' is none of ISO 8601, yyyy-MM-dd HH:mm[:ss], yyyy年M月d日[ HH:mm], epoch seconds or milliseconds, RFC 1123: "
              + e.getMessage(), e);
    }
  }
}
