package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.UserSpec;

/**
 * What a write that cannot be done says, and that it leaves nothing behind: a statement that
 * fits one import call is all-or-nothing, REDCap's per-cell messages arrive verbatim, a statement
 * split across calls says how many rows earlier calls wrote, and {@code readOnly=true} refuses
 * every statement before any call.
 */
class WriteErrorsTest extends EmulatorTest {
  private static final String PROJECT = "redcapr/validation-types-1/project.xml";

  private static long imports() {
    return emulator.stats().method("record/import").requests();
  }

  @Test
  void aRowREDCapRefusesLeavesTheWholeInsertUnwritten() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p, "typed=false");
        Statement s = c.createStatement()) {
      emulator.resetStats();
      SQLException e =
          catchThrowableOfType(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1"
                          + " (record_id, v_email, v_integer) VALUES ('m1', 'a@b.org', '1'),"
                          + " ('m2', 'not mail', '2'), ('m3', 'c@d.org', 'three')"),
              SQLException.class);
      assertThat(e.getMessage())
          .contains("\"m2\",\"v_email\",\"not mail\",")
          .contains("\"m3\",\"v_integer\",\"three\",")
          .contains(
              "Nothing was written: REDCap checks a whole import call before writing"
                  + " any of it.");
      assertThat(e.getSQLState()).isEqualTo("22000");
      assertThat(imports()).isEqualTo(1);
    }
    assertThat(RawRecords.recordIds(emulator, p, "record_id")).doesNotContain("m1", "m2", "m3");
  }

  @Test
  void aValueTheDriverCannotWriteStopsTheStatementBeforeAnyCall() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      SQLException e =
          catchThrowableOfType(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1"
                          + " (record_id, v_time_hh_mm) VALUES ('d1', TIME '07:05:00'), ('d2', TIME '07:05:09'),"
                          + " ('d3', TIME '08:00:00')"),
              SQLException.class);
      assertThat(e.getMessage())
          .contains("refused before anything was sent: row 2 of 3:")
          .contains("'v_time_hh_mm'")
          .contains("07:05:09");
      assertThat(e.getSQLState()).isEqualTo("22000");
      assertThat(imports()).isZero();
    }
    assertThat(RawRecords.recordIds(emulator, p, "record_id")).doesNotContain("d1", "d2", "d3");
  }

  @Test
  void anInvalidDateIsAClearErrorEitherWay() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p, "typed=false");
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1 (record_id, v_date_ymd)"
                          + " VALUES ('x1', '2021-02-30')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("\"x1\",\"v_date_ymd\",\"2021-02-30\"");
    }
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1 (record_id, v_date_ymd)"
                          + " VALUES ('x2', DATE '2021-02-30')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("2021-02-30");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO form_1 (record_id," + " v_date_ymd) VALUES ('x3', ?)")) {
        assertThatThrownBy(() -> ps.setString(1, "2021-13-01"))
            .isInstanceOf(java.sql.SQLDataException.class)
            .hasMessage(
                "Parameter 1 is a DATE, and '2021-13-01' is not one: give a valid date"
                    + " as YYYY-MM-DD.");
        ps.setString(1, "2021-12-01");
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      assertThat(imports()).isEqualTo(1);
    }
    assertThat(RawRecords.recordIds(emulator, p, "record_id"))
        .doesNotContain("x1", "x2")
        .contains("x3");
  }

  @Test
  void anUnknownColumnIsRefusedBeforeAnyCall() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1 (record_id, no_such_field)" + " VALUES ('u1', 'x')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no_such_field");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE form_1 SET no_such_field = 1"))
          .hasMessageContaining("no_such_field");
      assertThat(emulator.stats().totalRequests()).isZero();
    }
  }

  @Test
  void aTokenWithoutImportOrDeleteRightsGetsREDCapsWords() throws SQLException {
    EmulatedProject p = load(PROJECT);
    String token =
        p.addUser(UserSpec.builder("reader").apiImport(false).recordDelete(false).build());
    EmulatedProject asReader = new EmulatedProject(p.projectId(), p.title(), token);
    try (Connection c = connect(asReader);
        Statement s = c.createStatement()) {
      SQLException insert =
          catchThrowableOfType(
              () ->
                  s.executeUpdate("INSERT INTO form_1" + " (record_id, f_text) VALUES ('r1', 'x')"),
              SQLException.class);
      assertThat(insert.getMessage())
          .contains("You do not have API Import/Update privileges")
          .contains("Nothing was written")
          .doesNotContain(token);
      assertThat(insert.getSQLState()).isEqualTo("42501");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM records WHERE record_id = '1'"))
          .hasMessageContaining("Delete Record")
          .hasMessageContaining("Nothing was deleted");
    }
    assertThat(RawRecords.recordIds(emulator, p, "record_id")).contains("1").doesNotContain("r1");
  }

  @Test
  void aStatementSplitAcrossCallsSaysWhatItWroteBeforeFailing() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p, "importBatchSize=2", "typed=false");
        Statement s = c.createStatement()) {
      emulator.resetStats();
      SQLException e =
          catchThrowableOfType(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1"
                          + " (record_id, v_integer) VALUES ('s1', '1'), ('s2', '2'), ('s3', '3'),"
                          + " ('s4', 'four'), ('s5', '5')"),
              SQLException.class);
      assertThat(e.getMessage())
          .contains("failed at import call 2 of 3 (rows 3-4)")
          .contains("\"s4\",\"v_integer\",\"four\"")
          .contains("nothing of this call was written")
          .contains(
              "2 rows written by earlier calls stay written (REDCap has no transactions"
                  + " across calls); the 1 rows after this call were not sent.");
      assertThat(imports()).isEqualTo(2);
    }
    assertThat(RawRecords.recordIds(emulator, p, "record_id"))
        .contains("s1", "s2")
        .doesNotContain("s3", "s4", "s5");
  }

  @Test
  void cancelAndTimeoutStopAWriteBetweenCalls() throws Exception {
    EmulatedProject p = load(PROJECT);
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      values.append(i == 1 ? "" : ", ").append("('k").append(i).append("', 'x')");
    }
    try (Connection c = connect(p, "importBatchSize=1");
        Statement s = c.createStatement()) {
      emulator.faults().latencyMillis(200);
      Thread canceller =
          new Thread(
              () -> {
                try {
                  Thread.sleep(700);
                  s.cancel();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      canceller.start();
      SQLException cancelled =
          catchThrowableOfType(
              () -> s.executeUpdate("INSERT INTO form_1" + " (record_id, f_text) VALUES " + values),
              SQLException.class);
      canceller.join();
      assertThat(cancelled.getMessage())
          .contains("stopped before its next call: it was" + " cancelled (Statement.cancel())")
          .contains("written by earlier calls stay written");
      assertThat(cancelled.getSQLState()).isEqualTo("57014");
    } finally {
      emulator.faults().reset();
    }
    List<String> written = RawRecords.recordIds(emulator, p, "record_id");
    long copied = written.stream().filter(id -> id.startsWith("k")).count();
    assertThat(copied).isBetween(1L, 19L);

    try (Connection c = connect(p, "importBatchSize=1");
        Statement s = c.createStatement()) {
      emulator.faults().latencyMillis(400);
      s.setQueryTimeout(1);
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1 (record_id, f_text) VALUES "
                          + values.toString().replace("'k", "'t")))
          .hasMessageContaining("ran longer than its" + " timeout of 1.0 s");
    } finally {
      emulator.faults().reset();
    }
    long timedOut =
        RawRecords.recordIds(emulator, p, "record_id").stream()
            .filter(id -> id.startsWith("t"))
            .count();
    assertThat(timedOut).isBetween(1L, 19L);
  }

  @Test
  void statementsThatMatchNothingCallNothing() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      assertThat(s.executeUpdate("UPDATE form_1 SET f_text = 'x' WHERE record_id = 'none'"))
          .isZero();
      assertThat(s.executeUpdate("DELETE FROM records WHERE record_id = 'none'")).isZero();
      assertThat(imports()).isZero();
      assertThat(emulator.stats().method("record/delete").requests()).isZero();
    }
  }

  @Test
  void readOnlyRefusesEveryWriteBeforeAnyCall() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p, "readOnly=true");
        Statement s = c.createStatement()) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.isReadOnly()).isTrue();
      emulator.resetStats();
      for (String sql :
          List.of(
              "INSERT INTO form_1 (record_id, f_text) VALUES ('ro', 'x')",
              "INSERT INTO records (f_text) VALUES ('auto')",
              "UPDATE form_1 SET f_text = 'x'",
              "DELETE FROM records",
              "DELETE FROM form_1 WHERE record_id = '1'",
              "INSERT INTO meta.files (record, field, file_name, content) VALUES ('1',"
                  + " 'f_file_upload', 'a.txt', x'41')",
              "DELETE FROM meta.files",
              "INSERT INTO meta.dags (data_access_group_name) VALUES ('New')",
              "DELETE FROM meta.users")) {
        SQLException e = catchThrowableOfType(() -> s.executeUpdate(sql), SQLException.class);
        assertThat((Object) e).as(sql).isNotNull();
        assertThat(e.getMessage()).as(sql).contains("read-only (readOnly=true)");
        assertThat(e.getSQLState()).as(sql).isEqualTo("25006");
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO form_1 (record_id) VALUES" + " (?)")) {
        ps.setString(1, "ro2");
        ps.addBatch();
        assertThatThrownBy(ps::executeBatch).hasMessageContaining("readOnly=true");
      }
      assertThat(emulator.stats().totalRequests()).isZero();
    }
    assertThat(RawRecords.recordIds(emulator, p, "record_id")).doesNotContain("ro", "ro2");
  }
}
