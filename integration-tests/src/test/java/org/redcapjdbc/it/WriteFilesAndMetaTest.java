package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.StoredFile;

/**
 * {@code meta.files}: INSERT uploads (multipart) and DELETE deletes, with event and instance,
 * byte for byte; and the meta tables that REDCap's import and delete methods change: DAGs, users,
 * arms, events and instrument-event mappings (whose changes later connections see at once).
 */
class WriteFilesAndMetaTest extends EmulatorTest {
  @TempDir Path dir;

  private static byte[] binary(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    for (int i = 0; i < 256; i++) {
      bytes[i] = (byte) i; // every byte value, NUL, CR and LF included
    }
    return bytes;
  }

  @Test
  void aBinaryFileIsUploadedReadAndDeletedByteForByte() throws SQLException {
    EmulatedProject p = load("redcapr/validation-types-1/project.xml");
    byte[] content = binary(200_000, 7);
    try (Connection c = connect(p)) {
      emulator.resetStats();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO meta.files (record, field,"
                  + " file_name, content_type, content) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, "1");
        ps.setString(2, "f_file_upload");
        ps.setString(3, "scan ü.bin");
        ps.setString(4, "application/octet-stream");
        ps.setBytes(5, content);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      assertThat(emulator.stats().method("file/import").requests()).isEqualTo(1);
      StoredFile stored = p.file("1", "f_file_upload").orElseThrow();
      assertThat(stored.name()).isEqualTo("scan ü.bin");
      assertThat(stored.content()).isEqualTo(content);
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT file_name,"
                      + " content FROM meta.files WHERE record = '1' AND field = 'f_file_upload'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("scan ü.bin");
        assertThat(rs.getBytes(2)).isEqualTo(content);
        assertThat(rs.next()).isFalse();
      }
      try (Statement s = c.createStatement()) {
        // A second INSERT at the same place replaces the file, and may create the record.
        assertThat(
                s.executeUpdate(
                    "INSERT INTO meta.files (record, field, file_name, content)"
                        + " VALUES ('1', 'f_file_upload', 'small.txt', x'68656C6C6F'), ('new1',"
                        + " 'f_file_upload', 'n.txt', x'00')"))
            .isEqualTo(2);
        assertThat(p.file("1", "f_file_upload").orElseThrow().content())
            .isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.file("new1", "f_file_upload")).isPresent();
        emulator.resetStats();
        assertThat(s.executeUpdate("DELETE FROM meta.files WHERE record = '1'")).isEqualTo(1);
        assertThat(emulator.stats().method("file/delete").requests()).isEqualTo(1);
        assertThat(emulator.stats().method("file/export").requests()).isZero();
        assertThat(p.file("1", "f_file_upload")).isEmpty();
        assertThat(p.file("new1", "f_file_upload")).isPresent();

        assertThatThrownBy(
                () ->
                    s.executeUpdate(
                        "INSERT INTO meta.files (record, field,"
                            + " file_name, content) VALUES ('1', 'f_text', 'a.txt', x'00')"))
            .hasMessageContaining("'f_text' is not a file-upload field");
        assertThatThrownBy(
                () ->
                    s.executeUpdate(
                        "INSERT INTO meta.files (record, field,"
                            + " file_name) VALUES ('1', 'f_file_upload', 'a.txt')"))
            .hasMessageContaining("content is required");
        assertThatThrownBy(() -> s.executeUpdate("UPDATE meta.files SET file_name = 'b'"))
            .hasMessageContaining("replaced by INSERTing the new one");
      }
    }
  }

  @Test
  void filesOfEventsAndInstancesAreAddressedByEventAndInstance() throws Exception {
    EmulatedProject p = load(longitudinalProjectWithFiles());
    byte[] content = binary(5_000, 3);
    try (Connection c = connect(p);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO"
                    + " meta.files (record, field, event, instance, file_name, content) VALUES"
                    + " (?, 'doc', 'obs_arm_1', ?, ?, ?)")) {
      ps.setString(1, "1");
      ps.setInt(2, 2);
      ps.setString(3, "second.bin");
      ps.setBytes(4, content);
      assertThat(ps.executeUpdate()).isEqualTo(1);
      assertThat(p.file("1", "doc", "obs_arm_1", 2).orElseThrow().content()).isEqualTo(content);
      assertThat(p.file("1", "doc", "obs_arm_1", 1)).isEmpty();
      assertThat(Jdbc.rows(c, "SELECT record, field, event, instance, file_name FROM meta.files"))
          .containsExactly(List.of("1", "doc", "obs_arm_1", 2, "second.bin"));
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(
                () ->
                    s.executeUpdate(
                        "INSERT INTO meta.files (record, field,"
                            + " file_name, content) VALUES ('1', 'doc', 'x.bin', x'01')"))
            .hasMessageContaining("event is required");
        assertThat(
                s.executeUpdate(
                    "DELETE FROM meta.files WHERE event = 'obs_arm_1'" + " AND instance = 2"))
            .isEqualTo(1);
      }
      assertThat(p.file("1", "doc", "obs_arm_1", 2)).isEmpty();
    }
  }

  @Test
  void dagsAndUsersAreAddedRenamedAndRemoved() throws SQLException {
    EmulatedProject p = load("redcapr/validation-types-1/project.xml");
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "INSERT INTO meta.dags (data_access_group_name) VALUES"
                      + " ('North Site'), ('South Site')"))
          .isEqualTo(2);
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT unique_group_name, data_access_group_name FROM meta.dags"
                      + " ORDER BY 1"))
          .containsExactly(
              List.of("north_site", "North Site"), List.of("south_site", "South Site"));
      assertThat(
              s.executeUpdate(
                  "UPDATE meta.dags SET data_access_group_name = 'North'"
                      + " WHERE unique_group_name = 'north_site'"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate("DELETE FROM meta.dags WHERE unique_group_name =" + " 'south_site'"))
          .isEqualTo(1);
      assertThat(
              Jdbc.rows(c, "SELECT unique_group_name, data_access_group_name FROM" + " meta.dags"))
          .containsExactly(List.of("north_site", "North"));

      assertThat(
              s.executeUpdate(
                  "INSERT INTO meta.users (username, email, api_export,"
                      + " data_access_group) VALUES ('newbie', 'new@example.org', '1', 'north_site')"))
          .isEqualTo(1);
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT email, api_export, data_access_group FROM meta.users"
                      + " WHERE username = 'newbie'"))
          .containsExactly(List.of("new@example.org", "1", "north_site"));
      assertThat(
              s.executeUpdate(
                  "UPDATE meta.users SET email = 'other@example.org'"
                      + " WHERE username = 'newbie'"))
          .isEqualTo(1);
      assertThat(Jdbc.value(c, "SELECT email FROM meta.users WHERE username = 'newbie'"))
          .isEqualTo("other@example.org");
      assertThat(s.executeUpdate("DELETE FROM meta.users WHERE username = 'newbie'")).isEqualTo(1);
      assertThat(Jdbc.rows(c, "SELECT username FROM meta.users WHERE username = 'newbie'"))
          .isEmpty();

      assertThatThrownBy(() -> s.executeUpdate("UPDATE meta.dags SET unique_group_name = 'x'"))
          .hasMessageContaining("UPDATE can change data_access_group_name here");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO meta.metadata (field_name,"
                          + " form_name, field_type) VALUES ('a', 'b', 'text')"))
          .hasMessageContaining("meta.metadata is read-only");
    }
  }

  @Test
  void armsEventsAndMappingsChangeAndNewConnectionsSeeThem() throws SQLException {
    EmulatedProject p = emulator.generate("demo", null);
    // A long metadataTtl: the new event is seen because writes clear the shared cache.
    try (Connection c = connect(p, "metadataTtl=3600");
        Statement s = c.createStatement()) {
      assertThat(Jdbc.value(c, "SELECT COUNT(*) FROM meta.events")).isEqualTo(9L);
      assertThat(s.executeUpdate("INSERT INTO meta.arms (arm_num, name) VALUES (3, 'Third')"))
          .isEqualTo(1);
      // REDCap would take a given unique name as an update of that event, or ignore it.
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "INSERT INTO meta.events (event_name, arm_num,"
                          + " unique_event_name) VALUES ('Extra Visit', 3, 'baseline_arm_1')"))
          .hasMessageContaining("unique_event_name cannot be given");
      assertThat(
              s.executeUpdate(
                  "INSERT INTO meta.events (event_name, arm_num) VALUES" + " ('Extra Visit', 3)"))
          .isEqualTo(1);
      emulator.resetStats();
      assertThat(
              s.executeUpdate(
                  "INSERT INTO meta.form_event_mapping (arm_num,"
                      + " unique_event_name, form) VALUES (3, 'extra_visit_arm_3', 'visit'),"
                      + " (3, 'extra_visit_arm_3', 'labs')"))
          .isEqualTo(2);
      assertThat(emulator.stats().method("formEventMapping/export").requests()).isEqualTo(1);
      assertThat(emulator.stats().method("formEventMapping/import").requests()).isEqualTo(1);
    }
    try (Connection c = connect(p, "metadataTtl=3600");
        Statement s = c.createStatement()) {
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT event_name, arm_num FROM meta.events"
                      + " WHERE unique_event_name = 'extra_visit_arm_3'"))
          .containsExactly(List.of("Extra Visit", 3));
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT form FROM meta.form_event_mapping"
                      + " WHERE unique_event_name = 'extra_visit_arm_3' ORDER BY form"))
          .containsExactly(List.of("labs"), List.of("visit"));
      assertThat(
              s.executeUpdate(
                  "INSERT INTO visit (study_id, redcap_event_name, sbp) VALUES"
                      + " ('E1', 'extra_visit_arm_3', 111)"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate(
                  "UPDATE meta.events SET event_name = 'Extra'"
                      + " WHERE unique_event_name = 'extra_visit_arm_3'"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate(
                  "DELETE FROM meta.form_event_mapping"
                      + " WHERE unique_event_name = 'extra_visit_arm_3' AND form = 'labs'"))
          .isEqualTo(1);
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE meta.form_event_mapping SET form =" + " 'labs'"))
          .hasMessageContaining("changed by DELETE and INSERT");
    }
    try (Connection c = connect(p, "metadataTtl=3600");
        Statement s = c.createStatement()) {
      assertThat(
              Jdbc.rows(
                  c,
                  "SELECT m.form, e.event_name FROM meta.form_event_mapping m"
                      + " JOIN meta.events e ON e.unique_event_name = m.unique_event_name"
                      + " WHERE m.arm_num = 3"))
          .containsExactly(List.of("visit", "Extra"));
      assertThat(s.executeUpdate("DELETE FROM meta.arms WHERE arm_num = 3")).isEqualTo(1);
    }
    try (Connection c = connect(p, "metadataTtl=3600")) {
      assertThat(Jdbc.value(c, "SELECT COUNT(*) FROM meta.events")).isEqualTo(9L);
      assertThat(Jdbc.rows(c, "SELECT arm_num FROM meta.arms ORDER BY 1"))
          .containsExactly(List.of(1), List.of(2));
    }
    assertThat(RawRecords.export(emulator, p, "E1")).isEmpty();
  }

  /** A longitudinal project with a file field in a repeating event. */
  private Path longitudinalProjectWithFiles() throws IOException {
    Path project = dir.resolve("files-project");
    Files.createDirectories(project);
    write(
        project,
        "dictionary.csv",
        String.join(
            "\n",
            String.join(",", SyntheticProject.DICTIONARY_HEADER),
            "record_id,enrol,,text,Record ID,,,,,,,,,,,,,",
            "doc,obs,,file,Document,,,,,,,,,,,,,"));
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
            + "redcap_repeat_instance,enrol_complete,obs_complete\n1,enrol_arm_1,,,2,\n"
            + "1,obs_arm_1,,1,,2\n1,obs_arm_1,,2,,2");
    return project;
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text + "\n", StandardCharsets.UTF_8);
  }
}
