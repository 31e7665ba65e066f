package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redcapjdbc.emulator.ApiClient.column;
import static org.redcapjdbc.emulator.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.model.LogEntry;

/** Users, roles and their mappings, and the rights tokens carry: what each user can export and import. */
class AccessMethodsTest {
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

  private static EmulatedProject load(String fixture) {
    return emulator.loadProject(Fixtures.path(fixture), null);
  }

  private static ApiClient client(String token) {
    return new ApiClient(emulator.url(), token);
  }

  private static List<String> keys(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void userExportHasRedcapsKeysNumbersAndFormObjects() throws Exception {
    EmulatedProject p = load("redcapr/simple/project.xml");
    JsonNode users = json(client(p.token()).post("content", "user", "format", "json"));
    assertThat(users).hasSize(1);
    JsonNode admin = users.get(0);
    assertThat(keys(admin))
        .startsWith(
            "username",
            "email",
            "firstname",
            "lastname",
            "expiration",
            "data_access_group",
            "data_access_group_id",
            "data_access_group_label",
            "design",
            "alerts",
            "user_rights")
        .endsWith("lock_records_customization", "forms", "forms_export")
        .hasSize(36);
    assertThat(admin.get("design").isNumber()).isTrue();
    assertThat(admin.get("api_export").asInt()).isEqualTo(1);
    assertThat(admin.get("data_access_group").asText()).isEmpty();
    assertThat(admin.get("forms").isObject()).isTrue();
    assertThat(keys(admin.get("forms")))
        .containsExactly("demographics", "health", "race_and_ethnicity");
    assertThat(admin.get("forms").get("health").isNumber()).isTrue();

    String xml = client(p.token()).post("content", "user", "format", "xml").body();
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<users>\n<item><username>")
        .endsWith("</users>\n");
    ApiClient.Answer csv = client(p.token()).post("content", "user", "format", "csv");
    List<List<String>> rows = csv.csv();
    int forms = rows.get(0).indexOf("forms");
    assertThat(rows.get(1).get(forms)).isEqualTo("demographics:1,health:1,race_and_ethnicity:1");
  }

  @Test
  void aUserInADagSeesOnlyItsRecordsAndNoDagColumn() throws Exception {
    EmulatedProject p = load("redcapr/simple/project.xml");
    String token = p.addUser(UserSpec.builder("site_two").dag("dag_2").build());
    ApiClient dagUser = client(token);
    JsonNode rows =
        json(dagUser.post("content", "record", "format", "json", "exportDataAccessGroups", "true"));
    JsonNode all =
        json(
            client(p.token())
                .post("content", "record", "format", "json", "exportDataAccessGroups", "true"));
    List<String> expected = new ArrayList<>();
    all.forEach(
        r -> {
          if (r.get("redcap_data_access_group").asText().equals("dag_2")) {
            expected.add(r.get("record_id").asText());
          }
        });
    assertThat(expected).isNotEmpty();
    assertThat(column(rows, "record_id")).containsExactlyElementsOf(expected);
    assertThat(rows.get(0).has("redcap_data_access_group")).isFalse();

    for (String content : List.of("dag", "userDagMapping")) {
      ApiClient.Answer refused = dagUser.post("content", content, "format", "json");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body())
          .isEqualTo(
              "{\"error\":\"You do not have permission to export/import/delete Data Access"
                  + " Groups because you have beed assigned to a Data Access Group..\"}");
    }
    // A DAG user's export of users shows its group.
    JsonNode users = json(client(p.token()).post("content", "user", "format", "json"));
    JsonNode site = users.get(column(users, "username").indexOf("site_two"));
    assertThat(site.get("data_access_group").asText()).isEqualTo("dag_2");
    assertThat(site.get("data_access_group_label").asText()).isEqualTo("dag_2");
    assertThat(site.get("data_access_group_id").asInt()).isPositive();
  }

  @Test
  void importsByADagUserJoinItsDagAndCannotTouchOtherGroups() throws Exception {
    EmulatedProject p = load("redcapr/simple/project.xml");
    ApiClient admin = client(p.token());
    String token = p.addUser(UserSpec.builder("site_one").dag("dag_1").build());
    ApiClient dagUser = client(token);
    ApiClient.Answer created =
        dagUser.post(
            "content",
            "record",
            "format",
            "json",
            "data",
            "[{\"record_id\":\"90\",\"name_first\":\"Ada\"}]");
    assertThat(created.body()).isEqualTo("{\"count\":1}");
    JsonNode r90 =
        json(
            admin.post(
                "content",
                "record",
                "format",
                "json",
                "records",
                "90",
                "exportDataAccessGroups",
                "true"));
    assertThat(r90.get(0).get("redcap_data_access_group").asText()).isEqualTo("dag_1");

    JsonNode all =
        json(admin.post("content", "record", "format", "json", "exportDataAccessGroups", "true"));
    String foreign = null;
    for (JsonNode r : all) {
      if (!r.get("redcap_data_access_group").asText().equals("dag_1")) {
        foreign = r.get("record_id").asText();
      }
    }
    ApiClient.Answer refused =
        dagUser.post(
            "content",
            "record",
            "format",
            "csv",
            "data",
            "record_id,name_first\n" + foreign + ",Mallory\n");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).startsWith("ERROR: \"" + foreign + "\",\"record_id\"");

    ApiClient.Answer numbered =
        dagUser.post(
            "content",
            "record",
            "format",
            "json",
            "forceAutoNumber",
            "true",
            "returnContent",
            "auto_ids",
            "data",
            "[{\"record_id\":\"x\",\"name_first\":\"Bea\"}]");
    JsonNode ids = json(numbered);
    String groupId =
        json(admin.post("content", "dag", "format", "json"))
            .get(0)
            .get("data_access_group_id")
            .asText();
    assertThat(ids.get(0).asText()).isEqualTo(groupId + "-1,x");
    assertThat(dagUser.post("content", "generateNextRecordName").body()).isEqualTo(groupId + "-2");

    // A user outside DAGs assigns records with redcap_data_access_group.
    admin.post(
        "content",
        "record",
        "format",
        "json",
        "data",
        "[{\"record_id\":\"91\",\"redcap_data_access_group\":\"dag_2\"}]");
    JsonNode r91 =
        json(
            admin.post(
                "content",
                "record",
                "format",
                "json",
                "records",
                "91",
                "exportDataAccessGroups",
                "true"));
    assertThat(r91.get(0).get("redcap_data_access_group").asText()).isEqualTo("dag_2");
  }

  @Test
  void withoutImportRightsNothingIsWritten() throws Exception {
    EmulatedProject p = load("redcapr/simple/project.xml");
    ApiClient reader =
        client(p.addUser(UserSpec.builder("reader").apiImport(false).recordDelete(false).build()));
    int logBefore = p.log().size();
    ApiClient.Answer a =
        reader.post(
            "content",
            "record",
            "format",
            "csv",
            "returnFormat",
            "csv",
            "data",
            "record_id,name_first\n1,Changed\n99,New\n");
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.body()).isEqualTo("ERROR: You do not have API Import/Update privileges");
    ApiClient.Answer delete =
        reader.post(
            "content", "record", "action", "delete", "records", "1", "returnFormat", "json");
    assertThat(delete.status()).isEqualTo(403);
    assertThat(delete.body()).contains("You do not have Delete Record privileges");
    JsonNode rows =
        json(
            client(p.token())
                .post("content", "record", "format", "json", "fields", "record_id,name_first"));
    assertThat(column(rows, "record_id")).doesNotContain("99");
    assertThat(column(rows, "name_first")).doesNotContain("Changed");
    assertThat(p.log().stream().filter(e -> e.type().startsWith("record"))).isEmpty();
    assertThat(p.log()).hasSize(logBefore + 1); // only the admin's export above

    ApiClient noApi = client(p.addUser(UserSpec.builder("no_api").apiExport(false).build()));
    assertThat(noApi.post("content", "record", "format", "json").status()).isEqualTo(403);
  }

  @Test
  void exportRightsDropFormsAndIdentifiersSilently() throws Exception {
    EmulatedProject p = load("redcapr/simple/project.xml");
    ApiClient full = client(p.token());
    ApiClient limited =
        client(
            p.addUser(
                UserSpec.builder("limited")
                    .exportRight("health", 0)
                    .exportRight("demographics", 2)
                    .build()));
    List<String> all = keys(json(full.post("content", "record", "format", "json")).get(0));
    List<String> seen = keys(json(limited.post("content", "record", "format", "json")).get(0));
    assertThat(all).contains("name_first", "dob", "height", "health_complete", "age");
    assertThat(seen)
        .startsWith("record_id")
        .contains("age", "sex", "demographics_complete", "race___1", "race_and_ethnicity_complete")
        .doesNotContain(
            "name_first",
            "name_last",
            "address",
            "telephone",
            "email",
            "dob",
            "height",
            "weight",
            "bmi",
            "comments",
            "mugshot",
            "health_complete");
    // Named explicitly, a field of a form without rights is still left out (no error).
    JsonNode named =
        json(limited.post("content", "record", "format", "json", "fields", "record_id,height,sex"));
    assertThat(keys(named.get(0))).containsExactly("record_id", "sex");
    // The project XML's data obey the same rights.
    String xml = limited.post("content", "project_xml").body();
    assertThat(xml)
        .contains("ItemData ItemOID=\"sex\"")
        .doesNotContain("ItemData ItemOID=\"name_first\"")
        .doesNotContain("ItemData ItemOID=\"height\"");
    assertThat(full.post("content", "project_xml").body())
        .contains("ItemData ItemOID=\"name_first\"");
    // Identifier-removed (3) on the demographics form only.
    ApiClient noIds =
        client(p.addUser(UserSpec.builder("no_ids").exportRight("demographics", 3).build()));
    assertThat(keys(json(noIds.post("content", "record", "format", "json")).get(0)))
        .contains("height", "age")
        .doesNotContain("name_first", "dob");
    // No export rights anywhere: the export is refused.
    ApiClient none =
        client(
            p.addUser(
                UserSpec.builder("none")
                    .exportRight("demographics", 0)
                    .exportRight("health", 0)
                    .exportRight("race_and_ethnicity", 0)
                    .build()));
    assertThat(none.post("content", "record", "format", "json").status()).isEqualTo(403);
  }

  @Test
  void usersImportExportAndDelete() throws Exception {
    EmulatedProject p = load("redcapr/simple/project.xml");
    ApiClient admin = client(p.token());
    ApiClient.Answer imported =
        admin.post(
            "content",
            "user",
            "format",
            "json",
            "data",
            "[{\"username\":\"harrispa\",\"email\":\"h@example.org\",\"api_export\":\"1\",\"data_access_group\":\"dag_1\","
                + "\"forms\":{\"demographics\":\"1\",\"health\":\"2\"},\"forms_export\":{\"demographics\":2}}]");
    assertThat(imported.body()).isEqualTo("1");
    JsonNode users = json(admin.post("content", "user", "format", "json"));
    assertThat(column(users, "username")).containsExactly("emulator_admin", "harrispa");
    JsonNode h = users.get(1);
    assertThat(h.get("email").asText()).isEqualTo("h@example.org");
    assertThat(h.get("api_export").asInt()).isEqualTo(1);
    assertThat(h.get("api_import").asInt()).isZero();
    assertThat(h.get("data_access_group").asText()).isEqualTo("dag_1");
    assertThat(h.get("forms").toString())
        .isEqualTo("{\"demographics\":1,\"health\":2,\"race_and_ethnicity\":0}");
    assertThat(h.get("forms_export").toString())
        .isEqualTo("{\"demographics\":2,\"health\":0,\"race_and_ethnicity\":0}");

    // An update in CSV changes only what it names.
    assertThat(
            admin
                .post(
                    "content",
                    "user",
                    "format",
                    "csv",
                    "data",
                    "username,api_import,forms_export\nharrispa,1,\"health:1\"\n")
                .body())
        .isEqualTo("1");
    h = json(admin.post("content", "user", "format", "json")).get(1);
    assertThat(h.get("api_import").asInt()).isEqualTo(1);
    assertThat(h.get("api_export").asInt()).isEqualTo(1);
    assertThat(h.get("forms_export").toString())
        .isEqualTo("{\"demographics\":2,\"health\":1,\"race_and_ethnicity\":0}");

    // XML with nested form rights.
    assertThat(
            admin
                .post(
                    "content",
                    "user",
                    "format",
                    "xml",
                    "data",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>"
                        + "<users><item><username>xmluser</username><api_export>1</api_export><forms><demographics>2</demographics>"
                        + "<health>0</health></forms></item></users>")
                .body())
        .isEqualTo("1");
    JsonNode x = json(admin.post("content", "user", "format", "json")).get(2);
    assertThat(x.get("username").asText()).isEqualTo("xmluser");
    assertThat(x.get("forms").toString())
        .isEqualTo("{\"demographics\":2,\"health\":0,\"race_and_ethnicity\":0}");
    admin.post("content", "user", "action", "delete", "users[0]", "xmluser");

    ApiClient.Answer badDag =
        admin.post(
            "content",
            "user",
            "format",
            "json",
            "data",
            "[{\"username\":\"x\",\"data_access_group\":\"nope\"}]");
    assertThat(badDag.status()).isEqualTo(400);

    assertThat(
            admin
                .post(
                    "content",
                    "user",
                    "action",
                    "delete",
                    "users[0]",
                    "harrispa",
                    "returnFormat",
                    "xml")
                .body())
        .isEqualTo("1");
    assertThat(column(json(admin.post("content", "user", "format", "json")), "username"))
        .containsExactly("emulator_admin");
    ApiClient.Answer missing =
        admin.post("content", "user", "action", "delete", "users[0]", "ghost", "format", "json");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("'ghost'");

    assertThat(p.log())
        .extracting(LogEntry::action)
        .contains("Add user", "Edit user", "Delete user");

    // Importing users needs User Rights besides API Import.
    ApiClient noRights =
        client(p.addUser(UserSpec.builder("helper").right("user_rights", 0).build()));
    ApiClient.Answer refused =
        noRights.post("content", "user", "format", "json", "data", "[{\"username\":\"y\"}]");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .isEqualTo(
            "{\"error\":\"Insufficient user privileges: You must have 'API Import/Update'"
                + " privileges and 'User Rights' privileges in the project.\"}");
  }

  @Test
  void rolesAndRoleMappingsGiveUsersTheRolesRights() throws Exception {
    EmulatedProject p = load("redcapr/simple/project.xml");
    ApiClient admin = client(p.token());
    JsonNode roles = json(admin.post("content", "userRole", "format", "json"));
    assertThat(roles).hasSize(1);
    JsonNode api = roles.get(0);
    assertThat(api.get("unique_role_name").asText()).isEqualTo("U-639NX7EKW8");
    assertThat(api.get("role_label").asText()).isEqualTo("api");
    assertThat(api.get("design").isTextual()).isTrue();
    assertThat(api.get("api_export").asText()).isEqualTo("1");
    assertThat(api.get("api_import").asText()).isEqualTo("0");
    assertThat(api.get("stats_and_charts").asText()).isEqualTo("0");
    assertThat(api.get("logging").asText()).isEqualTo("1");
    List<String> k = keys(api);
    assertThat(k.indexOf("lock_records_customization")).isLessThan(k.indexOf("lock_records"));
    assertThat(api.get("forms").toString())
        .isEqualTo("{\"demographics\":1,\"health\":1,\"race_and_ethnicity\":1}");

    // A user put in the role through the mapping import has the role's rights: no API import.
    String token = p.addUser(UserSpec.builder("robot").build());
    assertThat(
            admin
                .post(
                    "content",
                    "userRoleMapping",
                    "action",
                    "import",
                    "format",
                    "json",
                    "data",
                    "[{\"username\":\"robot\",\"unique_role_name\":\"U-639NX7EKW8\"}]")
                .body())
        .isEqualTo("1");
    JsonNode mapping = json(admin.post("content", "userRoleMapping", "format", "json"));
    assertThat(mapping.toString())
        .contains(
            "{\"username\":\"robot\",\"unique_role_name\":\"U-639NX7EKW8\","
                + "\"data_access_group\":\"\"}");
    assertThat(
            client(token)
                .post("content", "record", "format", "json", "data", "[{\"record_id\":\"5\"}]")
                .status())
        .isEqualTo(403);

    // A new role: blank unique name; it starts with no rights but those sent.
    assertThat(
            admin
                .post(
                    "content",
                    "userRole",
                    "format",
                    "json",
                    "data",
                    "[{\"unique_role_name\":\"\",\"role_label\":\"New Role\",\"api_export\":1}]")
                .body())
        .isEqualTo("1");
    roles = json(admin.post("content", "userRole", "format", "json"));
    assertThat(roles).hasSize(2);
    JsonNode created = roles.get(1);
    assertThat(created.get("role_label").asText()).isEqualTo("New Role");
    assertThat(created.get("unique_role_name").asText()).matches("U-[A-Z0-9]{10}");
    assertThat(created.get("api_export").asText()).isEqualTo("1");
    assertThat(created.get("design").asText()).isEqualTo("0");
    assertThat(created.get("forms_export").toString())
        .isEqualTo("{\"demographics\":0,\"health\":0,\"race_and_ethnicity\":0}");
    // The project XML keeps it.
    assertThat(admin.post("content", "project_xml", "returnMetadataOnly", "true").body())
        .contains("role_name=\"New Role\"");

    assertThat(
            admin
                .post("content", "userRole", "action", "delete", "roles[0]", "U-639NX7EKW8")
                .body())
        .isEqualTo("1");
    assertThat(json(admin.post("content", "userRole", "format", "json"))).hasSize(1);
    // Its former user is back to its own (full) rights.
    assertThat(
            client(token)
                .post("content", "record", "format", "json", "data", "[{\"record_id\":\"5\"}]")
                .body())
        .isEqualTo("{\"count\":1}");
  }

  @Test
  void javaApiRefusesUnknownDagsAndDuplicateUsers() {
    EmulatedProject p = load("redcapr/simple/project.xml");
    assertThatThrownBy(() -> p.addUser(UserSpec.builder("a").dag("nope").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("dag_1");
    p.addUser(UserSpec.builder("a").build());
    assertThatThrownBy(() -> p.addUser(UserSpec.builder("a").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has a user 'a'");
    assertThatThrownBy(() -> UserSpec.builder("b").right("no_such_right", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(UserSpec.builder("c").dag("dag_1").token("0123").build().toString())
        .doesNotContain("0123");
  }
}
