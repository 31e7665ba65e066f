package org.redcapjdbc.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * sqlline through the shaded driver jar, as a user runs it: {@code java -jar
 * driver/target/redcap-jdbc-<version>.jar URL -f script.sql} in a child process, the token in
 * {@code $REDCAP_TOKEN}, against the emulator this JVM serves. The jar is the one {@code mvn
 * package} builds in the driver module before this module's tests run.
 */
class SqllineScriptTest {
  private static final Pattern SHADED_JAR = Pattern.compile("redcap-jdbc-\\d[^/]*\\.jar");

  private static Path jar;
  private static EmulatedProject project;

  @TempDir Path dir;

  @BeforeAll
  static void findJarAndProject() throws IOException {
    Path target = Path.of("..", "driver", "target").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(target)) {
      jar =
          files
              .filter(p -> SHADED_JAR.matcher(p.getFileName().toString()).matches())
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "No shaded redcap-jdbc jar in "
                              + target
                              + ": build the driver module first (mvn -pl driver package)"));
    }
    project = ClientProjects.basicDemography();
  }

  @Test
  void scriptPrintsEachQuerysRowsAsCsv() throws Exception {
    Result r =
        run(
            List.of(
                "SELECT COUNT(*) AS n FROM demographics;",
                "SELECT record_id, last_name, sex_label, bmi FROM demographics",
                "  WHERE record_id IN ('1001', '1012') ORDER BY record_id;",
                "SELECT field_name FROM meta.metadata WHERE field_type = 'calc' ORDER BY field_name;",
                "SELECT race_label, COUNT(*) AS n FROM records GROUP BY race_label ORDER BY n DESC, race_label"
                    + " LIMIT 2;"),
            "--outputformat=csv");
    assertThat(r.status).as("exit status; stderr:\n" + r.err).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "'n'",
            "'100'",
            "'record_id','last_name','sex_label','bmi'",
            "'1001','Cassin','Female','27.7'",
            "'1012','Thiel','Female','26.8'",
            "'field_name'",
            "'age'",
            "'bmi'",
            "'race_label','n'",
            "'White','67'",
            "'Black or African American','20'");
    assertThat(r.out + r.err).doesNotContain(project.token());
  }

  @Test
  void aFailingStatementStopsTheScriptWithREDCapsAnswerAndAnErrorStatus() throws Exception {
    Result r =
        run(
            List.of(
                "SELECT COUNT(*) AS n FROM demographics;",
                "SELECT no_such_column FROM demographics;",
                "SELECT 'never printed' AS x FROM demographics;"),
            "--outputformat=csv");
    assertThat(r.status).as("exit status").isNotZero();
    assertThat(r.outLines()).containsExactly("'n'", "'100'");
    assertThat(r.err).contains("Column 'no_such_column' not found");
    // sqlline prints a stack trace for every failing script statement; the shell shows the
    // message and SQLState only, as the interactive prompt does.
    assertThat(r.err)
        .containsPattern("Error: .*Column 'no_such_column' not found.*\\(state=")
        .doesNotContain("\tat ")
        .doesNotContain("Caused by");
    assertThat(r.out + r.err).doesNotContain(project.token()).doesNotContain("never printed");
  }

  @Test
  void tableOutputAndMetadataCommands() throws Exception {
    Result r =
        run(
            List.of(
                "!tables",
                "SELECT record_id FROM demographics WHERE weight > 115 ORDER BY record_id;"));
    assertThat(r.status).as("exit status; stderr:\n" + r.err).isZero();
    assertThat(r.out)
        .contains(
            "| redcap      | demographics ",
            "| redcap      | records ",
            "| meta        | metadata ",
            "| meta        | field_names ");
    // The four records of the fixture that weigh more than 115 kg, in a table.
    assertThat(r.out)
        .containsPattern(
            "\\| record_id \\|\\R\\+-+\\+\\R\\| 1032 +\\|\\R"
                + "\\| 1037 +\\|\\R\\| 1068 +\\|\\R\\| 1091 +\\|");
  }

  private Result run(List<String> script, String... options) throws Exception {
    Path file = dir.resolve("script.sql");
    Files.write(file, script, StandardCharsets.UTF_8);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                ClientProjects.emulator().url(),
                "-f",
                file.toString()));
    command.addAll(List.of(options));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("REDCAP_TOKEN", project.token());
    Process p = pb.start();
    p.getOutputStream().close(); // no terminal and no input: a script run
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sqlline did not finish within two minutes");
    }
    return new Result(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private record Result(int status, String out, String err) {
    List<String> outLines() {
      return out.lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
