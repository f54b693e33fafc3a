package org.corpuslens.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Parquet tables with DuckDB: a reader independent of Spark, as analysts use it. Each row
 * comes back as a column-name to value map.
 */
public final class Duck implements AutoCloseable {
  private final Connection connection;

  public Duck() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    }
  }

  /** {@code read_parquet} of every Parquet file of a table directory (Hive partitions included). */
  public static String table(Path root, String name) {
    return "read_parquet('" + root.resolve(name).toString().replace("'", "''") + "/**/*.parquet', hive_partitioning = true)";
  }

  public List<Map<String, Object>> query(String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Every row of a query rendered as one string, sorted: for comparing whole tables. */
  public List<String> canonicalRows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> row : query(sql)) {
      out.add(row.toString());
    }
    out.sort(null);
    return out;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
