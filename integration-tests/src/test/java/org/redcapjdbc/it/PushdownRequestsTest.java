package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * What reaches REDCap, read from the emulator's log of requests: a query sends exactly the export
 * its WHERE clause and columns call for, and building its plan sends nothing (the project model
 * is cached when the connection opens).
 */
class PushdownRequestsTest extends EmulatorTest {
  private static EmulatedProject demography;
  private static EmulatedProject longitudinal;
  private Connection c;
  private Connection longi;

  @BeforeEach
  void open() throws SQLException {
    if (demography == null) {
      demography = load("phpcap/PHPCapBasicDemography.REDCap.xml");
      longitudinal = load("redcapr/longitudinal/project.xml");
    }
    c = connect(demography);
    longi = connect(longitudinal);
    // Connecting does not count the records; the first read over the whole project does, once
    // per cached structure. Count them here, so that every test sees the one export its query
    // shape calls for.
    Jdbc.rows(c, "SELECT COUNT(*) FROM records");
    Jdbc.rows(longi, "SELECT COUNT(*) FROM records");
    emulator.resetStats();
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
    longi.close();
  }

  /** The one request the test expects: every request sent must be that record export. */
  private static RecordedRequest onlyRequest() {
    assertThat(emulator.stats().recentRequests()).as("requests sent").hasSize(1);
    RecordedRequest r = emulator.stats().recentRequests().get(0);
    assertThat(r.method()).isEqualTo("record/export");
    assertThat(r.param("format")).isEqualTo("json");
    assertThat(r.param("type")).isEqualTo("flat");
    assertThat(r.param("rawOrLabel")).isEqualTo("raw");
    return r;
  }

  @Test
  void aPointLookupIsOneRequestForThatRecordAndTheProjectedFields() throws SQLException {
    List<List<Object>> rows =
        Jdbc.rows(c, "SELECT first_name, weight FROM demographics WHERE record_id = '1001'");
    assertThat(rows).containsExactly(List.of("Mattie", rows.get(0).get(1)));
    RecordedRequest r = onlyRequest();
    assertThat(r.values("records")).containsExactly("1001");
    assertThat(r.values("forms")).containsExactly("demographics");
    assertThat(r.param("filterLogic")).isNull();

    emulator.resetStats();
    Jdbc.rows(c, "SELECT first_name, weight FROM records WHERE record_id IN ('1001', '1002')");
    r = onlyRequest();
    assertThat(r.values("records")).containsExactly("1001", "1002");
    assertThat(r.values("fields")).containsExactly("record_id", "first_name", "weight");
    assertThat(r.param("exportDataAccessGroups")).isNull();
  }

  @Test
  void aPreparedLookupSendsEachExecutionsValue() throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT last_name FROM records WHERE record_id = ?")) {
      for (String id : List.of("1003", "1004")) {
        emulator.resetStats();
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.next()).isFalse();
        }
        assertThat(onlyRequest().values("records")).containsExactly(id);
      }
    }
  }

  @Test
  void countStarAsksForTheRecordIdOnly() throws SQLException {
    assertThat(((Number) Jdbc.value(c, "SELECT COUNT(*) FROM records")).longValue()).isEqualTo(100);
    RecordedRequest r = onlyRequest();
    assertThat(r.values("fields")).containsExactly("record_id");
    assertThat(r.values("records")).isEmpty();

    emulator.resetStats();
    assertThat(
            ((Number)
                    Jdbc.value(
                        longi,
                        "SELECT COUNT(*) FROM records WHERE redcap_event_name = 'enrollment_arm_1'"))
                .longValue())
        .isEqualTo(
            ((Number)
                    Jdbc.value(
                        longi,
                        "SELECT COUNT(*) FROM (SELECT * FROM records) WHERE redcap_event_name"
                            + " = 'enrollment_arm_1'"))
                .longValue());
  }

  @Test
  void anEventFilterSendsEvents() throws SQLException {
    List<List<Object>> rows =
        Jdbc.rows(
            longi,
            "SELECT study_id, redcap_event_name FROM records WHERE redcap_event_name IN"
                + " ('enrollment_arm_1', 'enrollment_arm_2')");
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(row -> assertThat((String) row.get(1)).startsWith("enrollment_arm_"));
    RecordedRequest r = onlyRequest();
    assertThat(r.values("events")).containsExactly("enrollment_arm_1", "enrollment_arm_2");

    emulator.resetStats();
    assertThat(Jdbc.rows(longi, "SELECT * FROM records WHERE redcap_event_name = 'no_such_event'"))
        .isEmpty();
    assertThat(emulator.stats().recentRequests()).as("no request for an unknown event").isEmpty();
  }

  @Test
  void anInstrumentTableSendsItsFormAndOnlyItsEvents() throws SQLException {
    Jdbc.rows(longi, "SELECT * FROM baseline_data");
    RecordedRequest r = onlyRequest();
    assertThat(r.values("forms")).containsExactly("baseline_data");
    assertThat(r.param("exportBlankForGrayFormStatus")).isEqualTo("true");
    List<Object> designated =
        Jdbc.rows(
                longi,
                "SELECT unique_event_name FROM meta.form_event_mapping WHERE form = 'baseline_data'")
            .stream()
            .map(row -> row.get(0))
            .toList();
    assertThat(r.values("events"))
        .containsExactlyInAnyOrderElementsOf(designated.stream().map(String::valueOf).toList());
  }

  @Test
  void fieldComparisonsBecomeFilterLogic() throws SQLException {
    List<List<Object>> rows =
        Jdbc.rows(c, "SELECT record_id, weight FROM records WHERE weight > 80 AND sex = '1'");
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(row -> assertThat(((Number) row.get(1)).longValue()).isGreaterThan(80));
    RecordedRequest r = onlyRequest();
    assertThat(r.param("filterLogic"))
        .isEqualTo(
            "([weight] >= 80 or ends_with([weight], '.') or contains([weight], '.e'))"
                + " and [sex] = '1'");
    assertThat(r.values("fields")).containsExactly("record_id", "weight", "sex");
  }

  @Test
  void pushdownFalseReadsEverythingAndFiltersLocally() throws SQLException {
    try (Connection plain = connect(demography, "pushdown=false")) {
      Jdbc.rows(plain, "SELECT COUNT(*) FROM records"); // its own cached structure: count it
      emulator.resetStats();
      List<List<Object>> rows =
          Jdbc.rows(
              plain, "SELECT first_name FROM records WHERE record_id = '1001' AND weight > 1");
      assertThat(rows).containsExactly(List.of("Mattie"));
      RecordedRequest r = onlyRequest();
      assertThat(r.values("records")).isEmpty();
      assertThat(r.values("fields")).isEmpty();
      assertThat(r.param("filterLogic")).isNull();
    }
  }

  @Test
  void aNullParameterOrContradictionSendsNothing() throws SQLException {
    assertThat(
            Jdbc.rows(
                c, "SELECT * FROM records WHERE record_id = '1001'" + " AND record_id = '1002'"))
        .isEmpty();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM records WHERE record_id = ?")) {
      ps.setNull(1, java.sql.Types.VARCHAR);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isFalse();
      }
    }
    assertThat(emulator.stats().recentRequests()).isEmpty();
  }
}
