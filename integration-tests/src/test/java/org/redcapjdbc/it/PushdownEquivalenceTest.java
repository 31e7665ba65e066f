package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats;

/**
 * The filterLogic a query sends is a superset that never changes a result: random predicates of
 * every kind (comparisons, IN, BETWEEN, LIKE, IS NULL, NOT, AND, OR) on every column type of a
 * synthetic project full of awkward values give exactly the rows of the same query with
 * {@code pushdown=false}, which reads everything and lets Calcite filter. The emulator evaluates
 * the logic as REDCap does, so this is the oracle for the translation's rules.
 */
class PushdownEquivalenceTest extends EmulatorTest {
  private static final int QUERIES_PER_TABLE = 40;

  @TempDir Path dir;

  static Stream<Arguments> projects() {
    return Stream.of(
        Arguments.of("classic synthetic", List.of("records", "person", "visit"), 3),
        Arguments.of(
            "longitudinal synthetic, visit repeating", List.of("records", "person", "visit"), 5),
        Arguments.of(
            "redcapr/longitudinal/project.xml",
            List.of("records", "demographics", "baseline_data", "visit_observed_behavior"),
            3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void randomPredicatesGiveTheSameRowsWithAndWithoutPushdown(
      String source, List<String> tables, int pushedAtLeastOneIn) throws SQLException {
    boolean longitudinal = source.startsWith("longitudinal synthetic");
    EmulatedProject project =
        source.endsWith(".xml")
            ? load(source)
            : load(
                SyntheticProject.write(
                    dir.resolve(longitudinal ? "zoo_long" : "zoo"), 11, 120, longitudinal));
    Random random = new Random(source.hashCode());
    int pushed = 0;
    int queries = 0;
    try (Connection pushing = connect(project);
        Connection plain = connect(project, "pushdown=false")) {
      for (String table : tables) {
        Map<String, Integer> types = columnTypes(plain, table);
        Map<String, List<Object>> samples = new LinkedHashMap<>();
        for (String column : types.keySet()) {
          samples.put(column, distinct(plain, table, column));
        }
        for (int q = 0; q < QUERIES_PER_TABLE; q++) {
          String predicate = predicate(random, types, samples);
          String sql = "SELECT * FROM \"" + table + "\" WHERE " + predicate;
          List<String> expected = sortedRows(plain, sql);
          emulator.resetStats();
          List<String> actual = sortedRows(pushing, sql);
          assertThat(actual).as(sql).containsExactlyElementsOf(expected);
          queries++;
          for (EmulatorStats.RecordedRequest r : exports()) {
            if (System.getenv("REDCAP_IT_SHOW_LOGIC") != null) {
              System.out.println(sql + "\n   -> " + r.param("filterLogic"));
            }
            if (r.param("filterLogic") != null) {
              pushed++;
              break;
            }
          }
        }
      }
    }
    // Most predicates have a pushable part (fewer when visit repeats: its fields are never
    // pushed); the test would prove little if nothing were pushed.
    assertThat(pushed)
        .as("queries that sent filterLogic")
        .isGreaterThan(queries / pushedAtLeastOneIn);
  }

  private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
    Map<String, Integer> types = new LinkedHashMap<>();
    DatabaseMetaData md = c.getMetaData();
    try (ResultSet rs = md.getColumns(null, "redcap", table, "%")) {
      while (rs.next()) {
        types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
      }
    }
    assertThat(types).as("columns of " + table).isNotEmpty();
    return types;
  }

  private static List<Object> distinct(Connection c, String table, String column)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    for (List<Object> row :
        Jdbc.rows(c, "SELECT DISTINCT \"" + column + "\" FROM \"" + table + "\"")) {
      if (row.get(0) != null) {
        values.add(row.get(0));
      }
    }
    return values;
  }

  private static List<String> sortedRows(Connection c, String sql) throws SQLException {
    return Jdbc.rows(c, sql).stream().map(Objects::toString).sorted().collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- predicate generator

  private static String predicate(
      Random r, Map<String, Integer> types, Map<String, List<Object>> samples) {
    int shape = r.nextInt(20);
    if (shape < 11) {
      return simple(r, types, samples);
    }
    if (shape < 15) {
      return "(" + simple(r, types, samples) + ") AND (" + simple(r, types, samples) + ")";
    }
    if (shape < 18) {
      return "(" + simple(r, types, samples) + ") OR (" + simple(r, types, samples) + ")";
    }
    return "NOT ((" + simple(r, types, samples) + ") OR (" + simple(r, types, samples) + "))";
  }

  private static String simple(
      Random r, Map<String, Integer> types, Map<String, List<Object>> samples) {
    List<String> columns = new ArrayList<>(types.keySet());
    String column = columns.get(r.nextInt(columns.size()));
    String c = "\"" + column + "\"";
    int type = types.get(column);
    List<Object> values = samples.get(column);
    if (values.isEmpty() || r.nextInt(12) == 0) {
      return c + (r.nextBoolean() ? " IS NULL" : " IS NOT NULL");
    }
    String v = literal(values.get(r.nextInt(values.size())));
    String w = literal(values.get(r.nextInt(values.size())));
    if (type == Types.BOOLEAN) {
      String[] forms = {
        c,
        "NOT " + c,
        c + " = " + v,
        c + " IS TRUE",
        c + " IS FALSE",
        c + " IS NOT TRUE",
        c + " <> " + v
      };
      return forms[r.nextInt(forms.length)];
    }
    if (type == Types.VARCHAR) {
      String text = String.valueOf(values.get(r.nextInt(values.size())));
      String part = text.length() > 2 ? text.substring(0, 1 + r.nextInt(text.length() - 1)) : text;
      String[] forms = {
        c + " = " + v,
        c + " IN (" + v + ", " + w + ")",
        c + " <> " + v,
        c + " > " + v,
        "NOT (" + c + " = " + v + ")",
        c + " LIKE " + literal(part + "%"),
        c + " LIKE " + literal("%" + part + "%"),
        c + " LIKE " + literal("%" + part),
        c + " LIKE " + literal("_" + part + "%"),
        "UPPER(" + c + ") = " + v
      };
      return forms[r.nextInt(forms.length)];
    }
    String[] forms = {
      c + " = " + v,
      c + " <> " + v,
      c + " < " + v,
      c + " <= " + v,
      c + " > " + v,
      c + " >= " + v,
      c + " BETWEEN " + v + " AND " + w,
      c + " IN (" + v + ", " + w + ")",
      c + " NOT BETWEEN " + v + " AND " + w,
      "NOT (" + c + " > " + v + ")",
      c + " NOT IN (" + v + ", " + w + ")"
    };
    return forms[r.nextInt(forms.length)];
  }

  private static String literal(Object value) {
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof java.sql.Date d) {
      return "DATE '" + d + "'";
    }
    if (value instanceof java.sql.Timestamp t) {
      return "TIMESTAMP '"
          + t.toLocalDateTime().toString().replace('T', ' ')
          + (t.toLocalDateTime().getSecond() == 0 ? ":00" : "")
          + "'";
    }
    if (value instanceof java.sql.Time t) {
      return "TIME '" + t + "'";
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    return String.valueOf(value);
  }
}
