package org.redcapjdbc.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/** Connections to emulated projects through the real driver, and result sets as lists. */
public final class Jdbc {
  static {
    try {
      Class.forName("org.redcapjdbc.jdbc.RedcapDriver");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Jdbc() {}

  /**
   * A connection to {@code project}, with {@code properties} as {@code key=value} pairs; the
   * project model is read afresh (metadataTtl=0) and requests are not rate-limited
   * (maxRequestsPerMinute=0) unless a property says otherwise.
   */
  static Connection connect(RedcapEmulator emulator, EmulatedProject project, String... properties)
      throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", project.token());
    info.setProperty("metadataTtl", "0");
    // Tests send thousands of requests a minute to their emulator (ConcurrentFaultsTest about
    // 3,200); the governor's default of 300 would stretch them to many minutes.
    // RequestRateLimitTest sets its own limit.
    info.setProperty("maxRequestsPerMinute", "0");
    for (String p : properties) {
      int eq = p.indexOf('=');
      info.setProperty(p.substring(0, eq), p.substring(eq + 1));
    }
    return DriverManager.getConnection("jdbc:redcap:" + emulator.url(), info);
  }

  /** Every row of the query, each value as {@code getObject} returns it. */
  public static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  public static List<List<Object>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.add(rs.getObject(i));
      }
      out.add(row);
    }
    return out;
  }

  /** The only value of a one-row, one-column query. */
  public static Object value(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = rows(c, sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("Expected one value from " + sql + " but got " + rows);
    }
    return rows.get(0).get(0);
  }

  static List<String> columns(ResultSet rs) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      names.add(rs.getMetaData().getColumnLabel(i));
    }
    return names;
  }
}
