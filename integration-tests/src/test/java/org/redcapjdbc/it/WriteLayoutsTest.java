package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * Writes in longitudinal and repeating layouts (the emulator's demo study: two arms, repeating
 * medications; and a project with a repeating event): instrument tables fill in the repeat
 * instrument and append instances, UPDATE on {@code records} writes only the cells a row holds,
 * and DELETE sends exactly the {@code instrument}, {@code event} and {@code repeat_instance} the
 * matched rows stand for.
 */
class WriteLayoutsTest extends EmulatorTest {
  /** One demo study for the class: each test writes records of its own (L1, U1, D1 ...). */
  private static EmulatedProject demo;

  @TempDir Path dir;

  @BeforeAll
  static void generateDemo() {
    demo = emulator.generate("demo", null);
  }

  private static List<RecordedRequest> deletes() {
    return emulator.stats().requests("record/delete");
  }

  /** The rows of one record as (event, repeat instrument, instance) keys. */
  private static List<String> rowKeys(EmulatedProject p, String record) {
    List<String> keys = new ArrayList<>();
    for (Map<String, String> row : RawRecords.export(emulator, p, record)) {
      keys.add(
          row.get("redcap_event_name")
              + "/"
              + row.get("redcap_repeat_instrument")
              + "/"
              + row.get("redcap_repeat_instance"));
    }
    return keys;
  }

  private static Map<String, String> row(EmulatedProject p, String record, String key) {
    for (Map<String, String> row : RawRecords.export(emulator, p, record)) {
      if (key.equals(
          row.get("redcap_event_name")
              + "/"
              + row.get("redcap_repeat_instrument")
              + "/"
              + row.get("redcap_repeat_instance"))) {
        return row;
      }
    }
    throw new AssertionError("No row " + key + " in " + rowKeys(p, record));
  }

  @Test
  void instrumentTablesPlaceRowsAndAppendInstances() throws SQLException {
    EmulatedProject p = demo;
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "INSERT INTO demographics (study_id, redcap_event_name,"
                      + " first_name, sex, race___2, race___5) VALUES ('L1', 'screening_arm_1', 'Lin', '1',"
                      + " TRUE, TRUE)"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate(
                  "INSERT INTO visit (study_id, redcap_event_name, sbp)"
                      + " VALUES ('L1', 'baseline_arm_1', 120)"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate(
                  "INSERT INTO medications (study_id, redcap_event_name,"
                      + " med_name, med_dose) VALUES ('L1', 'baseline_arm_1', 'Aspirin', 100),"
                      + " ('L1', 'baseline_arm_1', 'Ibuprofen', 200)"))
          .isEqualTo(2);
      assertThat(
              s.executeUpdate(
                  "INSERT INTO medications (study_id, redcap_event_name,"
                      + " redcap_repeat_instance, med_name) VALUES ('L1', 'week_4_arm_1', 7, 'Later')"))
          .isEqualTo(1);
      assertThat(emulator.stats().requests("record/export")).isEmpty();
    }
    // An event with repeat data has its base row too (REDCap's flat layout).
    assertThat(rowKeys(p, "L1"))
        .containsExactly(
            "screening_arm_1//",
            "baseline_arm_1//",
            "baseline_arm_1/medications/1",
            "baseline_arm_1/medications/2",
            "week_4_arm_1//",
            "week_4_arm_1/medications/7");
    assertThat(row(p, "L1", "screening_arm_1//"))
        .containsEntry("first_name", "Lin")
        .containsEntry("race___2", "1")
        .containsEntry("race___5", "1")
        .containsEntry("race___1", "0");
    assertThat(row(p, "L1", "baseline_arm_1/medications/2"))
        .containsEntry("med_name", "Ibuprofen")
        .containsEntry("med_dose", "200");
  }

  @Test
  void updatesOfRecordsWriteOnlyTheCellsEachRowHolds() throws SQLException {
    EmulatedProject p = demo;
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO records (study_id, redcap_event_name, first_name) VALUES"
              + " ('U1', 'screening_arm_1', 'Una')");
      s.executeUpdate(
          "INSERT INTO records (study_id, redcap_event_name, sbp) VALUES"
              + " ('U1', 'baseline_arm_1', 110)");
      s.executeUpdate(
          "INSERT INTO medications (study_id, redcap_event_name, med_name) VALUES"
              + " ('U1', 'baseline_arm_1', 'A'), ('U1', 'baseline_arm_1', 'B')");
      emulator.resetStats();
      // Four rows match; only the baseline base row holds visit_notes.
      assertThat(
              s.executeUpdate("UPDATE records SET visit_notes = 'seen'" + " WHERE study_id = 'U1'"))
          .isEqualTo(1);
      assertThat(row(p, "U1", "baseline_arm_1//"))
          .containsEntry("visit_notes", "seen")
          .containsEntry("sbp", "110");
      // A repeat row holds its instrument's fields only.
      assertThat(
              s.executeUpdate(
                  "UPDATE records SET med_name = 'C', visit_notes = NULL"
                      + " WHERE study_id = 'U1' AND redcap_repeat_instance = 2"))
          .isEqualTo(1);
      assertThat(row(p, "U1", "baseline_arm_1/medications/2")).containsEntry("med_name", "C");
      assertThat(row(p, "U1", "baseline_arm_1//")).containsEntry("visit_notes", "seen");
      assertThat(
              s.executeUpdate(
                  "UPDATE medications SET med_name = NULL"
                      + " WHERE study_id = 'U1' AND redcap_repeat_instance = 1"))
          .isEqualTo(1);
      assertThat(row(p, "U1", "baseline_arm_1/medications/1")).containsEntry("med_name", "");
      assertThat(row(p, "U1", "baseline_arm_1/medications/2")).containsEntry("med_name", "C");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "UPDATE medications SET redcap_event_name ="
                          + " 'week_4_arm_1' WHERE study_id = 'U1'"))
          .hasMessageContaining("'redcap_event_name' is a key column")
          .hasMessageContaining("INSERT it there and DELETE the old row");
    }
  }

  @Test
  void deletesRemoveExactlyWhatTheMatchedRowsHold() throws SQLException {
    EmulatedProject p = demo;
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO records (study_id, redcap_event_name, first_name) VALUES"
              + " ('D1', 'screening_arm_1', 'Dee'), ('D2', 'screening_arm_1', 'Two')");
      s.executeUpdate(
          "INSERT INTO records (study_id, redcap_event_name, sbp, glucose) VALUES"
              + " ('D1', 'baseline_arm_1', 110, 90), ('D2', 'baseline_arm_1', 120, 95)");
      s.executeUpdate(
          "INSERT INTO medications (study_id, redcap_event_name, med_name) VALUES"
              + " ('D1', 'baseline_arm_1', 'A'), ('D1', 'baseline_arm_1', 'B'),"
              + " ('D2', 'baseline_arm_1', 'A')");

      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "DELETE FROM medications WHERE study_id = 'D1'"
                      + " AND redcap_repeat_instance = 1"))
          .isEqualTo(1);
      assertThat(deletes()).hasSize(1);
      assertThat(deletes().get(0).param("instrument")).isEqualTo("medications");
      assertThat(deletes().get(0).param("event")).isEqualTo("baseline_arm_1");
      assertThat(deletes().get(0).param("repeat_instance")).isEqualTo("1");
      assertThat(rowKeys(p, "D1"))
          .containsExactly("screening_arm_1//", "baseline_arm_1//", "baseline_arm_1/medications/2");

      // The base row alone: the data of the instruments it holds, not the medications.
      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "DELETE FROM records WHERE study_id = 'D1'"
                      + " AND redcap_event_name = 'baseline_arm_1' AND redcap_repeat_instance IS NULL"))
          .isEqualTo(1);
      assertThat(deletes())
          .extracting(r -> r.param("instrument"))
          .containsExactlyInAnyOrder("visit", "labs");
      assertThat(rowKeys(p, "D1"))
          .containsExactly("screening_arm_1//", "baseline_arm_1//", "baseline_arm_1/medications/2");
      assertThat(row(p, "D1", "baseline_arm_1//"))
          .containsEntry("sbp", "")
          .containsEntry("glucose", "");
      assertThat(row(p, "D1", "baseline_arm_1/medications/2")).containsEntry("med_name", "B");

      // Every row of D2 in an event: that event's data.
      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "DELETE FROM records WHERE study_id = 'D2'"
                      + " AND redcap_event_name = 'baseline_arm_1'"))
          .isEqualTo(2);
      assertThat(deletes()).hasSize(1);
      assertThat(deletes().get(0).param("event")).isEqualTo("baseline_arm_1");
      assertThat(deletes().get(0).param("instrument")).isNull();
      assertThat(rowKeys(p, "D2")).containsExactly("screening_arm_1//");

      // Every row of both records: whole records, one call.
      emulator.resetStats();
      assertThat(s.executeUpdate("DELETE FROM records WHERE study_id IN ('D1', 'D2')"))
          .isEqualTo(4);
      assertThat(deletes()).hasSize(1);
      assertThat(deletes().get(0).values("records")).containsExactlyInAnyOrder("D1", "D2");
      assertThat(deletes().get(0).param("event")).isNull();
      assertThat(RawRecords.export(emulator, p, "D1", "D2")).isEmpty();
      assertThat(RawRecords.export(emulator, p, "1")).isNotEmpty();
    }
  }

  @Test
  void aFormNotDesignatedForTheEventIsREDCapsErrorAndNothingIsWritten() throws SQLException {
    EmulatedProject p = demo;
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO records (study_id,"
                          + " redcap_event_name, first_name, glucose) VALUES ('N1', 'baseline_arm_1', 'x', 5),"
                          + " ('N2', 'screening_arm_1', 'y', NULL)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(
              "\"N1\",\"first_name\",\"x\",\"This field ('first_name') exists"
                  + " on an instrument that is not designated for the event")
          .hasMessageContaining("Nothing was written");
      assertThatThrownBy(
              () -> s.executeUpdate("INSERT INTO labs (study_id, glucose)" + " VALUES ('N3', 5)"))
          .hasMessageContaining("redcap_event_name");
    }
    assertThat(RawRecords.export(emulator, p, "N1")).isEmpty();
    assertThat(RawRecords.export(emulator, p, "N2")).isEmpty();
  }

  @Test
  void aRepeatingEventTakesInstancesWithoutAnInstrument() throws Exception {
    EmulatedProject p = load(repeatingEventProject());
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "INSERT INTO obs (record_id, redcap_event_name, obs_value)"
                      + " VALUES ('1', 'obs_arm_1', 'third')"))
          .isEqualTo(1);
      assertThat(rowKeys(p, "1"))
          .containsExactly("enrol_arm_1//", "obs_arm_1//1", "obs_arm_1//2", "obs_arm_1//3");
      assertThat(row(p, "1", "obs_arm_1//3")).containsEntry("obs_value", "third");
      assertThat(
              s.executeUpdate(
                  "UPDATE obs SET obs_value = 'second!' WHERE record_id = '1'"
                      + " AND redcap_repeat_instance = 2"))
          .isEqualTo(1);
      assertThat(row(p, "1", "obs_arm_1//2")).containsEntry("obs_value", "second!");
      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "DELETE FROM records WHERE record_id = '1'" + " AND redcap_repeat_instance = 1"))
          .isEqualTo(1);
      assertThat(deletes().get(0).param("event")).isEqualTo("obs_arm_1");
      assertThat(deletes().get(0).param("repeat_instance")).isEqualTo("1");
      assertThat(deletes().get(0).param("instrument")).isNull();
    }
    assertThat(rowKeys(p, "1")).containsExactly("enrol_arm_1//", "obs_arm_1//2", "obs_arm_1//3");
  }

  /** A longitudinal project whose second event repeats as a whole. */
  private Path repeatingEventProject() throws IOException {
    Path project = dir.resolve("repeating-event");
    Files.createDirectories(project);
    write(
        project,
        "dictionary.csv",
        String.join(
            "\n",
            String.join(",", SyntheticProject.DICTIONARY_HEADER),
            "record_id,enrol,,text,Record ID,,,,,,,,,,,,,",
            "name,enrol,,text,Name,,,,,,,,,,,,,",
            "obs_value,obs,,text,Observation,,,,,,,,,,,,,"));
    write(project, "arm.csv", "arm_num,name\n1,Arm 1");
    write(
        project,
        "event.csv",
        "event_name,arm_num,unique_event_name\nEnrol,1,enrol_arm_1\n" + "Obs,1,obs_arm_1");
    write(
        project,
        "formEventMapping.csv",
        "arm_num,unique_event_name,form\n" + "1,enrol_arm_1,enrol\n1,obs_arm_1,obs");
    write(
        project,
        "repeatingFormsEvents.csv",
        "event_name,form_name,custom_form_label\n" + "obs_arm_1,,");
    write(
        project,
        "data.csv",
        "record_id,redcap_event_name,redcap_repeat_instrument,"
            + "redcap_repeat_instance,name,enrol_complete,obs_value,obs_complete\n"
            + "1,enrol_arm_1,,,Ann,2,,\n1,obs_arm_1,,1,,,first,2\n1,obs_arm_1,,2,,,second,2");
    return project;
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text + "\n", StandardCharsets.UTF_8);
  }
}
