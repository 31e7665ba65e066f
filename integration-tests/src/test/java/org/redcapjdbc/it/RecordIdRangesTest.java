package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * Record-ID ranges (how Spark partitions a read) export only the records in range, with the same
 * rows as {@code pushdown=false}; {@code meta.record_id_partitions(n)} splits a project into
 * predicates that cover each record once, with record IDs full of quotes; Spark's schema probe
 * costs no export; key columns are NOT NULL in a result set's metadata.
 */
class RecordIdRangesTest extends EmulatorTest {
  /** IDs that sort differently as text and as numbers, and that need quoting. */
  private static final List<String> ODD_IDS =
      List.of("1", "10", "2", "9", "O'Brien", "say \"hi\"", "back\\slash", "Ärger", "a b", "z");

  @TempDir static Path dir;
  private static EmulatedProject synthetic;
  private static EmulatedProject longitudinal;
  private static EmulatedProject odd;

  @BeforeAll
  static void projects() throws IOException {
    synthetic = load(SyntheticProject.write(dir.resolve("classic"), 5, 120, false));
    longitudinal = load(SyntheticProject.write(dir.resolve("long"), 6, 60, true));
    odd = load(oddIds(dir.resolve("odd")));
  }

  private static Path oddIds(Path d) throws IOException {
    Files.createDirectories(d);
    Files.writeString(
        d.resolve("dictionary.csv"),
        String.join(",", SyntheticProject.DICTIONARY_HEADER)
            + "\nstudy_id,main,,text,ID,,,,,,,,,,,,,\nname,main,,text,Name,,,,,,,,,,,,,\n",
        StandardCharsets.UTF_8);
    StringBuilder data = new StringBuilder("study_id,name,main_complete\n");
    for (String id : ODD_IDS) {
      data.append('"').append(id.replace("\"", "\"\"")).append("\",n ").append(id.length());
      data.append(",2\n");
    }
    Files.writeString(d.resolve("data.csv"), data.toString(), StandardCharsets.UTF_8);
    return d;
  }

  @Test
  void rangesGiveTheRowsOfPushdownOffAndExportOnlyTheirRecords() throws SQLException {
    List<String> predicates =
        List.of(
            "record_id >= '2' AND record_id < '3'",
            "record_id < '11'",
            "record_id > '99'",
            "record_id BETWEEN '5' AND '6'",
            "record_id >= '3' AND record_id < '3'",
            "record_id < '2' OR record_id > '8'",
            "(record_id >= '4' AND UPPER(record_id) <> 'X') OR record_id = '77'",
            "record_id IN ('1', '2') OR record_id > '98'",
            "'50' > record_id AND record_id >= '40'",
            "record_id <> '5'");
    for (EmulatedProject project : List.of(synthetic, longitudinal)) {
      for (String table : List.of("records", "person", "visit")) {
        for (String p : predicates) {
          String sql = "SELECT * FROM " + table + " WHERE " + p;
          assertSameRows(project, sql);
        }
      }
    }
  }

  @Test
  void aPartitionReadsTheIdListAndThenOnlyItsRecords() throws SQLException {
    try (Connection c = connect(synthetic)) {
      emulator.resetStats();
      List<List<Object>> rows =
          Jdbc.rows(
              c, "SELECT record_id, name FROM person WHERE record_id >= '2' AND record_id < '3'");
      assertThat(rows).hasSize(11); // 2, 20..29
      List<RecordedRequest> exports = exports();
      assertThat(exports).hasSize(2);
      assertThat(exports.get(0).values("fields")).containsExactly("record_id");
      assertThat(exports.get(1).values("records"))
          .containsExactlyInAnyOrder(
              "2", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29");

      emulator.resetStats();
      assertThat(Jdbc.rows(c, "SELECT * FROM person WHERE record_id > 'zzz'")).isEmpty();
      assertThat(exports()).as("the ID list only").hasSize(1);
    }
  }

  @Test
  void partitionsCoverEveryRecordOnceAndAreBalanced() throws SQLException {
    try (Connection c = connect(odd);
        Connection plain = connect(odd, "pushdown=false")) {
      List<List<Object>> parts =
          Jdbc.rows(
              c,
              "SELECT partition_number, predicate, record_count"
                  + " FROM TABLE(meta.record_id_partitions(4))");
      assertThat(parts).hasSize(4);
      List<String> seen = new ArrayList<>();
      for (List<Object> part : parts) {
        String sql = "SELECT study_id FROM records WHERE " + part.get(1);
        List<List<Object>> rows = Jdbc.rows(c, sql);
        assertThat(rows).as(sql).hasSize(((Number) part.get(2)).intValue());
        assertThat(rows.size()).isBetween(2, 3);
        assertThat(rows).isEqualTo(Jdbc.rows(plain, sql));
        rows.forEach(r -> seen.add((String) r.get(0)));
      }
      assertThat(seen).containsExactlyInAnyOrderElementsOf(ODD_IDS);
      assertThat(parts.get(0).get(1).toString()).startsWith("\"study_id\" < '");
      assertThat(parts.get(3).get(1).toString()).doesNotContain("<");

      List<List<Object>> one =
          Jdbc.rows(c, "SELECT predicate FROM TABLE(meta.record_id_partitions(1))");
      assertThat(Jdbc.rows(c, "SELECT study_id FROM records WHERE " + one.get(0).get(0)))
          .hasSize(ODD_IDS.size());
    }
  }

  @Test
  void oddIdRangesMatchPushdownOff() throws SQLException {
    for (String p :
        List.of(
            "study_id >= 'O''Brien'",
            "study_id < 'say \"hi\"' AND study_id > '10'",
            "study_id BETWEEN '2' AND 'a b'",
            "study_id >= 'back\\slash' OR study_id < '10'")) {
      assertSameRows(odd, "SELECT * FROM records WHERE " + p);
    }
  }

  @Test
  void sparksSchemaProbeExportsNothingAndKeysAreNotNull() throws SQLException {
    try (Connection c = connect(longitudinal)) {
      for (String table : List.of("records", "person", "visit")) {
        emulator.resetStats();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1=0")) {
          assertThat(rs.next()).isFalse();
          ResultSetMetaData md = rs.getMetaData();
          assertThat(md.isNullable(1))
              .as(table + ".record_id")
              .isEqualTo(ResultSetMetaData.columnNoNulls);
          assertThat(md.isNullable(2))
              .as(table + ".redcap_event_name")
              .isEqualTo(ResultSetMetaData.columnNoNulls);
        }
        assertThat(exports()).as(table + " WHERE 1=0").isEmpty();
      }
    }
  }

  private static void assertSameRows(EmulatedProject project, String sql) throws SQLException {
    try (Connection pushing = connect(project);
        Connection plain = connect(project, "pushdown=false")) {
      assertThat(sorted(Jdbc.rows(pushing, sql))).as(sql).isEqualTo(sorted(Jdbc.rows(plain, sql)));
    }
  }

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(Objects::toString).sorted().toList();
  }
}
