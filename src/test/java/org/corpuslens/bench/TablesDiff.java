package org.corpuslens.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Whether two runs' tables hold the same rows, read with DuckDB (not Spark): the check behind a
 * speed change that must not change results. For articles (id, duplicate mark, similarity),
 * term_frequencies (every column), term_keyness and term_changes (counts, G² and log ratio to 9
 * decimals, direction, rank), prints the row count and the rows found in one output only, both
 * ways (multisets: a repeated row counts). Exit status 1 when any differ. Not a test.
 *
 * <p>Usage: {@code TablesDiff OUTPUT_A OUTPUT_B}
 */
public final class TablesDiff {
  private static final String[][] TABLES = {
    {"articles", "article_id, duplicate_of, round(similarity, 12)"},
    {"term_frequencies", "*"},
    {"term_keyness", "period, source, topic, term, count, doc_count, target_tokens, reference_tokens, "
        + "round(log_likelihood, 9), round(log_ratio, 9), direction, rank"},
    {"term_changes", "period, term, count, previous_count, target_tokens, reference_tokens, "
        + "round(log_likelihood, 9), round(log_ratio, 9), direction, rank"},
    {"rejects", "*"},
    {"_manifest", "*"},
    {"topic_trends", "*"},
    {"topic_trends_by_source", "*"},
    {"topic_index", "*"},
    {"topic_mentions", "*"},
    {"source_stats", "*"},
    {"syndication", "*"},
  };

  private TablesDiff() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TablesDiff OUTPUT_A OUTPUT_B");
    }
    boolean differ = false;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (String[] t : TABLES) {
        String a = rows(args[0], t[0], t[1]);
        String b = rows(args[1], t[0], t[1]);
        long n = count(s, a);
        long onlyA = count(s, a + " EXCEPT ALL " + b);
        long onlyB = count(s, b + " EXCEPT ALL " + a);
        differ |= onlyA + onlyB > 0;
        System.out.printf(Locale.ROOT, "%s: %d rows, %d only in the first, %d only in the second%n", t[0], n, onlyA, onlyB);
      }
    }
    if (differ) {
      System.exit(1);
    }
  }

  private static String rows(String output, String table, String columns) {
    String glob = (output + "/" + table + "/**/*.parquet").replace("'", "''");
    return "SELECT " + columns + " FROM read_parquet('" + glob + "', hive_partitioning = false)";
  }

  private static long count(Statement s, String query) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM (" + query + ")")) {
      r.next();
      return r.getLong(1);
    }
  }
}
