package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.UserSpec;

/**
 * Rights are REDCap's, and SQL cannot get around them: a DAG member's token sees exactly its
 * group's records whatever the WHERE clause names (pushed down or not) and cannot write into
 * another group's record; a token without API export rights gets REDCap's own message; a token
 * without import rights writes nothing, for INSERT, UPDATE and DELETE alike.
 */
class RightsThroughSqlTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();

  private static EmulatedProject project;

  /** Every record's DAG, as the project's administrator sees it. */
  private static Map<String, String> dagOf;

  private static String dag;
  private static String ownRecord;
  private static String otherRecord;

  @BeforeAll
  static void projectWithDags() throws SQLException {
    project = generate("records=60,fields=14,dags=2,seed=101");
    LOGS.watch(project.token());
    dagOf = records(connect(project));
    assertThat(dagOf).hasSize(60);
    dag = dagOf.values().stream().filter(d -> d != null).sorted().findFirst().orElseThrow();
    ownRecord =
        dagOf.entrySet().stream()
            .filter(e -> dag.equals(e.getValue()))
            .findFirst()
            .orElseThrow()
            .getKey();
    otherRecord =
        dagOf.entrySet().stream()
            .filter(e -> !dag.equals(e.getValue()))
            .findFirst()
            .orElseThrow()
            .getKey();
  }

  private static Map<String, String> records(Connection c) throws SQLException {
    try (c) {
      return Sql.rows(c, "SELECT record_id, redcap_data_access_group FROM records").stream()
          .collect(Collectors.toMap(r -> (String) r.get(0), r -> String.valueOf(r.get(1))));
    }
  }

  private static EmulatedProject as(String token) {
    LOGS.watch(token);
    return new EmulatedProject(project.projectId(), project.title(), token);
  }

  private static Object f1(String record) throws SQLException {
    try (Connection admin = connect(project)) {
      return Sql.value(
          admin, "SELECT f1_text FROM instrument_1 WHERE record_id = '" + record + "'");
    }
  }

  @Test
  void aDagMemberSeesExactlyItsGroupWhateverTheQueryNames() throws SQLException {
    EmulatedProject member = as(project.addUser(UserSpec.builder("site_member").dag(dag).build()));
    List<String> own =
        dagOf.entrySet().stream()
            .filter(e -> dag.equals(e.getValue()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    assertThat(own).isNotEmpty().hasSizeLessThan(60);
    for (String pushdown : List.of("pushdown=true", "pushdown=false")) {
      try (Connection c = connect(member, pushdown)) {
        assertThat(
                Sql.rows(c, "SELECT record_id FROM records").stream()
                    .map(r -> (String) r.get(0))
                    .sorted()
                    .toList())
            .as(pushdown)
            .isEqualTo(own);
        assertThat(Sql.value(c, "SELECT COUNT(*) FROM instrument_1")).isEqualTo((long) own.size());
        assertThat(
                Sql.rows(
                        c,
                        "SELECT record_id FROM instrument_1 WHERE record_id = '"
                            + otherRecord
                            + "' OR f1_text <> '' OR f1_text IS NULL")
                    .stream()
                    .map(r -> (String) r.get(0))
                    .sorted()
                    .toList())
            .isEqualTo(own);
        assertThat(Sql.rows(c, "SELECT * FROM records WHERE record_id = '" + otherRecord + "'"))
            .isEmpty();
      }
    }
  }

  @Test
  void aDagMemberCannotWriteIntoAnotherGroupsRecord() throws SQLException {
    EmulatedProject member = as(project.addUser(UserSpec.builder("site_writer").dag(dag).build()));
    Object before = f1(otherRecord);
    try (Connection c = connect(member);
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "UPDATE instrument_1 SET f1_text = 'overwritten' WHERE"
                      + " record_id = '"
                      + otherRecord
                      + "'"))
          .as("the record is invisible")
          .isZero();
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  s.executeUpdate(
                      "INSERT INTO instrument_1 (record_id, f1_text) VALUES ('"
                          + otherRecord
                          + "', 'overwritten')"));
      System.out.println("insert into another group's record: " + e.getMessage());
      assertThat(e.getMessage()).contains(otherRecord).contains("Nothing was written");
    }
    assertThat(f1(otherRecord)).isEqualTo(before);
  }

  @Test
  void aTokenWithoutExportRightsGetsREDCapsMessage() {
    EmulatedProject noExport =
        as(project.addUser(UserSpec.builder("no_export").apiExport(false).build()));
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection c = connect(noExport)) {
                Sql.rows(c, "SELECT * FROM records");
              }
            });
    System.out.println("no export rights: " + e.getMessage() + " / " + e.getSQLState());
    assertThat(e.getMessage()).contains("You do not have API Export privileges");
    assertThat(e.getSQLState()).isIn("28000", "42501");
  }

  @Test
  void aTokenWithoutImportRightsWritesNothing() throws SQLException {
    EmulatedProject reader =
        as(
            project.addUser(
                UserSpec.builder("reader_only").apiImport(false).recordDelete(false).build()));
    Object before = f1(ownRecord);
    int records = dagOf.size();
    try (Connection c = connect(reader);
        Statement s = c.createStatement()) {
      for (String dml :
          List.of(
              "UPDATE instrument_1 SET f1_text = 'changed' WHERE record_id = '" + ownRecord + "'",
              "INSERT INTO instrument_1 (record_id, f1_text) VALUES ('new-1', 'x')")) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(dml));
        assertThat(e.getMessage())
            .as(dml)
            .contains("You do not have API Import/Update privileges")
            .contains("Nothing was written");
        assertThat(e.getSQLState()).isEqualTo("42501");
      }
      SQLException delete =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("DELETE FROM records WHERE record_id = '" + ownRecord + "'"));
      assertThat(delete.getMessage()).contains("Delete Record").contains("Nothing was deleted");
      // Reading still works.
      assertThat(Sql.value(c, "SELECT COUNT(*) FROM records")).isEqualTo((long) records);
    }
    assertThat(f1(ownRecord)).isEqualTo(before);
    assertThat(records(connect(project))).hasSize(records).doesNotContainKey("new-1");
  }

  /**
   * REDCap leaves out the fields of a form the token may not export, silently and with status
   * 200. The rows show NULL there (as REDCap's own export shows nothing), and the ResultSet
   * carries a warning naming the columns, so that an empty form is not mistaken for missing data.
   */
  @Test
  void formsATokenMayNotExportReadAsNullWithAWarning() throws SQLException {
    EmulatedProject partial =
        as(project.addUser(UserSpec.builder("no_form_2").exportRight("instrument_2", 0).build()));
    try (Connection admin = connect(project)) {
      assertThat(Sql.value(admin, "SELECT COUNT(f12_email) FROM records")).isNotEqualTo(0L);
    }
    // One export, and batches of 20 records (the warning gathers what every batch carried).
    for (String batchSize : List.of("batchSize=500", "batchSize=20")) {
      formsLeftOutWarn(partial, batchSize);
    }
  }

  private static void formsLeftOutWarn(EmulatedProject partial, String batchSize)
      throws SQLException {
    try (Connection c = connect(partial, batchSize);
        Statement s = c.createStatement()) {
      try (java.sql.ResultSet rs =
          s.executeQuery("SELECT record_id, f1_text, f12_email" + " FROM records")) {
        List<List<Object>> rows = Sql.rows(rs);
        assertThat(rows).hasSize(60).allSatisfy(r -> assertThat(r.get(2)).isNull());
        assertThat(rows).anySatisfy(r -> assertThat(r.get(1)).isNotNull());
        assertThat((Object) rs.getWarnings()).isNotNull();
        assertThat(rs.getWarnings().getMessage())
            .contains("REDCap left out 1 column(s)")
            .contains("(f12_email)")
            .contains("export rights");
      }
      try (java.sql.ResultSet rs = s.executeQuery("SELECT * FROM instrument_2")) {
        assertThat(Sql.rows(rs)).isEmpty();
        assertThat(rs.getWarnings().getMessage()).contains("REDCap left out").contains("f12_email");
      }
      try (java.sql.ResultSet rs = s.executeQuery("SELECT * FROM instrument_1")) {
        assertThat(Sql.rows(rs)).isNotEmpty();
        assertThat((Object) rs.getWarnings()).as("nothing left out of instrument_1").isNull();
      }
    }
  }
}
