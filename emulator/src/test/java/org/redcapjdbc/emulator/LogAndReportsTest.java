package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redcapjdbc.emulator.ApiClient.column;
import static org.redcapjdbc.emulator.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.model.LogEntry;

/** The log (every change leaves an entry; content=log and its filters) and report exports. */
class LogAndReportsTest {
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

  @Test
  void everyChangeIsLoggedWithUserAndTime() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    assertThat(p.log()).isEmpty();
    ApiClient admin = new ApiClient(emulator.url(), p.token());
    LocalDateTime before = LocalDateTime.now().withNano(0).minusSeconds(1);
    admin.post(
        "content",
        "record",
        "format",
        "json",
        "data",
        "[{\"record_id\":\"6\",\"name_first\":\"Six\",\"race___2\":\"1\"},{\"record_id\":\"1\",\"name_last\":\"Mouse\"}]");
    admin.post("content", "record", "action", "rename", "record", "6", "new_record_name", "60");
    admin.post("content", "record", "action", "delete", "records", "2");
    admin.post("content", "metadata", "format", "json");
    String metadata = admin.post("content", "metadata", "format", "csv").body();
    admin.post("content", "metadata", "format", "csv", "data", metadata);
    List<LogEntry> log = p.log();
    assertThat(log)
        .extracting(LogEntry::action)
        .containsSubsequence(
            "Create record (API) 6",
            "Update record (API) 1",
            "Update record (API) 60",
            "Delete record (API) 2",
            LogEntry.MANAGE_DESIGN);
    LogEntry created =
        log.stream()
            .filter(e -> e.action().equals("Create record (API) 6"))
            .findFirst()
            .orElseThrow();
    assertThat(created.username()).isEqualTo("emulator_admin");
    assertThat(created.type()).isEqualTo(LogEntry.RECORD_ADD);
    assertThat(created.record()).isEqualTo("6");
    assertThat(created.details())
        .contains("record_id = '6'", "name_first = 'Six'", "race(2) = checked");
    assertThat(created.timestamp()).isAfterOrEqualTo(before).isBeforeOrEqualTo(LocalDateTime.now());
    LogEntry updated =
        log.stream()
            .filter(e -> e.action().equals("Update record (API) 1"))
            .findFirst()
            .orElseThrow();
    assertThat(updated.details()).isEqualTo("name_last = 'Mouse'");
    assertThat(log)
        .anySatisfy(e -> assertThat(e.details()).isEqualTo("Upload data dictionary (API)"));
    assertThat(log)
        .anySatisfy(e -> assertThat(e.details()).isEqualTo("Export data dictionary (API)"));
    // Entries are oldest first, ids increasing, as a live server lists them.
    for (int i = 1; i < log.size(); i++) {
      assertThat(log.get(i).id()).isGreaterThan(log.get(i - 1).id());
    }
  }

  @Test
  void eachWriteMethodLeavesAnEntry() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null);
    ApiClient c = new ApiClient(emulator.url(), p.token());
    String mapping = c.post("content", "formEventMapping", "format", "csv").body();
    String repeating = c.post("content", "repeatingFormsEvents", "format", "csv").body();
    String metadata = c.post("content", "metadata", "format", "csv").body();
    List<String[]> changes =
        List.of(
            new String[] {
              "content",
              "arm",
              "action",
              "import",
              "format",
              "json",
              "data",
              "[{\"arm_num\":\"1\",\"name\":\"Arm One\"}]"
            },
            new String[] {
              "content",
              "event",
              "action",
              "import",
              "format",
              "json",
              "data",
              "[{\"event_name\":\"Event 3\",\"arm_num\":\"1\"}]"
            },
            new String[] {"content", "event", "action", "delete", "events[0]", "event_3_arm_1"},
            new String[] {"content", "formEventMapping", "format", "csv", "data", mapping},
            new String[] {"content", "repeatingFormsEvents", "format", "csv", "data", repeating},
            new String[] {"content", "metadata", "format", "csv", "data", metadata},
            new String[] {
              "content", "project_settings", "format", "json", "data", "{\"project_notes\":\"n\"}"
            },
            new String[] {
              "content",
              "dag",
              "action",
              "import",
              "format",
              "json",
              "data",
              "[{\"data_access_group_name\":\"Other\",\"unique_group_name\":\"\"}]"
            },
            new String[] {
              "content",
              "userDagMapping",
              "action",
              "import",
              "format",
              "json",
              "data",
              "[{\"username\":\"emulator_admin\",\"redcap_data_access_group\":\"\"}]"
            },
            new String[] {
              "content", "user", "format", "json", "data", "[{\"username\":\"newbie\"}]"
            },
            new String[] {
              "content", "userRole", "format", "json", "data", "[{\"role_label\":\"R\"}]"
            },
            new String[] {
              "content",
              "record",
              "format",
              "json",
              "data",
              "[{\"record_id\":\"4\",\"field_1\":\"1\"}]"
            },
            new String[] {
              "content", "record", "action", "rename", "record", "4", "new_record_name", "40"
            },
            new String[] {"content", "record", "action", "delete", "records[0]", "40"});
    for (String[] change : changes) {
      long before = p.log().stream().filter(e -> !e.type().equals(LogEntry.EXPORT)).count();
      ApiClient.Answer a = c.post(change);
      assertThat(a.status()).as(String.join(" ", change) + ": " + a.body()).isEqualTo(200);
      assertThat(p.log().stream().filter(e -> !e.type().equals(LogEntry.EXPORT)).count())
          .as(String.join(" ", change))
          .isGreaterThan(before);
      List<LogEntry> log = p.log();
      assertThat(log.get(log.size() - 1).username()).isEqualTo("emulator_admin");
    }
  }

  @Test
  void logExportShapeAndFilters() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient admin = new ApiClient(emulator.url(), p.token());
    String token = p.addUser(UserSpec.builder("site2").dag("dag_2").build());
    ApiClient site2 = new ApiClient(emulator.url(), token);
    admin.post(
        "content",
        "record",
        "format",
        "json",
        "data",
        "[{\"record_id\":\"7\",\"name_first\":\"Line\\none\"}]");
    site2.post(
        "content",
        "record",
        "format",
        "json",
        "data",
        "[{\"record_id\":\"8\",\"name_first\":\"Eight\"}]");
    admin.post("content", "record", "action", "delete", "records", "7");

    ApiClient.Answer csv = admin.post("content", "log", "format", "csv");
    List<List<String>> rows = csv.csv();
    assertThat(rows.get(0)).containsExactly("timestamp", "username", "action", "details", "record");
    assertThat(rows.get(1).get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    // Oldest first: the first change of this test leads (a live log starts with the project's
    // creation).
    assertThat(rows.get(1).get(2)).isEqualTo("Create record (API) 7");
    assertThat(rows.get(rows.size() - 1).get(2)).isEqualTo("Delete record (API) 7");

    JsonNode records = json(admin.post("content", "log", "format", "json", "logtype", "record"));
    assertThat(column(records, "action"))
        .containsExactly("Create record (API) 7", "Create record (API) 8", "Delete record (API) 7");
    assertThat(records.get(0).get("details").asText()).contains("name_first = 'Line one'");
    assertThat(
            column(
                json(admin.post("content", "log", "format", "json", "logtype", "record_add")),
                "record"))
        .containsExactly("7", "8");
    assertThat(
            column(json(admin.post("content", "log", "format", "json", "user", "site2")), "action"))
        .containsExactly("Create record (API) 8");
    assertThat(
            column(json(admin.post("content", "log", "format", "json", "record", "7")), "action"))
        .containsExactly("Create record (API) 7", "Delete record (API) 7");
    admin.post("content", "record", "format", "json");
    JsonNode exports = json(admin.post("content", "log", "format", "json", "logtype", "export"));
    JsonNode lastExport = exports.get(exports.size() - 1);
    assertThat(lastExport.get("action").asText()).isEqualTo("Data export");
    assertThat(lastExport.get("details").asText()).isEqualTo("Export records (API)");
    assertThat(
            column(
                json(admin.post("content", "log", "format", "json", "dag", "dag_2")), "username"))
        .containsOnly("site2");
    // The log export itself is logged (after it answered), so it is the newest, last, entry.
    JsonNode manage = json(admin.post("content", "log", "format", "json", "logtype", "manage"));
    JsonNode newest = manage.get(manage.size() - 1);
    assertThat(newest.get("details").asText()).isEqualTo("Export Logging (API)");
    assertThat(newest.get("action").asText()).isEqualTo("Manage/Design ");

    String today = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd"));
    assertThat(
            json(
                admin.post(
                    "content",
                    "log",
                    "format",
                    "json",
                    "beginTime",
                    today + " 00:00",
                    "endTime",
                    today + " 24:00",
                    "logtype",
                    "record")))
        .hasSize(3);
    assertThat(json(admin.post("content", "log", "format", "json", "endTime", "2001-01-01 00:00")))
        .isEmpty();
    assertThat(admin.post("content", "log", "format", "json", "logtype", "nonsense").status())
        .isEqualTo(400);

    // A DAG user sees only its group's entries; a user without the Logging right is refused.
    assertThat(column(json(site2.post("content", "log", "format", "json")), "username"))
        .containsOnly("site2");
    ApiClient noLog =
        new ApiClient(
            emulator.url(), p.addUser(UserSpec.builder("nolog").right("logging", 0).build()));
    assertThat(noLog.post("content", "log", "format", "json").body())
        .contains("'Logging' privileges");
  }

  @Test
  void reportExportsTheReportsFieldsInReportOrder() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient admin = new ApiClient(emulator.url(), p.token());
    ApiClient.Answer a =
        admin.post(
            "content",
            "report",
            "report_id",
            "1",
            "format",
            "csv",
            "rawOrLabel",
            "raw",
            "rawOrLabelHeaders",
            "raw",
            "exportCheckboxLabel",
            "false");
    List<List<String>> rows = a.csv();
    assertThat(rows.get(0))
        .containsExactly("record_id", "height", "health_complete", "address", "ethnicity");
    assertThat(rows).hasSize(6);
    // "remove line breaks": the address's line break became a space; the record export keeps it.
    assertThat(rows.get(1).get(3)).doesNotContain("\n").contains("St. ").contains("Kenning UK");
    JsonNode record1 =
        json(
            admin.post("content", "record", "format", "json", "records", "1", "fields", "address"));
    assertThat(record1.get(0).get("address").asText()).contains("\n");
    // By unique name too; checkboxes expanded; type is ignored.
    JsonNode byName =
        json(
            admin.post(
                "content", "report", "report_id", "R-2338YHPD7Y", "format", "json", "type", "eav"));
    assertThat(byName.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "record_id", "race___1", "race___2", "race___3", "race___4", "race___5", "race___6");
    JsonNode labels =
        json(
            admin.post(
                "content", "report", "report_id", "1", "format", "json", "rawOrLabel", "label"));
    assertThat(labels.get(0).get("health_complete").asText())
        .isIn("Incomplete", "Unverified", "Complete");
    assertThat(admin.post("content", "report", "report_id", "9", "format", "json").status())
        .isEqualTo(400);
    // Export rights apply.
    ApiClient limited =
        new ApiClient(
            emulator.url(),
            p.addUser(
                UserSpec.builder("lim")
                    .exportRight("health", 0)
                    .exportRight("demographics", 2)
                    .build()));
    assertThat(limited.post("content", "report", "report_id", "1", "format", "csv").csv().get(0))
        .containsExactly("record_id", "ethnicity");
  }

  @Test
  void reportFilterLogicAndKeyColumnsInALongitudinalProject() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null);
    ApiClient admin = new ApiClient(emulator.url(), p.token());
    JsonNode rows = json(admin.post("content", "report", "report_id", "1", "format", "json"));
    // ([event-name][field_1] = "1"): records 1 and 3.
    assertThat(column(rows, "record_id")).containsExactly("1", "3");
    assertThat(rows.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "record_id",
            "redcap_event_name",
            "redcap_repeat_instrument",
            "redcap_repeat_instance",
            "checkbox_field___1",
            "checkbox_field___2");
    assertThat(rows.get(0).get("redcap_repeat_instance").isNumber()).isTrue();
  }
}
