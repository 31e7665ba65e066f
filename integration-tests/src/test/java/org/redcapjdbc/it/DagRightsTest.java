package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.UserSpec;

/**
 * Most REDCap users lack the "Data Access Groups" right, so REDCap refuses them the DAG list; they
 * must still be able to connect, and still see the DAG column their record exports carry.
 */
class DagRightsTest extends EmulatorTest {

  @Test
  void aUserWithoutTheDagRightConnectsAndSeesTheDagColumn() throws SQLException {
    EmulatedProject p = load("redcapr/dag");
    String token =
        p.addUser(UserSpec.builder("no_dag_right").right("data_access_groups", 0).build());
    try (Connection c =
        Jdbc.connect(emulator, new EmulatedProject(p.projectId(), p.title(), token))) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM records")) {
        assertThat(Jdbc.columns(rs)).contains("redcap_data_access_group");
      }
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT record_id, redcap_data_access_group FROM records"
                      + " ORDER BY record_id"))
          .containsExactly(
              List.of("331-1", "daga"), List.of("331-2", "daga"), List.of("332-3", "dagb"));
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM meta.dags"))
          .as("the DAG list itself stays refused, with REDCap's words")
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("privileges");
    }
  }

  @Test
  void withoutTheDagRightAProjectWithoutDagsHasNoDagColumn() throws SQLException {
    EmulatedProject p = load("redcapr/checkboxes-1");
    String token =
        p.addUser(UserSpec.builder("no_dag_right").right("data_access_groups", 0).build());
    try (Connection c =
            Jdbc.connect(emulator, new EmulatedProject(p.projectId(), p.title(), token));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM records")) {
      assertThat(Jdbc.columns(rs)).doesNotContain("redcap_data_access_group");
    }
  }
}
