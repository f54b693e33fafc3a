package org.corpuslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecordDatesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant RUN = Instant.parse("2026-12-05T00:00:00Z");

  private static Instant at(Object v) throws RejectException {
    return RecordDates.parse(v, SHANGHAI, RUN).instant();
  }

  @Test
  void everyAcceptedFormGivesTheRightInstant() throws RejectException {
    // 2016-04-09 17:47 in Beijing is 09:47 UTC
    Instant expected = Instant.parse("2016-04-09T09:47:00Z");
    assertThat(at("2016-04-09 17:47")).isEqualTo(expected);
    assertThat(at("2016-04-09 17:47:00")).isEqualTo(expected);
    assertThat(at("2016/04/09 17:47")).isEqualTo(expected);
    assertThat(at("2016-4-9 17:47")).isEqualTo(expected);
    assertThat(at("2016年4月9日 17:47")).isEqualTo(expected);
    assertThat(at("2016年04月09日17:47")).isEqualTo(expected);
    assertThat(at("2016-04-09T17:47:00")).isEqualTo(expected);
    assertThat(at("2016-04-09T09:47:00Z")).isEqualTo(expected);
    assertThat(at("2016-04-09T17:47:00+08:00")).isEqualTo(expected);
    assertThat(at(1460195220L)).isEqualTo(expected);
    assertThat(at(1460195220000L)).isEqualTo(expected);
    assertThat(at("1460195220")).isEqualTo(expected);
    assertThat(at("1460195220000")).isEqualTo(expected);
    assertThat(at("Sat, 09 Apr 2016 09:47:00 GMT")).isEqualTo(expected);
    assertThat(at("2016年4月9日")).isEqualTo(Instant.parse("2016-04-08T16:00:00Z"));
    assertThat(at("2016-04-09")).isEqualTo(Instant.parse("2016-04-08T16:00:00Z"));
    // the zone decides for naive times
    assertThat(RecordDates.parse("2016-04-09 17:47", ZoneId.of("UTC"), RUN).instant()).isEqualTo(Instant.parse("2016-04-09T17:47:00Z"));
  }

  @Test
  void badDatesAreRejectedWithTheirReason() {
    assertThatThrownBy(() -> at(null)).isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_DATE));
    assertThatThrownBy(() -> at("2016-02-30 10:00")).isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_DATE));
    assertThatThrownBy(() -> at("2016年13月1日")).isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_DATE));
    assertThatThrownBy(() -> at("昨天")).isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_DATE));
    assertThatThrownBy(() -> at("1985-01-01 00:00")).isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_DATE));
    assertThatThrownBy(() -> at("2030-01-01 00:00")).isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_DATE));
    assertThatThrownBy(() -> at(java.util.List.of("2016-01-01"))).isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_DATE));
  }
}
