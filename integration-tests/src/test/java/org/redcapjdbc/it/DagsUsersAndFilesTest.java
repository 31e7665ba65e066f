package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.FileAddress;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;
import org.redcapjdbc.emulator.UserSpec;

/**
 * Data access groups (the DAG column, asked for only when a query uses it; a DAG member's view),
 * the users and DAG system tables, and {@code meta.files}, whose bytes are downloaded only for
 * rows read with them.
 */
class DagsUsersAndFilesTest extends EmulatorTest {

  @Test
  void theDagColumnIsRequestedOnlyWhenUsed() throws SQLException {
    EmulatedProject p = load("redcapr/dag");
    try (Connection c = connect(p)) {
      emulator.resetStats();
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT record_id, redcap_data_access_group FROM records"
                      + " ORDER BY record_id"))
          .containsExactly(
              List.of("331-1", "daga"), List.of("331-2", "daga"), List.of("332-3", "dagb"));
      assertThat(exports()).hasSize(1);
      assertThat(exports().get(0).param("exportDataAccessGroups")).isEqualTo("true");
      emulator.resetStats();
      Jdbc.rows(c, "SELECT record_id, first_name FROM demographics");
      assertThat(exports().get(0).param("exportDataAccessGroups")).isNull();
      assertThat(Jdbc.rows(c, "SELECT unique_group_name FROM meta.dags ORDER BY 1"))
          .containsExactly(List.of("daga"), List.of("dagb"));
    }
  }

  @Test
  void aDagMemberSeesItsRecordsAndNoDagColumn() throws SQLException {
    EmulatedProject p = load("redcapr/dag");
    String token = p.addUser(UserSpec.builder("dag_a_user").dag("daga").build());
    try (Connection c =
        Jdbc.connect(emulator, new EmulatedProject(p.projectId(), p.title(), token))) {
      assertThat(Jdbc.rows(c, "SELECT record_id FROM records ORDER BY record_id"))
          .containsExactly(List.of("331-1"), List.of("331-2"));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM demographics")) {
        assertThat(Jdbc.columns(rs)).doesNotContain("redcap_data_access_group");
      }
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM meta.dags"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("you have beed assigned to a Data Access Group");
    }
    try (Connection c = connect(p)) {
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT username, redcap_data_access_group FROM"
                      + " meta.user_dag_mapping WHERE username = 'dag_a_user'"))
          .containsExactly(List.of("dag_a_user", "daga"));
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT username, data_access_group FROM meta.users"
                      + " WHERE username = 'dag_a_user'"))
          .containsExactly(List.of("dag_a_user", "daga"));
      Jdbc.rows(c, "SELECT * FROM meta.user_roles");
      Jdbc.rows(c, "SELECT * FROM meta.user_role_mapping");
    }
  }

  @Test
  void filesAreListedCheaplyAndDownloadedOnlyWhenRead() throws SQLException {
    EmulatedProject p = load("redcapr/validation-types-1/project.xml");
    byte[] hello = "Hello, REDCap".getBytes(StandardCharsets.UTF_8);
    RedcapClient.builder()
        .url(emulator.url())
        .token(p.token())
        .build()
        .files()
        .importFile(FileAddress.of("1", "f_file_upload"), "hello.txt", hello, "text/plain");
    try (Connection c = connect(p)) {
      emulator.resetStats();
      assertThat(Jdbc.rows(c, "SELECT record, field, event, instance, file_name FROM meta.files"))
          .containsExactly(java.util.Arrays.asList("1", "f_file_upload", null, null, "hello.txt"));
      assertThat(emulator.stats().method("file/export").requests()).isZero();
      RecordedRequest listing = exports().get(0);
      assertThat(listing.values("fields"))
          .containsExactly("record_id", "f_file_upload", "f_signature");

      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT content_type, content FROM meta.files WHERE record = '1'"
                      + " AND field = 'f_file_upload'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("text/plain");
        assertThat(rs.getBytes(2)).isEqualTo(hello);
        assertThat(rs.next()).isFalse();
      }
      assertThat(emulator.stats().method("file/export").requests()).isEqualTo(1);
    }
  }
}
