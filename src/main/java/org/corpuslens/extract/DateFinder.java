package org.corpuslens.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds publication dates in meta values, visible text and URLs of Chinese news pages. A time
 * without an offset is Beijing time (UTC+8), the zone of virtually every Chinese news site; a
 * date without a time is midnight there. Month, day, hour and minute are validated: {@code
 * 2020-13-40} is not a date.
 */
public final class DateFinder {
  /** The offset of a time written without one. */
  public static final ZoneOffset NAIVE_OFFSET = ZoneOffset.ofHours(8);

  /**
   * A date written out: {@code 2020-02-22}, {@code 2020/2/22}, {@code 2020.02.22}, {@code
   * 2020年2月22日}, optionally followed by a time {@code 10:05}, {@code 10:05:30}, {@code 10时05分},
   * or in ISO form {@code 2020-02-22T10:05:30+08:00}.
   */
  private static final Pattern WRITTEN =
      Pattern.compile(
          "(?<!\\d)((?:19|20)\\d{2})(?:\\s*[-/.年]\\s*|\\s+(?=\\d{1,2}[-/]\\d))(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*日?"
              + "(?:\\s*(?:T|\\s|&nbsp;)?\\s*(\\d{1,2})\\s*[:：时]\\s*(\\d{2})(?:\\s*[:：分]\\s*(\\d{2}))?秒?"
              + "(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");

  /** {@code 20200222} or {@code 20200222103000}, for meta values only. */
  private static final Pattern COMPACT =
      Pattern.compile("^((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:(\\d{2})(\\d{2})(\\d{2})?)?$");

  /** URL shapes, tried in order: each group triple is year, month, day. */
  private static final List<Pattern> URL_DATES =
      List.of(
          // gov CMS: /202212/t20221225_123.html
          Pattern.compile("[/_]t((?:19|20)\\d{2})(\\d{2})(\\d{2})_"),
          // /2020-02-22/, /2011-04/22/, /2017_08_31_, /2020/02/22/
          Pattern.compile("(?<![\\d])((?:19|20)\\d{2})[-/_](\\d{1,2})[-/_](\\d{1,2})(?![\\d])"),
          // /n/2022/0311/, /2020/0222/
          Pattern.compile("/((?:19|20)\\d{2})/(\\d{2})(\\d{2})(?:/|_|\\.|$)"),
          // /a/20110310/, /20200222/, /doc-20200222.html
          Pattern.compile("[/_\\-]((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:/|_|\\.|-|$)"));

  /** 163's /12/0810/10/ (two-digit year, month+day, hour): only as a whole path segment run. */
  private static final Pattern URL_SHORT_YEAR = Pattern.compile("/(\\d{2})/(\\d{2})(\\d{2})/\\d{2}/");

  private DateFinder() {}

  /** A date found, with whether a time of day was given. */
  public record Found(Instant instant, boolean hasTime) {}

  /** The first valid written date in {@code text}, or {@code null}. */
  public static Found inText(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = WRITTEN.matcher(text);
    while (m.find()) {
      Found f = fromGroups(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /**
   * A labelled date written without its century or year, at the start of {@code text} (what follows
   * a {@code 发布时间：} label): {@code 18-03-08 23:16} (two-digit year, with a time of day) is
   * 2018-03-08; {@code 10-08 12:00} (month and day only) takes its year from {@code yearHint}, the
   * date of another field of the page (a modification meta), and only when that names the same day.
   * {@code null} when neither form is there.
   */
  public static Found inShortLabelledText(String text, Found yearHint) {
    Matcher m = SHORT_YEAR.matcher(text);
    if (m.lookingAt()) {
      return fromGroups("20" + m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), null, null);
    }
    m = NO_YEAR.matcher(text);
    if (m.lookingAt() && yearHint != null) {
      java.time.LocalDate hint = yearHint.instant().atOffset(NAIVE_OFFSET).toLocalDate();
      Found f = fromGroups(Integer.toString(hint.getYear()), m.group(1), m.group(2), m.group(3), m.group(4), null, null);
      if (f != null && f.instant().atOffset(NAIVE_OFFSET).toLocalDate().equals(hint)) {
        return f;
      }
    }
    return null;
  }

  private static final Pattern SHORT_YEAR = Pattern.compile("(\\d{2})-(\\d{1,2})-(\\d{2})\\s*(\\d{1,2}):(\\d{2})(?![\\d:])");

  private static final Pattern NO_YEAR = Pattern.compile("(\\d{1,2})-(\\d{2})\\s*(\\d{1,2}):(\\d{2})(?![\\d:])");

  /** Whether {@code text} contains a valid written date. */
  static boolean containsDate(String text) {
    return inText(text) != null;
  }

  /** Removes every written date (and its time) from {@code text}. */
  static String stripDates(String text) {
    return WRITTEN.matcher(text).replaceAll(" ");
  }

  /** A meta or JSON-LD value: a written date, or a compact {@code 20200222[103000]}. */
  public static Found inMetaValue(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    Matcher c = COMPACT.matcher(v);
    if (c.matches()) {
      return fromGroups(c.group(1), c.group(2), c.group(3), c.group(4), c.group(5), c.group(6), null);
    }
    return inText(v);
  }

  /** The date in a URL's path ({@code /2020/0222/}, {@code t20200222_}, ...), or {@code null}. */
  public static Found inUrl(String url) {
    if (url == null) {
      return null;
    }
    String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    for (Pattern p : URL_DATES) {
      Matcher m = p.matcher(path);
      while (m.find()) {
        Found f = fromGroups(m.group(1), m.group(2), m.group(3), null, null, null, null);
        if (f != null) {
          return f;
        }
      }
    }
    Matcher m = URL_SHORT_YEAR.matcher(path);
    if (m.find()) {
      return fromGroups("20" + m.group(1), m.group(2), m.group(3), null, null, null, null);
    }
    return null;
  }

  private static Found fromGroups(
      String y, String mo, String d, String h, String mi, String s, String offset) {
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
      if (h == null) {
        return new Found(date.atStartOfDay().toInstant(NAIVE_OFFSET), false);
      }
      LocalTime time =
          LocalTime.of(Integer.parseInt(h), Integer.parseInt(mi), s == null ? 0 : Integer.parseInt(s));
      ZoneOffset zone = NAIVE_OFFSET;
      if (offset != null) {
        zone = "Z".equals(offset) ? ZoneOffset.UTC : ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
      }
      return new Found(LocalDateTime.of(date, time).toInstant(zone), true);
    } catch (DateTimeException | NumberFormatException e) {
      return null; // not a valid date: the caller tries the next candidate
    }
  }
}
