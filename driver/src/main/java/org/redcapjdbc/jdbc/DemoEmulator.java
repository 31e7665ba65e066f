package org.redcapjdbc.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the REDCap emulator's demo project in a child JVM for {@code --demo}, and stops it again.
 *
 * <p>The emulator is a separate module (the driver must not depend on it: it is the oracle the
 * driver is tested against), so the shell runs its jar as a process and reads the URL and token
 * from the ready file the emulator writes once it listens.
 */
final class DemoEmulator implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path log;
  private final String url;
  private final String token;
  private final String title;

  private DemoEmulator(Process process, Path log, String url, String token, String title) {
    this.process = process;
    this.log = log;
    this.url = url;
    this.token = token;
    this.title = title;
  }

  String url() {
    return url;
  }

  String token() {
    return token;
  }

  String title() {
    return title;
  }

  /** Starts the emulator jar with the demo project on a free loopback port and waits for it. */
  static DemoEmulator start(Path emulatorJar) throws IOException {
    Path ready = Files.createTempFile("redcap-demo-", ".json");
    Files.delete(ready);
    Path log = Files.createTempFile("redcap-demo-", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                // The demo project is small and the emulator short-lived: the C1 compiler alone
                // halves its start (2.1 s to 1.1 s on 2 cores; docs/benchmarks.md, "Cold start").
                "-XX:TieredStopAtLevel=1",
                "-jar",
                emulatorJar.toString(),
                "--port",
                "0",
                "--generate",
                "demo",
                "--ready-file",
                ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process process = pb.start();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    try {
      while (!Files.exists(ready)) {
        if (!process.isAlive()) {
          throw new IOException(
              "The demo emulator stopped before it was ready (exit "
                  + process.exitValue()
                  + "); its output is in "
                  + log);
        }
        if (Instant.now().isAfter(deadline)) {
          process.destroyForcibly();
          throw new IOException(
              "The demo emulator was not ready within "
                  + START_TIMEOUT.toSeconds()
                  + " s; its output is in "
                  + log);
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for the demo emulator", e);
    }
    JsonNode json = new ObjectMapper().readTree(ready.toFile());
    Files.deleteIfExists(ready);
    JsonNode project = json.path("projects").path(0);
    if (!json.hasNonNull("url") || !project.hasNonNull("token")) {
      process.destroyForcibly();
      throw new IOException("The demo emulator's ready file names no URL or project");
    }
    return new DemoEmulator(
        process,
        log,
        json.get("url").asText(),
        project.get("token").asText(),
        project.path("title").asText("demo"));
  }

  /**
   * Finds the emulator jar: the explicit path if given, else {@code $REDCAP_EMULATOR_JAR}, else
   * the emulator module's build output next to this jar's module ({@code ../../emulator/target}).
   */
  static Path locateJar(String explicit) throws IOException {
    List<Path> candidates = new ArrayList<>();
    if (explicit != null) {
      candidates.add(Path.of(explicit));
    }
    String env = System.getenv("REDCAP_EMULATOR_JAR");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    Path here = ownLocation();
    if (here != null) {
      Path dir = Files.isDirectory(here) ? here : here.getParent();
      for (Path base = dir; base != null; base = base.getParent()) {
        Path target = base.resolve("emulator").resolve("target");
        if (Files.isDirectory(target)) {
          try (DirectoryStream<Path> ds =
              Files.newDirectoryStream(target, "redcap-emulator-*.jar")) {
            for (Path p : ds) {
              candidates.add(p);
            }
          }
          break;
        }
      }
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IOException(
        "Cannot find the REDCap emulator jar for --demo. Build it with "
            + "'mvn -B -DskipTests package' in the redcap-jdbc checkout, or point "
            + "--emulator-jar (or REDCAP_EMULATOR_JAR) at emulator/target/redcap-emulator-<version>.jar");
  }

  private static Path ownLocation() {
    try {
      return Path.of(RedcapShell.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    // The log only matters when start-up fails (its path is then in the error); a session that
    // ran leaves nothing behind in the temp directory.
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // A stray temp file is not worth failing the shell's exit for.
    }
  }
}
