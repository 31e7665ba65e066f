package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record delete (whole and partial), rename and next record name. */
class RecordDeleteTest {
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

  private static JsonNode export(ApiClient c, String... extra) throws Exception {
    String[] params = new String[4 + extra.length];
    params[0] = "content";
    params[1] = "record";
    params[2] = "format";
    params[3] = "json";
    System.arraycopy(extra, 0, params, 4, extra.length);
    return JSON.readTree(c.post(params).body());
  }

  @Test
  void deleteAnswersABareCountWhateverTheFormat() throws Exception {
    ApiClient c = load("redcapr/simple/project.xml");
    ApiClient.Answer a =
        c.post(
            "content",
            "record",
            "action",
            "delete",
            "format",
            "json",
            "records[0]",
            "1",
            "records[1]",
            "2");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("2");
    a = c.post("content", "record", "action", "delete", "returnFormat", "xml", "records", "3");
    assertThat(a.body()).isEqualTo("1");
    assertThat(export(c, "fields", "record_id")).hasSize(2);
  }

  @Test
  void deletingMissingRecordsDeletesNothing() throws Exception {
    ApiClient c = load("redcapr/simple/project.xml");
    ApiClient.Answer a =
        c.post(
            "content",
            "record",
            "action",
            "delete",
            "format",
            "csv",
            "records[0]",
            "1",
            "records[1]",
            "77",
            "records[2]",
            "78");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .isEqualTo(
            "ERROR: One or more of the records provided cannot be deleted because they do not"
                + " exist in the project. The following records do not exist: 77, 78");
    assertThat(export(c, "fields", "record_id")).hasSize(5);
  }

  @Test
  void deleteOneEventOneInstrumentOrOneInstance() throws Exception {
    ApiClient c = load("redcapr/longitudinal/project.xml");
    int before = export(c, "records", "100", "fields", "study_id").size();
    assertThat(
            c.post(
                    "content",
                    "record",
                    "action",
                    "delete",
                    "records[0]",
                    "100",
                    "event",
                    "dose_1_arm_1")
                .body())
        .isEqualTo("1");
    JsonNode rows = export(c, "records", "100", "fields", "study_id");
    assertThat(rows).hasSize(before - 1);
    assertThat(rows)
        .noneSatisfy(
            r -> assertThat(r.get("redcap_event_name").asText()).isEqualTo("dose_1_arm_1"));
    ApiClient.Answer noEvent =
        c.post(
            "content",
            "record",
            "action",
            "delete",
            "records[0]",
            "100",
            "instrument",
            "contact_info");
    assertThat(noEvent.status()).isEqualTo(400);
    assertThat(
            c.post(
                    "content",
                    "record",
                    "action",
                    "delete",
                    "records[0]",
                    "100",
                    "instrument",
                    "contact_info",
                    "event",
                    "enrollment_arm_1")
                .body())
        .isEqualTo("1");
    JsonNode enrollment = export(c, "records", "100", "events", "enrollment_arm_1").get(0);
    assertThat(enrollment.get("ec_phone").asText()).isEmpty();
    assertThat(enrollment.get("contact_info_complete").asText()).isEqualTo("0");
    assertThat(enrollment.get("first_name").asText()).isEqualTo("Zharko");

    ApiClient r = load("redcapr/vignette-repeating/project.xml");
    assertThat(
            r.post(
                    "content",
                    "record",
                    "action",
                    "delete",
                    "records[0]",
                    "1",
                    "instrument",
                    "blood_pressure",
                    "repeat_instance",
                    "2")
                .body())
        .isEqualTo("1");
    JsonNode bp = export(r, "records", "1", "forms", "blood_pressure", "fields", "record_id");
    assertThat(bp)
        .extracting(n -> n.get("redcap_repeat_instance").asText())
        .containsExactly("", "1", "3", "1", "2", "1", "2");
  }

  @Test
  void renameAndNextRecordName() throws Exception {
    ApiClient c = load("redcapr/simple/project.xml");
    assertThat(c.post("content", "generateNextRecordName").body()).isEqualTo("6");
    assertThat(
            c.post("content", "record", "action", "rename", "record", "5", "new_record_name", "50")
                .body())
        .isEqualTo("1");
    assertThat(export(c, "records", "50", "fields", "name_first").get(0).get("name_first").asText())
        .isEqualTo("John Lee");
    assertThat(export(c, "records", "5")).isEmpty();
    assertThat(c.post("content", "generateNextRecordName").body()).isEqualTo("51");
    ApiClient.Answer clash =
        c.post(
            "content",
            "record",
            "action",
            "rename",
            "format",
            "json",
            "record",
            "1",
            "new_record_name",
            "2");
    assertThat(clash.status()).isEqualTo(400);
    ApiClient nonNumeric = load("redcapr/nonnumeric-record-id");
    assertThat(nonNumeric.post("content", "generateNextRecordName", "format", "csv").body())
        .isEqualTo("1");
  }
}
