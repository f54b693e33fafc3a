package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The reduce side of term_frequencies without Spark: the tasks' sums (period, source, term, tag,
 * n, docs, key), sorted by key, to one row per (period, source, term) with the most frequent tag.
 */
class PickTagsTest {
  private static final Date FEB = Date.valueOf("2022-02-01");
  private static final Date MAR = Date.valueOf("2022-03-01");

  private static Row sum(Date period, String source, String term, String tag, long n, long docs, long key) {
    return RowFactory.create(period, source, term, tag, n, docs, key);
  }

  private static Map<String, Row> picked(List<Row> sortedByKey) throws Exception {
    Iterator<Row> out = new TermFrequencies.PickTags().call(sortedByKey.iterator());
    Map<String, Row> m = new HashMap<>();
    while (out.hasNext()) {
      Row r = out.next();
      String k = r.get(0) + "|" + r.getString(1) + "|" + r.getString(2);
      assertThat(m.put(k, r)).as("one row per (period, source, term): " + k).isNull();
    }
    return m;
  }

  @Test
  void sumsOverTasksAndTagsAndPicksTheMostFrequentTag() throws Exception {
    // 发展 in February, 甲报: two tasks' sums, v 2+1 against vn 2 -> v, 5 occurrences, 1+2 documents
    Map<String, Row> rows = picked(List.of(
        sum(FEB, "甲报", "发展", "v", 2, 1, 10),
        sum(FEB, "甲报", "发展", "vn", 2, 0, 10),
        sum(FEB, "甲报", "发展", "v", 1, 2, 10),
        sum(FEB, "甲报", "市场", "n", 4, 3, 20)));
    assertThat(rows).hasSize(2);
    Row develop = rows.get("2022-02-01|甲报|发展");
    assertThat(develop.getString(3)).isEqualTo("v");
    assertThat(develop.getLong(4)).isEqualTo(5L);
    assertThat(develop.getLong(5)).isEqualTo(3L);
    assertThat(rows.get("2022-02-01|甲报|市场").getLong(4)).isEqualTo(4L);
  }

  @Test
  void tiesGoToTheAlphabeticallyFirstTagAndANullTagBeforeAny() throws Exception {
    Map<String, Row> rows = picked(List.of(
        sum(FEB, "乙报", "开放", "vn", 1, 1, 1),
        sum(FEB, "乙报", "开放", "a", 1, 0, 1),
        sum(FEB, "乙报", "开放", "v", 1, 1, 1),
        sum(FEB, "乙报", "改革", "v", 2, 1, 2),
        sum(FEB, "乙报", "改革", null, 2, 1, 2),
        sum(FEB, "乙报", "改革", "n", 2, 0, 2)));
    assertThat(rows.get("2022-02-01|乙报|开放").getString(3)).isEqualTo("a");
    assertThat(rows.get("2022-02-01|乙报|开放").getLong(4)).isEqualTo(3L);
    assertThat(rows.get("2022-02-01|乙报|改革").isNullAt(3)).isTrue();
    assertThat(rows.get("2022-02-01|乙报|改革").getLong(4)).isEqualTo(6L);
  }

  @Test
  void groupsThatShareAKeyStayApart() throws Exception {
    // a hash collision: three (period, source, term) under one key, their rows interleaved, and a
    // null period and source (undated articles, no source) among them
    Map<String, Row> rows = picked(List.of(
        sum(FEB, "甲报", "芯片", "n", 3, 2, 7),
        sum(MAR, "甲报", "芯片", "n", 1, 1, 7),
        sum(null, null, "芯片", "nz", 5, 4, 7),
        sum(FEB, "甲报", "芯片", "nz", 1, 0, 7),
        sum(MAR, "甲报", "芯片", "nz", 2, 0, 7),
        sum(null, null, "芯片", "n", 1, 0, 7),
        sum(MAR, "丙报", "电池", "n", 9, 9, 8)));
    assertThat(rows).hasSize(4);
    Row feb = rows.get("2022-02-01|甲报|芯片");
    assertThat(List.of(feb.getString(3), feb.getLong(4), feb.getLong(5))).containsExactly("n", 4L, 2L);
    Row mar = rows.get("2022-03-01|甲报|芯片");
    assertThat(List.of(mar.getString(3), mar.getLong(4), mar.getLong(5))).containsExactly("nz", 3L, 1L);
    Row undated = rows.get("null|null|芯片");
    assertThat(List.of(undated.getString(3), undated.getLong(4), undated.getLong(5))).containsExactly("nz", 6L, 4L);
    assertThat(rows.get("2022-03-01|丙报|电池").getLong(4)).isEqualTo(9L);
  }

  @Test
  void anEmptyPartitionGivesNoRows() throws Exception {
    assertThat(picked(new ArrayList<>())).isEmpty();
  }
}
