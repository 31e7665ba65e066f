package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redcapjdbc.emulator.ApiClient.column;
import static org.redcapjdbc.emulator.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DAGs, user-DAG mappings and switching DAGs. */
class DagMethodsTest {
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

  private static ApiClient client(String token) {
    return new ApiClient(emulator.url(), token);
  }

  @Test
  void dagExportShapes() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("phpcap/PHPCapDag.REDCap.xml"), null);
    ApiClient admin = client(p.token());
    JsonNode dags = json(admin.post("content", "dag", "format", "json"));
    assertThat(column(dags, "unique_group_name")).containsExactly("group1", "group2");
    assertThat(dags.get(0).get("data_access_group_id").isNumber()).isTrue();
    List<List<String>> csv = admin.post("content", "dag", "format", "csv").csv();
    assertThat(csv.get(0))
        .containsExactly("data_access_group_name", "unique_group_name", "data_access_group_id");
    // A project without DAGs answers the header only.
    EmulatedProject none =
        emulator.loadProject(Fixtures.path("redcapr/simple/dictionary.csv"), null);
    assertThat(client(none.token()).post("content", "dag", "format", "csv").body())
        .isEqualTo("data_access_group_name,unique_group_name,data_access_group_id\n");
  }

  @Test
  void importCreatesRenamesAndDeleteUnassigns() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient admin = client(p.token());
    assertThat(
            admin
                .post(
                    "content",
                    "dag",
                    "action",
                    "import",
                    "format",
                    "json",
                    "data",
                    "[{\"data_access_group_name\":\"New DAG\",\"unique_group_name\":\"\"}]")
                .body())
        .isEqualTo("1");
    JsonNode dags = json(admin.post("content", "dag", "format", "json"));
    assertThat(column(dags, "unique_group_name")).containsExactly("dag_1", "dag_2", "new_dag");
    assertThat(
            admin
                .post(
                    "content",
                    "dag",
                    "format",
                    "csv",
                    "data",
                    "data_access_group_name,unique_group_name\n\"Site One\",dag_1\n")
                .body())
        .isEqualTo("1");
    dags = json(admin.post("content", "dag", "format", "json"));
    assertThat(dags.get(0).get("data_access_group_name").asText()).isEqualTo("Site One");
    ApiClient.Answer unknown =
        admin.post(
            "content",
            "dag",
            "format",
            "json",
            "data",
            "[{\"data_access_group_name\":\"X\",\"unique_group_name\":\"nope\"}]");
    assertThat(unknown.status()).isEqualTo(400);

    // A user in dag_2 loses its group with it; its records become unassigned.
    String token = p.addUser(UserSpec.builder("two").dag("dag_2").build());
    int before =
        json(client(token).post("content", "record", "format", "json", "fields", "record_id"))
            .size();
    assertThat(before).isPositive();
    assertThat(
            admin
                .post("content", "dag", "action", "delete", "dags[0]", "dag_2", "format", "json")
                .body())
        .isEqualTo("1");
    assertThat(column(json(admin.post("content", "dag", "format", "json")), "unique_group_name"))
        .containsExactly("dag_1", "new_dag");
    JsonNode mapping = json(admin.post("content", "userDagMapping", "format", "json"));
    assertThat(mapping.toString())
        .contains("{\"username\":\"two\",\"redcap_data_access_group\":\"\"}");
    JsonNode rows =
        json(admin.post("content", "record", "format", "json", "exportDataAccessGroups", "true"));
    assertThat(column(rows, "redcap_data_access_group")).doesNotContain("dag_2");
    assertThat(p.log())
        .anySatisfy(e -> assertThat(e.details()).contains("Delete data access group"));
  }

  @Test
  void userDagMappingAssignsUsersAndSwitchMovesThem() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient admin = client(p.token());
    String token = p.addUser(UserSpec.builder("mover").dagSwitcher("dag_1", "dag_2").build());
    assertThat(
            admin
                .post(
                    "content",
                    "userDagMapping",
                    "action",
                    "import",
                    "format",
                    "csv",
                    "data",
                    "username,redcap_data_access_group\nmover,dag_1\n")
                .body())
        .isEqualTo("1");
    JsonNode mapping = json(admin.post("content", "userDagMapping", "format", "json"));
    assertThat(mapping.toString())
        .isEqualTo(
            "[{\"username\":\"emulator_admin\",\"redcap_data_access_group\":\"\"},"
                + "{\"username\":\"mover\",\"redcap_data_access_group\":\"dag_1\"}]");
    ApiClient mover = client(token);
    JsonNode all =
        json(admin.post("content", "record", "format", "json", "exportDataAccessGroups", "true"));
    List<String> inDag1 = new ArrayList<>();
    List<String> inDag2 = new ArrayList<>();
    all.forEach(
        r -> {
          String g = r.get("redcap_data_access_group").asText();
          (g.equals("dag_1") ? inDag1 : g.equals("dag_2") ? inDag2 : new ArrayList<String>())
              .add(r.get("record_id").asText());
        });
    assertThat(
            column(
                json(mover.post("content", "record", "format", "json", "fields", "record_id")),
                "record_id"))
        .containsExactlyElementsOf(inDag1);
    assertThat(
            mover
                .post("content", "dag", "action", "switch", "dag", "dag_2", "format", "csv")
                .body())
        .isEqualTo("1");
    assertThat(
            column(
                json(mover.post("content", "record", "format", "json", "fields", "record_id")),
                "record_id"))
        .containsExactlyElementsOf(inDag2);
    ApiClient.Answer refused =
        mover.post("content", "dag", "action", "switch", "dag", "dag_3", "format", "json");
    assertThat(refused.status()).isEqualTo(400);
    String stranger = p.addUser(UserSpec.builder("stranger").build());
    assertThat(client(stranger).post("content", "dag", "action", "switch", "dag", "dag_1").status())
        .isEqualTo(403);
  }

  @Test
  void dagMethodsNeedTheDagRight() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient noDagRight =
        client(p.addUser(UserSpec.builder("plain").right("data_access_groups", 0).build()));
    ApiClient.Answer a = noDagRight.post("content", "dag", "format", "csv");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .isEqualTo(
            "ERROR: Insufficient user privileges: You must have 'API Export' privileges and"
                + " 'Data Access Groups' privileges in the project.");
  }
}
