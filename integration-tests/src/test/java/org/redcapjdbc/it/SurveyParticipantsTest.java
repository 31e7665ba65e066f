package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.UserSpec;

/**
 * {@code TABLE(meta.survey_participants(instrument, event))}: one participant-list request for
 * links and codes; return codes one request per row, only when selected.
 */
class SurveyParticipantsTest extends EmulatorTest {
  private static final String PARTICIPANTS =
      "TABLE(meta.survey_participants('form_1', 'event_1_arm_1'))";

  @Test
  void linksAndCodesComeFromOneRequestAndAgreeWithThePerRecordCalls() throws SQLException {
    EmulatedProject p = load("pycap/doctest_project.xml");
    RedcapClient client = RedcapClient.builder().url(emulator.url()).token(p.token()).build();
    try (Connection c = connect(p)) {
      emulator.resetStats();
      List<List<Object>> rows =
          Jdbc.rows(
              c,
              "SELECT record, survey_link, survey_access_code, survey_queue_link, response_status"
                  + " FROM "
                  + PARTICIPANTS
                  + " ORDER BY record");
      assertThat(emulator.stats().totalRequests()).isEqualTo(1);
      assertThat(emulator.stats().requests("participantList/export")).hasSize(1);
      assertThat(rows).isNotEmpty();
      for (List<Object> r : rows) {
        String record = (String) r.get(0);
        assertThat(r.get(1))
            .isEqualTo(client.surveys().surveyLink(record, "form_1", "event_1_arm_1", null));
        assertThat(r.get(2))
            .isEqualTo(client.surveys().surveyAccessCode(record, "form_1", "event_1_arm_1", null));
        assertThat(r.get(3)).isEqualTo(client.surveys().surveyQueueLink(record));
        assertThat(r.get(4)).isIn(0, 1, 2);
      }
      String first = (String) rows.get(0).get(0);
      emulator.resetStats();
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT record, return_code FROM "
                      + PARTICIPANTS
                      + " WHERE record = '"
                      + first
                      + "'"))
          .containsExactly(
              List.of(
                  first,
                  client.surveys().surveyReturnCode(first, "form_1", "event_1_arm_1", null)));
      assertThat(emulator.stats().requests("participantList/export")).hasSize(1);
      assertThat(emulator.stats().requests("surveyReturnCode/export"))
          .as("one return-code request, for the one record asked for")
          .hasSize(2); // the query's and the assertion's own
      emulator.resetStats();
      assertThat(Jdbc.rows(c, "SELECT return_code FROM " + PARTICIPANTS)).hasSameSizeAs(rows);
      assertThat(emulator.stats().requests("surveyReturnCode/export")).hasSameSizeAs(rows);
    }
  }

  @Test
  void redcapsMessagesAndTheRightAreErrors() throws SQLException {
    EmulatedProject p = load("pycap/doctest_project.xml");
    try (Connection c = connect(p)) {
      assertThatThrownBy(
              () ->
                  Jdbc.rows(
                      c, "SELECT * FROM TABLE(meta.survey_participants('nope', 'event_1_arm_1'))"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("'nope' is not an instrument of this project");
      assertThatThrownBy(
              () -> Jdbc.rows(c, "SELECT * FROM TABLE(meta.survey_participants('form_1'))"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("a longitudinal project needs the unique event name");
    }
    String token =
        p.addUser(UserSpec.builder("no_surveys").right("manage_survey_participants", 0).build());
    try (Connection c =
        Jdbc.connect(emulator, new EmulatedProject(p.projectId(), p.title(), token))) {
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM " + PARTICIPANTS))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("'Manage Survey Participants' privileges");
    }
  }

  /** A survey without Save & Return Later: the list still reads, return codes are NULL. */
  @Test
  void aRefusedReturnCodeIsNullWithRedcapsMessageAsAWarning() throws Exception {
    String xml =
        java.nio.file.Files.readString(Fixtures.path("pycap/doctest_project.xml"))
            .replace("save_and_return=\"1\"", "save_and_return=\"0\"");
    EmulatedProject p =
        emulator.loadProject(
            new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            null);
    try (Connection c = connect(p);
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT record, return_code FROM " + PARTICIPANTS)) {
      List<List<Object>> rows = Jdbc.rows(rs);
      assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get(1)).isNull());
      assertThat((Object) rs.getWarnings()).isNotNull();
      assertThat(rs.getWarnings().getMessage())
          .contains("return_code reads as NULL")
          .contains("does not have the 'Save & Return Later' feature enabled");
      assertThat((Object) rs.getWarnings().getNextWarning())
          .as("one warning, not one per row")
          .isNull();
    }
  }
}
