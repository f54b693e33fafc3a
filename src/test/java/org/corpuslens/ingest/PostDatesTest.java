package org.corpuslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PostDatesTest {
  private static final Instant RUN = Instant.parse("2026-11-29T00:00:00Z");
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Test
  void rfc1123IsAPublicationTimeInUtc() throws RejectException {
    PostDate d = PostDates.parse("Thu, 10 Feb 2022 15:04:05 GMT", RUN);
    assertThat(d.instant()).isEqualTo(Instant.parse("2022-02-10T15:04:05Z"));
    assertThat(d.kind()).isEqualTo(DateKind.PUBLISHED);
  }

  @Test
  void lateEveningGmtIsNextDayInBeijing() throws RejectException {
    PostDate d = PostDates.parse("Thu, 10 Feb 2022 23:30:00 GMT", RUN);
    assertThat(d.instant().atZone(BEIJING).toLocalDate()).isEqualTo(LocalDate.of(2022, 2, 11));
  }

  @Test
  void crawlTimeIsUtcAndMarkedCrawled() throws RejectException {
    PostDate d = PostDates.parse("2022-04-12 12:14:54", RUN);
    assertThat(d.instant()).isEqualTo(Instant.parse("2022-04-12T12:14:54Z"));
    assertThat(d.kind()).isEqualTo(DateKind.CRAWLED);
  }

  @Test
  void isoWithOffsetIsAPublicationTime() throws RejectException {
    PostDate d = PostDates.parse("2022-02-11T07:30:00+08:00", RUN);
    assertThat(d.instant()).isEqualTo(Instant.parse("2022-02-10T23:30:00Z"));
    assertThat(d.kind()).isEqualTo(DateKind.PUBLISHED);
  }

  @Test
  void wrongWeekdayIsToleratedTheDateWins() throws RejectException {
    // 10 Feb 2022 was a Thursday
    PostDate d = PostDates.parse("Mon, 10 Feb 2022 15:04:05 GMT", RUN);
    assertThat(d.instant()).isEqualTo(Instant.parse("2022-02-10T15:04:05Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankIsMissing(String raw) {
    assertThatThrownBy(() -> PostDates.parse(raw, RUN))
        .isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_DATE));
  }

  @Test
  void nullIsMissing() {
    assertThatThrownBy(() -> PostDates.parse(null, RUN))
        .isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_DATE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Invalid Date", "2022-13-01 00:00:00", "2022-02-30 10:00:00", "yesterday", "Thu, 32 Feb 2022 15:04:05 GMT", "2022/02/10"})
  void unparseableIsInvalid(String raw) {
    assertThatThrownBy(() -> PostDates.parse(raw, RUN))
        .isInstanceOfSatisfying(RejectException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.INVALID_DATE);
          assertThat(e.getMessage()).contains(raw);
        });
  }

  @ParameterizedTest
  @CsvSource({"'Thu, 01 Jan 1970 00:00:00 GMT'", "'1989-12-31 23:59:59'", "'2026-11-30 00:00:01'"})
  void implausibleDatesAreRejected(String raw) {
    assertThatThrownBy(() -> PostDates.parse(raw, RUN))
        .isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_DATE));
  }

  @Test
  void withinADayOfTheRunIsPlausible() throws RejectException {
    assertThat(PostDates.parse("2026-11-29 23:00:00", RUN).instant()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
    assertThat(PostDates.parse("1990-01-01 00:00:00", RUN).instant()).isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
  }
}
