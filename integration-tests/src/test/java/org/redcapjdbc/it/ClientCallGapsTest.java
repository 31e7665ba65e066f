package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * Gaps found by trying real client calls: the {@code {oj ...}} escape report tools send, keys
 * whose columns are all NOT NULL (in getColumns and in the result set's metadata), and a warning
 * for a connection property nobody reads.
 */
class ClientCallGapsTest extends EmulatorTest {

  @Test
  void theOuterJoinEscapeRunsAsThePlainJoin() throws SQLException {
    EmulatedProject p = load("redcapr/simple");
    try (Connection c = connect(p)) {
      String plain =
          "SELECT d.record_id, h.height FROM demographics d LEFT OUTER JOIN health h"
              + " ON d.record_id = h.record_id ORDER BY d.record_id";
      String escaped =
          "SELECT d.record_id, h.height FROM {oj demographics d LEFT OUTER JOIN health h"
              + " ON d.record_id = h.record_id} ORDER BY d.record_id";
      List<List<Object>> expected = Jdbc.rows(c, plain);
      assertThat(expected).isNotEmpty();
      assertThat(Jdbc.rows(c, escaped)).isEqualTo(expected);
      try (var ps =
          c.prepareStatement(escaped.replace("ORDER BY", "WHERE d.record_id <> ? ORDER BY"))) {
        ps.setString(1, "no such record");
        assertThat(Jdbc.rows(ps.executeQuery())).isEqualTo(expected);
      }
    }
  }

  @Test
  void aMisspelledPropertyIsAConnectionWarning() throws SQLException {
    EmulatedProject p = load("redcapr/simple");
    try (Connection c = connect(p, "cahce=memory", "lableColumns=false")) {
      List<String> messages = new ArrayList<>();
      for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
        messages.add(w.getMessage());
      }
      assertThat(messages).hasSize(2);
      assertThat(messages.get(0)).contains("'cahce'");
      assertThat(messages.get(1)).contains("'lableColumns'", "did you mean 'labelColumns'?");
      c.clearWarnings();
      assertThat((Object) c.getWarnings()).isNull();
    }
    try (Connection c = connect(p, "labelColumns=false", "fun=mysql")) {
      assertThat((Object) c.getWarnings()).as("known properties warn of nothing").isNull();
    }
  }

  /**
   * Every key column of every table is NOT NULL, in getColumns and in a query's metadata, except
   * the repeat columns of {@code records} (README "The tables").
   */
  @Test
  void keyColumnsAreNotNullEverywhere() throws SQLException {
    for (String fixture :
        List.of(
            "redcapr/simple",
            "redcapr/longitudinal/project.xml",
            "redcapr/repeating-instruments",
            "redcapr/dag")) {
      EmulatedProject p = load(fixture);
      try (Connection c = connect(p)) {
        DatabaseMetaData md = c.getMetaData();
        for (String schema : List.of("redcap", "meta")) {
          List<String> tables = new ArrayList<>();
          try (ResultSet rs = md.getTables(null, schema, "%", null)) {
            while (rs.next()) {
              tables.add(rs.getString("TABLE_NAME"));
            }
          }
          for (String table : tables) {
            Map<String, Integer> nullable = new HashMap<>();
            try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
              while (rs.next()) {
                nullable.put(rs.getString("COLUMN_NAME"), rs.getInt("NULLABLE"));
              }
            }
            List<String> key = new ArrayList<>();
            try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
              while (rs.next()) {
                key.add(rs.getString("COLUMN_NAME"));
              }
            }
            String what = fixture + " " + schema + "." + table;
            if (schema.equals("redcap") && table.equals("records")) {
              // The one documented exception: records' repeat columns are blank on base rows.
              key.removeIf(k -> k.startsWith("redcap_repeat_"));
            }
            for (String k : key) {
              assertThat(nullable.get(k))
                  .as("getColumns NULLABLE of key column %s of %s", k, what)
                  .isEqualTo(DatabaseMetaData.columnNoNulls);
            }
            if (key.isEmpty()) {
              continue;
            }
            try (Statement s = c.createStatement();
                ResultSet rs =
                    s.executeQuery(
                        "SELECT "
                            + String.join(", ", key)
                            + " FROM "
                            + schema
                            + "."
                            + table
                            + " WHERE 1 = 0")) {
              ResultSetMetaData rsmd = rs.getMetaData();
              for (int i = 1; i <= key.size(); i++) {
                assertThat(rsmd.isNullable(i))
                    .as("isNullable of key column %s of %s", key.get(i - 1), what)
                    .isEqualTo(ResultSetMetaData.columnNoNulls);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void theFilesKeyFollowsTheProjectShape() throws SQLException {
    assertThat(filesKey(load("redcapr/simple"))).containsExactly("record", "field");
    assertThat(filesKey(load("redcapr/longitudinal/project.xml"))).isEmpty();
    assertThat(filesKey(load("redcapr/repeating-instruments"))).isEmpty();
  }

  private static List<String> filesKey(EmulatedProject p) throws SQLException {
    List<String> key = new ArrayList<>();
    try (Connection c = connect(p);
        ResultSet rs = c.getMetaData().getPrimaryKeys(null, "meta", "files")) {
      while (rs.next()) {
        key.add(rs.getString("COLUMN_NAME"));
      }
    }
    return key;
  }
}
