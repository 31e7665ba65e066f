package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * A 10,000-row {@code INSERT ... SELECT} from the project into itself: the source is read
 * completely first (so the statement never reads its own rows), then imported in
 * ceil(10,000 / importBatchSize) calls. Prints the rows per second it measured.
 */
class WriteVolumeTest extends EmulatorTest {
  private static final int ROWS = 10_000;

  @TempDir Path dir;

  @Test
  void tenThousandRowsTakeCeilOfRowsOverBatchSizeImportCalls() throws SQLException {
    EmulatedProject p = load(SyntheticProject.writeLarge(dir.resolve("volume"), ROWS));
    for (int batchSize : new int[] {500, 2000}) {
      String prefix = "c" + batchSize + "-";
      try (Connection c = connect(p, "importBatchSize=" + batchSize);
          Statement s = c.createStatement()) {
        emulator.resetStats();
        long start = System.nanoTime();
        long count =
            s.executeLargeUpdate(
                "INSERT INTO records (record_id, name, age, weight,"
                    + " dob) SELECT '"
                    + prefix
                    + "' || record_id, name, age, weight, dob FROM records"
                    + " WHERE record_id NOT LIKE 'c%'");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(count).isEqualTo(ROWS);
        long calls = emulator.stats().method("record/import").requests();
        assertThat(calls).isEqualTo((ROWS + batchSize - 1) / batchSize);
        System.out.printf(
            "INSERT ... SELECT of %,d rows, importBatchSize=%d: %d import calls,"
                + " %d export calls, %.1f s, %,.0f rows/s%n",
            ROWS,
            batchSize,
            calls,
            emulator.stats().method("record/export").requests(),
            seconds,
            ROWS / seconds);
      }
      Map<String, String> source = RawRecords.one(emulator, p, "1234");
      Map<String, String> copy = RawRecords.one(emulator, p, prefix + "1234");
      for (String field : new String[] {"name", "age", "weight", "dob"}) {
        assertThat(copy.get(field)).as(field).isEqualTo(source.get(field)).isNotEmpty();
      }
    }
    try (Connection c = connect(p)) {
      assertThat(Jdbc.value(c, "SELECT COUNT(*) FROM records")).isEqualTo(3L * ROWS);
    }
  }
}
