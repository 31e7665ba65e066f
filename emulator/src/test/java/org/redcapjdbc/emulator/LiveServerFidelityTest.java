package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redcapjdbc.emulator.ApiClient.column;
import static org.redcapjdbc.emulator.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behaviours that client libraries' own test suites, run against live REDCap 15 servers, showed
 * the emulator getting wrong (docs/redcap-api.md §4a): each test here failed before its fix.
 */
class LiveServerFidelityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPER =
      "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";
  private static RedcapEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().superToken(SUPER).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static ApiClient client(String token) {
    return new ApiClient(emulator.url(), token);
  }

  /**
   * PyCap's restore: export the events, import arms with override (which deletes every event and
   * mapping), then import the exported events, unique names filled in. Live, that succeeds and
   * the events come back under the same unique names.
   */
  @Test
  void eventsWhoseUniqueNamesAreGoneAreCreatedAgain() throws Exception {
    ApiClient c =
        client(emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null).token());
    String events = c.post("content", "event", "format", "json").body();
    List<String> uniqueNames = column(JSON.readTree(events), "unique_event_name");
    String arms = c.post("content", "arm", "format", "json").body();
    assertThat(
            c.post(
                    "content",
                    "arm",
                    "action",
                    "import",
                    "override",
                    "1",
                    "format",
                    "json",
                    "data",
                    arms)
                .status())
        .isEqualTo(200);
    assertThat(json(c.post("content", "event", "format", "json"))).isEmpty();

    ApiClient.Answer restored =
        c.post("content", "event", "action", "import", "format", "json", "data", events);
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(restored.body()).isEqualTo(String.valueOf(uniqueNames.size()));
    assertThat(column(json(c.post("content", "event", "format", "json")), "unique_event_name"))
        .containsExactlyElementsOf(uniqueNames);

    // A unique name that names no event is not taken as given: REDCap makes the name.
    assertThat(
            c.post(
                    "content",
                    "event",
                    "action",
                    "import",
                    "format",
                    "json",
                    "data",
                    "[{\"event_name\":\"Follow Up\",\"arm_num\":\"1\",\"unique_event_name\":\"no_such_event_arm_9\"}]")
                .status())
        .isEqualTo(200);
    assertThat(column(json(c.post("content", "event", "format", "json")), "unique_event_name"))
        .contains("follow_up_arm_1")
        .doesNotContain("no_such_event_arm_9");
    // One that names an event still renames that event.
    assertThat(
            c.post(
                    "content",
                    "event",
                    "action",
                    "import",
                    "format",
                    "json",
                    "data",
                    "[{\"event_name\":\"Later\",\"arm_num\":\"1\",\"unique_event_name\":\"follow_up_arm_1\"}]")
                .status())
        .isEqualTo(200);
    JsonNode after = json(c.post("content", "event", "format", "json"));
    assertThat(column(after, "event_name")).contains("Later").doesNotContain("Follow Up");
    assertThat(after).hasSize(uniqueNames.size() + 1);
  }

  /**
   * PHPCap's basic demography XML carries values for its calcs {@code age} and {@code bmi}. A
   * project created from it holds none (live, the EAV export of such a project has no calc rows),
   * and its own flat export, calc columns included, imports again.
   */
  @Test
  void calcValuesAreNeitherKeptFromXmlNorImported() throws Exception {
    String odm = Fixtures.text("phpcap/PHPCapBasicDemography.REDCap.xml");
    assertThat(odm).contains("ItemOID=\"bmi\" Value=\"");
    ApiClient.Answer created =
        client(SUPER)
            .post(
                "content",
                "project",
                "format",
                "json",
                "data",
                "[{\"project_title\":\"Calcs\",\"purpose\":\"0\"}]",
                "odm",
                odm);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    ApiClient made = client(created.body());
    JsonNode eav = json(made.post("content", "record", "format", "json", "type", "eav"));
    assertThat(column(eav, "field_name"))
        .isNotEmpty()
        .doesNotContain("age", "bmi")
        .contains("weight");
    JsonNode flat = json(made.post("content", "record", "format", "json"));
    assertThat(column(flat, "bmi")).containsOnly("");

    // A project the emulator loads from that file is the project as it was saved, calcs included.
    ApiClient loaded =
        client(
            emulator
                .loadProject(Fixtures.path("phpcap/PHPCapBasicDemography.REDCap.xml"), null)
                .token());
    assertThat(
            column(
                json(loaded.post("content", "record", "format", "json", "fields", "bmi,record_id")),
                "bmi"))
        .doesNotContain("");

    // Re-importing the export succeeds.
    ApiClient.Answer reimport =
        made.post("content", "record", "format", "json", "data", flat.toString());
    assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
    assertThat(JSON.readTree(reimport.body()).get("count").asInt()).isEqualTo(flat.size());

    // The import computed the calcs of what it wrote; a value given for one is not stored.
    String record = flat.get(0).get("record_id").asText();
    String computed =
        json(made.post("content", "record", "format", "json", "records", record, "fields", "bmi"))
            .get(0)
            .get("bmi")
            .asText();
    assertThat(computed).isNotEmpty();
    ApiClient.Answer given =
        made.post(
            "content",
            "record",
            "format",
            "json",
            "data",
            "[{\"record_id\":\"" + record + "\",\"bmi\":\"999.9\"}]");
    assertThat(given.status()).as(given.body()).isEqualTo(200);
    assertThat(
            json(made.post(
                    "content", "record", "format", "json", "records", record, "fields", "bmi"))
                .get(0)
                .get("bmi")
                .asText())
        .isEqualTo(computed);
  }

  @Test
  void theLogListsTheOldestEntryFirst() throws Exception {
    ApiClient.Answer created =
        client(SUPER)
            .post(
                "content",
                "project",
                "format",
                "json",
                "data",
                "[{\"project_title\":\"Logged\",\"purpose\":\"0\"}]");
    ApiClient c = client(created.body());
    c.post("content", "record", "format", "json", "data", "[{\"record_id\":\"1\"}]");
    JsonNode log = json(c.post("content", "log", "format", "json"));
    assertThat(log.get(0).get("details").asText()).isEqualTo("Create project (API)");
    assertThat(column(log, "action")).contains("Create record (API) 1");
    assertThat(column(json(c.post("content", "log", "format", "json")), "details"))
        .last()
        .isEqualTo("Export Logging (API)");
  }

  /** An arm with no events yet does not add the arm to event labels. */
  @Test
  void eventLabelsNameTheArmOnlyWhenSeveralArmsHoldEvents() throws Exception {
    ApiClient c =
        client(emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null).token());
    assertThat(json(c.post("content", "arm", "format", "json"))).hasSize(1);
    assertThat(
            c.post(
                    "content",
                    "arm",
                    "action",
                    "import",
                    "format",
                    "json",
                    "data",
                    "[{\"arm_num\":\"2\",\"name\":\"Arm 2\"}]")
                .status())
        .isEqualTo(200);
    JsonNode labelled =
        json(
            c.post(
                "content",
                "record",
                "format",
                "json",
                "rawOrLabel",
                "label",
                "fields",
                "record_id"));
    assertThat(column(labelled, "redcap_event_name"))
        .contains("Event 1")
        .noneMatch(l -> l.contains("(Arm"));

    assertThat(
            c.post(
                    "content",
                    "event",
                    "action",
                    "import",
                    "format",
                    "json",
                    "data",
                    "[{\"event_name\":\"Screening\",\"arm_num\":\"2\"}]")
                .status())
        .isEqualTo(200);
    labelled =
        json(
            c.post(
                "content",
                "record",
                "format",
                "json",
                "rawOrLabel",
                "label",
                "fields",
                "record_id"));
    assertThat(column(labelled, "redcap_event_name")).contains("Event 1 (Arm 1: Arm 1)");
  }

  /** REDCap 15: a folder is {@code {"folder_id", "name"}}, a file {@code {"doc_id", "name"}}. */
  @Test
  void fileRepositoryRowsCarryTheKeysOfTheirKind() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient c = client(p.token());
    json(
        c.post(
            "content",
            "fileRepository",
            "action",
            "createFolder",
            "name",
            "reports",
            "format",
            "json"));
    HttpRequest upload = multipart(p.token(), "notes.txt", "hello");
    assertThat(
            HttpClient.newHttpClient()
                .send(upload, HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
    JsonNode list = json(c.post("content", "fileRepository", "action", "list", "format", "json"));
    assertThat(list).hasSize(2);
    assertThat(list.get(0).fieldNames()).toIterable().containsExactly("folder_id", "name");
    assertThat(list.get(0).get("folder_id").isNumber()).isTrue();
    assertThat(list.get(1).fieldNames()).toIterable().containsExactly("doc_id", "name");
    assertThat(list.get(1).get("name").asText()).isEqualTo("notes.txt");
    String xml = c.post("content", "fileRepository", "action", "list", "format", "xml").body();
    assertThat(xml)
        .contains("<item><folder_id>")
        .doesNotContain("<role>", "<dag>", "<doc_id></doc_id>");
    assertThat(c.post("content", "fileRepository", "action", "list", "format", "csv").csv().get(0))
        .containsExactly("folder_id", "doc_id", "name");
  }

  @Test
  void pdfsDeclareVersionOnePointThree() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(emulator.url()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString("token=" + p.token() + "&content=pdf&record=1"))
            .build();
    byte[] pdf = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofByteArray()).body();
    assertThat(new String(pdf, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.3");
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isPositive();
    }
  }

  /**
   * Labels do not decide which rows exist: a checkbox exported alone with
   * {@code exportCheckboxLabel} gives the raw export's rows, unchecked ones blank.
   */
  @Test
  void labelledCheckboxesKeepTheRowsOfTheRawExport() throws Exception {
    ApiClient c =
        client(emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null).token());
    JsonNode raw = json(c.post("content", "record", "format", "json", "fields", "checkbox_field"));
    JsonNode labels =
        json(
            c.post(
                "content",
                "record",
                "format",
                "json",
                "fields",
                "checkbox_field",
                "rawOrLabel",
                "label",
                "exportCheckboxLabel",
                "true"));
    assertThat(raw).isNotEmpty();
    assertThat(labels).hasSize(raw.size());
    boolean someUnchecked = false;
    for (int i = 0; i < raw.size(); i++) {
      if (raw.get(i).get("checkbox_field___1").asText().equals("0")) {
        someUnchecked = true;
        assertThat(labels.get(i).get("checkbox_field___1").asText()).isEmpty();
      }
    }
    assertThat(someUnchecked).as("the project has unchecked boxes").isTrue();
    // CSV too.
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "fields",
                    "checkbox_field",
                    "rawOrLabel",
                    "label",
                    "exportCheckboxLabel",
                    "true")
                .csv())
        .hasSize(raw.size() + 1);
  }

  /** PHPCap asks a live server for its version with a super token; nothing else opens to it. */
  @Test
  void aSuperTokenMayAskTheVersion() {
    ApiClient.Answer version = client(SUPER).post("content", "version");
    assertThat(version.status()).isEqualTo(200);
    assertThat(version.body()).isEqualTo("15.2.1");
    assertThat(client(SUPER).post("content", "record", "format", "json").status()).isEqualTo(403);
    assertThat(client(SUPER).post("content", "project", "format", "json").status()).isEqualTo(403);
  }

  private static HttpRequest multipart(String token, String fileName, String content) {
    String boundary = "----fidelity" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    for (String[] kv :
        List.of(
            new String[] {"token", token},
            new String[] {"content", "fileRepository"},
            new String[] {"action", "import"})) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(kv[0])
          .append("\"\r\n\r\n")
          .append(kv[1])
          .append("\r\n");
    }
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: text/plain\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return HttpRequest.newBuilder(URI.create(emulator.url()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }
}
