package org.corpuslens.ingest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses the {@code date} of a post. Accepted forms:
 *
 * <ul>
 *   <li>RFC 1123, e.g. {@code Thu, 10 Feb 2022 15:04:05 GMT}: a publication time. A day of week
 *       that does not match the date is tolerated (the date wins);
 *   <li>ISO 8601 with an offset, e.g. {@code 2022-02-10T15:04:05Z}: a publication time;
 *   <li>{@code yyyy-MM-dd HH:mm:ss}: a crawl time in UTC.
 * </ul>
 *
 * Dates before {@value #EARLIEST_YEAR} or more than one day after the run are implausible.
 */
public final class PostDates {
  /** Earliest plausible year of a news post. */
  public static final int EARLIEST_YEAR = 1990;

  private static final Instant EARLIEST = Instant.parse(EARLIEST_YEAR + "-01-01T00:00:00Z");
  private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
  /** RFC 1123 without the day of week, used when the day of week disagrees with the date. */
  private static final DateTimeFormatter RFC_1123_NO_WEEKDAY =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
          .appendLiteral(' ')
          .appendPattern("MMM uuuu HH:mm[:ss] ")
          .appendOffset("+HHMM", "GMT")
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter CRAWL_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private PostDates() {}

  /**
   * Parses {@code raw}.
   *
   * @param raw the {@code date} value of the front matter, may be {@code null}
   * @param runStart when the run started; dates more than a day after it are implausible
   * @throws RejectException with {@link RejectReason#MISSING_DATE}, {@link
   *     RejectReason#INVALID_DATE} or {@link RejectReason#IMPLAUSIBLE_DATE}
   */
  public static PostDate parse(String raw, Instant runStart) throws RejectException {
    Objects.requireNonNull(runStart, "runStart");
    if (raw == null || raw.isBlank()) {
      throw new RejectException(RejectReason.MISSING_DATE, "front matter has no date");
    }
    String value = raw.strip();
    PostDate date = parseValue(value);
    Instant instant = date.instant();
    if (instant.isBefore(EARLIEST)) {
      throw new RejectException(
          RejectReason.IMPLAUSIBLE_DATE,
          "date '" + value + "' is before " + EARLIEST_YEAR + "-01-01");
    }
    if (instant.isAfter(runStart.plus(FUTURE_TOLERANCE))) {
      throw new RejectException(
          RejectReason.IMPLAUSIBLE_DATE,
          "date '" + value + "' is more than a day after the run started");
    }
    return date;
  }

  private static PostDate parseValue(String value) throws RejectException {
    if (value.length() > 64) {
      throw new RejectException(
          RejectReason.INVALID_DATE, "date is not a date (" + value.length() + " characters)");
    }
    char first = value.charAt(0);
    try {
      if (Character.isLetter(first)) {
        return new PostDate(parseRfc1123(value), DateKind.PUBLISHED);
      }
      if (value.length() == 19 && value.charAt(10) == ' ') {
        LocalDateTime local = LocalDateTime.parse(value, CRAWL_TIME);
        return new PostDate(local.toInstant(ZoneOffset.UTC), DateKind.CRAWLED);
      }
      if (value.indexOf('T') == 10) {
        return new PostDate(OffsetDateTime.parse(value).toInstant(), DateKind.PUBLISHED);
      }
      if (Character.isDigit(first)) {
        return new PostDate(parseRfc1123NoWeekday(value), DateKind.PUBLISHED);
      }
    } catch (DateTimeException e) {
      throw new RejectException(
          RejectReason.INVALID_DATE, "date '" + value + "' cannot be parsed: " + e.getMessage(), e);
    }
    throw new RejectException(
        RejectReason.INVALID_DATE,
        "date '"
            + value
            + "' is neither RFC 1123 (Thu, 10 Feb 2022 15:04:05 GMT) nor yyyy-MM-dd HH:mm:ss");
  }

  private static Instant parseRfc1123(String value) {
    try {
      return ZonedDateTime.parse(value, RFC_1123).toInstant();
    } catch (DateTimeException e) {
      int comma = value.indexOf(',');
      if (comma < 0) {
        throw e;
      }
      // e.g. a day of week that does not match the date: the date itself wins
      return parseRfc1123NoWeekday(value.substring(comma + 1).strip());
    }
  }

  private static Instant parseRfc1123NoWeekday(String value) {
    return OffsetDateTime.parse(value, RFC_1123_NO_WEEKDAY).toInstant();
  }
}
