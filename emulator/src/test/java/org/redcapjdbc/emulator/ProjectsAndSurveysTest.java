package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redcapjdbc.emulator.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Project creation with the super token, project settings, PDFs, and the survey methods. */
class ProjectsAndSurveysTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPER =
      "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789";
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

  /** A POST whose answer is kept as bytes (PDFs). */
  private static HttpResponse<byte[]> postBytes(String... kv)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < kv.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
    }
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(emulator.url()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<List<String>> withoutLastColumn(List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> r : rows) {
      out.add(r.subList(0, r.size() - 1));
    }
    return out;
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void createProjectFromAnOdmFileAnswersATokenWhoseExportsMatchTheFile() throws Exception {
    String odm = Fixtures.text("pycap/doctest_project.xml");
    ApiClient superClient = client(SUPER);
    ApiClient.Answer created =
        superClient.post(
            "content",
            "project",
            "format",
            "json",
            "data",
            "[{\"project_title\":\"Created by API\",\"purpose\":\"0\"}]",
            "odm",
            odm);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.body()).matches("[0-9A-F]{32}");
    ApiClient made = client(created.body());
    ApiClient loaded =
        client(emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null).token());
    for (String content :
        List.of(
            "metadata",
            "instrument",
            "arm",
            "formEventMapping",
            "repeatingFormsEvents",
            "exportFieldNames")) {
      assertThat(made.post("content", content, "format", "csv").body())
          .as(content)
          .isEqualTo(loaded.post("content", content, "format", "csv").body());
    }
    // Events and DAGs match but for their ids, which every project gets afresh.
    for (String content : List.of("event", "dag")) {
      assertThat(withoutLastColumn(made.post("content", content, "format", "csv").csv()))
          .as(content)
          .isEqualTo(withoutLastColumn(loaded.post("content", content, "format", "csv").csv()))
          .isNotEmpty();
    }
    assertThat(
            made.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "exportSurveyFields",
                    "true",
                    "exportDataAccessGroups",
                    "true")
                .body())
        .isEqualTo(
            loaded
                .post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "exportSurveyFields",
                    "true",
                    "exportDataAccessGroups",
                    "true")
                .body());
    JsonNode info = json(made.post("content", "project", "format", "json"));
    assertThat(info.get("project_title").asText()).isEqualTo("Created by API");
    assertThat(info.get("is_longitudinal").asInt()).isEqualTo(1);
    assertThat(info.get("creation_time").asText())
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    assertThat(emulator.projects()).extracting(EmulatedProject::title).contains("Created by API");
    EmulatedProject p =
        emulator.projects().stream()
            .filter(x -> x.title().equals("Created by API"))
            .findFirst()
            .orElseThrow();
    assertThat(p.log()).extracting(e -> e.details()).contains("Create project (API)");
  }

  @Test
  void createProjectWithoutOdmIsRedcapsEmptyProject() throws Exception {
    ApiClient.Answer created =
        client(SUPER)
            .post(
                "content",
                "project",
                "format",
                "xml",
                "data",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><item><project_title>Empty</project_title><purpose>2</purpose>"
                    + "<is_longitudinal>1</is_longitudinal></item>");
    ApiClient made = client(created.body());
    JsonNode metadata = json(made.post("content", "metadata", "format", "json"));
    assertThat(metadata).hasSize(1);
    assertThat(metadata.get(0).get("field_name").asText()).isEqualTo("record_id");
    assertThat(metadata.get(0).get("form_name").asText()).isEqualTo("form_1");
    assertThat(
            json(made.post("content", "event", "format", "json"))
                .get(0)
                .get("unique_event_name")
                .asText())
        .isEqualTo("event_1_arm_1");
    assertThat(json(made.post("content", "project", "format", "json")).get("purpose").asInt())
        .isEqualTo(2);

    ApiClient.Answer noPurpose =
        client(SUPER)
            .post("content", "project", "format", "json", "data", "[{\"project_title\":\"x\"}]");
    assertThat(noPurpose.status()).isEqualTo(400);
    // The super token opens nothing else; a project token cannot create projects.
    assertThat(client(SUPER).post("content", "record", "format", "json").status()).isEqualTo(403);
    assertThat(
            made.post(
                    "content",
                    "project",
                    "format",
                    "json",
                    "data",
                    "[{\"project_title\":\"y\",\"purpose\":\"0\"}]")
                .status())
        .isEqualTo(403);
  }

  @Test
  void projectSettingsImportChangesWhatItNames() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient c = client(p.token());
    assertThat(
            c.post(
                    "content",
                    "project_settings",
                    "format",
                    "json",
                    "data",
                    "{\"project_title\":\"Renamed\",\"project_notes\":\"Some notes\",\"purpose\":\"3\",\"project_id\":\"999\"}")
                .body())
        .isEqualTo("3");
    JsonNode info = json(c.post("content", "project", "format", "json"));
    assertThat(info.get("project_title").asText()).isEqualTo("Renamed");
    assertThat(info.get("project_notes").asText()).isEqualTo("Some notes");
    assertThat(info.get("purpose").asInt()).isEqualTo(3);
    assertThat(info.get("project_id").asInt()).isEqualTo(p.projectId());
    assertThat(
            c.post("content", "project_settings", "format", "csv", "data", "is_longitudinal\n1\n")
                .body())
        .isEqualTo("1");
    assertThat(json(c.post("content", "project", "format", "json")).get("is_longitudinal").asInt())
        .isEqualTo(1);
    assertThat(p.log()).extracting(e -> e.details()).contains("Modify project settings (API)");
  }

  @Test
  void pdfIsAValidDocumentListingInstrumentsFieldsAndValues() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    HttpResponse<byte[]> blank = postBytes("token", p.token(), "content", "pdf");
    assertThat(blank.statusCode()).isEqualTo(200);
    assertThat(blank.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf; name=\"")
        .endsWith(".pdf\"");
    assertThat(new String(blank.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text = pdfText(blank.body());
    assertThat(text)
        .contains(
            "REDCapR: simple",
            "demographics",
            "health",
            "race_and_ethnicity",
            "First Name  [name_first]",
            "[height]",
            "[ ] 2, Asian");

    String one =
        pdfText(
            postBytes(
                    "token",
                    p.token(),
                    "content",
                    "pdf",
                    "record",
                    "1",
                    "instrument",
                    "demographics")
                .body());
    assertThat(one).contains("Record 1", "Nutmeg", "[name_first]").doesNotContain("[height]");
    String all =
        pdfText(postBytes("token", p.token(), "content", "pdf", "allRecords", "false").body());
    assertThat(all).contains("Record 1", "Record 5");

    String deidentified =
        p.addUser(
            UserSpec.builder("deid")
                .exportRight("demographics", 2)
                .exportRight("health", 0)
                .build());
    String limited =
        pdfText(postBytes("token", deidentified, "content", "pdf", "record", "1").body());
    assertThat(limited)
        .contains("[name_first]")
        .doesNotContain("Nutmeg")
        .doesNotContain("[height]");
    assertThat(postBytes("token", p.token(), "content", "pdf", "record", "nope").statusCode())
        .isEqualTo(400);
  }

  @Test
  void surveyLinksCodesAndParticipants() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null);
    ApiClient c = client(p.token());
    String base = emulator.url().replace("/api/", "/surveys/");
    String link =
        c.post(
                "content",
                "surveyLink",
                "record",
                "1",
                "instrument",
                "form_1",
                "event",
                "event_1_arm_1",
                "returnFormat",
                "csv")
            .body();
    assertThat(link).startsWith(base + "?s=").matches(".*\\?s=\\w+$");
    assertThat(
            c.post(
                    "content",
                    "surveyLink",
                    "record",
                    "1",
                    "instrument",
                    "form_1",
                    "event",
                    "event_1_arm_1")
                .body())
        .isEqualTo(link);
    assertThat(
            c.post(
                    "content",
                    "surveyLink",
                    "record",
                    "1",
                    "instrument",
                    "form_1",
                    "event",
                    "event_1_arm_1",
                    "repeat_instance",
                    "2")
                .body())
        .isNotEqualTo(link);
    assertThat(c.post("content", "surveyQueueLink", "record", "1").body())
        .startsWith(base + "?sq=");
    assertThat(
            c.post(
                    "content",
                    "surveyAccessCode",
                    "record",
                    "1",
                    "instrument",
                    "form_1",
                    "event",
                    "event_1_arm_1")
                .body())
        .hasSize(9);
    assertThat(
            c.post(
                    "content",
                    "surveyReturnCode",
                    "record",
                    "1",
                    "instrument",
                    "form_1",
                    "event",
                    "event_1_arm_1")
                .body())
        .hasSize(8)
        .matches("[A-Z0-9]{8}");
    ApiClient.Answer missing =
        c.post(
            "content",
            "surveyLink",
            "record",
            "-1",
            "instrument",
            "form_1",
            "event",
            "event_1_arm_1",
            "returnFormat",
            "csv");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).isEqualTo("ERROR: The record \"-1\" does not exist");

    JsonNode participants =
        json(
            c.post(
                "content",
                "participantList",
                "instrument",
                "form_1",
                "event",
                "event_1_arm_1",
                "format",
                "json"));
    List<String> records = new ArrayList<>();
    participants.forEach(r -> records.add(r.get("record").asText()));
    assertThat(records).containsExactly("1", "2", "3");
    JsonNode first = participants.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .startsWith(
            "email",
            "email_occurrence",
            "identifier",
            "record",
            "invitation_sent_status",
            "invitation_send_time",
            "response_status",
            "survey_access_code",
            "survey_link");
    assertThat(first.get("email").asText()).isEmpty();
    assertThat(first.get("survey_link").asText()).isEqualTo(link);

    // A project whose instrument is not a survey, and a user without Manage Survey Participants.
    EmulatedProject simple =
        emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    assertThat(
            client(simple.token())
                .post("content", "surveyLink", "record", "1", "instrument", "demographics")
                .status())
        .isEqualTo(400);
    String noSurveys =
        p.addUser(UserSpec.builder("nosurvey").right("manage_survey_participants", 0).build());
    assertThat(
            client(noSurveys)
                .post(
                    "content",
                    "surveyLink",
                    "record",
                    "1",
                    "instrument",
                    "form_1",
                    "event",
                    "event_1_arm_1")
                .body())
        .contains("'Manage Survey Participants' privileges");
  }

  @Test
  void surveyFieldsInRecordExports() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/survey"), null);
    List<String> header =
        client(p.token())
            .post("content", "record", "format", "csv", "exportSurveyFields", "true")
            .csv()
            .get(0);
    assertThat(header.subList(0, 3))
        .containsExactly(
            "participant_id", "redcap_survey_identifier", "prescreening_survey_timestamp");
    assertThat(client(p.token()).post("content", "record", "format", "csv").csv().get(0))
        .doesNotContain("redcap_survey_identifier", "prescreening_survey_timestamp");
  }
}
