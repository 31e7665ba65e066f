package org.redcapjdbc.it.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.redcapjdbc.it.Jdbc;

/** Connections through the real driver, and result sets as lists of rows. */
final class Sql {
  static {
    try {
      Class.forName("org.redcapjdbc.jdbc.RedcapDriver");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Sql() {}

  /**
   * A connection to the API at {@code url} with {@code token}; {@code properties} are
   * {@code key=value} pairs. The project model is read afresh (metadataTtl=0) unless a property
   * says otherwise, so that no test sees another's cached model; requests are not rate-limited
   * (maxRequestsPerMinute=0) unless a property says otherwise.
   */
  static Connection connect(String url, String token, String... properties) throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", token);
    info.setProperty("metadataTtl", "0");
    // Tests send thousands of requests a minute to their emulator (ConcurrentFaultsTest about
    // 3,200); the governor's default of 300 would stretch them to many minutes.
    // RequestRateLimitTest sets its own limit.
    info.setProperty("maxRequestsPerMinute", "0");
    for (String p : properties) {
      int eq = p.indexOf('=');
      info.setProperty(p.substring(0, eq), p.substring(eq + 1));
    }
    return DriverManager.getConnection("jdbc:redcap:" + url, info);
  }

  /** Every row of the query, each value as {@code getObject} returns it. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    return Jdbc.rows(c, sql);
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    return Jdbc.rows(rs);
  }

  /** The only value of a one-row, one-column query. */
  static Object value(Connection c, String sql) throws SQLException {
    return Jdbc.value(c, sql);
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
