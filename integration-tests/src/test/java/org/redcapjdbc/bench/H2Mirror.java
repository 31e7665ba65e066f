package org.redcapjdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import org.redcapjdbc.it.correctness.H2Types;

/**
 * Copies a driver table into H2, column for column with the types the driver reports, so that
 * both databases hold the same values.
 */
final class H2Mirror {
  private H2Mirror() {}

  /** Creates {@code table} in H2 from the driver's {@code SELECT *} and fills it; the row count. */
  static long copy(Connection redcap, Connection h2, String table) throws SQLException {
    try (Statement s = redcap.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (");
      for (int i = 1; i <= n; i++) {
        ddl.append(i > 1 ? ", " : "")
            .append(md.getColumnLabel(i))
            .append(' ')
            .append(h2Type(md, i));
      }
      try (Statement create = h2.createStatement()) {
        create.execute(ddl.append(')').toString());
      }
      String insert =
          "INSERT INTO "
              + table
              + " VALUES ("
              + String.join(", ", Collections.nCopies(n, "?"))
              + ")";
      long rows = 0;
      h2.setAutoCommit(false);
      try (PreparedStatement ps = h2.prepareStatement(insert)) {
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            ps.setObject(i, rs.getObject(i));
          }
          ps.addBatch();
          if (++rows % 1000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      h2.commit();
      h2.setAutoCommit(true);
      // The record ID is what every join and lookup of these tables goes by; an H2 user would
      // index it, and without the index H2 joins two 20,000-row tables by nested loops.
      if (hasColumn(md, "record_id")) {
        try (Statement index = h2.createStatement()) {
          index.execute("CREATE INDEX ON " + table + " (record_id)");
        }
      }
      return rows;
    }
  }

  private static boolean hasColumn(ResultSetMetaData md, String name) throws SQLException {
    for (int i = 1; i <= md.getColumnCount(); i++) {
      if (md.getColumnLabel(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static String h2Type(ResultSetMetaData md, int i) throws SQLException {
    String label = md.getColumnLabel(i);
    String typeName = md.getColumnTypeName(i);
    return H2Types.ddlType(md.getColumnType(i), md.getPrecision(i), md.getScale(i))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No H2 type for column " + label + " of JDBC type " + typeName));
  }
}
