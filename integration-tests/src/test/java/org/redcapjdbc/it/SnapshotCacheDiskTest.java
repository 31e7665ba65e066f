package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.schema.RedcapSchemas;

/**
 * {@code cache=disk}: what lands on disk (owner-only, encrypted, no token), that a new JVM starts
 * from it with a delta refresh only, and that a damaged file is rebuilt, never read as rows.
 */
class SnapshotCacheDiskTest extends EmulatorTest {
  private static final String QUERY =
      "SELECT record_id, f1_text, f2_integer FROM records ORDER BY record_id";

  @TempDir Path tmp;

  @Test
  void theFileIsOwnerOnlyEncryptedAndANewJvmStartsFromItWithoutAFullExport()
      throws SQLException, IOException {
    EmulatedProject p = emulator.generate("records=80,fields=12,seed=31", null);
    Path dir = tmp.resolve("cache");
    List<List<Object>> expected;
    try (Connection live = connect(p)) {
      expected = Jdbc.rows(live, QUERY);
    }
    try (Connection c = connect(p, "cache=disk", "cacheDir=" + dir)) {
      assertThat(Jdbc.rows(c, QUERY)).isEqualTo(expected);
    }
    Path file = onlyFile(dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain(p.token()).doesNotContain("f1_text");
    assertThat(raw).doesNotContain(String.valueOf(expected.get(0).get(1)));

    RedcapSchemas.forgetSnapshotCopies(); // as a new JVM
    emulator.resetStats();
    try (Connection c = connect(p, "cache=disk", "cacheDir=" + dir)) {
      assertThat(Jdbc.rows(c, QUERY)).isEqualTo(expected);
    }
    assertThat(fullExports()).as("the first query of a new JVM is a delta refresh").isZero();
  }

  @Test
  void aDamagedOrTruncatedFileIsRebuiltNotRead() throws SQLException, IOException {
    EmulatedProject p = emulator.generate("records=60,fields=12,seed=32", null);
    Path dir = tmp.resolve("damaged");
    List<List<Object>> expected;
    try (Connection live = connect(p)) {
      expected = Jdbc.rows(live, QUERY);
    }
    try (Connection c = connect(p, "cache=disk", "cacheDir=" + dir)) {
      Jdbc.rows(c, QUERY);
    }
    Path file = onlyFile(dir);
    byte[] bytes = Files.readAllBytes(file);
    for (int damage = 0; damage < 3; damage++) {
      byte[] broken =
          switch (damage) {
            case 0 -> flip(bytes, bytes.length / 2);
            case 1 -> java.util.Arrays.copyOf(bytes, bytes.length - 7);
            default -> flip(bytes, bytes.length - 1); // the tag itself
          };
      Files.write(onlyFile(dir), broken);
      RedcapSchemas.forgetSnapshotCopies();
      emulator.resetStats();
      try (Connection c = connect(p, "cache=disk", "cacheDir=" + dir)) {
        assertThat(Jdbc.rows(c, QUERY)).as("damage " + damage).isEqualTo(expected);
      }
      assertThat(fullExports()).as("damage " + damage + " makes a full export").isPositive();
      bytes = Files.readAllBytes(onlyFile(dir));
    }
  }

  /** Record exports of more than the record-ID field: the fill's batches. */
  private static long fullExports() {
    return exports().stream().filter(r -> !r.values("fields").equals(List.of("record_id"))).count();
  }

  private static byte[] flip(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x40;
    return copy;
  }

  private static Path onlyFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }
}
