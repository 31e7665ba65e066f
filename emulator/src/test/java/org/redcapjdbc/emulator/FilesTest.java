package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redcapjdbc.emulator.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.model.LogEntry;

/** Files on records and the File Repository: bytes round-tripped, headers, empty answers, rights. */
class FilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static RedcapEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** An answer with its raw bytes. */
  record Binary(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static Binary post(
      String token, Map<String, String> params, String fileName, String mime, byte[] file)
      throws IOException {
    MultipartBody.Builder b =
        new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("token", token);
    params.forEach(b::addFormDataPart);
    if (file != null) {
      b.addFormDataPart(
          "file", fileName, RequestBody.create(file, mime == null ? null : MediaType.get(mime)));
    }
    Request request = new Request.Builder().url(emulator.url()).post(b.build()).build();
    try (Response r = HTTP.newCall(request).execute()) {
      return new Binary(r.code(), r.header("Content-Type", ""), r.body().bytes());
    }
  }

  private static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static byte[] binary(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    b[0] = 0;
    b[size - 1] = (byte) 0xFF;
    return b;
  }

  @Test
  void fixtureFileExportsWithItsNameInTheContentType() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null);
    Binary a =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "export",
                "record",
                "1",
                "field",
                "upload_field",
                "event",
                "event_1_arm_1"),
            null,
            null,
            null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.text()).isEqualTo("test upload\n");
    assertThat(a.contentType()).isEqualTo("text/plain; name=\"test_upload.txt\"; charset=UTF-8");

    ApiClient c = new ApiClient(emulator.url(), p.token());
    JsonNode flat = json(c.post("content", "record", "format", "json", "records", "1"));
    assertThat(flat.get(0).get("upload_field").asText()).isEqualTo("test_upload.txt");
    JsonNode eav =
        json(c.post("content", "record", "format", "json", "type", "eav", "records", "1"));
    String docId = null;
    for (JsonNode r : eav) {
      if (r.get("field_name").asText().equals("upload_field")) {
        docId = r.get("value").asText();
      }
    }
    assertThat(docId)
        .isEqualTo(
            String.valueOf(p.file("1", "upload_field", "event_1_arm_1", 1).orElseThrow().docId()));
  }

  @Test
  void binaryFilesRoundTripByteForByteAndDeleteEmptiesTheField() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null);
    byte[] content = binary(70_000, 7);
    Binary imported =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "import",
                "record",
                "2",
                "field",
                "upload_field",
                "event",
                "event_1_arm_1",
                "repeat_instance",
                "1"),
            "blob.bin",
            "application/octet-stream",
            content);
    assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    assertThat(imported.body()).isEmpty();

    Binary exported =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "export",
                "record",
                "2",
                "field",
                "upload_field",
                "event",
                "event_1_arm_1"),
            null,
            null,
            null);
    assertThat(exported.body()).isEqualTo(content);
    assertThat(exported.contentType()).isEqualTo("application/octet-stream; name=\"blob.bin\"");
    StoredFile stored = p.file("2", "upload_field", "event_1_arm_1", 1).orElseThrow();
    assertThat(stored.content()).isEqualTo(content);
    assertThat(stored.name()).isEqualTo("blob.bin");

    // A second instance of the repeating event, and a new record created by the upload.
    byte[] png = binary(1234, 9);
    assertThat(
            post(
                    p.token(),
                    params(
                        "content",
                        "file",
                        "action",
                        "import",
                        "record",
                        "2",
                        "field",
                        "upload_field",
                        "event",
                        "event_1_arm_1",
                        "repeat_instance",
                        "2"),
                    "pic.png",
                    "image/png",
                    png)
                .status())
        .isEqualTo(200);
    assertThat(p.file("2", "upload_field", "event_1_arm_1", 2).orElseThrow().content())
        .isEqualTo(png);
    assertThat(p.file("2", "upload_field", "event_1_arm_1", 1).orElseThrow().content())
        .isEqualTo(content);
    assertThat(
            post(
                    p.token(),
                    params(
                        "content",
                        "file",
                        "action",
                        "import",
                        "record",
                        "9",
                        "field",
                        "upload_field",
                        "event",
                        "event_1_arm_1"),
                    "new.txt",
                    "text/plain",
                    "hello".getBytes())
                .status())
        .isEqualTo(200);
    ApiClient c = new ApiClient(emulator.url(), p.token());
    JsonNode r9 = json(c.post("content", "record", "format", "json", "records", "9"));
    assertThat(r9.get(0).get("upload_field").asText()).isEqualTo("new.txt");
    assertThat(r9.get(0).get("form_1_complete").asText()).isEqualTo("0");
    LogEntry created =
        p.log().stream().filter(e -> e.record().equals("9")).findFirst().orElseThrow();
    assertThat(created.action()).isEqualTo("Create record (API) 9");
    assertThat(created.type()).isEqualTo(LogEntry.RECORD_ADD);
    assertThat(created.details())
        .contains(
            "upload_field = '"
                + p.file("9", "upload_field", "event_1_arm_1", 1).orElseThrow().docId()
                + "'");

    Binary deleted =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "delete",
                "record",
                "2",
                "field",
                "upload_field",
                "event",
                "event_1_arm_1"),
            null,
            null,
            null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEmpty();
    assertThat(p.file("2", "upload_field", "event_1_arm_1", 1)).isEmpty();
    Binary gone =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "export",
                "record",
                "2",
                "field",
                "upload_field",
                "event",
                "event_1_arm_1",
                "returnFormat",
                "json"),
            null,
            null,
            null);
    assertThat(gone.status()).isEqualTo(400);
    assertThat(gone.text())
        .isEqualTo("{\"error\":\"There is no file to download for this record\"}");
  }

  @Test
  void filesOnARepeatingInstrumentGoToTheirInstance() throws Exception {
    EmulatedProject p =
        emulator.loadProject(Fixtures.path("redcapr/vignette-repeating/project.xml"), null);
    byte[] jpeg = binary(20_000, 11);
    assertThat(
            post(
                    p.token(),
                    params(
                        "content",
                        "file",
                        "action",
                        "import",
                        "record",
                        "1",
                        "field",
                        "image_profile",
                        "repeat_instance",
                        "3"),
                    "face.jpg",
                    "image/jpeg",
                    jpeg)
                .status())
        .isEqualTo(200);
    JsonNode rows =
        json(
            new ApiClient(emulator.url(), p.token())
                .post("content", "record", "format", "json", "records", "1"));
    JsonNode imageRow = null;
    for (JsonNode r : rows) {
      if (r.get("redcap_repeat_instrument").asText().equals("image")
          && r.get("redcap_repeat_instance").asInt() == 3) {
        imageRow = r;
      }
    }
    assertThat(imageRow).isNotNull();
    assertThat(imageRow.get("image_profile").asText()).isEqualTo("face.jpg");
    assertThat(imageRow.get("image_complete").asText()).isEqualTo("0");
    Binary back =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "export",
                "record",
                "1",
                "field",
                "image_profile",
                "repeat_instance",
                "3"),
            null,
            null,
            null);
    assertThat(back.body()).isEqualTo(jpeg);
    assertThat(back.contentType()).isEqualTo("image/jpeg; name=\"face.jpg\"");
    // A field outside a repeating instrument takes no other instance.
    EmulatedProject simple =
        emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    assertThat(
            post(
                    simple.token(),
                    params(
                        "content",
                        "file",
                        "action",
                        "import",
                        "record",
                        "1",
                        "field",
                        "mugshot",
                        "repeat_instance",
                        "2"),
                    "m.jpg",
                    "image/jpeg",
                    jpeg)
                .status())
        .isEqualTo(400);
  }

  @Test
  void badFieldsMissingRecordsAndOtherDagsAreErrors() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null);
    Binary bad =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "export",
                "record",
                "1",
                "field",
                "mugshotttttt",
                "event",
                "event_1_arm_1",
                "returnFormat",
                "csv"),
            null,
            null,
            null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text())
        .isEqualTo("ERROR: The field 'mugshotttttt' does not exist or is not a 'file' field");
    Binary notFile =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "export",
                "record",
                "1",
                "field",
                "field_1",
                "event",
                "event_1_arm_1",
                "returnFormat",
                "csv"),
            null,
            null,
            null);
    assertThat(notFile.text())
        .isEqualTo("ERROR: The field 'field_1' does not exist or is not a 'file' field");
    Binary missing =
        post(
            p.token(),
            params(
                "content",
                "file",
                "action",
                "export",
                "record",
                "-1",
                "field",
                "upload_field",
                "event",
                "event_1_arm_1",
                "returnFormat",
                "csv"),
            null,
            null,
            null);
    assertThat(missing.text()).isEqualTo("ERROR: The record \"-1\" does not exist");
    // Record 1 is in test_dag; a user of no DAG-switch... a user in test_dag sees it, one with no
    // rights does not.
    String reader = p.addUser(UserSpec.builder("no_import").apiImport(false).build());
    Binary refused =
        post(
            reader,
            params(
                "content",
                "file",
                "action",
                "import",
                "record",
                "1",
                "field",
                "upload_field",
                "event",
                "event_1_arm_1",
                "returnFormat",
                "csv"),
            "x.txt",
            "text/plain",
            "x".getBytes());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text()).isEqualTo("ERROR: You do not have API Import/Update privileges");
    assertThat(p.file("1", "upload_field", "event_1_arm_1", 1).orElseThrow().name())
        .isEqualTo("test_upload.txt");
  }

  @Test
  void fileRepositoryFoldersFilesAndDeletes() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("pycap/doctest_project.xml"), null);
    ApiClient c = new ApiClient(emulator.url(), p.token());
    JsonNode created =
        json(
            c.post(
                "content",
                "fileRepository",
                "action",
                "createFolder",
                "name",
                "test",
                "format",
                "json"));
    assertThat(created.get(0).get("folder_id").isNumber()).isTrue();
    int test = created.get(0).get("folder_id").asInt();
    int newFolder =
        json(c.post(
                "content",
                "fileRepository",
                "action",
                "createFolder",
                "name",
                "New Folder",
                "format",
                "json"))
            .get(0)
            .get("folder_id")
            .asInt();

    byte[] pdfLike = binary(5000, 3);
    assertThat(
            post(
                    p.token(),
                    params("content", "fileRepository", "action", "import"),
                    "top.bin",
                    "application/octet-stream",
                    pdfLike)
                .body())
        .isEmpty();
    assertThat(
            post(
                    p.token(),
                    params(
                        "content",
                        "fileRepository",
                        "action",
                        "import",
                        "folder_id",
                        String.valueOf(test)),
                    "test.txt",
                    "text/plain",
                    "hello".getBytes())
                .status())
        .isEqualTo(200);

    List<List<String>> top =
        c.post("content", "fileRepository", "action", "list", "format", "csv", "folder_id", "")
            .csv();
    assertThat(top.get(0)).containsExactly("folder_id", "doc_id", "name");
    assertThat(top.subList(1, top.size()))
        .extracting(r -> r.get(2))
        .containsExactly("New Folder", "test", "top.bin");
    assertThat(top.get(1).get(0)).isEqualTo(String.valueOf(newFolder));
    assertThat(top.get(3).get(0)).isEmpty();
    JsonNode inTest =
        json(
            c.post(
                "content",
                "fileRepository",
                "action",
                "list",
                "format",
                "json",
                "folder_id",
                String.valueOf(test)));
    assertThat(inTest).hasSize(1);
    int docId = inTest.get(0).get("doc_id").asInt();
    Binary file =
        post(
            p.token(),
            params(
                "content", "fileRepository", "action", "export", "doc_id", String.valueOf(docId)),
            null,
            null,
            null);
    assertThat(file.text()).isEqualTo("hello");
    assertThat(file.contentType()).isEqualTo("text/plain; name=\"test.txt\"; charset=UTF-8");
    assertThat(p.repositoryFile(docId).orElseThrow().content()).isEqualTo("hello".getBytes());

    ApiClient.Answer missing =
        c.post("content", "fileRepository", "action", "list", "folder_id", "99", "format", "csv");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body())
        .isEqualTo(
            "ERROR: The File Repository folder folder_id=99 does not exist or else you do"
                + " not have permission to that folder because it is DAG-restricted or Role-restricted.");

    Binary deleted =
        post(
            p.token(),
            params(
                "content", "fileRepository", "action", "delete", "doc_id", String.valueOf(docId)),
            null,
            null,
            null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEmpty();
    assertThat(
            json(
                c.post(
                    "content",
                    "fileRepository",
                    "action",
                    "list",
                    "format",
                    "json",
                    "folder_id",
                    String.valueOf(test))))
        .isEmpty();
    assertThat(p.repositoryFile(docId)).isEmpty();
    assertThat(p.log())
        .extracting(LogEntry::details)
        .anyMatch(d -> d.startsWith("Delete file from File Repository"));
  }

  @Test
  void dagRestrictedFoldersAndTheFileRepositoryRight() throws Exception {
    EmulatedProject p = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    ApiClient admin = new ApiClient(emulator.url(), p.token());
    JsonNode dags = json(admin.post("content", "dag", "format", "json"));
    int dag1 = dags.get(0).get("data_access_group_id").asInt();
    json(
        admin.post(
            "content",
            "fileRepository",
            "action",
            "createFolder",
            "name",
            "site one only",
            "dag_id",
            String.valueOf(dag1),
            "format",
            "json"));
    json(
        admin.post(
            "content",
            "fileRepository",
            "action",
            "createFolder",
            "name",
            "shared",
            "format",
            "json"));
    ApiClient two =
        new ApiClient(emulator.url(), p.addUser(UserSpec.builder("two").dag("dag_2").build()));
    List<String> names = new ArrayList<>();
    json(two.post("content", "fileRepository", "action", "list", "format", "json"))
        .forEach(r -> names.add(r.get("name").asText()));
    assertThat(names).containsExactly("shared");
    JsonNode adminList =
        json(admin.post("content", "fileRepository", "action", "list", "format", "json"));
    // REDCap 15 shows no restriction in the list: a folder row is its id and name.
    List<String> adminNames = new ArrayList<>();
    adminList.forEach(r -> adminNames.add(r.get("name").asText()));
    assertThat(adminNames).containsExactly("shared", "site one only");
    assertThat(adminList.get(1).fieldNames()).toIterable().containsExactly("folder_id", "name");

    ApiClient noRepo =
        new ApiClient(
            emulator.url(),
            p.addUser(UserSpec.builder("plain").right("file_repository", 0).build()));
    ApiClient.Answer a =
        noRepo.post("content", "fileRepository", "action", "list", "format", "json");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("'File Repository' privileges");
  }
}
