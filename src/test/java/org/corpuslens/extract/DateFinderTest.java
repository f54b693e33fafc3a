package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateFinderTest {

  @ParameterizedTest
  @CsvSource({
    "'2020-02-22 10:05', 2020-02-22T02:05:00Z",
    "'2020/2/22 10:05:30', 2020-02-22T02:05:30Z",
    "'2020年02月22日 10:05', 2020-02-22T02:05:00Z",
    "'2020年2月22日10时05分', 2020-02-22T02:05:00Z",
    "'2020.02.22', 2020-02-21T16:00:00Z",
    "'2020-02-22T10:05:00+08:00', 2020-02-22T02:05:00Z",
    "'2020-02-22T02:05:00Z', 2020-02-22T02:05:00Z",
    "'发布时间：2020-02-22 10:05 来源：新华网', 2020-02-22T02:05:00Z",
    "'2023 06/12 09:31:45', 2023-06-12T01:31:45Z",
  })
  void readsWrittenDatesAsBeijingTime(String text, String expected) {
    assertThat(DateFinder.inText(text).instant()).isEqualTo(Instant.parse(expected));
  }

  @Test
  void rejectsInvalidDates() {
    assertThat(DateFinder.inText("2020-13-40")).isNull();
    assertThat(DateFinder.inText("2021-02-29")).isNull();
    assertThat(DateFinder.inText("电话 010-12345678")).isNull();
    // the first valid one wins
    assertThat(DateFinder.inText("2020-13-40 或 2020-12-01").instant())
        .isEqualTo(Instant.parse("2020-11-30T16:00:00Z"));
  }

  @Test
  void compactMetaValues() {
    assertThat(DateFinder.inMetaValue("20200222").instant()).isEqualTo(Instant.parse("2020-02-21T16:00:00Z"));
    assertThat(DateFinder.inMetaValue("20200222103000").instant()).isEqualTo(Instant.parse("2020-02-22T02:30:00Z"));
    assertThat(DateFinder.inMetaValue("20201322")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "http://www.example.gov.cn/zwgk/202212/t20221225_123.html, 2022-12-25",
    "http://www.example.com/n/2020/0222/c1001-1.html, 2020-02-22",
    "http://www.example.com/2011-04/22/c_13841234.htm, 2011-04-22",
    "https://finance.example.com/roll/2021-01-19/doc-ikftssan.shtml, 2021-01-19",
    "https://www.example.com/a/20110310/000123.htm, 2011-03-10",
    "https://www.example.com/news/2017_08_31_425.shtml, 2017-08-31",
    "https://www.example.com/12/0810/10/8A1B2C3D.html, 2012-08-10",
  })
  void readsDatesInUrls(String url, String day) {
    DateFinder.Found found = DateFinder.inUrl(url);
    assertThat(found).isNotNull();
    assertThat(found.instant().atOffset(DateFinder.NAIVE_OFFSET).toLocalDate()).hasToString(day);
    assertThat(found.hasTime()).isFalse();
  }

  @Test
  void urlsWithoutDates() {
    assertThat(DateFinder.inUrl("https://www.example.com/p/vector-db-benchmark")).isNull();
    assertThat(DateFinder.inUrl("https://www.example.com/item/2023456789.html")).isNull();
    assertThat(DateFinder.inUrl(null)).isNull();
    // the host is not the path
    assertThat(DateFinder.inUrl("https://2020-02-22.example.com/a.html")).isNull();
  }

  @Test
  void aLabelledDateWithoutItsYearTakesItFromTheSameDayElsewhereOnThePage() {
    DateFinder.Found sameDay = DateFinder.inMetaValue("2019-10-08 12:00:57");
    assertThat(DateFinder.inShortLabelledText("10-08 12:00 优质原创作者", sameDay).instant())
        .isEqualTo(java.time.Instant.parse("2019-10-08T04:00:00Z"));
    assertThat(DateFinder.inShortLabelledText("10-0812:00", sameDay).instant())
        .as("the date and time spans glued").isEqualTo(java.time.Instant.parse("2019-10-08T04:00:00Z"));
    assertThat(DateFinder.inShortLabelledText("10-09 12:00", sameDay)).as("another day: no year to borrow").isNull();
    assertThat(DateFinder.inShortLabelledText("10-08 12:00", null)).isNull();
    assertThat(DateFinder.inShortLabelledText("18-03-08 23:16", null).instant())
        .isEqualTo(java.time.Instant.parse("2018-03-08T15:16:00Z"));
    assertThat(DateFinder.inShortLabelledText("共3页", null)).isNull();
  }
}
