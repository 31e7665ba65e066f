package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redcapjdbc.client.MockRedcap.array;
import static org.redcapjdbc.client.MockRedcap.one;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.RedcapException.Kind;

/** What record calls put on the wire (docs/redcap-api.md §2.1–2.3, §6b), and redirects. */
class RecordRequestWireTest {
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

  private static void drain(RowCursor c) {
    try (c) {
      while (c.next()) {
        // drain
      }
    }
  }

  @Test
  void everyExportParameterIsSentWithArraysIndexedAndRecordIdAdded() throws Exception {
    mock.json("[]");
    RecordExportRequest request =
        RecordExportRequest.builder()
            .records(List.of("1", "2"))
            .fields(
                List.of(
                    "age",
                    "redcap_event_name",
                    "race___1",
                    "race___2",
                    "redcap_repeat_instance",
                    "demographics_complete",
                    "redcap_data_access_group",
                    "redcap_survey_identifier",
                    "redcap_repeat_instrument"))
            .forms(List.of("health"))
            .events(List.of("baseline_arm_1", "visit_1_arm_1"))
            .rawOrLabel(RawOrLabel.LABEL)
            .rawOrLabelHeaders(RawOrLabel.RAW)
            .exportCheckboxLabel(true)
            .exportSurveyFields(false)
            .exportDataAccessGroups(true)
            .filterLogic("[age] >= 61")
            .dateRangeBegin(LocalDateTime.of(2024, 1, 2, 3, 4, 5))
            .dateRangeEnd("2024-12-31 23:59:59")
            .exportBlankForGrayFormStatus(true)
            .combineCheckboxOptions(false)
            .csvDelimiter(CsvDelimiter.PIPE)
            .decimalCharacter(DecimalCharacter.COMMA)
            .recordIdField("study_id")
            .build();
    drain(mock.client().records().export(request).bind(List.of("study_id")));
    Map<String, List<String>> form = mock.takeForm();
    assertThat(one(form, "content")).isEqualTo("record");
    assertThat(one(form, "format")).isEqualTo("json");
    assertThat(one(form, "returnFormat")).isEqualTo("json");
    assertThat(one(form, "type")).isEqualTo("flat");
    assertThat(array(form, "records")).containsExactly("1", "2");
    assertThat(array(form, "fields"))
        .containsExactly("study_id", "age", "race", "demographics_complete");
    assertThat(array(form, "forms")).containsExactly("health");
    assertThat(array(form, "events")).containsExactly("baseline_arm_1", "visit_1_arm_1");
    assertThat(one(form, "rawOrLabel")).isEqualTo("label");
    assertThat(one(form, "rawOrLabelHeaders")).isEqualTo("raw");
    assertThat(one(form, "exportCheckboxLabel")).isEqualTo("true");
    assertThat(one(form, "exportSurveyFields")).isEqualTo("false");
    assertThat(one(form, "exportDataAccessGroups")).isEqualTo("true");
    assertThat(one(form, "filterLogic")).isEqualTo("[age] >= 61");
    assertThat(one(form, "dateRangeBegin")).isEqualTo("2024-01-02 03:04:05");
    assertThat(one(form, "dateRangeEnd")).isEqualTo("2024-12-31 23:59:59");
    assertThat(one(form, "exportBlankForGrayFormStatus")).isEqualTo("true");
    assertThat(one(form, "combineCheckboxOptions")).isEqualTo("false");
    assertThat(one(form, "csvDelimiter")).isEqualTo("|");
    assertThat(one(form, "decimalCharacter")).isEqualTo(",");
    // No comma-joined or bracket-less array forms, no pseudo-fields anywhere.
    assertThat(form).doesNotContainKeys("fields", "records", "forms", "events", "fields[]");
    assertThat(form.values().toString())
        .doesNotContain("redcap_event_name")
        .doesNotContain("redcap_repeat_instance")
        .doesNotContain("redcap_data_access_group");
  }

  @Test
  void formsAloneAlsoGetTheRecordIdField() throws Exception {
    mock.json("[]");
    drain(
        mock.client()
            .records()
            .export(
                RecordExportRequest.builder()
                    .forms(List.of("health"))
                    .recordIdField("record_id")
                    .build())
            .bind(List.of("x")));
    Map<String, List<String>> form = mock.takeForm();
    assertThat(array(form, "fields")).containsExactly("record_id");
    assertThat(array(form, "forms")).containsExactly("health");
  }

  @Test
  void unrestrictedExportSendsNoFieldsAndNoOptionalParameters() throws Exception {
    mock.json("[]");
    drain(mock.client().records().export(RecordExportRequest.all()).bind(List.of("x")));
    Map<String, List<String>> form = mock.takeForm();
    assertThat(form.keySet()).containsExactly("token", "content", "format", "returnFormat", "type");
  }

  @Test
  void unknownRecordIdFieldIsLookedUpFromMetadataRowZero() throws Exception {
    mock.json(
        "[{\"field_name\":\"participant_id\",\"form_name\":\"intake\"},"
            + "{\"field_name\":\"age\",\"form_name\":\"intake\"}]");
    mock.json("[{\"participant_id\":\"1\",\"age\":\"40\"}]");
    RecordCursor c =
        mock.client()
            .records()
            .export(RecordExportRequest.builder().fields(List.of("age")).build())
            .bind(List.of("participant_id", "age"));
    assertThat(c.next()).isTrue();
    assertThat(c.value(0)).isEqualTo("1");
    c.close();
    assertThat(one(mock.takeForm(), "content")).isEqualTo("metadata");
    assertThat(array(mock.takeForm(), "fields")).containsExactly("participant_id", "age");
  }

  @Test
  void eavExportUsesTypeEavAndTheSameCursor() throws Exception {
    mock.json(
        "[{\"record\":\"1\",\"field_name\":\"race\",\"value\":\"3\"},"
            + "{\"record\":\"1\",\"field_name\":\"race\",\"value\":\"5\"}]");
    RecordCursor c =
        mock.client()
            .records()
            .export(RecordExportRequest.builder().type(ExportType.EAV).build())
            .bind(List.of("record", "field_name", "value"));
    assertThat(c.next()).isTrue();
    assertThat(c.value(2)).isEqualTo("3");
    assertThat(c.next()).isTrue();
    assertThat(c.value(2)).isEqualTo("5");
    assertThat(c.next()).isFalse();
    assertThat(one(mock.takeForm(), "type")).isEqualTo("eav");
  }

  @Test
  void csvExportStreamsQuotedValuesAndEmbeddedNewlinesForACsvParser() throws Exception {
    String csv =
        "record_id,name_first,address,telephone,comments\n"
            + "1,Nutmeg,\"14 Rose Cottage St.\nKenning UK, 323232\",\"(405) 321-1111\","
            + "\"Character in a book, with some guessing\"\n"
            + "4,Trudy,\"342 Elm\nDuncanville TX, 75116\",\"(405) 321-4444\",\"This record doesn't"
            + " have a DAG assigned\n\nSo call up \"\"Trudy\"\"\"\n";
    mock.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/csv; charset=utf-8")
            .body(csv)
            .build());
    try (RawResponse raw = mock.client().records().exportCsv(RecordExportRequest.all())) {
      assertThat(raw.contentType()).startsWith("text/csv");
      CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
      MappingIterator<List<String>> it =
          mapper.readerForListOf(String.class).readValues(raw.reader());
      List<List<String>> rows = it.readAll();
      assertThat(rows).hasSize(3);
      assertThat(rows.get(1))
          .containsExactly(
              "1",
              "Nutmeg",
              "14 Rose Cottage St.\nKenning UK," + " 323232",
              "(405) 321-1111",
              "Character in a book, with some guessing");
      assertThat(rows.get(2).get(4))
          .isEqualTo("This record doesn't have a DAG assigned\n\nSo call up \"Trudy\"");
    }
    assertThat(one(mock.takeForm(), "format")).isEqualTo("csv");
  }

  @Test
  void reportExportSendsReportIdAndOptions() throws Exception {
    mock.json("[{\"record_id\":\"1\",\"height\":\"7\"}]");
    RecordCursor c =
        mock.client()
            .records()
            .exportReport(
                ReportRequest.builder(12)
                    .rawOrLabel(RawOrLabel.RAW)
                    .rawOrLabelHeaders(RawOrLabel.LABEL)
                    .exportCheckboxLabel(false)
                    .csvDelimiter(CsvDelimiter.TAB)
                    .decimalCharacter(DecimalCharacter.PERIOD)
                    .build());
    assertThat(c.next()).isTrue();
    assertThat(c.columns()).containsExactly("record_id", "height");
    c.close();
    Map<String, List<String>> form = mock.takeForm();
    assertThat(one(form, "content")).isEqualTo("report");
    assertThat(one(form, "report_id")).isEqualTo("12");
    assertThat(one(form, "rawOrLabelHeaders")).isEqualTo("label");
    assertThat(one(form, "exportCheckboxLabel")).isEqualTo("false");
    assertThat(one(form, "csvDelimiter")).isEqualTo("tab");
    assertThat(one(form, "decimalCharacter")).isEqualTo(".");
  }

  @Test
  void redirect301IsRePostedWithTheSameBody() throws Exception {
    mock.enqueue(
        new MockResponse.Builder()
            .code(301)
            .setHeader("Location", mock.server.url("/redcap/api/").toString())
            .build());
    mock.json("[{\"record_id\":\"1\"}]");
    RecordCursor c =
        mock.client()
            .records()
            .export(
                RecordExportRequest.builder()
                    .fields(List.of("age"))
                    .recordIdField("record_id")
                    .build())
            .bind(List.of("record_id"));
    assertThat(c.next()).isTrue();
    c.close();
    RecordedRequest first = mock.take();
    RecordedRequest second = mock.take();
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(second.getUrl().encodedPath()).isEqualTo("/redcap/api/");
    assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8());
    assertThat(MockRedcap.parseForm(second.getBody().utf8()).get("token"))
        .containsExactly(MockRedcap.TOKEN);
    assertThat(mock.allLogText()).contains("redirects (HTTP 301)");
  }

  @Test
  void redirect302OnAnImportIsRePostedToo() throws Exception {
    mock.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/other/api/").build());
    mock.json("{\"count\":1}");
    RecordImportResult r =
        mock.client()
            .records()
            .importRecords(
                RecordImportRequest.builder().rows(List.of(Map.of("record_id", "1"))).build());
    assertThat(r.count()).isEqualTo(1);
    mock.take();
    RecordedRequest second = mock.take();
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(MockRedcap.parseForm(second.getBody().utf8())).containsKey("data");
  }

  @Test
  void endlessRedirectsStop() {
    for (int i = 0; i < 7; i++) {
      mock.enqueue(new MockResponse.Builder().code(307).setHeader("Location", "/api/").build());
    }
    RedcapException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RedcapException.class, () -> mock.client().project().exportInstruments());
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("redirected more than 5 times");
  }

  @Test
  void redirectToPlainHttpOnAnotherHostIsRefused() {
    mock.enqueue(
        new MockResponse.Builder()
            .code(301)
            .setHeader("Location", "http://redcap.example.edu/api/")
            .build());
    RedcapException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RedcapException.class, () -> mock.client().project().exportInstruments());
    assertThat(e.getMessage()).contains("Refusing plain http://");
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void importSendsDataAsAJsonArrayWithEveryOption() throws Exception {
    mock.json("[\"101,1\",\"102,2\"]");
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("record_id", 1);
    row.put("name", "Ann");
    row.put("blank", null);
    RecordImportResult r =
        mock.client()
            .records()
            .importRecords(
                RecordImportRequest.builder()
                    .rows(List.of(row, Map.of("record_id", "2")))
                    .overwriteBehavior(OverwriteBehavior.OVERWRITE)
                    .forceAutoNumber(true)
                    .dateFormat(DateFormat.MDY)
                    .returnContent(ReturnContent.AUTO_IDS)
                    .build());
    assertThat(r.autoIds())
        .containsExactly(
            new RecordImportResult.AutoId("101", "1"), new RecordImportResult.AutoId("102", "2"));
    assertThat(r.count()).isEqualTo(2);
    Map<String, List<String>> form = mock.takeForm();
    assertThat(one(form, "content")).isEqualTo("record");
    assertThat(one(form, "format")).isEqualTo("json");
    assertThat(one(form, "overwriteBehavior")).isEqualTo("overwrite");
    assertThat(one(form, "forceAutoNumber")).isEqualTo("true");
    assertThat(one(form, "dateFormat")).isEqualTo("MDY");
    assertThat(one(form, "returnContent")).isEqualTo("auto_ids");
    JsonNode data = Jsons.MAPPER.readTree(one(form, "data"));
    assertThat(data.isArray()).isTrue();
    assertThat(data.get(0).toString())
        .isEqualTo("{\"record_id\":1,\"name\":\"Ann\",\"blank\":\"\"}");
  }

  @Test
  void importResultShapesCountIdsNothingAndCsv() throws Exception {
    RecordsApi records = mock.client().records();
    mock.json("{\"count\": 3}");
    assertThat(
            records
                .importRecords(RecordImportRequest.builder().csv("record_id,age\n1,30\n").build())
                .count())
        .isEqualTo(3);
    assertThat(one(mock.takeForm(), "format")).isEqualTo("csv");
    mock.json("[\"1\",\"2\",\"3\"]");
    assertThat(
            records
                .importRecords(
                    RecordImportRequest.builder()
                        .rows(List.of(Map.of("a", 1)))
                        .returnContent(ReturnContent.IDS)
                        .build())
                .ids())
        .containsExactly("1", "2", "3");
    mock.json("");
    assertThat(
            records
                .importRecords(
                    RecordImportRequest.builder()
                        .rows(List.of(Map.of("a", 1)))
                        .returnContent(ReturnContent.NOTHING)
                        .build())
                .count())
        .isEqualTo(-1);
    mock.enqueue(new MockResponse.Builder().body("id\n7\n8\n").build());
    assertThat(
            records
                .importRecords(
                    RecordImportRequest.builder()
                        .rows(List.of(Map.of("a", 1)))
                        .returnContent(ReturnContent.IDS)
                        .build())
                .ids())
        .containsExactly("7", "8");
    mock.json("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><count>3</count>");
    assertThat(
            records
                .importRecords(RecordImportRequest.builder().rows(List.of(Map.of("a", 1))).build())
                .count())
        .isEqualTo(3);
  }

  @Test
  void deleteRenameAndNextRecordNameParameters() throws Exception {
    RecordsApi records = mock.client().records();
    mock.json("2");
    assertThat(records.deleteRecords(List.of("3", "4"), 2, "visit", "visit_1_arm_2", 3))
        .isEqualTo(2);
    Map<String, List<String>> del = mock.takeForm();
    assertThat(one(del, "action")).isEqualTo("delete");
    assertThat(array(del, "records")).containsExactly("3", "4");
    assertThat(one(del, "arm")).isEqualTo("2");
    assertThat(one(del, "instrument")).isEqualTo("visit");
    assertThat(one(del, "event")).isEqualTo("visit_1_arm_2");
    assertThat(one(del, "repeat_instance")).isEqualTo("3");

    mock.json("1");
    assertThat(records.renameRecord("1", "1001", 1)).isEqualTo(1);
    Map<String, List<String>> ren = mock.takeForm();
    assertThat(one(ren, "action")).isEqualTo("rename");
    assertThat(one(ren, "record")).isEqualTo("1");
    assertThat(one(ren, "new_record_name")).isEqualTo("1001");
    assertThat(one(ren, "arm")).isEqualTo("1");

    mock.enqueue(new MockResponse.Builder().body("20-1").build());
    assertThat(records.generateNextRecordName()).isEqualTo("20-1");
    Map<String, List<String>> next = mock.takeForm();
    assertThat(one(next, "content")).isEqualTo("generateNextRecordName");
    assertThat(one(next, "format")).isEqualTo("csv");
  }

  @Test
  void callsThatAreWrongBeforeSendingThrowIllegalArgument() {
    RecordsApi records = mock.client().records();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> records.deleteRecords(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> records.deleteRecords(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> records.renameRecord("", "2", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mock.server.getRequestCount()).isZero();
  }
}
