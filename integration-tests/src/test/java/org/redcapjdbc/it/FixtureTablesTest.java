package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * Every table of every fixture project can be selected: the data tables (each instrument's rows
 * are unique by key and hold data; {@code COUNT(*)}, which reads only the record-ID field, agrees
 * with the rows read), and every table of the {@code meta} schema.
 */
class FixtureTablesTest extends EmulatorTest {
  /** System tables the emulator serves from the project structure. */
  private static final List<String> STRUCTURE_TABLES =
      List.of(
          "metadata",
          "field_names",
          "choices",
          "instruments",
          "events",
          "arms",
          "form_event_mapping",
          "repeating_forms_events",
          "project_info");

  /** System tables read through the users/DAG API methods, exported afresh by each query. */
  private static final List<String> LIVE_TABLES =
      List.of("users", "user_roles", "user_role_mapping", "dags", "user_dag_mapping");

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.redcapjdbc.it.Fixtures#projects")
  void everyTableCanBeSelected(String fixture) throws SQLException {
    EmulatedProject project = load(fixture);
    try (Connection c = connect(project)) {
      List<String> instruments = new ArrayList<>();
      for (List<Object> row : Jdbc.rows(c, "SELECT table_name FROM meta.instruments")) {
        instruments.add((String) row.get(0));
      }
      assertThat(instruments).isNotEmpty();
      List<String> tables = tableNames(c, "redcap");
      assertThat(tables)
          .contains("records")
          .containsAll(instruments)
          .hasSize(instruments.size() + 1);

      rowCountChecked(c, "records"); // two PHPCap projects have no records: 0 is fine
      for (String table : instruments) {
        List<String> key = primaryKey(c, table);
        assertThat(key).as("key of " + table).isNotEmpty();
        Set<List<Object>> seen = new HashSet<>();
        List<List<Object>> rows = Jdbc.rows(c, "SELECT * FROM \"" + table + "\"");
        assertThat((long) rows.size())
            .as("COUNT(*) of " + table)
            .isEqualTo(
                ((Number) Jdbc.value(c, "SELECT COUNT(*) FROM \"" + table + "\"")).longValue());
        List<List<Object>> keys =
            Jdbc.rows(c, "SELECT \"" + String.join("\", \"", key) + "\" FROM \"" + table + "\"");
        for (List<Object> k : keys) {
          assertThat(seen.add(k)).as("key %s of %s is unique", k, table).isTrue();
        }
        // A row exists only where the instrument holds data: some non-key column is set.
        int keyColumns = key.size();
        for (List<Object> row : rows) {
          assertThat(row.subList(keyColumns, row.size()))
              .as("a row of " + table)
              .anyMatch(v -> v != null);
        }
      }

      assertThat(tableNames(c, "meta"))
          .containsAll(STRUCTURE_TABLES)
          .containsAll(LIVE_TABLES)
          .contains("files", "log");
      for (String table : STRUCTURE_TABLES) {
        Jdbc.rows(c, "SELECT * FROM meta." + table);
      }
      assertThat(((Number) Jdbc.value(c, "SELECT COUNT(*) FROM meta.project_info")).intValue())
          .isEqualTo(1);
      for (String table : LIVE_TABLES) {
        Jdbc.rows(c, "SELECT * FROM meta." + table);
      }
      assertThat(Jdbc.rows(c, "SELECT username FROM meta.users")).isNotEmpty();
      Jdbc.rows(c, "SELECT record, field, event, instance, file_name FROM meta.files");
      assertThat(Jdbc.rows(c, "SELECT * FROM meta.log")).as("the project's log").isNotEmpty();
    }
  }

  /** Rows of a full read, checked against COUNT(*) (which reads only the record-ID field). */
  private static long rowCountChecked(Connection c, String table) throws SQLException {
    long rows = Jdbc.rows(c, "SELECT * FROM \"" + table + "\"").size();
    long counted = ((Number) Jdbc.value(c, "SELECT COUNT(*) FROM \"" + table + "\"")).longValue();
    assertThat(rows).as("rows of " + table + " vs COUNT(*)").isEqualTo(counted);
    return rows;
  }

  static List<String> tableNames(Connection c, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    DatabaseMetaData md = c.getMetaData();
    try (ResultSet rs = md.getTables(null, schema, "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  static List<String> primaryKey(Connection c, String table) throws SQLException {
    List<String> key = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "redcap", table)) {
      while (rs.next()) {
        key.add(rs.getString("COLUMN_NAME"));
      }
    }
    return key;
  }
}
