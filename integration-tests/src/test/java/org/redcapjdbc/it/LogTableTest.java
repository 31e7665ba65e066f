package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;
import org.redcapjdbc.emulator.UserSpec;
import org.redcapjdbc.emulator.model.LogEntry;

/**
 * {@code meta.log}: REDCap's logging export as a table, with its filters pushed down, a read
 * without a time range walked in 30-day windows, and the Logging right required.
 */
class LogTableTest extends EmulatorTest {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static List<RecordedRequest> logRequests() {
    return emulator.stats().requests("log/export");
  }

  private static void editRecord(Connection c, String record, String name) throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "UPDATE demographics SET name_first = '"
                      + name
                      + "' WHERE record_id = '"
                      + record
                      + "'"))
          .isEqualTo(1);
    }
  }

  @Test
  void entriesAreRowsWithTheirCategoryAndOneRequestReadsAYoungProject() throws SQLException {
    EmulatedProject p = load("redcapr/simple");
    try (Connection c = connect(p)) {
      editRecord(c, "1", "Ann");
      emulator.resetStats();
      List<List<Object>> rows =
          Jdbc.rows(
              c,
              "SELECT username, action, details, record, logtype FROM meta.log"
                  + " WHERE action LIKE 'Update record%'");
      assertThat(logRequests()).hasSize(1);
      assertThat(logRequests().get(0).param("beginTime")).isNotNull();
      assertThat(logRequests().get(0).param("endTime")).as("the last window is open").isNull();
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).get(1)).isEqualTo("Update record (API) 1");
      assertThat((String) rows.get(0).get(2)).contains("name_first = 'Ann'");
      assertThat(rows.get(0).subList(3, 5)).containsExactly("1", "record_edit");
      // Every entry of the emulator's log is a row, with the same time to the minute.
      List<List<Object>> all =
          Jdbc.rows(
              c,
              "SELECT \"timestamp\", action FROM meta.log WHERE details <> 'Export Logging (API)'");
      List<LogEntry> log =
          p.log().stream().filter(e -> !e.details().equals("Export Logging (API)")).toList();
      assertThat(all).hasSameSizeAs(log);
      assertThat(all.get(0).get(0)).isInstanceOf(Timestamp.class);
      assertThat(((Timestamp) all.get(0).get(0)).toLocalDateTime())
          .isEqualTo(log.get(0).timestamp().withSecond(0));
      assertThat(
              Jdbc.rows(
                  c, "SELECT DISTINCT logtype FROM meta.log WHERE action LIKE 'Manage/Design%'"))
          .containsExactly(List.of("manage"));
    }
  }

  @Test
  void filtersReachRedcapAndResultsEqualTheUnpushedRead() throws SQLException {
    EmulatedProject p = load("redcapr/simple");
    try (Connection c = connect(p)) {
      editRecord(c, "1", "Ann");
      editRecord(c, "2", "Bo");
      String user = p.log().get(p.log().size() - 1).username();
      LocalDateTime from = p.log().get(0).timestamp().minusMinutes(1);
      String sql =
          "SELECT record, action FROM meta.log WHERE username = ? AND record = '2'"
              + " AND logtype = 'record_edit' AND \"timestamp\" >= ? ORDER BY action";
      emulator.resetStats();
      List<List<Object>> pushed = query(c, sql, user, from);
      assertThat(pushed).containsExactly(List.of("2", "Update record (API) 2"));
      assertThat(logRequests()).hasSize(1);
      RecordedRequest r = logRequests().get(0);
      assertThat(r.param("user")).isEqualTo(user);
      assertThat(r.param("record")).isEqualTo("2");
      assertThat(r.param("logtype")).isEqualTo("record_edit");
      assertThat(r.param("beginTime")).isEqualTo(from.format(MINUTES));
      try (Connection plain = connect(p, "pushdown=false")) {
        emulator.resetStats();
        assertThat(query(plain, sql, user, from)).isEqualTo(pushed);
        assertThat(logRequests()).hasSize(1);
        assertThat(logRequests().get(0).param("record")).isNull();
        assertThat(logRequests().get(0).param("beginTime"))
            .as("without pushdown the read starts at the project's creation")
            .isNotNull();
      }
    }
  }

  @Test
  void timeBoundsAreWholeMinutesForRedcapAndExactInTheResult() throws SQLException {
    EmulatedProject p = load("redcapr/simple");
    try (Connection c = connect(p)) {
      LocalDateTime first = p.log().get(0).timestamp().withSecond(0);
      emulator.resetStats();
      // 30 seconds into the first entry's minute: REDCap is asked for the whole minute, and the
      // entries stamped at the minute itself are then left out by the exact comparison.
      List<List<Object>> rows =
          query(
              c,
              "SELECT COUNT(*) FROM meta.log WHERE \"timestamp\" > ? AND \"timestamp\" <= ?",
              null,
              first.plusSeconds(30),
              first.plusMinutes(10));
      assertThat(logRequests()).hasSize(1);
      assertThat(logRequests().get(0).param("beginTime")).isEqualTo(first.format(MINUTES));
      assertThat(logRequests().get(0).param("endTime"))
          .isEqualTo(first.plusMinutes(10).format(MINUTES));
      long expected =
          p.log().stream()
              .filter(e -> e.timestamp().withSecond(0).isAfter(first))
              .filter(e -> !e.timestamp().withSecond(0).isAfter(first.plusMinutes(10)))
              .count();
      assertThat(((Number) rows.get(0).get(0)).longValue()).isEqualTo(expected);
    }
  }

  @Test
  void aLongHistoryIsReadInThirtyDayWindowsAndStreamed() throws SQLException {
    EmulatedProject p = load("redcapr/simple");
    try (Connection c = connect(p)) {
      editRecord(c, "1", "Ann");
    }
    p.backdate(Duration.ofDays(100));
    try (Connection c = connect(p)) {
      emulator.resetStats();
      List<List<Object>> rows =
          Jdbc.rows(
              c, "SELECT action, details FROM meta.log WHERE details <> 'Export Logging (API)'");
      List<RecordedRequest> requests = logRequests();
      assertThat(requests).as("100 days in 30-day windows").hasSize(4);
      System.out.printf(
          "meta.log over 100 days: %d requests, %d bytes answered, %d rows%n",
          requests.size(), emulator.stats().method("log/export").responseBytes(), rows.size());
      for (int i = 0; i + 1 < requests.size(); i++) {
        LocalDateTime end = LocalDateTime.parse(requests.get(i).param("endTime"), MINUTES);
        LocalDateTime nextBegin =
            LocalDateTime.parse(requests.get(i + 1).param("beginTime"), MINUTES);
        assertThat(end.plusMinutes(1))
            .as("windows meet without gap or overlap")
            .isEqualTo(nextBegin);
      }
      assertThat(requests.get(3).param("endTime")).isNull();
      List<LogEntry> expected =
          p.log().stream().filter(e -> !e.details().equals("Export Logging (API)")).toList();
      assertThat(rows).hasSameSizeAs(expected);
      List<String> actions = new ArrayList<>();
      for (List<Object> r : rows) {
        actions.add((String) r.get(0));
      }
      assertThat(actions).contains("Update record (API) 1");
      // The first window holds the project's creation: LIMIT stops after it.
      emulator.resetStats();
      assertThat(Jdbc.rows(c, "SELECT action FROM meta.log LIMIT 1")).hasSize(1);
      assertThat(logRequests()).hasSize(1);
    }
  }

  @Test
  void theDagFilterIsSentAndNamesTheGroupOnItsRows() throws SQLException {
    EmulatedProject p = load("redcapr/dag");
    for (String props : List.of("pushdown=true", "pushdown=false")) {
      try (Connection c = connect(p, props)) {
        emulator.resetStats();
        List<List<Object>> rows =
            Jdbc.rows(c, "SELECT DISTINCT dag FROM meta.log WHERE dag IN ('daga', 'dagb')");
        assertThat(logRequests())
            .extracting(r -> r.param("dag"))
            .containsExactlyInAnyOrder("daga", "dagb");
        assertThat(rows).allSatisfy(r -> assertThat(r.get(0)).isIn("daga", "dagb"));
        assertThat(Jdbc.rows(c, "SELECT dag FROM meta.log LIMIT 1"))
            .allSatisfy(r -> assertThat(r.get(0)).isNull());
      }
    }
  }

  @Test
  void withoutTheLoggingRightRedcapsMessageIsTheError() throws SQLException {
    EmulatedProject p = load("redcapr/simple");
    String token = p.addUser(UserSpec.builder("no_log").right("logging", 0).build());
    try (Connection c =
        Jdbc.connect(emulator, new EmulatedProject(p.projectId(), p.title(), token))) {
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM meta.log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(
              "You must have 'API Export' privileges and 'Logging' privileges in the project.");
      assertThatThrownBy(() -> Jdbc.rows(c, "DELETE FROM meta.log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("meta.log is read-only");
    }
  }

  private static List<List<Object>> query(
      Connection c, String sql, String user, LocalDateTime... times) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (user != null) {
        ps.setString(i++, user);
      }
      for (LocalDateTime t : times) {
        ps.setTimestamp(i++, Timestamp.valueOf(t));
      }
      return Jdbc.rows(ps.executeQuery());
    }
  }

  static Comparator<List<Object>> byText() {
    return Comparator.comparing(Object::toString);
  }
}
