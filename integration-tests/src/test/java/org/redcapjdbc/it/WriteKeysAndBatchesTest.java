package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * Auto-numbered INSERTs and their generated keys through plain JDBC, and {@code executeBatch}:
 * the rows of a batch's INSERTs are imported together, in as few calls as
 * {@code importBatchSize} allows, in the batch's order, and a failure is a
 * {@code BatchUpdateException} counting the statements written.
 */
class WriteKeysAndBatchesTest extends EmulatorTest {
  private static final String AUTO_NUMBERED = "redcapr/validation-types-1/project.xml";

  private static List<String> keys(Statement s) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (ResultSet rs = s.getGeneratedKeys()) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
      assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("record_id");
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  private static List<RecordedRequest> imports() {
    return emulator.stats().requests("record/import");
  }

  @Test
  void anInsertWithoutRecordIdsReturnsTheNewIdsAsGeneratedKeys() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    List<String> before = RawRecords.recordIds(emulator, p, "record_id");
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "INSERT INTO form_1 (f_text, v_integer) VALUES ('first', 1)," + " ('second', 2)",
                  Statement.RETURN_GENERATED_KEYS))
          .isEqualTo(2);
      List<String> keys = keys(s);
      assertThat(keys).hasSize(2).doesNotContainAnyElementsOf(before).doesNotHaveDuplicates();
      assertThat(imports()).hasSize(1);
      assertThat(imports().get(0).param("forceAutoNumber")).isEqualTo("true");
      assertThat(imports().get(0).param("returnContent")).isEqualTo("auto_ids");
      assertThat(RawRecords.one(emulator, p, keys.get(0))).containsEntry("f_text", "first");
      assertThat(RawRecords.one(emulator, p, keys.get(1))).containsEntry("f_text", "second");

      // A statement that is not an auto-numbered INSERT has no keys.
      Jdbc.rows(c, "SELECT COUNT(*) FROM form_1");
      s.executeUpdate("UPDATE form_1 SET f_text = 'x' WHERE record_id = '" + keys.get(0) + "'");
      assertThat(keys(s)).isEmpty();
    }
  }

  @Test
  void aDagMembersNewRecordsGetREDCapsGroupPrefixedIds() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO meta.dags (data_access_group_name) VALUES ('North')");
    }
    String token =
        p.addUser(org.redcapjdbc.emulator.UserSpec.builder("north_user").dag("north").build());
    EmulatedProject asMember = new EmulatedProject(p.projectId(), p.title(), token);
    String groupId;
    try (Connection c = connect(p)) {
      groupId = String.valueOf(Jdbc.value(c, "SELECT data_access_group_id FROM meta.dags"));
    }
    try (Connection c = connect(asMember);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO form_1 (f_text) VALUES ('mine')", Statement.RETURN_GENERATED_KEYS);
      List<String> keys = keys(s);
      assertThat(keys).hasSize(1);
      assertThat(keys.get(0)).startsWith(groupId + "-");
      assertThat(Jdbc.rows(c, "SELECT record_id, f_text FROM form_1"))
          .containsExactly(List.of(keys.get(0), "mine"));
    }
  }

  @Test
  void aPreparedInsertReturnsItsKeyEachTime() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    try (Connection c = connect(p);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO records (f_text) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "one");
      assertThat(ps.executeUpdate()).isEqualTo(1);
      List<String> first = keys(ps);
      ps.setString(1, "two");
      assertThat(ps.executeUpdate()).isEqualTo(1);
      List<String> second = keys(ps);
      assertThat(first).hasSize(1);
      assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
      assertThat(RawRecords.one(emulator, p, second.get(0))).containsEntry("f_text", "two");
    }
    try (Connection c = connect(p);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO records (f_text) VALUES (?)", new String[] {"record_id"})) {
      ps.setString(1, "three");
      ps.executeUpdate();
      assertThat(keys(ps)).hasSize(1);
    }
  }

  @Test
  void rowsWithAndWithoutIdsOrAProjectWithoutNumberingAreRefused() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1 (record_id, f_text) VALUES"
                          + " ('n1', 'a'), (DEFAULT, 'b')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("every row a record ID (record_id) or none")
          .hasMessageContaining("refused before anything was sent")
          .hasMessageNotContaining("Exception:");
    }
    EmulatedProject manual = load("phpcap/PHPCapBasicDemography.REDCap.xml");
    try (Connection c = connect(manual);
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("INSERT INTO demographics (first_name) VALUES" + " ('Ada')"))
          .hasMessageContaining("does not number records automatically")
          .hasMessageContaining("give each row its record ID");
    }
    assertThat(imports()).isEmpty();
  }

  @Test
  void aBatchOfInsertsIsImportedInAsFewCallsAsTheBatchSizeAllows() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    try (Connection c = connect(p, "importBatchSize=500");
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO form_1 (record_id, f_text, v_integer) VALUES (?, ?, ?)")) {
      for (int i = 1; i <= 1200; i++) {
        ps.setString(1, "b" + i);
        ps.setString(2, "row " + i);
        ps.setLong(3, i);
        ps.addBatch();
      }
      emulator.resetStats();
      int[] counts = ps.executeBatch();
      assertThat(counts).hasSize(1200).containsOnly(1);
      assertThat(imports()).hasSize(3);
      assertThat(emulator.stats().method("record/export").requests()).isZero();
    }
    assertThat(RawRecords.one(emulator, p, "b1200"))
        .containsEntry("v_integer", "1200")
        .containsEntry("f_text", "row 1200");
    assertThat(RawRecords.recordIds(emulator, p, "record_id")).contains("b1", "b500", "b501");
  }

  @Test
  void anAutoNumberedBatchReturnsEveryKey() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    try (Connection c = connect(p);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO form_1 (f_text) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      for (String text : List.of("x", "y", "z")) {
        ps.setString(1, text);
        ps.addBatch();
      }
      emulator.resetStats();
      assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
      assertThat(imports()).hasSize(1);
      List<String> keys = keys(ps);
      assertThat(keys).hasSize(3).doesNotHaveDuplicates();
      assertThat(RawRecords.one(emulator, p, keys.get(2))).containsEntry("f_text", "z");
    }
  }

  @Test
  void aStatementBatchKeepsItsOrderAcrossTablesAndStatementKinds() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      s.addBatch("INSERT INTO form_1 (record_id, f_text) VALUES ('s1', 'a')");
      s.addBatch("INSERT INTO records (record_id, f_text) VALUES ('s2', 'b'), ('s3', 'c')");
      s.addBatch("UPDATE form_1 SET f_text = 'updated' WHERE record_id = 's1'");
      s.addBatch("INSERT INTO form_1 (record_id, f_text) VALUES ('s4', 'd')");
      s.addBatch("DELETE FROM records WHERE record_id = 's3'");
      emulator.resetStats();
      assertThat(s.executeBatch()).containsExactly(1, 2, 1, 1, 1);
      // s1..s3 in one import (two tables), the UPDATE's own import, then s4 before the DELETE.
      assertThat(imports()).hasSize(3);
      assertThat(imports().get(0).param("data"))
          .isEqualTo(
              "<"
                  + dataLength(
                      "[{\"record_id\":\"s1\",\"f_text\":\"a\"},{\"record_id\":\"s2\",\"f_text\":\"b\"},"
                          + "{\"record_id\":\"s3\",\"f_text\":\"c\"}]")
                  + " characters>");
    }
    assertThat(RawRecords.one(emulator, p, "s1")).containsEntry("f_text", "updated");
    assertThat(RawRecords.one(emulator, p, "s4")).containsEntry("f_text", "d");
    assertThat(RawRecords.recordIds(emulator, p, "record_id")).contains("s2").doesNotContain("s3");
  }

  @Test
  void aFailingCallEndsTheBatchWithTheCountsOfTheStatementsWritten() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    try (Connection c = connect(p, "importBatchSize=2", "typed=false");
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO form_1 (record_id, v_email) VALUES (?, ?)")) {
      String[][] rows = {
        {"f1", "a@b.org"},
        {"f2", "c@d.org"},
        {"f3", "e@f.org"},
        {"f4", "not an e-mail"},
        {"f5", "g@h.org"}
      };
      for (String[] row : rows) {
        ps.setString(1, row[0]);
        ps.setString(2, row[1]);
        ps.addBatch();
      }
      emulator.resetStats();
      BatchUpdateException e = catchThrowableOfType(ps::executeBatch, BatchUpdateException.class);
      assertThat((Object) e).as("BatchUpdateException").isNotNull();
      assertThat(e.getUpdateCounts()).containsExactly(1, 1);
      assertThat(e.getSQLState()).isEqualTo("22000");
      assertThat(e.getMessage())
          .contains("import call 2 of 3 (rows 3-4)")
          .contains("\"f4\",\"v_email\",\"not an e-mail\"")
          .contains("2 rows written by earlier calls stay written")
          .contains("the 1 rows after this call were not sent");
      assertThat(imports()).hasSize(2);
    }
    assertThat(RawRecords.recordIds(emulator, p, "record_id"))
        .contains("f1", "f2")
        .doesNotContain("f3", "f4", "f5");
  }

  @Test
  void aValueThatCannotBeWrittenStopsTheBatchBeforeAnyCall() throws SQLException {
    EmulatedProject p = load(AUTO_NUMBERED);
    try (Connection c = connect(p);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO form_1 (record_id, v_number_1dp) VALUES (?, ?)")) {
      ps.setString(1, "v1");
      ps.setBigDecimal(2, new java.math.BigDecimal("1.5"));
      ps.addBatch();
      ps.setString(1, "v2");
      ps.setBigDecimal(2, new java.math.BigDecimal("1.25"));
      ps.addBatch();
      emulator.resetStats();
      BatchUpdateException e = catchThrowableOfType(ps::executeBatch, BatchUpdateException.class);
      assertThat(e.getUpdateCounts()).isEmpty();
      assertThat(e.getMessage()).contains("v_number_1dp").contains("1 decimal places");
      assertThat(imports()).isEmpty();
    }
    assertThat(RawRecords.recordIds(emulator, p, "record_id")).doesNotContain("v1", "v2");
  }

  private static int dataLength(String json) {
    return json.length();
  }
}
