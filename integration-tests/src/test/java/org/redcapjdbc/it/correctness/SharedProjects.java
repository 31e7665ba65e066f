package org.redcapjdbc.it.correctness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/**
 * One emulator for the whole test JVM, each compared project loaded into it once and copied into
 * H2 once, whichever test class asks first (the comparison suite and the property test share
 * them). Closed when the JVM ends.
 */
final class SharedProjects {
  /** A loaded project: the emulator's, the driver's shapes of it, and its H2 copy. */
  record Loaded(ComparedProject id, EmulatedProject project, List<TableShape> shapes, H2Copy h2) {}

  static {
    try {
      Class.forName("org.redcapjdbc.jdbc.RedcapDriver");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static RedcapEmulator emulator;
  private static Path scratch;
  private static final Map<ComparedProject, Loaded> LOADED = new EnumMap<>(ComparedProject.class);

  /** Why a project could not be loaded: asked again, it fails at once with the same cause. */
  private static final Map<ComparedProject, RuntimeException> FAILED =
      new EnumMap<>(ComparedProject.class);

  private SharedProjects() {}

  static synchronized RedcapEmulator emulator() {
    if (emulator == null) {
      try {
        scratch = Files.createTempDirectory("redcap-correctness");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      emulator = RedcapEmulator.builder().build().start();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(SharedProjects::closeAll, "correctness-suite-shutdown"));
    }
    return emulator;
  }

  static synchronized Loaded get(ComparedProject id) {
    if (FAILED.containsKey(id)) {
      throw new IllegalStateException("Loading " + id.id() + " failed before", FAILED.get(id));
    }
    Loaded loaded = LOADED.get(id);
    if (loaded == null) {
      try {
        loaded = load(id);
      } catch (RuntimeException | Error e) {
        FAILED.put(id, e instanceof RuntimeException r ? r : new IllegalStateException(e));
        throw e;
      }
      LOADED.put(id, loaded);
    }
    return loaded;
  }

  private static Loaded load(ComparedProject id) {
    RedcapEmulator e = emulator();
    EmulatedProject project = id.load(e, scratch);
    try (Connection c = connect(project)) {
      List<TableShape> shapes = new ArrayList<>(TableShape.readAll(c.getMetaData(), "redcap"));
      shapes.addAll(TableShape.readAll(c.getMetaData(), "meta"));
      ExpectedRows expected = new ExpectedRows(new RawApi(e.url(), project.token()));
      return new Loaded(id, project, shapes, H2Copy.of(id.id(), shapes, expected));
    } catch (SQLException ex) {
      throw new IllegalStateException(
          "Could not copy " + id.id() + " into H2: " + ex.getMessage(), ex);
    }
  }

  /** A driver connection to {@code project}, with extra {@code key=value} properties. */
  static Connection connect(EmulatedProject project, String... properties) throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", project.token());
    // The corpus and the property tests send thousands of requests a minute to this emulator.
    info.setProperty("maxRequestsPerMinute", "0");
    for (String p : properties) {
      int eq = p.indexOf('=');
      info.setProperty(p.substring(0, eq), p.substring(eq + 1));
    }
    return DriverManager.getConnection("jdbc:redcap:" + emulator().url(), info);
  }

  private static synchronized void closeAll() {
    for (Loaded l : LOADED.values()) {
      try {
        l.h2().close();
      } catch (SQLException ignored) {
        // The JVM is ending.
      }
    }
    if (emulator != null) {
      emulator.close();
    }
  }
}
