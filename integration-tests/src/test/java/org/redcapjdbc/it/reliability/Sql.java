package org.redcapjdbc.it.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Connections through the real driver, and result sets as lists of rows. */
final class Sql {
  static {
    try {
      Class.forName("org.redcapjdbc.jdbc.RedcapDriver");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Sql() {
  }

  /**
   * A connection to the API at {@code url} with {@code token}; {@code properties} are
   * {@code key=value} pairs. The project model is read afresh (metadataTtl=0) unless a property
   * says otherwise, so that no test sees another's cached model.
   */
  static Connection connect(String url, String token, String... properties) throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", token);
    info.setProperty("metadataTtl", "0");
    for (String p : properties) {
      int eq = p.indexOf('=');
      info.setProperty(p.substring(0, eq), p.substring(eq + 1));
    }
    return DriverManager.getConnection("jdbc:redcap:" + url, info);
  }

  /** Every row of the query, each value as {@code getObject} returns it. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(md.getColumnCount());
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.add(rs.getObject(i));
      }
      out.add(row);
    }
    return out;
  }

  /** The only value of a one-row, one-column query. */
  static Object value(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = rows(c, sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("Expected one value from " + sql + " but got " + rows);
    }
    return rows.get(0).get(0);
  }

  /** The messages of an exception and all its causes, one per line. */
  static String messages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t).append('\n');
    }
    return sb.toString();
  }
}
