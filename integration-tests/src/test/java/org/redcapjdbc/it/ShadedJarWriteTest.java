package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Writes through the shaded jar alone: a plain {@code java.sql} program in a child process with
 * only the jar on its class path inserts an auto-numbered record and reads its generated key,
 * updates and deletes it, and the emulator's raw export agrees at each step. Needs the jar built
 * ({@code mvn -B verify}, or {@code package} before the tests).
 */
class ShadedJarWriteTest extends EmulatorTest {
  @TempDir Path dir;

  @Test
  void aPlainJavaProgramWritesThroughTheShadedJar() throws Exception {
    EmulatedProject p = load("redcapr/validation-types-1/project.xml");
    Path jar = Path.of(System.getProperty("redcap.jdbc.jar", "(not set)"));
    assertThat(jar).as("redcap.jdbc.jar: build it with 'mvn -B verify' first").isRegularFile();
    Path classes = dir.resolve("classes");
    Path main = classes.resolve("org/redcapjdbc/it/PlainJdbcWriteMain.class");
    Files.createDirectories(main.getParent());
    try (var in = PlainJdbcWriteMain.class.getResourceAsStream("PlainJdbcWriteMain.class")) {
      Files.copy(in, main);
    }
    List<String> inserted =
        run(
            jar,
            classes,
            p,
            "INSERT INTO form_1 (f_text, v_date_ymd, f_checkbox___2) VALUES ('from the jar',"
                + " DATE '2024-02-29', TRUE)");
    assertThat(inserted.get(0)).isEqualTo("updated 1");
    assertThat(inserted).hasSize(2);
    String key = inserted.get(1).substring("key ".length());
    assertThat(RawRecords.one(emulator, p, key))
        .containsEntry("f_text", "from the jar")
        .containsEntry("v_date_ymd", "2024-02-29")
        .containsEntry("f_checkbox___2", "1");

    List<String> changed =
        run(
            jar,
            classes,
            p,
            "UPDATE form_1 SET f_text = NULL, v_integer = 42 WHERE record_id = '" + key + "'",
            "SELECT record_id, f_text, v_integer FROM form_1 WHERE record_id = '" + key + "'",
            "DELETE FROM records WHERE record_id = '" + key + "'");
    assertThat(changed).containsExactly("updated 1", key + "\tnull\t42", "updated 1");
    assertThat(RawRecords.export(emulator, p, key)).isEmpty();
  }

  /** Runs the program; returns its output lines (JVM warnings left out), checking it succeeded. */
  private static List<String> run(Path jar, Path classes, EmulatedProject p, String... sql)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar + java.io.File.pathSeparator + classes,
                "org.redcapjdbc.it.PlainJdbcWriteMain",
                emulator.url()));
    command.addAll(List.of(sql));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("REDCAP_TOKEN", p.token());
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child process finished").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).doesNotContain(p.token());
    List<String> lines = new ArrayList<>();
    for (String line : output.split("\\R")) {
      if (line.startsWith("updated ") || line.startsWith("key ") || line.contains("\t")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
