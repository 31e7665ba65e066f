package org.redcapjdbc.it.correctness;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * A query's result in a form two databases can be compared in: each value as a tagged text, so
 * that numbers compare by value whatever their Java class ({@code 2}, {@code 2.0} and
 * {@code 2.00} are one number), approximate numbers (DOUBLE, REAL, FLOAT columns on either side)
 * to 12 significant digits, dates and times by their local value, and a string never equals a
 * number.
 */
final class QueryResult {
  private final int columns;
  private final List<List<String>> rows;
  private final boolean[] approximate;

  private QueryResult(int columns, List<List<String>> rows, boolean[] approximate) {
    this.columns = columns;
    this.rows = rows;
    this.approximate = approximate;
  }

  static QueryResult run(Connection c, CorpusEntry entry) throws SQLException {
    return run(c, entry.sql(), entry.params());
  }

  static QueryResult run(Connection c, String sql, List<CorpusEntry.Param> params)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        params.get(i).bind(s, i + 1);
      }
      try (ResultSet rs = s.executeQuery()) {
        return read(rs);
      }
    }
  }

  static QueryResult read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    boolean[] approximate = new boolean[n];
    for (int i = 0; i < n; i++) {
      int t = md.getColumnType(i + 1);
      approximate[i] = t == Types.DOUBLE || t == Types.FLOAT || t == Types.REAL;
    }
    List<List<Object>> raw = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(rs.getObject(i));
      }
      raw.add(row);
    }
    List<List<String>> rows = new ArrayList<>(raw.size());
    for (List<Object> r : raw) {
      List<String> row = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        row.add(canonical(r.get(i), approximate[i]));
      }
      rows.add(row);
    }
    return new QueryResult(n, rows, approximate);
  }

  int columnCount() {
    return columns;
  }

  int rowCount() {
    return rows.size();
  }

  /**
   * The rows, re-canonicalized so that a column approximate on either side is approximate on
   * both (Calcite and H2 may type an aggregate differently).
   */
  List<String> rowsComparableWith(QueryResult other, boolean ordered) {
    List<String> out = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      StringJoiner j = new StringJoiner(" | ", "[", "]");
      for (int i = 0; i < row.size(); i++) {
        boolean approx = approximate[i] || (i < other.approximate.length && other.approximate[i]);
        j.add(approx ? approximate(row.get(i)) : row.get(i));
      }
      out.add(j.toString());
    }
    if (!ordered) {
      out.sort(null);
    }
    return out;
  }

  private static String canonical(Object v, boolean approximate) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Number n) {
      BigDecimal d =
          n instanceof BigDecimal b
              ? b
              : n instanceof Double || n instanceof Float
                  ? bigDecimalOf(n.doubleValue())
                  : new BigDecimal(n.toString());
      if (d == null) {
        return "n:" + n; // NaN or infinity
      }
      if (approximate) {
        d = d.round(new MathContext(12));
      }
      return "n:" + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    }
    if (v instanceof Boolean b) {
      return "b:" + b;
    }
    if (v instanceof String s) {
      return "s:" + s;
    }
    if (v instanceof java.sql.Date d) {
      return "d:" + d.toLocalDate();
    }
    if (v instanceof java.sql.Timestamp t) {
      return "ts:" + t.toLocalDateTime();
    }
    if (v instanceof java.sql.Time t) {
      return "t:" + t.toLocalTime();
    }
    if (v instanceof LocalDate d) {
      return "d:" + d;
    }
    if (v instanceof LocalDateTime t) {
      return "ts:" + t;
    }
    if (v instanceof LocalTime t) {
      return "t:" + t;
    }
    if (v instanceof byte[] b) {
      return "x:" + HexFormat.of().formatHex(b);
    }
    return v.getClass().getSimpleName() + ":" + v;
  }

  private static BigDecimal bigDecimalOf(double d) {
    return Double.isFinite(d) ? new BigDecimal(d) : null;
  }

  /** An already canonical number rounded to 12 significant digits; other values unchanged. */
  private static String approximate(String canonical) {
    if (!canonical.startsWith("n:")) {
      return canonical;
    }
    try {
      BigDecimal d = new BigDecimal(canonical.substring(2)).round(new MathContext(12));
      return "n:" + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    } catch (NumberFormatException e) {
      return canonical;
    }
  }
}
