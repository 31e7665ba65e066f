package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;

/** {@code projectTokens}: further projects as schemas {@code <name>} and {@code <name>_meta}. */
class ProjectTokensTest extends EmulatorTest {
  @TempDir Path dir;

  private Path tokens(String text) throws IOException {
    Path file = dir.resolve("tokens-" + System.nanoTime() + ".properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void eachProjectIsTwoSchemasJoinableWithTheConnectionsOwn() throws Exception {
    EmulatedProject main = load("redcapr/simple/project.xml");
    // A second project with the same record IDs (and a report of its own).
    EmulatedProject screening = load("redcapr/simple/project.xml");
    EmulatedProject other = load("redcapr/dag");
    Path file =
        tokens(
            "# further projects\n\nscreening = "
                + screening.token()
                + "\nSites="
                + other.token()
                + "\n");
    try (Connection c = connect(main, "projectTokens=" + file)) {
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertThat(schemas)
          .contains("redcap", "meta", "screening", "screening_meta", "Sites", "Sites_meta");
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "screening_meta", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("metadata", "log", "files", "file_repository");
      assertThat(Jdbc.value(c, "SELECT COUNT(*) FROM screening.records"))
          .isEqualTo(Jdbc.value(connect(screening), "SELECT COUNT(*) FROM records"));
      emulator.resetStats();
      List<List<Object>> joined =
          Jdbc.rows(
              c,
              "SELECT m.record_id, s.record_id FROM redcap.demographics m"
                  + " JOIN screening.demographics s ON m.record_id = s.record_id"
                  + " ORDER BY m.record_id");
      assertThat(joined).hasSize(5).allSatisfy(r -> assertThat(r.get(0)).isEqualTo(r.get(1)));
      // One read per project, plus the one-off record count a project learns on its first read.
      assertThat(exports()).hasSizeBetween(2, 4);
      assertThat(Jdbc.rows(c, "SELECT unique_group_name FROM Sites_meta.dags ORDER BY 1"))
          .containsExactly(List.of("daga"), List.of("dagb"));
      // The other projects' functions read their own project.
      assertThat(Jdbc.rows(c, "SELECT record_id FROM TABLE(screening_meta.report(1))")).hasSize(5);
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM TABLE(Sites_meta.report(1))"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("is not the id of a report in this project");
    }
  }

  @Test
  void refusalsNameTheSchemaTheStatementUsed() throws Exception {
    EmulatedProject main = load("redcapr/simple/project.xml");
    EmulatedProject screening = load("redcapr/simple/project.xml");
    Path file = tokens("screening=" + screening.token() + "\n");
    try (Connection c = connect(main, "projectTokens=" + file, "readOnly=true")) {
      assertThatThrownBy(() -> Jdbc.rows(c, "DELETE FROM screening.records WHERE record_id = '1'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("DELETE from screening.records was refused")
          .hasMessageNotContaining("redcap.records");
      assertThatThrownBy(() -> Jdbc.rows(c, "DELETE FROM screening_meta.log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("screening_meta.log is read-only")
          .hasMessageNotContaining(" meta.log");
      // The connection's own project keeps its names.
      assertThatThrownBy(() -> Jdbc.rows(c, "DELETE FROM redcap.records WHERE record_id = '1'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("DELETE from redcap.records was refused");
      assertThatThrownBy(() -> Jdbc.rows(c, "DELETE FROM meta.log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("meta.log is read-only")
          .hasMessageNotContaining("screening_meta");
    }
    try (Connection c = connect(main, "projectTokens=" + file)) {
      assertThatThrownBy(
              () ->
                  Jdbc.rows(
                      c,
                      "INSERT INTO screening_meta.files (record, field, file_name, content)"
                          + " VALUES ('1', 'no_such_field', 'a.txt', X'41')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("screening_meta.files holds the files of");
    }
  }

  @Test
  void aBadFileOrTokenIsAClearErrorThatShowsNoToken() throws Exception {
    EmulatedProject main = load("redcapr/simple/project.xml");
    assertThatThrownBy(() -> connect(main, "projectTokens=" + dir.resolve("missing.txt")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("projectTokens file")
        .hasMessageContaining("cannot be read");
    String secret = "0123456789ABCDEF0123456789ABCDEF";
    assertThatThrownBy(() -> connect(main, "projectTokens=" + tokens("meta=" + secret)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("line 1")
        .hasMessageNotContaining(secret);
    assertThatThrownBy(() -> connect(main, "projectTokens=" + tokens("a=" + secret + "\nb")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("line 2 is not name=TOKEN");
    assertThatThrownBy(
            () -> connect(main, "projectTokens=" + tokens("x=" + secret + "\nx_meta=" + secret)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("would both make the schema x_meta");
    assertThatThrownBy(() -> connect(main, "projectTokens=" + tokens("other=" + secret)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'other'")
        .hasMessageNotContaining(secret);
  }
}
