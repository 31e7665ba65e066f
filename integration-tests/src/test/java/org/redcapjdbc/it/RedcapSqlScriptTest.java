package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * The {@code redcap-sql} script and its class-data sharing archive (docs/benchmarks.md, "Cold
 * start"): the first run makes the archive by a training run on the demo project, later runs use
 * it, and an archive the JVM rejects leaves the shell working. The script runs from a copy of the
 * repository's layout in a temporary directory (the jars linked, not copied), so the test starts
 * without an archive whatever the build directory holds, and leaves none there.
 */
class RedcapSqlScriptTest extends EmulatorTest {
  private static final String QUERY =
      "SELECT COUNT(*) AS n FROM demographics WHERE record_id <> '1001'";

  @TempDir Path root;

  /** Removes the links to the build's jars, so that JUnit deletes the copy without warnings. */
  @AfterEach
  void unlinkJars() throws Exception {
    for (String module : List.of("driver", "emulator")) {
      Path target = root.resolve(module).resolve("target");
      if (Files.isDirectory(target)) {
        try (var files = Files.list(target)) {
          for (Path f : files.filter(Files::isSymbolicLink).toList()) {
            Files.delete(f);
          }
        }
      }
    }
  }

  private static Path path(String property) {
    Path p = Path.of(System.getProperty(property, "(not set)")).toAbsolutePath().normalize();
    assertThat(p)
        .as("%s: build the jars first (mvn -B -DskipTests package)", property)
        .isRegularFile();
    return p;
  }

  @Test
  void theScriptMakesThenUsesTheArchiveAndSurvivesARejectedOne() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path jar = path("redcap.jdbc.jar");
    Path emulatorJar = path("redcap.emulator.jar");
    Path repo = jar.getParent().getParent().getParent();
    Files.copy(repo.resolve("redcap-sql"), root.resolve("redcap-sql"));
    Files.copy(repo.resolve("pom.xml"), root.resolve("pom.xml"));
    Files.createDirectories(root.resolve("driver/target"));
    Files.createDirectories(root.resolve("emulator/target"));
    Files.createSymbolicLink(root.resolve("driver/target").resolve(jar.getFileName()), jar);
    Files.createSymbolicLink(
        root.resolve("emulator/target").resolve(emulatorJar.getFileName()), emulatorJar);
    String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    Path archive = root.resolve("driver/target/" + base + ".jsa");
    Path stamp = root.resolve("driver/target/" + base + ".jsa.ok");
    EmulatedProject p = load("phpcap/PHPCapBasicDemography.REDCap.xml");

    String first = runScript(p);
    assertThat(first).contains("preparing a class-data archive");
    assertThat(archive).as("the archive made by the training run").isRegularFile();
    assertThat(Files.readString(stamp)).doesNotContain("failed");

    String second = runScript(p);
    assertThat(second).doesNotContain("preparing a class-data archive");

    // An archive the JVM cannot use (not a CDS file) whose stamp still matches: a plain start.
    Files.delete(archive);
    Files.writeString(archive, "not a class-data archive\n");
    FileTime mtime = Files.getLastModifiedTime(archive);
    List<String> fields = List.of(Files.readString(stamp).trim().split(" "));
    String key = String.join(" ", fields.subList(0, fields.size() - 2));
    Files.writeString(
        stamp, key + " " + Files.size(archive) + " " + mtime.toMillis() / 1000 + "\n");
    String third = runScript(p);
    assertThat(third).doesNotContain("preparing a class-data archive");
    assertThat(Files.readString(archive)).as("used, not rebuilt").startsWith("not a class");
  }

  /** Runs {@code redcap-sql URL -e QUERY}; checks it answered, returns its output. */
  private String runScript(EmulatedProject p) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                "/bin/bash", root.resolve("redcap-sql").toString(), emulator.url(), "-e", QUERY)
            .directory(root.toFile())
            .redirectErrorStream(true);
    pb.environment().put("REDCAP_TOKEN", p.token());
    pb.environment().remove("REDCAP_SQL_CDS");
    Process process = pb.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("redcap-sql finished").isTrue();
    String out = new String(bytes, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out)
        .containsPattern("(?i)\\|\\s+n\\s+\\|")
        .containsPattern("\\|\\s+[1-9][0-9]*\\s+\\|")
        .doesNotContain("warning")
        .doesNotContain("hs_err")
        .doesNotContain(p.token());
    try (var files = Files.list(root)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("nothing dumped beside the script")
          .noneMatch(n -> n.startsWith("hs_err") || n.endsWith(".log"));
    }
    return out;
  }
}
