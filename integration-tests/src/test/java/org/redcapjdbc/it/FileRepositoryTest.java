package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.UserSpec;

/**
 * {@code meta.file_repository}: listed folder by folder, content downloaded only when selected,
 * INSERT uploads into a folder or creates one, DELETE removes files.
 */
class FileRepositoryTest extends EmulatorTest {

  @Test
  void foldersAndFilesAreWrittenListedAndDownloadedOnlyWhenRead() throws SQLException {
    EmulatedProject p = load("redcapr/simple/project.xml");
    byte[] minutes = "Minutes of the first meeting".getBytes(StandardCharsets.UTF_8);
    try (Connection c = connect(p);
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "INSERT INTO meta.file_repository (kind, name) VALUES ('folder', 'meetings')"))
          .isEqualTo(1);
      long folder =
          ((Number)
                  Jdbc.value(
                      c, "SELECT folder_id FROM meta.file_repository WHERE name = 'meetings'"))
              .longValue();
      s.executeUpdate(
          "INSERT INTO meta.file_repository (kind, name, parent_folder_id) VALUES ('folder',"
              + " '2024', "
              + folder
              + ")");
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO meta.file_repository (name, parent_folder_id, content_type, content)"
                  + " VALUES (?, ?, ?, ?)")) {
        ps.setString(1, "minutes.txt");
        ps.setLong(2, folder);
        ps.setString(3, "text/plain");
        ps.setBytes(4, minutes);
        assertThat(ps.executeUpdate()).isEqualTo(1);
        ps.setString(1, "top.bin");
        ps.setNull(2, java.sql.Types.BIGINT);
        ps.setNull(3, java.sql.Types.VARCHAR);
        ps.setBytes(4, new byte[] {1, 2, 3});
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }

      emulator.resetStats();
      List<List<Object>> listing =
          Jdbc.rows(
              c,
              "SELECT kind, name, path, parent_folder_id IS NULL FROM meta.file_repository"
                  + " ORDER BY path");
      assertThat(listing)
          .containsExactly(
              List.of("folder", "meetings", "meetings", true),
              List.of("folder", "2024", "meetings/2024", false),
              List.of("file", "minutes.txt", "meetings/minutes.txt", false),
              List.of("file", "top.bin", "top.bin", true));
      assertThat(emulator.stats().requests("fileRepository/list"))
          .as("the top level and each of the two folders")
          .hasSize(3);
      assertThat(emulator.stats().requests("fileRepository/export")).isEmpty();
      System.out.printf(
          "meta.file_repository listing (2 folders, 2 files): %d requests, %d bytes answered%n",
          emulator.stats().totalRequests(),
          emulator.stats().method("fileRepository/list").responseBytes());

      long doc =
          ((Number)
                  Jdbc.value(
                      c, "SELECT doc_id FROM meta.file_repository WHERE name = 'minutes.txt'"))
              .longValue();
      emulator.resetStats();
      List<List<Object>> file =
          Jdbc.rows(
              c,
              "SELECT size, content_type, content FROM meta.file_repository WHERE doc_id = " + doc);
      assertThat(file).hasSize(1);
      assertThat(file.get(0).get(0)).isEqualTo((long) minutes.length);
      assertThat((String) file.get(0).get(1)).startsWith("text/plain");
      assertThat(file.get(0).get(2)).isEqualTo(minutes);
      assertThat(emulator.stats().requests("fileRepository/export")).hasSize(1);
      assertThat(p.repositoryFile((int) doc).orElseThrow().content()).isEqualTo(minutes);

      assertThatThrownBy(
              () -> s.executeUpdate("DELETE FROM meta.file_repository WHERE name = 'meetings'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("REDCap's API cannot delete folders");
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE meta.file_repository SET name = 'x' WHERE doc_id = 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("cannot rename or move repository files");
      assertThat(s.executeUpdate("DELETE FROM meta.file_repository WHERE doc_id = " + doc))
          .isEqualTo(1);
      assertThat(p.repositoryFile((int) doc)).isEmpty();
      assertThat(Jdbc.rows(c, "SELECT name FROM meta.file_repository WHERE kind = 'file'"))
          .containsExactly(List.of("top.bin"));
    }
  }

  @Test
  void withoutTheFileRepositoryRightRedcapsMessageIsTheError() throws SQLException {
    EmulatedProject p = load("redcapr/simple/project.xml");
    String token = p.addUser(UserSpec.builder("no_repo").right("file_repository", 0).build());
    try (Connection c =
        Jdbc.connect(emulator, new EmulatedProject(p.projectId(), p.title(), token))) {
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT name FROM meta.file_repository"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("'File Repository' privileges");
    }
  }
}
