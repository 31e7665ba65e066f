package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code content=project_xml} writes what the loader reads back as the same project: same
 * dictionary, instruments, arms, events, mappings, repeating set-up, project settings and records.
 * Also: every project file of the fixtures loads, a BOM does not matter.
 */
class ProjectXmlRoundTripTest {
  private static RedcapEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static Stream<String> projects() {
    return Stream.of(
        "redcapr/simple/project.xml",
        "redcapr/longitudinal/project.xml",
        "redcapr/repeating-instruments/project.xml",
        "redcapr/validation-types-1/project.xml",
        "redcapr/vignette-repeating/project.xml",
        "phpcap/PHPCapBasicDemography.REDCap.xml",
        "phpcap/PHPCapDag.REDCap.xml",
        "phpcap/PHPCapRepeatableSurvey.REDCap.xml",
        "phpcap/PHPCapRepeatingForms.REDCap.xml",
        "redcapr/survey",
        "redcapr/dag",
        "redcapr/checkboxes-1",
        "redcapr/decimal-comma-and-dot",
        "redcapr/longitudinal",
        "redcapr/potentially-problematic-values",
        "redcapr/nonnumeric-record-id",
        "redcapr/simple",
        "redcapr/repeating-instruments",
        "redcapr/validation-types-1",
        "redcapr/vignette-repeating",
        "phpcap/longitudinal-metadata.csv",
        "redcap-api-csharp/Demographics_TestProject_DataDictionary.csv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void exportedProjectXmlLoadsBackAsTheSameProject(String fixture) {
    EmulatedProject original = emulator.loadProject(Fixtures.path(fixture), null);
    ApiClient a = new ApiClient(emulator.url(), original.token());
    ApiClient.Answer xml =
        a.post(
            "content",
            "project_xml",
            "exportDataAccessGroups",
            "true",
            "exportSurveyFields",
            "true",
            "exportFiles",
            "true");
    assertThat(xml.status()).as(xml.body()).isEqualTo(200);
    assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<ODM ");
    EmulatedProject copy =
        emulator.loadProject(
            new ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8)), null);
    assertThat(copy.title()).isEqualTo(original.title());
    ApiClient b = new ApiClient(emulator.url(), copy.token());
    for (String content :
        List.of(
            "metadata",
            "instrument",
            "exportFieldNames",
            "arm",
            "formEventMapping",
            "repeatingFormsEvents")) {
      assertThat(b.post("content", content, "format", "csv").body())
          .as(content)
          .isEqualTo(withoutSqlQueries(a.post("content", content, "format", "csv").body()));
    }
    assertThat(withoutIds(b.post("content", "event", "format", "csv").body()))
        .isEqualTo(withoutIds(a.post("content", "event", "format", "csv").body()));
    List<List<String>> infoA = a.post("content", "project", "format", "csv").csv();
    List<List<String>> infoB = b.post("content", "project", "format", "csv").csv();
    for (String key :
        List.of(
            "project_title",
            "purpose",
            "is_longitudinal",
            "has_repeating_instruments_or_events",
            "surveys_enabled",
            "record_autonumbering_enabled",
            "project_notes",
            "purpose_other")) {
      int i = infoA.get(0).indexOf(key);
      assertThat(infoB.get(1).get(i)).as(key).isEqualTo(infoA.get(1).get(i));
    }
    String[] recordParams = {
      "content",
      "record",
      "format",
      "csv",
      "exportDataAccessGroups",
      "true",
      "exportSurveyFields",
      "true"
    };
    assertThat(b.post(recordParams).body())
        .as("flat records")
        .isEqualTo(a.post(recordParams).body());
    // EAV rows are in storage order, which a reload may change; file fields give new doc ids.
    assertThat(eav(b)).as("EAV records").containsExactlyInAnyOrderElementsOf(eav(a));
  }

  private static List<List<String>> eav(ApiClient c) {
    java.util.Set<String> files = new java.util.HashSet<>();
    for (List<String> row : c.post("content", "metadata", "format", "csv").csv()) {
      if (row.get(3).equals("file")) {
        files.add(row.get(0));
      }
    }
    List<List<String>> rows = c.post("content", "record", "format", "csv", "type", "eav").csv();
    int field = rows.get(0).indexOf("field_name");
    for (List<String> r : rows) {
      if (files.contains(r.get(field))) {
        r.set(r.size() - 1, "<doc id>");
      }
    }
    return rows;
  }

  /** Project XML carries no query for sql fields (REDCap's own files have none either). */
  private static String withoutSqlQueries(String metadataCsv) {
    return metadataCsv.replace(
        ",sql,\"Dynamic SQL\",\"SELECT 1 as one;\",", ",sql,\"Dynamic SQL\",,");
  }

  /** Event ids are assigned anew on every load. */
  private static String withoutIds(String eventsCsv) {
    return eventsCsv.replaceAll("(?m),\\d+$", ",");
  }

  @Test
  void projectXmlHonoursMetadataOnlyAndRecordFilters() {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient a = new ApiClient(emulator.url(), p.token());
    String meta = a.post("content", "project_xml", "returnMetadataOnly", "true").body();
    assertThat(meta).contains("<MetaDataVersion").doesNotContain("<ClinicalData");
    String some =
        a.post("content", "project_xml", "records[0]", "2", "fields", "record_id,name_first")
            .body();
    assertThat(some)
        .contains("SubjectKey=\"2\"")
        .doesNotContain("SubjectKey=\"1\"")
        .contains("ItemOID=\"name_first\" Value=\"Tumtum\"")
        .doesNotContain("ItemOID=\"name_last\" Value=");
    String filtered = a.post("content", "project_xml", "filterLogic", "[sex] = '1'").body();
    assertThat(filtered)
        .contains("SubjectKey=\"2\"", "SubjectKey=\"3\"", "SubjectKey=\"5\"")
        .doesNotContain("SubjectKey=\"1\"", "SubjectKey=\"4\"");
    // Records export as ODM too.
    assertThat(a.post("content", "record", "format", "odm", "records", "3").body())
        .contains("<ClinicalData")
        .contains("SubjectKey=\"3\"")
        .doesNotContain("SubjectKey=\"2\"");
  }

  @Test
  void aByteOrderMarkBeforeTheXmlDoesNotMatter() throws Exception {
    byte[] body = java.nio.file.Files.readAllBytes(Fixtures.path("phpcap/PHPCapDag.REDCap.xml"));
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    EmulatedProject p = emulator.loadProject(new ByteArrayInputStream(withBom), null);
    assertThat(p.title()).isEqualTo("nal dag project");
    ApiClient a = new ApiClient(emulator.url(), p.token());
    assertThat(
            a.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "fields",
                    "record_id",
                    "exportDataAccessGroups",
                    "true")
                .csv()
                .get(0))
        .containsExactly(
            "record_id",
            "redcap_repeat_instrument",
            "redcap_repeat_instance",
            "redcap_data_access_group");
  }
}
