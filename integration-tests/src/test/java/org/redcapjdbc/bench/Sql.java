package org.redcapjdbc.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/** Connections to the driver and reading result sets the way the benchmarks count them. */
final class Sql {
  private Sql() {}

  /** A driver connection; {@code properties} are {@code key=value} connection properties. */
  static Connection redcap(String url, String token, String... properties) throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", token);
    // The emulator on loopback is no shared server to protect, and the request governor's waits
    // would be measured instead of the driver: off unless a measure sets it.
    info.setProperty("maxRequestsPerMinute", "0");
    for (String p : properties) {
      int eq = p.indexOf('=');
      info.setProperty(p.substring(0, eq), p.substring(eq + 1));
    }
    return DriverManager.getConnection("jdbc:redcap:" + url, info);
  }

  /** Reads every column of every row with {@code getObject}; counts, keeps nothing. */
  static Sample.Counted readAll(ResultSet rs) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    long rows = 0;
    long nonNull = 0;
    while (rs.next()) {
      rows++;
      for (int i = 1; i <= n; i++) {
        if (rs.getObject(i) != null) {
          nonNull++;
        }
      }
    }
    return new Sample.Counted(rows, rows * n, nonNull, 0);
  }

  static Sample.Counted readAll(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return readAll(rs);
    }
  }

  /**
   * Reads every value with {@code getObject} into a SHA-256 of the rows in order: equal digests
   * mean identical results, row order included.
   */
  static String digest(Connection c, String sql) throws SQLException {
    MessageDigest sha = sha256();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          sha.update(canonical(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0x1f);
        }
        sha.update((byte) '\n');
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Every row as one canonical line, for comparing results across databases. */
  static List<String> lines(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          if (i > 1) {
            sb.append(" | ");
          }
          sb.append(canonical(rs.getObject(i)));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  /** Numbers compared by value (H2 and Calcite differ in scale), everything else by text. */
  static String canonical(Object o) {
    if (o == null) {
      return "NULL";
    }
    if (o instanceof BigDecimal b) {
      return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    if (o instanceof Double || o instanceof Float) {
      double d = ((Number) o).doubleValue();
      return BigDecimal.valueOf(d)
          .round(new java.math.MathContext(12))
          .stripTrailingZeros()
          .toPlainString();
    }
    if (o instanceof Number n) {
      return Long.toString(n.longValue());
    }
    return o.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
