package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.OverwriteBehavior;
import org.redcapjdbc.client.RecordImportRequest;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;
import org.redcapjdbc.emulator.UserSpec;

/** What the snapshot cache sends, when it answers without asking, and whose copy it serves. */
class SnapshotCacheTest extends EmulatorTest {
  private static final String GROUPED =
      "SELECT redcap_event_name, COUNT(*), COUNT(DISTINCT record_id) FROM records"
          + " GROUP BY redcap_event_name ORDER BY 1";

  @Test
  void aRefreshWithoutChangesSendsThreeRequestsAndNoRecordData() throws SQLException {
    EmulatedProject p =
        emulator.generate("records=300,fields=30,events=2,repeating=1,dags=2,seed=21", null);
    try (Connection cached = connect(p, "cache=memory")) {
      List<List<Object>> before = Jdbc.rows(cached, GROUPED);
      emulator.resetStats();
      assertThat(Jdbc.rows(cached, GROUPED)).isEqualTo(before);
      assertThat(emulator.stats().totalRequests())
          .as("structure check, record-ID list, changed records")
          .isEqualTo(3);
      assertThat(emulator.stats().method("project_xml/export").requests()).isEqualTo(1);
      List<RecordedRequest> exports = exports();
      assertThat(exports).hasSize(2);
      for (RecordedRequest r : exports) {
        assertThat(r.values("fields")).as("only the record-ID field").containsExactly("record_id");
      }
      assertThat(exports.get(1).param("dateRangeBegin")).isNotBlank();
    }
  }

  @Test
  void aChangedRecordIsFetchedAloneAndAJoinReadsOneVersion() throws SQLException {
    EmulatedProject p = emulator.generate("records=200,fields=20,seed=22", null);
    try (Connection cached = connect(p, "cache=memory");
        Connection live = connect(p)) {
      Jdbc.rows(cached, "SELECT COUNT(*) FROM records");
      importValue(p, "17", "f1_text", "changed elsewhere");
      emulator.resetStats();
      String join =
          "SELECT a.record_id, b.f1_text FROM records a JOIN records b"
              + " ON a.record_id = b.record_id WHERE a.record_id = '17'";
      assertThat(Jdbc.rows(cached, join)).isEqualTo(Jdbc.rows(live, join));
      List<RecordedRequest> exports = exports();
      // cached: ID list, changed IDs, one fetch of record 17; live: its own export(s) after them
      assertThat(exports.get(2).values("records")).containsExactly("17");
      assertThat(emulator.stats().method("project_xml/export").requests())
          .as("one refresh for the statement, though it scans records twice")
          .isEqualTo(1);
    }
  }

  @Test
  void aPreparedStatementRunAgainSeesChangesMadeInBetween() throws SQLException {
    EmulatedProject p = emulator.generate("records=20,fields=12,seed=26", null);
    try (Connection cached = connect(p, "cache=memory");
        java.sql.PreparedStatement ps =
            cached.prepareStatement("SELECT f1_text FROM records WHERE record_id = ?")) {
      ps.setString(1, "5");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
      importValue(p, "5", "f1_text", "second run");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("second run");
      }
    }
  }

  @Test
  void withinCacheMaxAgeAStatementSendsNothingAndSaysHowOldItsCopyIs() throws SQLException {
    EmulatedProject p = emulator.generate("records=50,fields=12,seed=23", null);
    try (Connection cached = connect(p, "cache=memory", "cacheMaxAge=3600")) {
      Jdbc.rows(cached, "SELECT COUNT(*) FROM records");
      emulator.resetStats();
      try (Statement s = cached.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM records")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(50);
        SQLWarning w = rs.getWarnings() != null ? rs.getWarnings() : s.getWarnings();
        assertThat((Object) w).isNotNull();
        assertThat(w.getMessage()).contains("s ago").contains("cacheMaxAge=3600");
      }
      assertThat(emulator.stats().totalRequests()).isZero();
    }
  }

  @Test
  void aWriteThroughTheDriverIsSeenAtOnceWhateverCacheMaxAge() throws SQLException {
    EmulatedProject p = emulator.generate("records=30,fields=12,seed=24", null);
    try (Connection cached = connect(p, "cache=memory", "cacheMaxAge=3600")) {
      Jdbc.rows(cached, "SELECT COUNT(*) FROM records");
      try (Statement s = cached.createStatement()) {
        s.executeUpdate("UPDATE records SET f1_text = 'written here' WHERE record_id = '3'");
        s.executeUpdate("DELETE FROM records WHERE record_id = '4'");
      }
      assertThat(Jdbc.value(cached, "SELECT f1_text FROM records WHERE record_id = '3'"))
          .isEqualTo("written here");
      assertThat(Jdbc.value(cached, "SELECT COUNT(*) FROM records WHERE record_id = '4'"))
          .isEqualTo(0L);
    }
  }

  @Test
  void aDagMembersCopyHoldsItsGroupAndNoTokenIsServedAnothersCopy() throws SQLException {
    EmulatedProject p = emulator.generate("records=60,fields=12,events=2,dags=2,seed=25", null);
    EmulatedProject member =
        new EmulatedProject(
            p.projectId(), p.title(), p.addUser(UserSpec.builder("site1").dag("site_1").build()));
    String all = "SELECT record_id, redcap_event_name FROM records ORDER BY 1, 2";
    try (Connection full = connect(p, "cache=memory");
        Connection group = connect(member, "cache=memory");
        Connection fullLive = connect(p);
        Connection groupLive = connect(member)) {
      List<List<Object>> fullRows = Jdbc.rows(full, all);
      List<List<Object>> groupRows = Jdbc.rows(group, all);
      assertThat(fullRows).isEqualTo(Jdbc.rows(fullLive, all));
      assertThat(groupRows).isEqualTo(Jdbc.rows(groupLive, all));
      assertThat(groupRows).isNotEmpty().hasSizeLessThan(fullRows.size());
      // Move one of the group's records out of it: the member's copy drops it.
      String moved = (String) groupRows.get(0).get(0);
      Map<String, String> row = new java.util.LinkedHashMap<>();
      row.put("record_id", moved);
      row.put("redcap_event_name", (String) groupRows.get(0).get(1));
      row.put("redcap_data_access_group", "site_2");
      client(p)
          .records()
          .importRecords(
              RecordImportRequest.builder()
                  .rows(List.of(row))
                  .overwriteBehavior(OverwriteBehavior.NORMAL)
                  .build());
      assertThat(Jdbc.rows(group, all)).isEqualTo(Jdbc.rows(groupLive, all));
      List<Object> ids = new ArrayList<>();
      Jdbc.rows(group, all).forEach(r -> ids.add(r.get(0)));
      assertThat(ids).doesNotContain(moved);
      assertThat(Jdbc.rows(full, all)).isEqualTo(Jdbc.rows(fullLive, all));
    }
  }

  private static RedcapClient client(EmulatedProject p) {
    return RedcapClient.builder().url(emulator.url()).token(p.token()).build();
  }

  private static void importValue(EmulatedProject p, String record, String field, String value) {
    Map<String, String> row = new java.util.LinkedHashMap<>();
    row.put("record_id", record);
    row.put(field, value);
    client(p)
        .records()
        .importRecords(
            RecordImportRequest.builder()
                .rows(List.of(row))
                .overwriteBehavior(OverwriteBehavior.NORMAL)
                .build());
  }
}
