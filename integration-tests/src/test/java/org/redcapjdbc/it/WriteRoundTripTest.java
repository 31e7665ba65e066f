package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * Every writable field type through INSERT, UPDATE (to a new value and to NULL) and DELETE on
 * REDCapR's validation-types project, each result read back by a raw export that does not use
 * the driver: what REDCap stores is exactly the text its import expects (dates {@code Y-M-D},
 * datetimes to the minute or second, times, comma decimals, checkboxes and yes/no as 0/1).
 */
class WriteRoundTripTest extends EmulatorTest {
  private static final String PROJECT = "redcapr/validation-types-1/project.xml";

  /** One column: the value written, the wire text expected, an update and its wire text. */
  private record Case(
      String column, Object value, String wire, Object updated, String updatedWire) {}

  private static final List<Case> CASES =
      List.of(
          new Case("f_checkbox___0", false, "0", true, "1"),
          new Case("f_checkbox___1", true, "1", false, "0"),
          new Case("f_checkbox___2", true, "1", true, "1"),
          new Case("f_dropdown", "2", "2", "0", "0"),
          new Case(
              "f_notes",
              "line one\nline two, ünïcødé — Тимофей",
              "line one\nline two," + " ünïcødé — Тимофей",
              "short",
              "short"),
          new Case("f_radio", "1", "1", "2", "2"),
          new Case("f_slider", 73, "73", 0, "0"),
          new Case("f_sql", "1", "1", "one", "one"),
          new Case("f_text", "O'Brien says \"hi\"", "O'Brien says \"hi\"", "x", "x"),
          new Case("f_true_false", true, "1", false, "0"),
          new Case("f_yes_no", false, "0", true, "1"),
          new Case("v_alpha_only", "Alpha", "Alpha", "Beta", "Beta"),
          new Case(
              "v_date_dmy",
              LocalDate.of(2021, 3, 4),
              "2021-03-04",
              LocalDate.of(1999, 12, 31),
              "1999-12-31"),
          new Case(
              "v_date_mdy",
              LocalDate.of(2021, 3, 4),
              "2021-03-04",
              LocalDate.of(2000, 2, 29),
              "2000-02-29"),
          new Case(
              "v_date_ymd",
              LocalDate.of(2021, 3, 4),
              "2021-03-04",
              LocalDate.of(1900, 1, 1),
              "1900-01-01"),
          new Case(
              "v_datetime_dmy",
              LocalDateTime.of(2021, 3, 4, 5, 6),
              "2021-03-04 05:06",
              LocalDateTime.of(2022, 1, 2, 23, 59),
              "2022-01-02 23:59"),
          new Case(
              "v_datetime_mdy",
              LocalDateTime.of(2021, 3, 4, 5, 6),
              "2021-03-04 05:06",
              LocalDateTime.of(2022, 1, 2, 0, 0),
              "2022-01-02 00:00"),
          new Case(
              "v_datetime_ymd",
              LocalDateTime.of(2021, 3, 4, 5, 6),
              "2021-03-04 05:06",
              LocalDateTime.of(2022, 1, 2, 12, 30),
              "2022-01-02 12:30"),
          new Case(
              "v_datetime_seconds_dmy",
              LocalDateTime.of(2021, 3, 4, 5, 6, 7),
              "2021-03-04 05:06:07",
              LocalDateTime.of(2022, 1, 2, 3, 4, 5),
              "2022-01-02 03:04:05"),
          new Case(
              "v_datetime_seconds_mdy",
              LocalDateTime.of(2021, 3, 4, 5, 6, 7),
              "2021-03-04 05:06:07",
              LocalDateTime.of(2022, 1, 2, 3, 4, 5),
              "2022-01-02 03:04:05"),
          new Case(
              "v_datetime_seconds_ymd",
              LocalDateTime.of(2021, 3, 4, 5, 6, 7),
              "2021-03-04 05:06:07",
              LocalDateTime.of(2022, 1, 2, 3, 4, 5),
              "2022-01-02 03:04:05"),
          new Case("v_email", "ada@example.org", "ada@example.org", "b@c.de", "b@c.de"),
          new Case("v_integer", 12345678901L, "12345678901", -7L, "-7"),
          new Case("v_mrn_10d", "0123456789", "0123456789", "9876543210", "9876543210"),
          new Case("v_mrn_generic", "MRN-7", "MRN-7", "X1", "X1"),
          new Case(
              "v_number",
              new BigDecimal("12.938129834911"),
              "12.938129834911",
              new BigDecimal("-0.5"),
              "-0.5"),
          new Case("v_number_1dp", new BigDecimal("22.5"), "22.5", new BigDecimal("22"), "22.0"),
          new Case("v_number_2dp", new BigDecimal("1.25"), "1.25", new BigDecimal("3.1"), "3.10"),
          new Case(
              "v_number_3dp", new BigDecimal("1.125"), "1.125", new BigDecimal("-2"), "-2.000"),
          new Case(
              "v_number_4dp", new BigDecimal("1.0625"), "1.0625", new BigDecimal("0"), "0.0000"),
          new Case(
              "v_number_comma_decimal", new BigDecimal("1.54"), "1,54", new BigDecimal("7"), "7"),
          new Case(
              "v_number_1dp_comma_decimal",
              new BigDecimal("1.5"),
              "1,5",
              new BigDecimal("2"),
              "2,0"),
          new Case(
              "v_number_2dp_comma_decimal",
              new BigDecimal("1.55"),
              "1,55",
              new BigDecimal("0.1"),
              "0,10"),
          new Case(
              "v_number_3dp_comma_decimal",
              new BigDecimal("1.555"),
              "1,555",
              new BigDecimal("3"),
              "3,000"),
          new Case(
              "v_number_4dp_comma_decimal",
              new BigDecimal("1.5555"),
              "1,5555",
              new BigDecimal("4.2"),
              "4,2000"),
          new Case("v_phone", "(615) 555-0123", "(615) 555-0123", "615-555-0199", "615-555-0199"),
          new Case("v_phone_australia", "0412 345 678", "0412 345 678", "0298765432", "0298765432"),
          new Case("v_postalcode_australia", "2000", "2000", "3000", "3000"),
          new Case("v_postalcode_canada", "K1A 0B1", "K1A 0B1", "M5V3L9", "M5V3L9"),
          new Case("v_postalcode_french", "75001", "75001", "13001", "13001"),
          new Case("v_postalcode_germany", "10115", "10115", "80331", "80331"),
          new Case("v_ssn", "123-45-6789", "123-45-6789", "987-65-4321", "987-65-4321"),
          new Case("v_time_hh_mm", LocalTime.of(7, 5), "07:05", LocalTime.of(23, 59), "23:59"),
          new Case(
              "v_time_hh_mm_ss",
              LocalTime.of(7, 5, 9),
              "07:05:09",
              LocalTime.of(0, 0, 1),
              "00:00:01"),
          new Case("v_time_mm_ss", "12:34", "12:34", "59:59", "59:59"),
          new Case("v_vmrn", "123456", "123456", "7", "7"),
          new Case("v_zipcode", "37203", "37203", "37203-1234", "37203-1234"),
          new Case("form_1_complete", (short) 2, "2", (short) 1, "1"));

  @Test
  void everyFieldTypeRoundTripsThroughInsertUpdateAndDelete() throws SQLException {
    EmulatedProject p = load(PROJECT);
    List<String> columns = new ArrayList<>();
    for (Case c : CASES) {
      columns.add(c.column());
    }
    try (Connection c = connect(p)) {
      emulator.resetStats();
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO form_1 (record_id, "
                  + String.join(", ", columns)
                  + ") VALUES (?"
                  + ", ?".repeat(columns.size())
                  + ")")) {
        insert.setString(1, "rt1");
        for (int i = 0; i < CASES.size(); i++) {
          insert.setObject(i + 2, CASES.get(i).value());
        }
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      assertThat(emulator.stats().method("record/import").requests()).isEqualTo(1);
      Map<String, String> stored = RawRecords.one(emulator, p, "rt1");
      assertThat(wire(stored, CASES, false)).isEqualTo(expected(CASES, false));
      assertThat(stored.get("f_calculated")).as("REDCap computes calcs on import").isEqualTo("7");

      StringBuilder set = new StringBuilder();
      for (String column : columns) {
        set.append(set.length() == 0 ? "" : ", ").append(column).append(" = ?");
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE form_1 SET " + set + " WHERE record_id = ?")) {
        for (int i = 0; i < CASES.size(); i++) {
          update.setObject(i + 1, CASES.get(i).updated());
        }
        update.setString(CASES.size() + 1, "rt1");
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      assertThat(wire(RawRecords.one(emulator, p, "rt1"), CASES, true))
          .isEqualTo(expected(CASES, true));
      assertThat(emulator.stats().requests("record/import").get(1).param("overwriteBehavior"))
          .isEqualTo("overwrite");

      try (Statement s = c.createStatement()) {
        StringBuilder nulls = new StringBuilder();
        for (String column : columns) {
          if (!column.equals("form_1_complete")) {
            nulls.append(nulls.length() == 0 ? "" : ", ").append(column).append(" = NULL");
          }
        }
        assertThat(s.executeUpdate("UPDATE form_1 SET " + nulls + " WHERE record_id = 'rt1'"))
            .isEqualTo(1);
        Map<String, String> blanked = RawRecords.one(emulator, p, "rt1");
        for (Case k : CASES) {
          if (k.column().startsWith("f_checkbox")) {
            assertThat(blanked.get(k.column())).as(k.column()).isEqualTo("0");
          } else if (!k.column().equals("form_1_complete")) {
            assertThat(blanked.get(k.column())).as(k.column()).isEmpty();
          }
        }
        assertThat(blanked.get("form_1_complete")).isEqualTo("1");
        assertThat(blanked.get("f_calculated")).isEqualTo("7");

        assertThat(s.executeUpdate("DELETE FROM form_1 WHERE record_id = 'rt1'")).isEqualTo(1);
      }
      assertThat(RawRecords.recordIds(emulator, p, "record_id")).doesNotContain("rt1");
      assertThat(emulator.stats().requests("record/delete").get(0).param("instrument"))
          .isEqualTo("form_1");
    }
  }

  @Test
  void typedFalseWritesTheTextAsGiven() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p, "typed=false");
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "INSERT INTO form_1 (record_id, v_date_ymd, v_number,"
                      + " f_checkbox___1, f_yes_no) VALUES ('t1', '2020-5-6', '1.50', '1', '0')"))
          .isEqualTo(1);
      Map<String, String> stored = RawRecords.one(emulator, p, "t1");
      assertThat(stored)
          .containsEntry("v_date_ymd", "2020-05-06")
          .containsEntry("v_number", "1.50")
          .containsEntry("f_checkbox___1", "1")
          .containsEntry("f_yes_no", "0");
    }
  }

  @Test
  void recordsTableRoundTripsAndDeletesWholeRecords() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "INSERT INTO records (record_id, f_text, v_integer) VALUES"
                      + " ('r1', 'a', 1), ('r2', 'b', 2), ('r3', 'c', 3)"))
          .isEqualTo(3);
      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "UPDATE records SET v_integer = v_integer * 10"
                      + " WHERE record_id IN ('r1', 'r2')"))
          .isEqualTo(2);
      // The UPDATE reads the keys and the column its SET expression uses, nothing else.
      assertThat(exports()).hasSize(1);
      assertThat(exports().get(0).values("fields")).containsExactly("record_id", "v_integer");
      assertThat(exports().get(0).values("records")).containsExactlyInAnyOrder("r1", "r2");
      assertThat(RawRecords.one(emulator, p, "r1"))
          .containsEntry("v_integer", "10")
          .containsEntry("f_text", "a");
      assertThat(RawRecords.one(emulator, p, "r3")).containsEntry("v_integer", "3");
      emulator.resetStats();
      assertThat(s.executeUpdate("DELETE FROM records WHERE v_integer >= 10")).isEqualTo(2);
      assertThat(emulator.stats().requests("record/delete")).hasSize(1);
      assertThat(emulator.stats().requests("record/delete").get(0).values("records"))
          .containsExactlyInAnyOrder("r1", "r2");
      assertThat(emulator.stats().requests("record/delete").get(0).param("instrument")).isNull();
      assertThat(RawRecords.recordIds(emulator, p, "record_id"))
          .contains("r3")
          .doesNotContain("r1", "r2");
      emulator.resetStats();
      assertThat(s.executeUpdate("DELETE FROM records WHERE record_id = 'r3'")).isEqualTo(1);
      assertThat(exports()).hasSize(1);
      assertThat(exports().get(0).values("fields")).containsExactly("record_id");
    }
  }

  @Test
  void labelsFilesKeysAndCalcsAreRefusedWithAReason() throws SQLException {
    EmulatedProject p = load(PROJECT);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1 (record_id, f_radio_label)" + " VALUES ('x', 'One')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("'f_radio_label' is a label column")
          .hasMessageContaining("write the code into 'f_radio' instead");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE form_1 SET f_file_upload = 'a.txt'"))
          .hasMessageContaining("'f_file_upload' is a file-upload field")
          .hasMessageContaining("INSERT INTO meta.files");
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE form_1 SET record_id = 'z'" + " WHERE record_id = '1'"))
          .hasMessageContaining("'record_id' is the record ID");
      // REDCap ignores imported calc values: the driver refuses rather than report a write.
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "UPDATE form_1 SET f_calculated = 1.5" + " WHERE record_id = '1'"))
          .hasMessageContaining("'f_calculated' is a calculated field");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO form_1 (record_id, f_calculated)" + " VALUES ('x', 2)"))
          .hasMessageContaining("'f_calculated' is a calculated field");
      assertThat(emulator.stats().method("record/import").requests()).isZero();
    }
  }

  private static Map<String, String> wire(
      Map<String, String> stored, List<Case> cases, boolean updated) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Case c : cases) {
      out.put(c.column(), stored.get(c.column()));
    }
    return out;
  }

  private static Map<String, String> expected(List<Case> cases, boolean updated) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Case c : cases) {
      out.put(c.column(), updated ? c.updatedWire() : c.wire());
    }
    return out;
  }
}
