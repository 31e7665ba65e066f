package org.redcapjdbc.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The emulator serving the main generated project (20,000 records × 100 fields by default) and
 * the emulator's longitudinal demo project, for the sections that share them.
 */
final class MainProject implements AutoCloseable {
  final EmulatorProcess emulator;
  final EmulatorProcess.Project project;
  final EmulatorProcess.Project demo;
  final long generateNanos;
  final String spec;

  private MainProject(EmulatorProcess emulator, String spec, long generateNanos) {
    this.emulator = emulator;
    this.spec = spec;
    this.project = emulator.project("Generated project (" + spec.substring(0, spec.indexOf(',')));
    this.demo = emulator.project("REDCap Emulator Demo");
    this.generateNanos = generateNanos;
  }

  static MainProject start(Options o, Path work) throws Exception {
    String spec = o.mainSpec();
    Benchmarks.say(
        "Starting the emulator with --generate "
            + spec
            + " and the demo project"
            + " (heap "
            + o.emulatorHeap
            + ") ...");
    long t0 = System.nanoTime();
    EmulatorProcess e =
        EmulatorProcess.start(
            o.emulatorJar, o.emulatorHeap, List.of("--generate", spec, "--generate", "demo"), work);
    long took = System.nanoTime() - t0;
    Benchmarks.say("Emulator ready in " + Report.s(took) + " s: " + e);
    return new MainProject(e, spec, took);
  }

  String url() {
    return emulator.url();
  }

  /** A driver connection to the main project. */
  Connection connect(String... properties) throws SQLException {
    return Sql.redcap(url(), project.token(), properties);
  }

  Connection connectDemo(String... properties) throws SQLException {
    return Sql.redcap(url(), demo.token(), properties);
  }

  RawApi raw() {
    return new RawApi(url(), project.token());
  }

  @Override
  public void close() throws InterruptedException {
    emulator.close();
  }
}
