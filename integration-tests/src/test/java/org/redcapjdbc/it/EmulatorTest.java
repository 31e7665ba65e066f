package org.redcapjdbc.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats;
import org.redcapjdbc.emulator.RedcapEmulator;

/** One emulator, started in-process on a free port, for all tests of a class. */
abstract class EmulatorTest {
  static RedcapEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = RedcapEmulator.builder().build().start();
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  static EmulatedProject load(String fixture) {
    return emulator.loadProject(Fixtures.path(fixture), null);
  }

  static EmulatedProject load(Path projectFileOrDirectory) {
    return emulator.loadProject(projectFileOrDirectory, null);
  }

  static Connection connect(EmulatedProject project, String... properties) throws SQLException {
    return Jdbc.connect(emulator, project, properties);
  }

  /** Record exports the emulator received since the last {@link RedcapEmulator#resetStats()}. */
  static List<EmulatorStats.RecordedRequest> exports() {
    return emulator.stats().requests("record/export");
  }
}
