package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * The warnings that flag damaged or partial answers (columns REDCap left out or sent unknown,
 * values that do not parse) must not cry wolf: with full rights, every table of every real
 * fixture project (classic, longitudinal, repeating, surveys, DAGs, checkboxes, odd values)
 * reads without one, except for the values the fixtures really hold that fail their validation.
 */
class NoFalseWarningsTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();

  private static Path fixture(String relative) throws URISyntaxException {
    return Path.of(NoFalseWarningsTest.class.getResource("/fixtures/" + relative).toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.redcapjdbc.it.Fixtures#projects")
  void everyTableReadsWithoutAWarningAboutTheAnswer(String name) throws Exception {
    EmulatedProject project = emulator.loadProject(fixture(name), Tokens.next());
    LOGS.watch(project.token());
    try (Connection c = connect(project);
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      tables.add("records");
      for (List<Object> row : Sql.rows(c, "SELECT table_name FROM meta.instruments")) {
        tables.add((String) row.get(0));
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          Sql.rows(rs);
          for (SQLWarning w = rs.getWarnings(); w != null; w = w.getNextWarning()) {
            assertThat(w.getMessage())
                .as("warning reading %s of %s", table, name)
                .doesNotContain("left out")
                .doesNotContain("does not know");
          }
        }
      }
    }
  }
}
