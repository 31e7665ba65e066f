package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture whose {@code data.csv} is a real REDCap export (all but {@code simple}) exports
 * from the emulator as that file: same columns in the same order, same values, same blanks.
 * Cells are compared after parsing (quoting may differ where the fixture predates today's rule).
 *
 * <p>Where a folder also has {@code project.xml}, the project loaded from the XML must export the
 * same file too, except for two differences between the fixture files themselves: the
 * longitudinal {@code data.csv} has each line break of a notes value written as two spaces
 * (REDCap's "remove line breaks" export option) while its XML keeps the line breaks; and the
 * validation-types XML was exported after its constant calc field had been computed ({@code 7}),
 * while its {@code data.csv} shows it blank.
 */
class FixtureExportTest {
  private static RedcapEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static Stream<Arguments> projects() {
    return Stream.of(
        Arguments.of("redcapr/checkboxes-1", "redcapr/checkboxes-1/data.csv"),
        Arguments.of("redcapr/dag", "redcapr/dag/data.csv"),
        Arguments.of("redcapr/decimal-comma-and-dot", "redcapr/decimal-comma-and-dot/data.csv"),
        Arguments.of("redcapr/longitudinal", "redcapr/longitudinal/data.csv"),
        Arguments.of("redcapr/longitudinal/project.xml", "redcapr/longitudinal/data.csv"),
        Arguments.of("redcapr/nonnumeric-record-id", "redcapr/nonnumeric-record-id/data.csv"),
        Arguments.of(
            "redcapr/potentially-problematic-values",
            "redcapr/potentially-problematic-values/data.csv"),
        Arguments.of("redcapr/repeating-instruments", "redcapr/repeating-instruments/data.csv"),
        Arguments.of(
            "redcapr/repeating-instruments/project.xml", "redcapr/repeating-instruments/data.csv"),
        Arguments.of("redcapr/survey", "redcapr/survey/data.csv"),
        Arguments.of("redcapr/validation-types-1", "redcapr/validation-types-1/data.csv"),
        Arguments.of(
            "redcapr/validation-types-1/project.xml", "redcapr/validation-types-1/data.csv"),
        Arguments.of("redcapr/vignette-repeating", "redcapr/vignette-repeating/data.csv"),
        Arguments.of(
            "redcapr/vignette-repeating/project.xml", "redcapr/vignette-repeating/data.csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void csvExportEqualsTheFixture(String project, String expectedCsv) {
    boolean lineBreaksAsSpaces = project.equals("redcapr/longitudinal/project.xml");
    EmulatedProject p = emulator.loadProject(Fixtures.path(project), null);
    List<List<String>> expected = ApiClient.parseCsv(Fixtures.text(expectedCsv));
    if (project.equals("redcapr/validation-types-1/project.xml")) {
      expected.get(1).set(expected.get(0).indexOf("f_calculated"), "7");
    }
    List<String> header = expected.get(0);
    ApiClient client = new ApiClient(emulator.url(), p.token());
    ApiClient.Answer a =
        client.post(
            "content",
            "record",
            "format",
            "csv",
            "type",
            "flat",
            "exportDataAccessGroups",
            String.valueOf(header.contains("redcap_data_access_group")),
            "exportSurveyFields",
            String.valueOf(header.contains("redcap_survey_identifier")));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("text/csv");
    assertThat(a.body()).endsWith("\n").doesNotStartWith("\uFEFF");
    List<List<String>> actual = a.csv();
    if (lineBreaksAsSpaces) {
      actual.forEach(row -> row.replaceAll(v -> v.replace("\n", "  ")));
    }
    assertThat(actual.get(0)).as("header").containsExactlyElementsOf(header);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 1; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("row %d", i).containsExactlyElementsOf(expected.get(i));
    }
  }
}
