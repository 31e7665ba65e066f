package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redcapjdbc.emulator.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Metadata, field names, instruments, mappings, arms, events, repeating set-up, project info, version. */
class StructureMethodsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RedcapEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static ApiClient load(String fixture) {
    return new ApiClient(
        emulator.url(), emulator.loadProject(Fixtures.path(fixture), null).token());
  }

  @Test
  void metadataExportHasTheApiColumnsAsStrings() throws Exception {
    ApiClient c = load("redcapr/simple/project.xml");
    JsonNode rows = json(c.post("content", "metadata", "format", "json"));
    assertThat(rows).hasSize(17);
    assertThat(rows.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "field_name",
            "form_name",
            "section_header",
            "field_type",
            "field_label",
            "select_choices_or_calculations",
            "field_note",
            "text_validation_type_or_show_slider_number",
            "text_validation_min",
            "text_validation_max",
            "identifier",
            "branching_logic",
            "required_field",
            "custom_alignment",
            "question_number",
            "matrix_group_name",
            "matrix_ranking",
            "field_annotation");
    JsonNode height = rows.get(9);
    assertThat(height.get("field_name").asText()).isEqualTo("height");
    assertThat(height.get("text_validation_type_or_show_slider_number").asText())
        .isEqualTo("number");
    assertThat(height.get("text_validation_min").isTextual()).isTrue();
    assertThat(height.get("text_validation_min").asText()).isEqualTo("130");
    JsonNode race = rows.get(14);
    assertThat(race.get("select_choices_or_calculations").asText())
        .isEqualTo(
            "1, American Indian/Alaska Native|2,"
                + " Asian|3, Native Hawaiian or Other Pacific Islander|4, Black or African American|5, White|6, Unknown / Not"
                + " Reported");
    assertThat(rows.get(1).get("identifier").asText()).isEqualTo("y");
    assertThat(rows.get(3).get("field_type").asText()).isEqualTo("notes");
    JsonNode health =
        json(
            c.post(
                "content", "metadata", "format", "json", "forms[0]", "health", "fields[0]", "sex"));
    assertThat(health)
        .extracting(n -> n.get("field_name").asText())
        .containsExactly("sex", "height", "weight", "bmi", "comments", "mugshot");
    assertThat(c.post("content", "metadata", "format", "json", "fields[0]", "nope").status())
        .isEqualTo(400);
  }

  @Test
  void metadataImportReplacesTheDictionary() throws Exception {
    ApiClient c = load("redcapr/nonnumeric-record-id");
    String csv =
        "field_name,form_name,field_type,field_label,select_choices_or_calculations\n"
            + "record_id,demographics,text,Record ID,\n"
            + "name,demographics,text,name,\n"
            + "color,demographics,radio,Color,\"1, Red|2, Blue\"\n"
            + "score,followup,text,Score,\n";
    ApiClient.Answer a = c.post("content", "metadata", "format", "csv", "data", csv);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("4");
    JsonNode instruments = json(c.post("content", "instrument", "format", "json"));
    assertThat(instruments)
        .extracting(n -> n.get("instrument_name").asText())
        .containsExactly("demographics", "followup");
    List<List<String>> data = c.post("content", "record", "format", "csv").csv();
    assertThat(data.get(0))
        .containsExactly(
            "record_id", "name", "color", "demographics_complete", "score", "followup_complete");
    assertThat(data.get(1)).containsExactly("a", "Amanda", "", "0", "", "0");
    // Bad names are refused and nothing changes.
    a =
        c.post(
            "content",
            "metadata",
            "format",
            "csv",
            "data",
            "field_name,form_name,field_type,field_label\nrecord_id,f,text,ID\nBad__Name,f,text,x\n");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("Bad__Name");
    assertThat(json(c.post("content", "metadata", "format", "json"))).hasSize(4);
  }

  @Test
  void exportFieldNamesListsCalcsAndStatusesButNotFiles() throws Exception {
    ApiClient c = load("redcapr/simple/project.xml");
    List<List<String>> rows = c.post("content", "exportFieldNames", "format", "csv").csv();
    assertThat(rows.get(0))
        .containsExactly("original_field_name", "choice_value", "export_field_name");
    List<String> names = new ArrayList<>();
    rows.subList(1, rows.size()).forEach(r -> names.add(r.get(2)));
    assertThat(names)
        .contains("bmi", "demographics_complete", "race___6")
        .doesNotContain("mugshot", "race");
    assertThat(names.indexOf("demographics_complete")).isEqualTo(names.indexOf("sex") + 1);
    assertThat(rows).contains(List.of("race", "3", "race___3"));
    JsonNode one = json(c.post("content", "exportFieldNames", "format", "json", "field", "race"));
    assertThat(one).hasSize(6);
    assertThat(one.get(0).get("choice_value").isTextual()).isTrue();
    assertThat(c.post("content", "exportFieldNames", "format", "json", "field", "zzz").status())
        .isEqualTo(400);
  }

  @Test
  void classicProjectsHaveNoArmsEventsOrMappings() {
    ApiClient c = load("redcapr/simple/project.xml");
    assertThat(c.post("content", "arm", "format", "csv").body())
        .isEqualTo("ERROR: You cannot export arms for classic projects");
    assertThat(c.post("content", "event", "format", "json").body())
        .isEqualTo("{\"error\":\"You cannot export events for classic projects\"}");
    ApiClient.Answer a = c.post("content", "formEventMapping", "format", "xml");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>You cannot export"
                + " form/event mappings for classic projects</error></hash>");
  }

  @Test
  void armsEventsAndMappingsOfALongitudinalProject() throws Exception {
    ApiClient c = load("redcapr/longitudinal");
    assertThat(c.post("content", "arm", "format", "csv").body())
        .isEqualTo("arm_num,name\n1,\"Drug A\"\n2,\"Drug B\"\n");
    JsonNode arms = json(c.post("content", "arm", "format", "json", "arms[0]", "2"));
    assertThat(arms.get(0).get("arm_num").isInt()).isTrue();
    String events = c.post("content", "event", "format", "csv").body();
    assertThat(events)
        .startsWith(
            "event_name,arm_num,unique_event_name,custom_event_label,event_id\n"
                + "\"Enrollment\",1,enrollment_arm_1,,");
    assertThat(events).contains("\"Deadline to opt out of study\",2,deadline_to_opt_ou_arm_2,,");
    JsonNode mappings = json(c.post("content", "formEventMapping", "format", "json", "arms", "2"));
    assertThat(mappings.get(0).get("arm_num").asInt()).isEqualTo(2);
    assertThat(c.post("content", "formEventMapping", "format", "csv", "arms[0]", "9").body())
        .isEqualTo("arm_num,unique_event_name,form\n");
  }

  @Test
  void armAndEventImportsGenerateUniqueNamesAndDeleteCascades() throws Exception {
    ApiClient c = load("redcapr/longitudinal/project.xml");
    assertThat(
            c.post(
                    "content",
                    "arm",
                    "action",
                    "import",
                    "format",
                    "json",
                    "data",
                    "[{\"arm_num\":3,\"name\":\"Drug C\"}]")
                .body())
        .isEqualTo("1");
    // An arm without events is not exported.
    assertThat(json(c.post("content", "arm", "format", "json"))).hasSize(2);
    assertThat(
            c.post(
                    "content",
                    "event",
                    "format",
                    "json",
                    "data",
                    "[{\"event_name\":\"Deadline to opt out of study\",\"arm_num\":3},"
                        + "{\"event_name\":\"Deadline to opt out of study again\",\"arm_num\":3}]")
                .body())
        .isEqualTo("2");
    JsonNode events = json(c.post("content", "event", "format", "json", "arms", "3"));
    assertThat(events)
        .extracting(n -> n.get("unique_event_name").asText())
        .containsExactly("deadline_to_opt_ou_arm_3", "deadline_to_opt_ou_arm_3b");
    assertThat(json(c.post("content", "arm", "format", "json"))).hasSize(3);
    assertThat(
            c.post(
                    "content",
                    "formEventMapping",
                    "format",
                    "json",
                    "data",
                    "[{\"arm_num\":3,\"unique_event_name\":\"deadline_to_opt_ou_arm_3\",\"form\":\"demographics\"}]")
                .body())
        .isEqualTo("1");
    // Import replaces all mappings.
    assertThat(json(c.post("content", "formEventMapping", "format", "json"))).hasSize(1);
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "data",
                    "[{\"study_id\":\"777\",\"redcap_event_name\":\"deadline_to_opt_ou_arm_3\",\"first_name\":\"C\"}]")
                .status())
        .isEqualTo(200);
    assertThat(
            c.post("content", "event", "action", "delete", "events[0]", "deadline_to_opt_ou_arm_3")
                .body())
        .isEqualTo("1");
    assertThat(json(c.post("content", "record", "format", "json", "records", "777"))).isEmpty();
    assertThat(c.post("content", "arm", "action", "delete", "arms[0]", "3").body()).isEqualTo("1");
    assertThat(c.post("content", "arm", "action", "delete", "format", "csv", "arms[0]", "3").body())
        .isEqualTo("ERROR: The following values in the parameter \"arms\" are not valid: '3'");
    // override=1 starts over.
    assertThat(
            c.post(
                    "content",
                    "arm",
                    "format",
                    "json",
                    "override",
                    "1",
                    "data",
                    "[{\"arm_num\":1,\"name\":\"Only\"}]")
                .body())
        .isEqualTo("1");
    assertThat(json(c.post("content", "event", "format", "json"))).isEmpty();
  }

  @Test
  void repeatingSetUpExportAndImport() throws Exception {
    ApiClient c = load("redcapr/vignette-repeating/project.xml");
    assertThat(c.post("content", "repeatingFormsEvents", "format", "csv").body())
        .isEqualTo(
            "form_name,custom_form_label\nblood_pressure,\"[sbp] / [dbp]\"\nlaboratory,\"[lab] @ [conc]\"\nimage,\n");
    assertThat(
            c.post(
                    "content",
                    "repeatingFormsEvents",
                    "format",
                    "json",
                    "data",
                    "[{\"form_name\":\"laboratory\",\"custom_form_label\":\"\"}]")
                .body())
        .isEqualTo("1");
    assertThat(json(c.post("content", "repeatingFormsEvents", "format", "json"))).hasSize(1);
    ApiClient none = load("redcapr/simple/project.xml");
    assertThat(none.post("content", "repeatingFormsEvents", "format", "json").body())
        .isEqualTo("[]");
    JsonNode project = json(none.post("content", "project", "format", "json"));
    assertThat(project.get("has_repeating_instruments_or_events").asInt()).isZero();
  }

  @Test
  void projectInfoIsOneObjectWithNumericFlags() throws Exception {
    ApiClient c = load("redcapr/longitudinal/project.xml");
    JsonNode p = json(c.post("content", "project", "format", "json"));
    assertThat(p.isObject()).isTrue();
    assertThat(p.get("project_title").asText()).isEqualTo("REDCapR: longitudinal");
    assertThat(p.get("is_longitudinal").isInt()).isTrue();
    assertThat(p.get("is_longitudinal").asInt()).isEqualTo(1);
    assertThat(p.get("purpose").asInt()).isEqualTo(4);
    assertThat(p.get("project_id").isInt()).isTrue();
    List<String> keys = new ArrayList<>();
    p.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.get(keys.size() - 1)).isEqualTo("bypass_branching_erase_field_prompt");
    List<List<String>> csv = c.post("content", "project", "format", "csv").csv();
    assertThat(csv).hasSize(2);
    assertThat(csv.get(1).get(1)).isEqualTo("REDCapR: longitudinal");
    assertThat(c.post("content", "version").body()).isEqualTo("15.2.1");
  }
}
