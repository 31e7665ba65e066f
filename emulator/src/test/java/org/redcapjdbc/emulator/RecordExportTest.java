package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record export options: column rules, labels, EAV, filters, gray status, formats. */
class RecordExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RedcapEmulator emulator;
  private static ApiClient simple;
  private static ApiClient longitudinal;
  private static ApiClient repeating;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
    simple =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null).token());
    longitudinal =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/longitudinal/project.xml"), null).token());
    repeating =
        new ApiClient(
            emulator.url(),
            emulator
                .loadProject(Fixtures.path("redcapr/vignette-repeating/project.xml"), null)
                .token());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static List<String> header(ApiClient.Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.csv().get(0);
  }

  @Test
  void fieldsAndFormsDropTheRecordIdUnlessAskedFor() {
    assertThat(header(simple.post("content", "record", "format", "csv", "fields[0]", "race")))
        .containsExactly("race___1", "race___2", "race___3", "race___4", "race___5", "race___6");
    assertThat(header(simple.post("content", "record", "format", "csv", "forms[0]", "health")))
        .containsExactly("height", "weight", "bmi", "comments", "mugshot", "health_complete");
    // Requested order is ignored: metadata order wins; naming a field adds no _complete.
    assertThat(
            header(
                simple.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "fields[0]",
                    "sex",
                    "fields[1]",
                    "record_id")))
        .containsExactly("record_id", "sex");
    assertThat(
            header(
                longitudinal.post("content", "record", "format", "csv", "fields", "study_id,pmq1")))
        .containsExactly("study_id", "redcap_event_name", "pmq1");
    assertThat(
            header(repeating.post("content", "record", "format", "csv", "fields[]", "record_id")))
        .containsExactly("record_id", "redcap_repeat_instrument", "redcap_repeat_instance");
  }

  @Test
  void pseudoFieldsAndUnknownNamesInFieldsAreRejected() {
    ApiClient.Answer a =
        simple.post(
            "content",
            "record",
            "format",
            "json",
            "fields[0]",
            "record_id",
            "fields[1]",
            "redcap_event_name");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .isEqualTo(
            "{\"error\":\"The following values in the parameter \\\"fields\\\" are not valid: 'redcap_event_name'\"}");
    a =
        simple.post(
            "content", "record", "format", "csv", "fields[1]", "nope", "fields[2]", "race___1");
    assertThat(a.body())
        .isEqualTo(
            "ERROR: The following values in the parameter \"fields\" are not valid: 'nope', 'race___1'");
    a = simple.post("content", "record", "format", "xml", "forms[1]", "nope");
    assertThat(a.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>The following values in the"
                + " parameter \"forms\" are not valid: 'nope'</error></hash>");
  }

  @Test
  void labelsAndLabelHeaders() {
    ApiClient.Answer a =
        simple.post(
            "content",
            "record",
            "format",
            "csv",
            "rawOrLabel",
            "label",
            "fields",
            "record_id,sex,race,interpreter_needed",
            "forms",
            "health",
            "records[0]",
            "1");
    List<List<String>> csv = a.csv();
    List<String> h = csv.get(0);
    List<String> r = csv.get(1);
    assertThat(r.get(h.indexOf("sex"))).isEqualTo("Female");
    assertThat(r.get(h.indexOf("race___5"))).isEqualTo("Checked");
    assertThat(r.get(h.indexOf("race___1"))).isEqualTo("Unchecked");
    assertThat(r.get(h.indexOf("interpreter_needed"))).isEqualTo("False");
    assertThat(r.get(h.indexOf("health_complete"))).isEqualTo("Unverified");
    a =
        simple.post(
            "content",
            "record",
            "format",
            "csv",
            "rawOrLabel",
            "label",
            "exportCheckboxLabel",
            "true",
            "fields",
            "race",
            "records[0]",
            "1");
    assertThat(a.csv().get(1)).containsExactly("", "", "", "", "White", "");
    a =
        simple.post(
            "content",
            "record",
            "format",
            "csv",
            "rawOrLabelHeaders",
            "label",
            "forms[0]",
            "health",
            "fields[0]",
            "race",
            "records",
            "1");
    assertThat(a.csv().get(0))
        .containsExactly(
            "Height (cm)",
            "Weight (kilograms)",
            "BMI",
            "Comments",
            "Mugshot",
            "Complete?",
            "Race (Select all that apply) (choice=American Indian/Alaska Native)",
            "Race (Select all that apply) (choice=Asian)",
            "Race (Select all that apply) (choice=Native Hawaiian or Other Pacific Islander)",
            "Race (Select all that apply) (choice=Black or African American)",
            "Race (Select all that apply) (choice=White)",
            "Race (Select all that apply) (choice=Unknown / Not Reported)");
    // Event labels are quoted in CSV even without a space.
    a =
        longitudinal.post(
            "content",
            "record",
            "format",
            "csv",
            "rawOrLabel",
            "label",
            "fields",
            "study_id",
            "records",
            "100");
    assertThat(a.body())
        .startsWith("study_id,redcap_event_name\n100,\"Enrollment (Arm 1: Drug A)\"\n");
  }

  @Test
  void eavExportListsNonBlankValuesWithCheckboxCodesAndDocIds() {
    ApiClient.Answer a =
        simple.post("content", "record", "format", "csv", "type", "eav", "records[0]", "2");
    List<List<String>> rows = a.csv();
    assertThat(rows.get(0)).containsExactly("record", "field_name", "value");
    assertThat(rows.get(1)).containsExactly("2", "record_id", "2");
    List<String> race = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.get(1).equals("race")) {
        race.add(r.get(2));
      }
      assertThat(r.get(2)).isNotEmpty();
    }
    assertThat(race).containsExactly("3", "5");
    assertThat(rows)
        .anySatisfy(r -> assertThat(r.subList(1, 3)).containsExactly("mugshot", r.get(2)))
        .noneSatisfy(r -> assertThat(r.get(2)).isEqualTo("mugshot-2.jpg"));
    a =
        longitudinal.post(
            "content",
            "record",
            "format",
            "json",
            "type",
            "eav",
            "records[0]",
            "100",
            "fields[0]",
            "pmq1");
    assertThat(a.body())
        .startsWith(
            "[{\"record\":\"100\",\"redcap_event_name\":\"dose_1_arm_1\",\"field_name\":\"pmq1\"");
  }

  @Test
  void filterLogicSelectsRecordsAndRecordEvents() throws Exception {
    JsonNode rows =
        JSON.readTree(
            simple
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields[0]",
                    "record_id",
                    "filterLogic",
                    "[age] >= 61")
                .body());
    assertThat(ids(rows)).containsExactly("3", "4");
    rows =
        JSON.readTree(
            simple
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields[0]",
                    "record_id",
                    "filterLogic",
                    "[name_first] = 'John Lee' or [race(3)] = '1'")
                .body());
    assertThat(ids(rows)).containsExactly("2", "5");
    rows =
        JSON.readTree(
            simple
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields[0]",
                    "record_id",
                    "filterLogic",
                    "[interpreter_needed] <> ''")
                .body());
    assertThat(ids(rows)).containsExactly("1", "2", "3", "5");
    // Numbers compare as numbers (7 < 100), not as text ("7" > "100").
    rows =
        JSON.readTree(
            simple
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields[0]",
                    "record_id",
                    "filterLogic",
                    "[height] > 100")
                .body());
    assertThat(ids(rows)).containsExactly("3", "4", "5");
    // Text compares as text.
    rows =
        JSON.readTree(
            simple
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields[0]",
                    "record_id",
                    "filterLogic",
                    "[name_last] > 'O'")
                .body());
    assertThat(ids(rows)).containsExactly("3", "5");
    // Longitudinal: per record-event.
    rows =
        JSON.readTree(
            longitudinal
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields",
                    "study_id,pmq1",
                    "filterLogic",
                    "[pmq1] = '2'")
                .body());
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("pmq1").asText()).isEqualTo("2"));
    // A blank never satisfies a numeric comparison.
    rows =
        JSON.readTree(
            longitudinal
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields",
                    "study_id,pmq1",
                    "filterLogic",
                    "[pmq1] < 100")
                .body());
    assertThat(rows).allSatisfy(r -> assertThat(r.get("pmq1").asText()).isNotEmpty());
    // Repeating: the record-event is kept when one instance matches, with all its rows.
    rows =
        JSON.readTree(
            repeating
                .post("content", "record", "format", "json", "filterLogic", "[sbp] > 2.2")
                .body());
    assertThat(rows).hasSize(9);
    assertThat(ids(rows)).containsOnly("2");
  }

  @Test
  void badFilterLogicIsA400() throws Exception {
    ApiClient.Answer a =
        simple.post("content", "record", "format", "json", "filterLogic", "[nope] = 1");
    assertThat(a.status()).isEqualTo(400);
    assertThat(JSON.readTree(a.body()).get("error").asText()).contains("nope");
    a = simple.post("content", "record", "format", "json", "filterLogic", "[age] >");
    assertThat(a.status()).isEqualTo(400);
    assertThat(JSON.readTree(a.body()).has("error")).isTrue();
    a =
        longitudinal.post(
            "content", "record", "format", "csv", "filterLogic", "[nowhere_arm_1][pmq1] = 1");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).startsWith("ERROR: ").contains("nowhere_arm_1");
  }

  @Test
  void recordsAndEventsLimitRows() throws Exception {
    JsonNode rows =
        JSON.readTree(
            longitudinal
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields[0]",
                    "study_id",
                    "records[0]",
                    "100",
                    "records[1]",
                    "nonexistent",
                    "events[0]",
                    "dose_1_arm_1",
                    "events[1]",
                    "visit_1_arm_1")
                .body());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("redcap_event_name").asText()).isEqualTo("dose_1_arm_1");
    ApiClient.Answer a =
        longitudinal.post("content", "record", "format", "json", "events[0]", "nope_arm_1");
    assertThat(a.status()).isEqualTo(400);
    // Classic projects ignore event names.
    assertThat(
            simple.post("content", "record", "format", "json", "events[0]", "nope_arm_1").status())
        .isEqualTo(200);
  }

  /** Named records are looked up one by one; the answer still comes in export order, each once. */
  @Test
  void namedRecordsComeInExportOrderOnce() throws Exception {
    JsonNode rows =
        JSON.readTree(
            simple
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields[0]",
                    "record_id",
                    "records[0]",
                    "5",
                    "records[1]",
                    "1",
                    "records[2]",
                    "nonexistent",
                    "records[3]",
                    "3",
                    "records[4]",
                    "1")
                .body());
    assertThat(rows).hasSize(3);
    assertThat(ids(rows)).containsExactly("1", "3", "5");
  }

  @Test
  void grayFormsExportZeroOrBlank() throws Exception {
    ApiClient c =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null).token());
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "data",
                    "[{\"record_id\":\"6\",\"name_first\":\"blank-for-gray\",\"name_last\":\"blank-for-gray\"}]")
                .status())
        .isEqualTo(200);
    JsonNode r =
        JSON.readTree(c.post("content", "record", "format", "json", "records", "6").body()).get(0);
    assertThat(r.get("demographics_complete").asText()).isEqualTo("0");
    assertThat(r.get("health_complete").asText()).isEqualTo("0");
    r =
        JSON.readTree(
                c.post(
                        "content",
                        "record",
                        "format",
                        "json",
                        "records",
                        "6",
                        "exportBlankForGravFormStatus",
                        "x",
                        "exportBlankForGrayFormStatus",
                        "TRUE")
                    .body())
            .get(0);
    assertThat(r.get("demographics_complete").asText()).isEqualTo("0");
    assertThat(r.get("health_complete").asText()).isEmpty();
    assertThat(r.get("race_and_ethnicity_complete").asText()).isEmpty();
    assertThat(r.get("race___1").asText()).isEqualTo("0");
  }

  @Test
  void grayStatusMatchesTheBlankForGrayFixture() {
    // The REDCapR blank-for-gray project is "simple" plus record 6 saved on demographics only.
    ApiClient c =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null).token());
    List<List<String>> fixture =
        ApiClient.parseCsv(Fixtures.text("redcapr/blank-for-gray-status/data.csv"));
    c.post(
        "content",
        "record",
        "format",
        "json",
        "data",
        "[{\"record_id\":\"6\",\"name_first\":\"blank-for-gray\",\"name_last\":\"blank-for-gray\"}]");
    List<List<String>> csv =
        c.post("content", "record", "format", "csv", "exportDataAccessGroups", "true").csv();
    assertThat(csv.get(0)).isEqualTo(fixture.get(0));
    assertThat(csv.get(6)).isEqualTo(fixture.get(6));
    for (int i = 1; i <= 5; i++) {
      List<String> expected = new ArrayList<>(fixture.get(i));
      List<String> actual = new ArrayList<>(csv.get(i));
      // The fixture data has line breaks as two spaces; the project XML keeps them.
      actual.replaceAll(v -> v.replace("\n", "  "));
      assertThat(actual).as("record %d", i).isEqualTo(expected);
    }
  }

  @Test
  void dagColumnDecimalCharacterAndJsonTypes() throws Exception {
    JsonNode rows =
        JSON.readTree(
            simple
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "exportDataAccessGroups",
                    "true",
                    "fields",
                    "record_id,height")
                .body());
    assertThat(rows.get(0).fieldNames())
        .toIterable()
        .containsExactly("record_id", "redcap_data_access_group", "height");
    assertThat(rows.get(3).get("redcap_data_access_group").asText()).isEmpty();
    assertThat(rows.get(4).get("redcap_data_access_group").asText()).isEqualTo("dag_2");
    rows =
        JSON.readTree(
            simple
                .post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "decimalCharacter",
                    ",",
                    "fields",
                    "height,bmi",
                    "records",
                    "5")
                .body());
    assertThat(rows.get(0).get("height").asText()).isEqualTo("193,04");
    assertThat(rows.get(0).get("bmi").asText()).isEqualTo("27,9");
    rows =
        JSON.readTree(repeating.post("content", "record", "format", "json", "records", "1").body());
    assertThat(rows.get(0).get("redcap_repeat_instance").isTextual()).isTrue();
    assertThat(rows.get(1).get("redcap_repeat_instance").isNumber()).isTrue();
    assertThat(rows.get(1).get("sbp").isTextual()).isTrue();
  }

  @Test
  void xmlAndOtherDelimiters() {
    ApiClient.Answer a =
        simple.post(
            "content", "record", "format", "xml", "fields", "record_id,name_first", "records", "1");
    assertThat(a.contentType()).startsWith("text/xml");
    assertThat(a.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<records>\n<item><record_id><![CDATA[1]]>"
                + "</record_id><name_first><![CDATA[Nutmeg]]></name_first></item>\n</records>\n");
    a =
        simple.post(
            "content",
            "record",
            "format",
            "csv",
            "csvDelimiter",
            "tab",
            "fields",
            "record_id,name_first",
            "records",
            "5");
    assertThat(a.body()).isEqualTo("record_id\tname_first\n5\t\"John Lee\"\n");
    // Default format is XML.
    assertThat(simple.post("content", "record", "fields", "record_id", "records", "1").body())
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>");
  }

  @Test
  void dateRangeMatchesOnlyRecordsTouchedThroughTheApi() throws Exception {
    ApiClient c =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null).token());
    c.post(
        "content",
        "record",
        "format",
        "json",
        "data",
        "[{\"record_id\":\"2\",\"name_first\":\"Again\"}]");
    JsonNode rows =
        JSON.readTree(
            c.post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields",
                    "record_id",
                    "dateRangeBegin",
                    "2000-01-01 00:00:00")
                .body());
    assertThat(ids(rows)).containsExactly("2");
    rows =
        JSON.readTree(
            c.post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields",
                    "record_id",
                    "dateRangeEnd",
                    "2000-01-01 00:00:00")
                .body());
    assertThat(rows).isEmpty();
    assertThat(
            c.post("content", "record", "format", "json", "dateRangeBegin", "yesterday").status())
        .isEqualTo(400);
  }

  private static List<String> ids(JsonNode rows) {
    List<String> ids = new ArrayList<>();
    for (JsonNode r : rows) {
      String id = r.fields().next().getValue().asText();
      if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
