package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * The SQL view of real projects: column types for every field type, values read as their types,
 * checkbox columns, longitudinal and repeating layouts, label companions, REMARKS, primary keys,
 * case-insensitive identifiers, non-Latin literals, and values that do not parse.
 */
class TypesAndMetadataTest extends EmulatorTest {
  @TempDir Path dir;

  /** JDBC type and precision/scale of each column, from getColumns. */
  private static Map<String, String> columnTypes(Connection c, String schema, String table)
      throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, "%")) {
      while (rs.next()) {
        String type = rs.getString("TYPE_NAME");
        if (rs.getInt("DATA_TYPE") == Types.DECIMAL) {
          type += "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")";
        }
        types.put(
            rs.getString("COLUMN_NAME"), type + (rs.getInt("NULLABLE") == 0 ? " NOT NULL" : ""));
      }
    }
    return types;
  }

  @Test
  void everyFieldTypeGetsItsSqlType() throws SQLException {
    EmulatedProject p = load("redcapr/validation-types-1/project.xml");
    try (Connection c = connect(p)) {
      Map<String, String> t = columnTypes(c, "redcap", "records");
      assertThat(t)
          .containsEntry("record_id", "VARCHAR NOT NULL")
          .containsEntry("f_calculated", "DOUBLE")
          .containsEntry("f_checkbox___0", "BOOLEAN")
          .containsEntry("f_dropdown", "VARCHAR")
          .containsEntry("f_dropdown_label", "VARCHAR")
          .containsEntry("f_file_upload", "VARCHAR")
          .containsEntry("f_notes", "VARCHAR")
          .containsEntry("f_radio", "VARCHAR")
          .containsEntry("f_radio_label", "VARCHAR")
          .containsEntry("f_signature", "VARCHAR")
          .containsEntry("f_slider", "INTEGER")
          .containsEntry("f_sql", "VARCHAR")
          .containsEntry("f_text", "VARCHAR")
          .containsEntry("f_true_false", "BOOLEAN")
          .containsEntry("f_yes_no", "BOOLEAN")
          .containsEntry("v_date_dmy", "DATE")
          .containsEntry("v_date_ymd", "DATE")
          .containsEntry("v_datetime_mdy", "TIMESTAMP")
          .containsEntry("v_datetime_seconds_ymd", "TIMESTAMP")
          .containsEntry("v_integer", "BIGINT")
          .containsEntry("v_number", "DECIMAL(38,16)")
          .containsEntry("v_number_1dp", "DECIMAL(38,1)")
          .containsEntry("v_number_4dp", "DECIMAL(38,4)")
          .containsEntry("v_number_comma_decimal", "DECIMAL(38,16)")
          .containsEntry("v_number_2dp_comma_decimal", "DECIMAL(38,2)")
          .containsEntry("v_time_hh_mm", "TIME")
          .containsEntry("v_time_hh_mm_ss", "TIME")
          .containsEntry("v_time_mm_ss", "VARCHAR")
          .containsEntry("v_email", "VARCHAR")
          .containsEntry("form_1_complete", "SMALLINT")
          .doesNotContainKey("f_descriptive");
      assertThat(Jdbc.value(c, "SELECT f_calculated FROM records")).isEqualTo(7.0);
    }
  }

  /**
   * {@code getObject} reads values straight from the current row (RowTap): each agrees with the
   * typed getter of its class, {@code wasNull} follows whichever getter ran last, and a prepared
   * statement executed again reads its new rows, not the last execution's.
   */
  @Test
  void getObjectAgreesWithTheTypedGettersAndWasNull() throws SQLException {
    EmulatedProject p = emulator.generate("records=40,fields=48,seed=5", null);
    try (Connection c = connect(p);
        java.sql.PreparedStatement ps =
            c.prepareStatement("SELECT * FROM records WHERE record_id IN ('3', '7')")) {
      List<List<Object>> first = new ArrayList<>();
      int nulls = 0;
      int values = 0;
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            Object o = rs.getObject(i);
            row.add(o);
            String where = rs.getMetaData().getColumnName(i) + " = " + o;
            assertThat(rs.wasNull()).as(where).isEqualTo(o == null);
            if (o == null) {
              nulls++;
              assertThat(rs.getString(i)).as(where).isNull();
            } else {
              values++;
              assertThat(typedGetter(rs, i, o)).as(where).isEqualTo(o);
            }
            assertThat(rs.wasNull()).as(where).isEqualTo(o == null);
          }
          first.add(row);
        }
      }
      assertThat(first).hasSize(2);
      assertThat(nulls).as("null values read").isPositive();
      assertThat(values).as("non-null values read").isPositive();
      // Executed again, and read with a null and a value alternating.
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        for (List<Object> expected : first) {
          assertThat(rs.next()).isTrue();
          for (int i = 1; i <= n; i++) {
            assertThat(rs.getObject(i)).isEqualTo(expected.get(i - 1));
          }
        }
        assertThat(rs.next()).isFalse();
      }
    }
  }

  /** The value of column {@code i} through the typed getter of {@code o}'s class. */
  private static Object typedGetter(ResultSet rs, int i, Object o) throws SQLException {
    if (o instanceof java.sql.Timestamp) {
      return rs.getTimestamp(i);
    } else if (o instanceof Date) {
      return rs.getDate(i);
    } else if (o instanceof java.sql.Time) {
      return rs.getTime(i);
    } else if (o instanceof String) {
      return rs.getString(i);
    } else if (o instanceof Boolean) {
      return rs.getBoolean(i);
    } else if (o instanceof Integer) {
      return rs.getInt(i);
    } else if (o instanceof Long) {
      return rs.getLong(i);
    } else if (o instanceof Short) {
      return rs.getShort(i);
    } else if (o instanceof Double) {
      return rs.getDouble(i);
    } else if (o instanceof BigDecimal) {
      return rs.getBigDecimal(i);
    }
    throw new AssertionError("unexpected class " + o.getClass() + " of " + o);
  }

  @Test
  void valuesReadAsTheirTypes() throws SQLException {
    EmulatedProject p = load("redcapr/longitudinal/project.xml");
    try (Connection c = connect(p);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT * FROM records WHERE study_id = '100'"
                    + " AND redcap_event_name = 'enrollment_arm_1'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("study_id")).isEqualTo("100");
      assertThat(rs.getObject("date_enrolled")).isEqualTo(Date.valueOf("2015-04-02"));
      assertThat(rs.getDate("dob")).isEqualTo(Date.valueOf("1983-09-23"));
      assertThat(rs.getString("telephone_1")).isEqualTo("(415) 555-1212");
      assertThat(rs.getString("ethnicity")).isEqualTo("0");
      assertThat(rs.getString("ethnicity_label")).isEqualTo("Hispanic or Latino");
      assertThat(rs.getBoolean("gym___0")).isTrue();
      assertThat(rs.getBoolean("gym___1")).isFalse();
      assertThat(rs.wasNull()).isFalse();
      assertThat(rs.getObject("height")).isEqualTo(new BigDecimal("160.0000000000000000"));
      assertThat(rs.getDouble("bmi")).isEqualTo(31.3);
      assertThat(rs.getObject("demographics_complete")).isEqualTo((short) 2);
      assertThat(rs.getString("comments")).startsWith("Is he staying arrival address earnest.");
      assertThat(rs.getObject("given_birth")).isNull();
      assertThat(rs.getObject("given_birth_label")).isNull();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void decimalsWithCommasAndManyPlacesAreExact() throws SQLException {
    EmulatedProject p = load("redcapr/decimal-comma-and-dot");
    try (Connection c = connect(p)) {
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT height_dot, height_comma, weight_comma FROM records"
                      + " WHERE record_id = '1'"))
          .containsExactly(
              List.of(
                  new BigDecimal("1.5400000000000000"),
                  new BigDecimal("1.5400000000000000"),
                  new BigDecimal("52.3000000000000000")));
      assertThat(Jdbc.value(c, "SELECT SUM(weight_comma) FROM records"))
          .isEqualTo(new BigDecimal("313.9000000000000000"));
    }
    EmulatedProject zoo = load(SyntheticProject.write(dir.resolve("zoo"), 11, 120, false));
    try (Connection c = connect(zoo)) {
      List<List<Object>> rows =
          Jdbc.rows(c, "SELECT weight FROM person WHERE weight = 12.938129834911");
      assertThat(rows)
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.get(0)).isEqualTo(new BigDecimal("12.9381298349110000")));
    }
  }

  @Test
  void checkboxOptionsAreBooleanColumns() throws SQLException {
    EmulatedProject p = load("redcapr/checkboxes-1");
    try (Connection c = connect(p)) {
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT record_id, check_one___1, check_one___2, check_two___a,"
                      + " check_two___c FROM records ORDER BY record_id"))
          .startsWith(
              List.of("1", true, false, true, true), List.of("2", false, false, false, false));
      assertThat(Jdbc.rows(c, "SELECT record_id FROM form_2 WHERE check_two___b"))
          .contains(List.of("2"));
    }
  }

  @Test
  void longitudinalAndRepeatingLayoutsAndKeys() throws SQLException {
    EmulatedProject longi = load("redcapr/longitudinal/project.xml");
    try (Connection c = connect(longi)) {
      assertThat(FixtureTablesTest.primaryKey(c, "records"))
          .containsExactly("study_id", "redcap_event_name");
      assertThat(FixtureTablesTest.primaryKey(c, "baseline_data"))
          .containsExactly("study_id", "redcap_event_name");
      assertThat(Jdbc.rows(c, "SELECT DISTINCT redcap_event_name FROM baseline_data"))
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.get(0)).isNotNull());
      assertThat(columnTypes(c, "redcap", "baseline_data"))
          .containsEntry("redcap_event_name", "VARCHAR NOT NULL");
    }
    EmulatedProject rep = load("redcapr/repeating-instruments/project.xml");
    try (Connection c = connect(rep)) {
      assertThat(FixtureTablesTest.primaryKey(c, "records"))
          .containsExactly("record_id", "redcap_repeat_instrument", "redcap_repeat_instance");
      assertThat(FixtureTablesTest.primaryKey(c, "bp"))
          .containsExactly("record_id", "redcap_repeat_instance");
      assertThat(FixtureTablesTest.primaryKey(c, "demographics")).containsExactly("record_id");
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT record_id, redcap_repeat_instance, bp_systolic FROM bp"
                      + " ORDER BY record_id, redcap_repeat_instance"))
          .containsExactly(
              List.of("1", 1, 110L),
              List.of("1", 2, 111L),
              List.of("1", 3, 112L),
              List.of("2", 1, 114L));
      assertThat(
              Jdbc.rows(
                  c, "SELECT record_id, first_name FROM demographics" + " ORDER BY record_id"))
          .containsExactly(List.of("1", "aaa"), List.of("2", "bbb"));
      assertThat(
              Jdbc.rows(
                  c, "SELECT COUNT(*) FROM records WHERE redcap_repeat_instrument" + " = 'bp'"))
          .containsExactly(List.of(4L));
      // Joining an instrument to its repeating child by record ID.
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT d.first_name, COUNT(*) FROM demographics d JOIN bp"
                      + " ON bp.record_id = d.record_id GROUP BY d.first_name ORDER BY 1"))
          .containsExactly(List.of("aaa", 3L), List.of("bbb", 1L));
    }
  }

  @Test
  void remarksComeFromLabelsWithoutHtml() throws SQLException {
    EmulatedProject zoo = load(SyntheticProject.write(dir.resolve("zoo"), 11, 20, false));
    try (Connection c = connect(zoo)) {
      DatabaseMetaData md = c.getMetaData();
      Map<String, String> tables = new LinkedHashMap<>();
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          tables.put(
              rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"),
              rs.getString("REMARKS"));
        }
      }
      assertThat(tables)
          .containsKeys(
              "redcap.records",
              "redcap.person",
              "redcap.visit",
              "meta.metadata",
              "meta.users",
              "meta.files")
          .doesNotContainKey("metadata.TABLES");
      assertThat(tables.values()).allSatisfy(r -> assertThat(r).isNotBlank());
      Map<String, String> columns = new LinkedHashMap<>();
      try (ResultSet rs = md.getColumns(null, "redcap", "person", "%")) {
        while (rs.next()) {
          columns.put(rs.getString("COLUMN_NAME"), rs.getString("REMARKS"));
        }
      }
      assertThat(columns)
          .containsEntry("name", "Name")
          .containsEntry("weight", "Weight (kg)")
          .containsEntry("race___2", "Race (choice=Black)");
    }
  }

  @Test
  void identifiersIgnoreCaseAndLiteralsMayBeCyrillic() throws SQLException {
    EmulatedProject p = load("phpcap/PHPCapBasicDemography.REDCap.xml");
    try (Connection c = connect(p)) {
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT Record_ID, FIRST_NAME FROM Demographics" + " WHERE record_ID = '1001'"))
          .containsExactly(List.of("1001", "Mattie"));
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT \"record_id\" FROM \"REDCAP\".\"Records\""
                      + " WHERE \"record_id\" = '1002'"))
          .containsExactly(List.of("1002"));
      assertThat(c.getSchema()).isEqualTo("redcap");
    }
    EmulatedProject zoo = load(SyntheticProject.write(dir.resolve("zoo"), 11, 120, false));
    try (Connection c = connect(zoo);
        Connection plain = connect(zoo, "pushdown=false")) {
      Object pushed = Jdbc.value(c, "SELECT COUNT(*) FROM person WHERE name = 'Тимофей'");
      assertThat(((Number) pushed).longValue()).isPositive();
      assertThat(pushed)
          .isEqualTo(Jdbc.value(plain, "SELECT COUNT(*) FROM person WHERE name = 'Тимофей'"));
      assertThat(Jdbc.value(c, "SELECT COUNT(*) FROM person WHERE name LIKE '%O''Brien%'"))
          .isEqualTo(Jdbc.value(plain, "SELECT COUNT(*) FROM person WHERE name LIKE '%O''Brien%'"));
    }
  }

  @Test
  void anUnparsableValueIsNullWithAWarningOrAnErrorUnderStrictTypes() throws SQLException {
    EmulatedProject p = load("redcapr/potentially-problematic-values");
    try (Connection c = connect(p);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT record_id, date_before_validation,"
                    + " integer_before_validation FROM records ORDER BY record_id")) {
      List<List<Object>> rows = Jdbc.rows(rs);
      assertThat(rows)
          .containsExactly(Arrays.asList("1", null, null), Arrays.asList("2", null, null));
      List<String> warnings = new ArrayList<>();
      for (SQLWarning w = rs.getWarnings(); w != null; w = w.getNextWarning()) {
        warnings.add(w.getMessage());
      }
      assertThat(warnings)
          .contains(
              "Record '1', column 'date_before_validation': 'before"
                  + " validation 1' is not a date (YYYY-MM-DD); it reads as NULL.");
      assertThat(warnings)
          .anySatisfy(
              w ->
                  assertThat(w)
                      .contains(
                          "Record '2'", "'integer_before_validation'", "'before validation 1'"));
    }
    try (Connection c = connect(p, "strictTypes=true")) {
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT date_before_validation FROM records"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(
              "Record '1', column 'date_before_validation': 'before"
                  + " validation 1' is not a date (YYYY-MM-DD)")
          .hasMessageContaining("strictTypes=true");
    }
    try (Connection c = connect(p, "typed=false")) {
      assertThat(columnTypes(c, "redcap", "records"))
          .containsEntry("date_before_validation", "VARCHAR")
          .containsEntry("form_1_complete", "VARCHAR");
      assertThat(
              Jdbc.rows(
                  c, "SELECT date_before_validation, time_1 FROM records" + " ORDER BY record_id"))
          .containsExactly(
              List.of("before validation 1", "2010-01-02"),
              List.of("before validation 2", "55:02"));
    }
  }

  @Test
  void anInstrumentNamedRecordsIsRecordsFormAndLabelColumnsCanBeOff() throws Exception {
    Path project = dir.resolve("named_records");
    java.nio.file.Files.createDirectories(project);
    java.nio.file.Files.writeString(
        project.resolve("dictionary.csv"),
        String.join(",", SyntheticProject.DICTIONARY_HEADER)
            + "\n"
            + "record_id,records,,text,Record ID,,,,,,,,,,,,,\n"
            + "colour,records,,radio,Colour,\"1, Red | 2, Blue\",,,,,,,,,,,,\n");
    java.nio.file.Files.writeString(
        project.resolve("data.csv"), "record_id,colour,records_complete\n1,2,2\n");
    EmulatedProject p = load(project);
    try (Connection c = connect(p)) {
      assertThat(FixtureTablesTest.tableNames(c, "redcap"))
          .containsExactlyInAnyOrder("records", "records_form");
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT record_id, colour, colour_label, records_complete"
                      + " FROM records_form"))
          .containsExactly(List.of("1", "2", "Blue", (short) 2));
      assertThat(Jdbc.value(c, "SELECT table_name FROM meta.instruments"))
          .isEqualTo("records_form");
    }
    try (Connection c = connect(p, "labelColumns=false")) {
      assertThat(columnTypes(c, "redcap", "records"))
          .doesNotContainKey("colour_label")
          .containsKey("colour");
    }
  }

  @Test
  void systemTablesDescribeTheProject() throws SQLException {
    EmulatedProject p = load("redcapr/longitudinal/project.xml");
    try (Connection c = connect(p)) {
      assertThat(Jdbc.value(c, "SELECT field_type FROM meta.metadata WHERE field_name = 'dob'"))
          .isEqualTo("text");
      assertThat(Jdbc.rows(c, "SELECT arm_num, name FROM meta.arms ORDER BY arm_num"))
          .containsExactly(List.of(1, "Drug A"), List.of(2, "Drug B"));
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT code, label FROM meta.choices WHERE field_name = 'sex'"
                      + " ORDER BY sort_order"))
          .containsExactly(List.of("0", "Female"), List.of("1", "Male"));
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT export_field_name FROM meta.field_names"
                      + " WHERE original_field_name = 'gym' ORDER BY 1"))
          .hasSize(5);
      assertThat(Jdbc.value(c, "SELECT is_longitudinal FROM meta.project_info")).isEqualTo("1");
      // A join of data and dictionary, as BI tools write it.
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT e.event_name, COUNT(*) FROM records r JOIN meta.events e"
                      + " ON e.unique_event_name = r.redcap_event_name WHERE e.arm_num = 1"
                      + " GROUP BY e.event_name"))
          .isNotEmpty();
    }
    EmulatedProject classic = load("phpcap/PHPCapBasicDemography.REDCap.xml");
    try (Connection c = connect(classic)) {
      assertThat(Jdbc.rows(c, "SELECT * FROM meta.events")).isEmpty();
      assertThat(Jdbc.rows(c, "SELECT * FROM meta.arms")).isEmpty();
      assertThat(Jdbc.rows(c, "SELECT * FROM meta.form_event_mapping")).isEmpty();
    }
  }
}
