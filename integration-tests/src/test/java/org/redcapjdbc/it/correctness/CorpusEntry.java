package org.redcapjdbc.it.correctness;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * One query of the comparison corpus.
 *
 * @param id unique within the corpus, e.g. {@code filters/integer-range}
 * @param projects the ids of the {@link ComparedProject}s it runs on
 * @param ordered whether its ORDER BY fixes the order of every row, so that the order is compared
 *     too (otherwise rows compare as multisets)
 * @param params values bound to its {@code ?} markers, in order
 * @param source the file and line it was read from, for messages
 */
record CorpusEntry(
    String id,
    Set<ComparedProject> projects,
    boolean ordered,
    List<Param> params,
    String sql,
    String source) {
  CorpusEntry {
    requireNonNull(id, "id");
    projects = Set.copyOf(projects);
    params = List.copyOf(params);
    requireNonNull(sql, "sql");
  }

  /** A typed parameter value, written {@code TYPE value} in the corpus ({@code NULL TYPE} too). */
  record Param(int type, Object value) {
    static Param parse(String text) {
      String t = text.trim();
      int space = t.indexOf(' ');
      if (space < 0) {
        throw new IllegalArgumentException("A parameter is 'TYPE value', got '" + t + "'");
      }
      String type = t.substring(0, space);
      String v = t.substring(space + 1).trim();
      if (type.equals("NULL")) {
        return new Param(sqlType(v), null);
      }
      return switch (type) {
        case "VARCHAR" -> new Param(Types.VARCHAR, v);
        case "BIGINT" -> new Param(Types.BIGINT, Long.valueOf(v));
        case "INTEGER" -> new Param(Types.INTEGER, Integer.valueOf(v));
        case "DECIMAL" -> new Param(Types.DECIMAL, new BigDecimal(v));
        case "DOUBLE" -> new Param(Types.DOUBLE, Double.valueOf(v));
        case "BOOLEAN" -> new Param(Types.BOOLEAN, Boolean.valueOf(v));
        case "DATE" -> new Param(Types.DATE, java.sql.Date.valueOf(LocalDate.parse(v)));
        case "TIME" -> new Param(Types.TIME, java.sql.Time.valueOf(LocalTime.parse(v)));
        case "TIMESTAMP" ->
            new Param(
                Types.TIMESTAMP,
                java.sql.Timestamp.valueOf(LocalDateTime.parse(v.replace(' ', 'T'))));
        default -> throw new IllegalArgumentException("Unknown parameter type " + type);
      };
    }

    private static int sqlType(String name) {
      return switch (name) {
        case "VARCHAR" -> Types.VARCHAR;
        case "BIGINT" -> Types.BIGINT;
        case "INTEGER" -> Types.INTEGER;
        case "DECIMAL" -> Types.DECIMAL;
        case "DOUBLE" -> Types.DOUBLE;
        case "BOOLEAN" -> Types.BOOLEAN;
        case "DATE" -> Types.DATE;
        case "TIME" -> Types.TIME;
        case "TIMESTAMP" -> Types.TIMESTAMP;
        default -> throw new IllegalArgumentException("Unknown parameter type " + name);
      };
    }

    /** Binds the value with {@code setObject(index, value, type)}, the general JDBC path. */
    void bind(PreparedStatement s, int index) throws SQLException {
      if (value == null) {
        s.setNull(index, type);
      } else {
        s.setObject(index, value, type);
      }
    }
  }
}
