package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator: deterministic, every common field type, longitudinal and repeating layouts, the demo. */
class GeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPEC =
      "records=60,fields=45,events=3,arms=2,repeating=1,checkboxes=3,dags=2,seed=5";

  @Test
  void theSameSpecGivesTheSameProject() {
    String first;
    String second;
    try (RedcapEmulator e = RedcapEmulator.builder().build().start()) {
      ApiClient c = new ApiClient(e.url(), e.generate(SPEC, null).token());
      first = c.post("content", "record", "format", "csv", "exportDataAccessGroups", "true").body();
    }
    try (RedcapEmulator e = RedcapEmulator.builder().build().start()) {
      ApiClient c = new ApiClient(e.url(), e.generate(SPEC, null).token());
      second =
          c.post("content", "record", "format", "csv", "exportDataAccessGroups", "true").body();
    }
    assertThat(first).isEqualTo(second).hasSizeGreaterThan(10_000);
  }

  @Test
  void generatedProjectsHaveEveryCommonTypeAndTheAskedLayout() throws Exception {
    try (RedcapEmulator e = RedcapEmulator.builder().build().start()) {
      ApiClient c = new ApiClient(e.url(), e.generate(SPEC, null).token());
      JsonNode meta = JSON.readTree(c.post("content", "metadata", "format", "json").body());
      assertThat(meta).hasSize(45);
      Set<String> kinds = new HashSet<>();
      for (JsonNode f : meta) {
        kinds.add(
            f.get("field_type").asText()
                + "/"
                + f.get("text_validation_type_or_show_slider_number").asText());
      }
      assertThat(kinds)
          .contains(
              "text/",
              "notes/",
              "text/integer",
              "text/number",
              "text/number_2dp",
              "text/number_comma_decimal",
              "text/date_ymd",
              "text/datetime_ymd",
              "text/datetime_seconds_ymd",
              "text/time",
              "text/email",
              "radio/",
              "dropdown/",
              "yesno/",
              "truefalse/",
              "checkbox/",
              "slider/",
              "calc/",
              "file/");
      assertThat(meta.findValuesAsText("field_type").stream().filter("checkbox"::equals))
          .hasSize(3);
      assertThat(JSON.readTree(c.post("content", "event", "format", "json").body())).hasSize(6);
      assertThat(JSON.readTree(c.post("content", "repeatingFormsEvents", "format", "json").body()))
          .hasSize(6);
      JsonNode rows =
          JSON.readTree(
              c.post("content", "record", "format", "json", "exportDataAccessGroups", "true")
                  .body());
      Set<String> dags = new HashSet<>();
      Set<String> records = new HashSet<>();
      boolean repeatRow = false;
      for (JsonNode r : rows) {
        dags.add(r.get("redcap_data_access_group").asText());
        records.add(r.get("record_id").asText());
        repeatRow |= r.get("redcap_repeat_instance").isInt();
      }
      assertThat(records).hasSize(60);
      assertThat(dags).containsExactlyInAnyOrder("site_1", "site_2");
      assertThat(repeatRow).isTrue();
      // Stored calcs agree with what the logic package computes: an import of nothing changes
      // nothing.
      String before = c.post("content", "record", "format", "csv", "records", "7").body();
      List<List<String>> csv =
          c.post("content", "record", "format", "csv", "records", "7", "fields", "record_id").csv();
      assertThat(
              c.post(
                      "content",
                      "record",
                      "format",
                      "csv",
                      "data",
                      "record_id,redcap_event_name\n7," + csv.get(1).get(1) + "\n")
                  .status())
          .isEqualTo(200);
      assertThat(c.post("content", "record", "format", "csv", "records", "7").body())
          .isEqualTo(before);
    }
  }

  @Test
  void theDemoStudy() throws Exception {
    try (RedcapEmulator e = RedcapEmulator.builder().build().start()) {
      EmulatedProject p = e.generate("demo", null);
      assertThat(p.title()).isEqualTo("REDCap Emulator Demo Study");
      ApiClient c = new ApiClient(e.url(), p.token());
      assertThat(JSON.readTree(c.post("content", "arm", "format", "json").body())).hasSize(2);
      assertThat(c.post("content", "instrument", "format", "csv").body())
          .contains("medications,Medications", "adverse_events,\"Adverse Events\"");
      JsonNode ids =
          JSON.readTree(
              c.post(
                      "content",
                      "record",
                      "format",
                      "json",
                      "fields",
                      "study_id",
                      "events",
                      "screening_arm_1,screening_arm_2")
                  .body());
      assertThat(ids).hasSize(300);
      JsonNode bmi =
          JSON.readTree(
              c.post(
                      "content",
                      "record",
                      "format",
                      "json",
                      "fields",
                      "study_id,bmi,weight",
                      "filterLogic",
                      "[bmi] > 0",
                      "records",
                      "1,2,3,4,5,6")
                  .body());
      assertThat(bmi)
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.get("bmi").asText()).matches("\\d+(\\.\\d)?"));
    }
  }

  @Test
  void badSpecsAreRefused() {
    try (RedcapEmulator e = RedcapEmulator.builder().build()) {
      assertThatThrownBy(() -> e.generate("records=ten", null))
          .hasMessageContaining("whole number");
      assertThatThrownBy(() -> e.generate("fields=1", null)).hasMessageContaining("out of range");
      assertThatThrownBy(() -> e.generate("", null)).hasMessageContaining("empty");
    }
  }
}
