package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redcapjdbc.client.MockRedcap.array;
import static org.redcapjdbc.client.MockRedcap.one;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every structural call: the parameters it sends (content, action, format, arrays) and how the
 * answer, shaped as in docs/redcap-wire-samples.md, comes back.
 */
class StructureCallsTest {
  private MockRedcap mock;

  @BeforeEach
  void start() throws Exception {
    mock = new MockRedcap();
  }

  @AfterEach
  void stop() throws Exception {
    mock.assertTokenNeverLogged();
    mock.close();
  }

  private static final List<Map<String, Object>> ONE_ROW = List.of(Map.of("k", "v"));

  /** name, call, response body, expected single-valued params, expected array params, result. */
  static Stream<Arguments> calls() {
    return Stream.of(
        call(
            "metadata",
            c -> c.project().exportMetadata(List.of("age"), List.of("health")),
            "[{\"field_name\":\"record_id\",\"text_validation_min\":\"130\"}]",
            Map.of("content", "metadata", "format", "json", "returnFormat", "json"),
            Map.of("fields", List.of("age"), "forms", List.of("health")),
            "[{field_name=record_id, text_validation_min=130}]"),
        call(
            "fieldNames",
            c -> c.project().exportFieldNames("race"),
            "[{\"original_field_name\":\"race\",\"choice_value\":\"1\","
                + "\"export_field_name\":\"race___1\"}]",
            Map.of("content", "exportFieldNames", "field", "race"),
            Map.of(),
            "[{original_field_name=race, choice_value=1, export_field_name=race___1}]"),
        call(
            "instruments",
            c -> c.project().exportInstruments(),
            "[{\"instrument_name\":\"form_1\",\"instrument_label\":\"Form 1\"}]",
            Map.of("content", "instrument"),
            Map.of(),
            "[{instrument_name=form_1, instrument_label=Form 1}]"),
        call(
            "formEventMapping",
            c -> c.project().exportFormEventMappings(List.of(1, 2)),
            "[{\"arm_num\":1,\"unique_event_name\":\"event_1_arm_1\",\"form\":\"form_1\"}]",
            Map.of("content", "formEventMapping"),
            Map.of("arms", List.of("1", "2")),
            "[{arm_num=1, unique_event_name=event_1_arm_1, form=form_1}]"),
        call(
            "events",
            c -> c.project().exportEvents(List.of(1)),
            "[{\"event_name\":\"Event 1\",\"arm_num\":1,\"unique_event_name\":\"event_1_arm_1\","
                + "\"custom_event_label\":null,\"event_id\":2888}]",
            Map.of("content", "event"),
            Map.of("arms", List.of("1")),
            "[{event_name=Event 1, arm_num=1, unique_event_name=event_1_arm_1, "
                + "custom_event_label=, event_id=2888}]"),
        call(
            "arms",
            c -> c.project().exportArms(List.of()),
            "[{\"arm_num\":1,\"name\":\"Drug A\"}]",
            Map.of("content", "arm"),
            Map.of(),
            "[{arm_num=1, name=Drug A}]"),
        call(
            "repeating",
            c -> c.project().exportRepeatingFormsEvents(),
            "[{\"event_name\":\"event_1_arm_1\",\"form_name\":\"\",\"custom_form_label\":\"\"}]",
            Map.of("content", "repeatingFormsEvents"),
            Map.of(),
            "[{event_name=event_1_arm_1, form_name=, custom_form_label=}]"),
        call(
            "projectInfo",
            c -> c.project().exportProjectInfo(),
            "{\"project_id\":33,\"project_title\":\"REDCapR: simple\",\"in_production\":0,"
                + "\"purpose_other\":\"\",\"bypass_branching_erase_field_prompt\":0}",
            Map.of("content", "project", "format", "json"),
            Map.of(),
            "{project_id=33, project_title=REDCapR: simple, in_production=0, purpose_other=, "
                + "bypass_branching_erase_field_prompt=0}"),
        call(
            "version",
            c -> c.project().exportVersion(),
            "15.2.1",
            Map.of("content", "version", "format", "csv", "returnFormat", "csv"),
            Map.of(),
            "15.2.1"),
        call(
            "logging",
            c ->
                c.project()
                    .exportLogging(
                        LogRequest.builder()
                            .logType(LogType.RECORD_EDIT)
                            .user("alice")
                            .record("5")
                            .dag("dag_1")
                            .beginTime(java.time.LocalDateTime.of(2024, 10, 11, 0, 0))
                            .endTime("2024-10-11 24:00")
                            .build()),
            "[{\"timestamp\":\"2024-10-11 10:44\",\"username\":\"u\",\"action\":"
                + "\"Manage/Design \",\"details\":\"Export Logging (API)\",\"record\":\"\"}]",
            Map.of(
                "content",
                "log",
                "logtype",
                "record_edit",
                "user",
                "alice",
                "record",
                "5",
                "dag",
                "dag_1",
                "beginTime",
                "2024-10-11 00:00",
                "endTime",
                "2024-10-11 24:00"),
            Map.of(),
            "[{timestamp=2024-10-11 10:44, username=u, action=Manage/Design , "
                + "details=Export Logging (API), record=}]"),
        call(
            "users",
            c -> c.users().exportUsers(),
            "[{\"username\":\"u\",\"expiration\":\"\",\"design\":1,\"forms\":{\"form_1\":1,"
                + "\"form_2\":130},\"forms_export\":{\"form_1\":1}}]",
            Map.of("content", "user"),
            Map.of(),
            "[{username=u, expiration=, design=1, forms=form_1:1,form_2:130, forms_export=form_1:1}]"),
        call(
            "userRoles",
            c -> c.users().exportUserRoles(),
            "[{\"unique_role_name\":\"U-942MC93HH8\",\"role_label\":\"Test role\",\"design\":\"0\","
                + "\"forms\":{\"form_1\":2}}]",
            Map.of("content", "userRole"),
            Map.of(),
            "[{unique_role_name=U-942MC93HH8, role_label=Test role, design=0, forms=form_1:2}]"),
        call(
            "userRoleMappings",
            c -> c.users().exportUserRoleMappings(),
            "[{\"username\":\"u\",\"unique_role_name\":\"\",\"data_access_group\":\"\"}]",
            Map.of("content", "userRoleMapping"),
            Map.of(),
            "[{username=u, unique_role_name=, data_access_group=}]"),
        call(
            "dags",
            c -> c.users().exportDags(),
            "[{\"data_access_group_name\":\"Test DAG\",\"unique_group_name\":\"test_dag\","
                + "\"data_access_group_id\":1}]",
            Map.of("content", "dag"),
            Map.of(),
            "[{data_access_group_name=Test DAG, unique_group_name=test_dag, "
                + "data_access_group_id=1}]"),
        call(
            "userDagMappings",
            c -> c.users().exportUserDagMappings(),
            "[{\"username\":\"u\",\"redcap_data_access_group\":\"test_dag\"}]",
            Map.of("content", "userDagMapping"),
            Map.of(),
            "[{username=u, redcap_data_access_group=test_dag}]"),
        call(
            "repositoryList",
            c -> c.files().listRepository(3),
            "[{\"folder_id\":7,\"name\":\"New Folder\"},{\"doc_id\":6652,\"name\":\"a.jpg\"}]",
            Map.of("content", "fileRepository", "action", "list", "folder_id", "3"),
            Map.of(),
            "[{folder_id=7, name=New Folder}, {doc_id=6652, name=a.jpg}]"),
        call(
            "participantList",
            c -> c.surveys().participantList("form_1", "event_1_arm_1"),
            "[{\"email\":\"\",\"record\":\"1\",\"survey_access_code\":\"ABC\"}]",
            Map.of("content", "participantList", "instrument", "form_1", "event", "event_1_arm_1"),
            Map.of(),
            "[{email=, record=1, survey_access_code=ABC}]"),
        call(
            "surveyLink",
            c -> c.surveys().surveyLink("1", "form_1", "event_1_arm_1", 2),
            "https://redcap.example.edu/surveys/?s=EHXE4PNJW8E3MDAE",
            Map.of(
                "content",
                "surveyLink",
                "record",
                "1",
                "instrument",
                "form_1",
                "event",
                "event_1_arm_1",
                "repeat_instance",
                "2",
                "returnFormat",
                "csv"),
            Map.of(),
            "https://redcap.example.edu/surveys/?s=EHXE4PNJW8E3MDAE"),
        call(
            "surveyQueueLink",
            c -> c.surveys().surveyQueueLink("1"),
            "https://redcap.example.edu/surveys/?sq=XYZ",
            Map.of("content", "surveyQueueLink", "record", "1"),
            Map.of(),
            "https://redcap.example.edu/surveys/?sq=XYZ"),
        call(
            "surveyReturnCode",
            c -> c.surveys().surveyReturnCode("1", "form_1", null, null),
            "ABCD1234",
            Map.of("content", "surveyReturnCode", "record", "1"),
            Map.of(),
            "ABCD1234"),
        call(
            "surveyAccessCode",
            c -> c.surveys().surveyAccessCode("1", "form_1", null, null),
            "ABCD12345",
            Map.of("content", "surveyAccessCode", "instrument", "form_1"),
            Map.of(),
            "ABCD12345"),
        // Imports: JSON data, the right action, the count back.
        call(
            "importMetadata",
            c -> c.project().importMetadata(ONE_ROW),
            "15",
            Map.of("content", "metadata", "format", "json", "data", "[{\"k\":\"v\"}]"),
            Map.of(),
            "15"),
        call(
            "importArms",
            c -> c.project().importArms(ONE_ROW, true),
            "2",
            Map.of("content", "arm", "action", "import", "override", "1"),
            Map.of(),
            "2"),
        call(
            "importEvents",
            c -> c.project().importEvents(ONE_ROW, false),
            "{\"count\":16}",
            Map.of("content", "event", "action", "import", "override", "0"),
            Map.of(),
            "16"),
        call(
            "importMappings",
            c -> c.project().importFormEventMappings(ONE_ROW),
            "44",
            Map.of("content", "formEventMapping", "action", "import"),
            Map.of(),
            "44"),
        call(
            "importRepeating",
            c -> c.project().importRepeatingFormsEvents(ONE_ROW),
            "1",
            Map.of("content", "repeatingFormsEvents", "data", "[{\"k\":\"v\"}]"),
            Map.of(),
            "1"),
        call(
            "importSettings",
            c -> c.project().importProjectSettings(Map.of("project_title", "New")),
            "1",
            Map.of("content", "project_settings", "data", "{\"project_title\":\"New\"}"),
            Map.of(),
            "1"),
        call(
            "importUsers",
            c ->
                c.users()
                    .importUsers(List.of(ordered("username", "u", "forms", "form_1:1,form_2:0"))),
            "1",
            Map.of(
                "content",
                "user",
                "data",
                "[{\"username\":\"u\",\"forms\":{\"form_1\":1,\"form_2\":0}}]"),
            Map.of(),
            "1"),
        call(
            "importUserRoles",
            c -> c.users().importUserRoles(List.of(Map.of("role_label", "New Role"))),
            "1",
            Map.of("content", "userRole", "data", "[{\"role_label\":\"New Role\"}]"),
            Map.of(),
            "1"),
        call(
            "importUserRoleMappings",
            c -> c.users().importUserRoleMappings(ONE_ROW),
            "1",
            Map.of("content", "userRoleMapping", "action", "import"),
            Map.of(),
            "1"),
        call(
            "importDags",
            c -> c.users().importDags(ONE_ROW),
            "1",
            Map.of("content", "dag", "action", "import"),
            Map.of(),
            "1"),
        call(
            "importUserDagMappings",
            c -> c.users().importUserDagMappings(ONE_ROW),
            "1",
            Map.of("content", "userDagMapping", "action", "import"),
            Map.of(),
            "1"),
        // Deletes and the DAG switch.
        call(
            "deleteArms",
            c -> c.project().deleteArms(List.of(2)),
            "1",
            Map.of("content", "arm", "action", "delete"),
            Map.of("arms", List.of("2")),
            "1"),
        call(
            "deleteEvents",
            c -> c.project().deleteEvents(List.of("e_arm_1")),
            "1",
            Map.of("content", "event", "action", "delete"),
            Map.of("events", List.of("e_arm_1")),
            "1"),
        call(
            "deleteUsers",
            c -> c.users().deleteUsers(List.of("a", "b")),
            "2",
            Map.of("content", "user", "action", "delete"),
            Map.of("users", List.of("a", "b")),
            "2"),
        call(
            "deleteUserRoles",
            c -> c.users().deleteUserRoles(List.of("U-1")),
            "1",
            Map.of("content", "userRole", "action", "delete"),
            Map.of("roles", List.of("U-1")),
            "1"),
        call(
            "deleteDags",
            c -> c.users().deleteDags(List.of("new_dag")),
            "1",
            Map.of("content", "dag", "action", "delete"),
            Map.of("dags", List.of("new_dag")),
            "1"),
        call(
            "switchDag",
            c -> c.users().switchDag("dag_2"),
            "1",
            Map.of("content", "dag", "action", "switch", "dag", "dag_2"),
            Map.of(),
            "1"),
        call(
            "createFolder",
            c -> c.files().createRepositoryFolder("New Folder", 3, 4, 5),
            "[{\"folder_id\":12}]",
            Map.of(
                "content",
                "fileRepository",
                "action",
                "createFolder",
                "name",
                "New Folder",
                "folder_id",
                "3",
                "dag_id",
                "4",
                "role_id",
                "5"),
            Map.of(),
            "12"));
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Arguments call(
      String name,
      Function<RedcapClient, Object> call,
      String body,
      Map<String, String> params,
      Map<String, List<String>> arrays,
      String expected) {
    return Arguments.of(name, call, body, params, arrays, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void sendsItsParametersAndReadsItsAnswer(
      String name,
      Function<RedcapClient, Object> call,
      String body,
      Map<String, String> params,
      Map<String, List<String>> arrays,
      String expected)
      throws Exception {
    mock.enqueue(new MockResponse.Builder().body(body).build());
    Object result = call.apply(mock.client());
    assertThat(String.valueOf(result)).isEqualTo(expected);
    Map<String, List<String>> form = mock.takeForm();
    params.forEach((k, v) -> assertThat(one(form, k)).as(k).isEqualTo(v));
    arrays.forEach((k, v) -> assertThat(array(form, k)).as(k).isEqualTo(v));
    assertThat(form.keySet()).as("no bare array names").noneMatch(k -> arrays.containsKey(k));
  }

  @Test
  void projectXmlStreamsTheOdmDocument() throws Exception {
    String odm = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><ODM></ODM>";
    mock.enqueue(
        new MockResponse.Builder().setHeader("Content-Type", "application/xml").body(odm).build());
    try (RawResponse r =
        mock.client()
            .project()
            .exportProjectXml(
                ProjectXmlRequest.builder()
                    .returnMetadataOnly(true)
                    .records(List.of("1"))
                    .fields(List.of("age"))
                    .events(List.of("e_arm_1"))
                    .filterLogic("[age]>1")
                    .exportSurveyFields(true)
                    .exportDataAccessGroups(true)
                    .exportFiles(false)
                    .build())) {
      assertThat(r.text()).isEqualTo(odm);
    }
    Map<String, List<String>> form = mock.takeForm();
    assertThat(one(form, "content")).isEqualTo("project_xml");
    assertThat(one(form, "returnMetadataOnly")).isEqualTo("true");
    assertThat(array(form, "records")).containsExactly("1");
    assertThat(one(form, "exportFiles")).isEqualTo("false");
  }

  @Test
  void pdfComesBackAsAFileWithItsName() throws Exception {
    mock.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/pdf; name=\"form_1.pdf\"")
            .body("%PDF-1.3\n3 0 obj\n")
            .build());
    FileContent pdf =
        mock.client()
            .project()
            .exportPdf(
                PdfRequest.builder()
                    .record("1")
                    .event("event_1_arm_1")
                    .instrument("form_1")
                    .repeatInstance(2)
                    .compactDisplay(true)
                    .allRecords()
                    .build());
    assertThat(pdf.fileName()).isEqualTo("form_1.pdf");
    assertThat(pdf.mimeType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.content(), java.nio.charset.StandardCharsets.US_ASCII))
        .startsWith("%PDF-1.3");
    Map<String, List<String>> form = mock.takeForm();
    assertThat(one(form, "content")).isEqualTo("pdf");
    assertThat(one(form, "allRecords")).isEqualTo("true");
    assertThat(one(form, "repeat_instance")).isEqualTo("2");
    assertThat(one(form, "compactDisplay")).isEqualTo("true");
  }

  @Test
  void createProjectReturnsTheNewTokenEvenAfterDebugOutputAndNeverLogsIt() throws Exception {
    String newToken = "FEDCBA9876543210FEDCBA9876543210";
    mock.enqueue(new MockResponse.Builder().body("INSERT INTO redcap_x …;\n" + newToken).build());
    ApiToken token =
        mock.client()
            .project()
            .createProject(Map.of("project_title", "Demo", "purpose", 0), "<ODM/>");
    assertThat(token.reveal()).isEqualTo(newToken);
    assertThat(token.toString()).doesNotContain(newToken);
    assertThat(mock.allLogText()).doesNotContain(newToken);
    Map<String, List<String>> form = mock.takeForm();
    assertThat(one(form, "content")).isEqualTo("project");
    assertThat(one(form, "odm")).isEqualTo("<ODM/>");
    assertThat(Jsons.MAPPER.readTree(one(form, "data")).get(0).get("project_title").asText())
        .isEqualTo("Demo");
  }

  @Test
  void projectInfoMustBeAnObject() {
    mock.json("[{\"project_id\":1}]");
    assertThatThrownBy(() -> mock.client().project().exportProjectInfo())
        .isInstanceOf(RedcapException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void structuralTruncationIsAnError() {
    mock.json("[{\"arm_num\":1,\"name\":\"Drug A\"},{\"arm_num\":2,");
    assertThatThrownBy(() -> mock.client().project().exportArms(List.of()))
        .isInstanceOf(RedcapException.class)
        .hasMessageContaining("incomplete");
  }

  @Test
  void recordIdFieldIsMetadataRowZero() {
    mock.json("[{\"field_name\":\"study_id\"},{\"field_name\":\"age\"}]");
    assertThat(mock.client().project().recordIdField()).isEqualTo("study_id");
    mock.json("[]");
    assertThatThrownBy(() -> mock.client().project().recordIdField())
        .isInstanceOf(RedcapException.class)
        .hasMessageContaining("dictionary is empty");
  }

  @Test
  void plainTextCallsRecogniseErrorsSentWith200() {
    mock.enqueue(
        new MockResponse.Builder().body("ERROR: The record \"-1\" does not exist").build());
    RedcapException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RedcapException.class, () -> mock.client().surveys().surveyQueueLink("-1"));
    assertThat(e.redcapMessage()).isEqualTo("The record \"-1\" does not exist");
  }

  @Test
  void emptyArgumentsFailBeforeAnyRequest() {
    RedcapClient c = mock.client();
    assertThatThrownBy(() -> c.project().deleteArms(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.users().deleteUsers(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.users().switchDag(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.surveys().surveyLink("", "form_1", null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.project().createProject(Map.of("project_title", "x"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mock.server.getRequestCount()).isZero();
  }
}
