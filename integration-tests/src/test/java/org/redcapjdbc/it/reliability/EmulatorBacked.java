package org.redcapjdbc.it.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/**
 * One emulator per test class, in-process on a free port; faults are switched off after every
 * test. Projects get fresh tokens ({@link Tokens}) that subclasses register with their
 * {@link LogCapture}, so every log event of the class is checked for them.
 */
abstract class EmulatorBacked {
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

  @AfterEach
  void faultsOff() {
    emulator.faults().reset();
  }

  /** A generated project (see the emulator's README for the spec) under a fresh token. */
  static EmulatedProject generate(String spec) {
    return emulator.generate(spec, Tokens.next());
  }

  static Connection connect(EmulatedProject project, String... properties) throws SQLException {
    return Sql.connect(emulator.url(), project.token(), properties);
  }
}
