package org.corpuslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.corpuslens.testing.Duck;

/**
 * Compares the six tables of two outputs row for row with DuckDB: same row count, and {@code
 * EXCEPT ALL} empty in both directions. Doubles (also inside maps) are rounded to 9 significant
 * digits, since sums of doubles may differ in the last bits when Spark adds them in another order.
 * {@code source_path} values are compared relative to each side's input root, so that the same
 * posts read from {@code file:} and from {@code hdfs://} compare equal.
 */
final class TableDiff {
  static final List<String> TABLES =
      List.of("articles", "rejects", "term_frequencies", "topic_trends", "topic_trends_by_source", "source_stats");

  private TableDiff() {}

  /** One output: its folder and the prefix of its {@code source_path}s (the input root's URI). */
  record Side(Path tables, String inputRoot) {}

  /** Asserts that every table of {@code actual} equals the one of {@code expected}. */
  static void assertSameTables(Side expected, Side actual) throws SQLException {
    try (Duck duck = new Duck()) {
      SoftAssertions softly = new SoftAssertions();
      for (String table : TABLES) {
        String a = select(duck, expected, table);
        String b = select(duck, actual, table);
        Map<String, Object> c =
            duck.query(
                    "SELECT (SELECT count(*) FROM (" + a + ")) AS expected, (SELECT count(*) FROM (" + b + ")) AS actual, "
                        + "(SELECT count(*) FROM (" + a + " EXCEPT ALL " + b + ")) AS missing, "
                        + "(SELECT count(*) FROM (" + b + " EXCEPT ALL " + a + ")) AS extra")
                .get(0);
        softly.assertThat(((Number) c.get("expected")).longValue()).as(table + ": rows of the reference").isPositive();
        softly.assertThat(c.get("actual")).as(table + ": row count").isEqualTo(c.get("expected"));
        softly.assertThat(((Number) c.get("missing")).longValue()).as(table + ": reference rows missing").isZero();
        softly.assertThat(((Number) c.get("extra")).longValue()).as(table + ": rows not in the reference").isZero();
        if (((Number) c.get("missing")).longValue() > 0) {
          softly.fail(table + ": first differing rows:\n" + duck.query("SELECT * FROM (" + a + " EXCEPT ALL " + b + ") LIMIT 3")
              + "\nvs\n" + duck.query("SELECT * FROM (" + b + " EXCEPT ALL " + a + ") LIMIT 3"));
        }
      }
      softly.assertAll();
    }
  }

  /** SELECT of a table with doubles rounded and source paths made relative. */
  static String select(Duck duck, Side side, String table) throws SQLException {
    String from = Duck.table(side.tables(), table);
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> col : duck.query("DESCRIBE SELECT * FROM " + from)) {
      String name = (String) col.get("column_name");
      String type = ((String) col.get("column_type")).toUpperCase(Locale.ROOT);
      String q = '"' + name + '"';
      if (type.equals("DOUBLE") || type.equals("FLOAT")) {
        columns.add(round(q) + " AS " + q);
      } else if (type.matches("MAP\\(VARCHAR, (DOUBLE|FLOAT)\\)")) {
        columns.add("map_from_entries(list_transform(map_entries(" + q + "), lambda e: {'key': e.key, 'value': "
            + round("e.value") + "})) AS " + q);
      } else if (name.equals("source_path")) {
        columns.add("replace(" + q + ", " + literal(side.inputRoot()) + ", '<input>') AS " + q);
      } else {
        assertThat(type).as(table + "." + name).doesNotContain("DOUBLE").doesNotContain("FLOAT");
        columns.add(q);
      }
    }
    return "SELECT " + String.join(", ", columns) + " FROM " + from;
  }

  /** Rounds to 9 significant digits (NaN, infinities and null pass through). */
  private static String round(String x) {
    return "CASE WHEN " + x + " = 0 OR NOT isfinite(" + x + ") THEN " + x
        + " ELSE round(" + x + ", CAST(8 - floor(log10(abs(" + x + "))) AS INTEGER)) END";
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
