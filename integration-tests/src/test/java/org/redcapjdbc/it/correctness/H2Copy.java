package org.redcapjdbc.it.correctness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory H2 database holding one project's tables under the driver's schema, table and
 * column names and types, filled with {@link ExpectedRows}. Identifiers are case-insensitive, as
 * the driver's are, and NULLs sort high (last ascending, first descending), as Calcite's do: SQL
 * leaves NULL order to the implementation, so the suite fixes it rather than compare it.
 */
final class H2Copy implements AutoCloseable {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final String url;
  private final Connection keeper;
  private final Map<String, Integer> rowCounts = new LinkedHashMap<>();

  private H2Copy(String url, Connection keeper) {
    this.url = url;
    this.keeper = keeper;
  }

  /** Copies every table of {@code shapes} that {@code expected} can derive. */
  static H2Copy of(String name, List<TableShape> shapes, ExpectedRows expected)
      throws SQLException {
    String url =
        "jdbc:h2:mem:copy"
            + SEQUENCE.incrementAndGet()
            + "_"
            + name.replaceAll("[^A-Za-z0-9]", "_")
            + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE;DATABASE_TO_UPPER=FALSE"
            + ";DEFAULT_NULL_ORDERING=HIGH";
    Connection c = DriverManager.getConnection(url);
    H2Copy copy = new H2Copy(url, c);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA \"redcap\"");
        s.execute("CREATE SCHEMA \"meta\"");
      }
      for (TableShape t : shapes) {
        List<Object[]> rows = expected.of(t);
        if (rows != null) {
          copy.create(t, rows);
        }
      }
    } catch (SQLException | RuntimeException | Error e) {
      c.close();
      throw e;
    }
    return copy;
  }

  private void create(TableShape t, List<Object[]> rows) throws SQLException {
    StringJoiner columns = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    for (ColumnShape c : t.columns()) {
      columns.add("\"" + c.name() + "\" " + c.h2Type());
      marks.add("?");
    }
    try (Statement s = keeper.createStatement()) {
      s.execute("CREATE TABLE " + t.qualifiedName() + " (" + columns + ")");
    }
    try (PreparedStatement insert =
        keeper.prepareStatement("INSERT INTO " + t.qualifiedName() + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 1, row[i]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
    rowCounts.put(t.schema() + "." + t.name(), rows.size());
  }

  /** A new connection whose default schema is {@code redcap}. */
  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url);
    c.setSchema("redcap");
    return c;
  }

  /** Rows copied per {@code schema.table}. */
  Map<String, Integer> rowCounts() {
    return Collections.unmodifiableMap(rowCounts);
  }

  @Override
  public void close() throws SQLException {
    keeper.close();
  }
}
