package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * A scan without filters reaches the Enumerable operators without Calcite's interpreter
 * ({@code DirectScan}), with the same rows: a projection of several columns, of one column (handed
 * on as bare values), under an aggregate and a join. A scan with filters keeps Calcite's
 * interpreter; its rows are checked too (a filter Calcite re-applies, a record-ID filter on a
 * column the statement does not select, and a parameter).
 */
class DirectScanTest extends EmulatorTest {

  @Test
  void projectionsReadTheSameRowsWithoutTheInterpreter() throws SQLException {
    EmulatedProject p = emulator.generate("records=60,fields=24,seed=11", null);
    try (Connection c = connect(p)) {
      String projection = "SELECT record_id, f2_integer, f4_date, f1_text FROM records";
      assertThat(plan(c, projection)).contains("DirectScan").doesNotContain("Interpreter");
      List<List<Object>> all = Jdbc.rows(c, "SELECT * FROM records");
      List<String> names = columnNames(c);
      List<List<Object>> expected = new ArrayList<>();
      for (List<Object> row : all) {
        expected.add(
            java.util.Arrays.asList(
                row.get(names.indexOf("record_id")),
                row.get(names.indexOf("f2_integer")),
                row.get(names.indexOf("f4_date")),
                row.get(names.indexOf("f1_text"))));
      }
      assertThat(Jdbc.rows(c, projection)).isEqualTo(expected);

      String oneColumn = "SELECT f2_integer FROM records";
      assertThat(plan(c, oneColumn)).contains("DirectScan");
      List<List<Object>> single = new ArrayList<>();
      for (List<Object> row : expected) {
        single.add(java.util.Collections.singletonList(row.get(1)));
      }
      assertThat(Jdbc.rows(c, oneColumn)).isEqualTo(single);

      long withValue = expected.stream().filter(r -> r.get(1) != null).count();
      assertThat(Jdbc.value(c, "SELECT COUNT(f2_integer) FROM records")).isEqualTo(withValue);
      assertThat(
              Jdbc.value(
                  c,
                  "SELECT COUNT(*) FROM instrument_1 a JOIN records b"
                      + " ON a.record_id = b.record_id"))
          .isEqualTo((long) expected.size());

      // A scan with filters keeps Calcite's interpreter, which re-applies what the table leaves.
      String filtered = "SELECT record_id FROM records WHERE CHAR_LENGTH(f1_text) > 12";
      assertThat(plan(c, filtered)).contains("Interpreter").doesNotContain("DirectScan");
      List<List<Object>> longTexts = new ArrayList<>();
      for (List<Object> row : expected) {
        if (row.get(3) != null && ((String) row.get(3)).length() > 12) {
          longTexts.add(List.of(row.get(0)));
        }
      }
      assertThat(longTexts).isNotEmpty().hasSizeLessThan(expected.size());
      assertThat(Jdbc.rows(c, filtered)).isEqualTo(longTexts);

      // A record-ID filter the table answers exactly, on a column the statement does not select.
      List<Object> five = expected.get(4);
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT f2_integer, f4_date FROM records WHERE record_id = '"
                      + five.get(0)
                      + "'"))
          .containsExactly(java.util.Arrays.asList(five.get(1), five.get(2)));
      try (java.sql.PreparedStatement ps =
          c.prepareStatement(
              "SELECT f1_text FROM records WHERE record_id = ? AND f2_integer IS NOT NULL")) {
        for (List<Object> row : List.of(expected.get(1), expected.get(7), five)) {
          ps.setString(1, (String) row.get(0));
          List<List<Object>> want =
              row.get(1) == null
                  ? List.of()
                  : List.of(java.util.Collections.singletonList(row.get(3)));
          try (java.sql.ResultSet rs = ps.executeQuery()) {
            assertThat(Jdbc.rows(rs)).as("record %s", row.get(0)).isEqualTo(want);
          }
        }
      }
    }
  }

  private static List<String> columnNames(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT * FROM records")) {
      java.sql.ResultSetMetaData md = ps.getMetaData(); // nothing is exported to prepare
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
      }
    }
    return names;
  }

  private static String plan(Connection c, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    for (List<Object> row : Jdbc.rows(c, "EXPLAIN PLAN FOR " + sql)) {
      out.append(row.get(0)).append('\n');
    }
    return out.toString();
  }
}
