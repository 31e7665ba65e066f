package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * {@code TABLE(meta.report(id))}: a REDCap report with the report's column order, typed like the
 * data tables with label companions; the header read once when preparing, the rows at each run.
 */
class ReportFunctionTest extends EmulatorTest {
  private static final String REPORT_1 = "SELECT * FROM TABLE(meta.report(1)) ORDER BY record_id";

  private static List<RecordedRequest> reportRequests() {
    return emulator.stats().requests("report/export");
  }

  private static List<String> columns(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ResultSetMetaData md = ps.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i) + " " + md.getColumnTypeName(i));
      }
      return columns;
    }
  }

  @Test
  void aReportHasItsColumnOrderTypesAndLabelsAndTheRowsOfTheRecords() throws SQLException {
    EmulatedProject p = load("redcapr/simple/project.xml");
    try (Connection c = connect(p)) {
      assertThat(columns(c, REPORT_1))
          .containsExactly(
              "record_id VARCHAR",
              "height DECIMAL",
              "health_complete SMALLINT",
              "address VARCHAR",
              "ethnicity VARCHAR",
              "ethnicity_label VARCHAR");
      List<List<Object>> report = Jdbc.rows(c, REPORT_1);
      assertThat(report).hasSize(5);
      // The same values as the records table; the report removes line breaks in values.
      List<List<Object>> records =
          Jdbc.rows(
              c,
              "SELECT record_id, height, health_complete, address, ethnicity,"
                  + " ethnicity_label FROM records ORDER BY record_id");
      for (int i = 0; i < report.size(); i++) {
        List<Object> r = new ArrayList<>(report.get(i));
        List<Object> e = new ArrayList<>(records.get(i));
        assertThat((String) r.remove(3)).doesNotContain("\n");
        e.remove(3);
        assertThat(r).isEqualTo(e);
      }
      // A checkbox comes as one BOOLEAN column per option, as in records.
      assertThat(
              Jdbc.rows(
                  c, "SELECT race___5, race___6 FROM TABLE(meta.report(2)) WHERE record_id = '5'"))
          .containsExactly(List.of(false, true));
    }
    try (Connection c = connect(p, "typed=false", "labelColumns=false")) {
      assertThat(columns(c, REPORT_1))
          .containsExactly(
              "record_id VARCHAR",
              "height VARCHAR",
              "health_complete VARCHAR",
              "address VARCHAR",
              "ethnicity VARCHAR");
    }
  }

  @Test
  void preparingReadsTheHeaderOnceAndEachRunExportsTheReport() throws SQLException {
    EmulatedProject p = load("redcapr/simple/project.xml");
    try (Connection c = connect(p)) {
      emulator.resetStats();
      try (PreparedStatement ps = c.prepareStatement(REPORT_1)) {
        assertThat(reportRequests()).hasSize(1);
        assertThat(reportRequests().get(0).param("format")).isEqualTo("csv");
        long probeBytes = emulator.stats().method("report/export").responseBytes();
        for (int run = 1; run <= 2; run++) {
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(Jdbc.rows(rs)).hasSize(5);
          }
        }
        assertThat(reportRequests()).hasSize(3);
        RecordedRequest json = reportRequests().get(2);
        assertThat(json.param("format")).isEqualTo("json");
        assertThat(json.param("rawOrLabel")).isEqualTo("raw");
        System.out.printf(
            "meta.report(1): prepare 1 request (%d bytes answered), each run 1 request (%d"
                + " bytes for both runs)%n",
            probeBytes, emulator.stats().method("report/export").responseBytes() - probeBytes);
      }
    }
  }

  @Test
  void anUnknownReportIsRedcapsMessageAndTheIdMustBeWrittenOut() throws SQLException {
    EmulatedProject p = load("redcapr/simple/project.xml");
    try (Connection c = connect(p)) {
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM TABLE(meta.report(99))"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(
              "The value of the parameter \"report_id\" is not valid: '99' is not the id of a"
                  + " report in this project.");
      assertThatThrownBy(() -> c.prepareStatement("SELECT * FROM TABLE(meta.report(?))"))
          .isInstanceOf(SQLException.class)
          .hasStackTraceContaining("should be literal");
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM TABLE(meta.report(0))"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("positive report ID");
    }
  }
}
