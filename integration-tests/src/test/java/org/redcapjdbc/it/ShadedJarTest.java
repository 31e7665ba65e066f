package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * The shaded jar on its own: a plain {@code java.sql} program with nothing else on its class path
 * queries the emulator, and {@code java -jar redcap-jdbc.jar --demo -e "..."} prints the demo
 * project's rows. Both run as child processes, as users run them.
 */
class ShadedJarTest extends EmulatorTest {
  @TempDir Path dir;

  private static Path jar(String property) {
    Path jar = Path.of(System.getProperty(property, "(not set)"));
    assertThat(jar)
        .as(
            "%s: build it with 'mvn -B verify' (or 'mvn -B -DskipTests package')"
                + " from the repository root before running this test",
            property)
        .isRegularFile();
    return jar;
  }

  /** Runs a child JVM; returns its exit status and output. */
  private static Result run(List<String> command, String token) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (token != null) {
      pb.environment().put("REDCAP_TOKEN", token);
    }
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child process finished").isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private record Result(int status, String output) {}

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void aPlainJavaProgramQueriesThroughTheShadedJar() throws Exception {
    EmulatedProject p = load("phpcap/PHPCapBasicDemography.REDCap.xml");
    Path classes = dir.resolve("classes");
    Path main = classes.resolve("org/redcapjdbc/it/PlainJdbcMain.class");
    Files.createDirectories(main.getParent());
    try (var in = PlainJdbcMain.class.getResourceAsStream("PlainJdbcMain.class")) {
      Files.copy(in, main);
    }
    Result r =
        run(
            List.of(
                java(),
                "-cp",
                jar("redcap.jdbc.jar") + java.io.File.pathSeparator + classes,
                "org.redcapjdbc.it.PlainJdbcMain",
                emulator.url(),
                "SELECT record_id, first_name, weight FROM demographics WHERE record_id IN"
                    + " ('1001', '1002') ORDER BY record_id"),
            p.token());
    assertThat(r.status()).as(r.output()).isZero();
    List<String> lines = dataLines(r.output());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("1001\tMattie\t");
    assertThat(lines.get(1)).startsWith("1002\t");
    assertThat(r.output()).doesNotContain(p.token());
  }

  @Test
  void theDemoShellAnswersAQuery() throws Exception {
    Result r =
        run(
            List.of(
                java(),
                "-jar",
                jar("redcap.jdbc.jar").toString(),
                "--demo",
                "--emulator-jar",
                jar("redcap.emulator.jar").toString(),
                "-e",
                "SELECT COUNT(*) AS participants FROM demographics"),
            null);
    assertThat(r.status()).as(r.output()).isZero();
    // A table even without a terminal (sqlline would otherwise print empty cells).
    assertThat(r.output())
        .containsPattern("\\|\\s+participants\\s+\\|")
        .containsPattern("\\|\\s+[1-9][0-9]*\\s+\\|")
        .doesNotContain("Transaction isolation");
  }

  /** Output lines that are rows (child JVMs may print warnings first). */
  private static List<String> dataLines(String output) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.contains("\t")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
