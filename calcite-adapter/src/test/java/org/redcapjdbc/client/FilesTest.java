package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redcapjdbc.client.MockRedcap.one;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Record files and the file repository (docs/redcap-api.md §2.12). */
class FilesTest {
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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "text/plain; name=\"import-file.txt\"; charset=UTF-8|text/plain|import-file.txt|UTF-8",
        "image/jpeg; name=\"mugshot-1.jpg\"|image/jpeg|mugshot-1.jpg|",
        "application/vnd.ms-word; name='FILE_NAME.docx'|application/vnd.ms-word|FILE_NAME.docx|",
        "text/plain;name='a;b.txt';charset=ISO-8859-1|text/plain|a;b.txt|ISO-8859-1",
        "TEXT/CSV; NAME=\"Data.csv\"|text/csv|Data.csv|"
      })
  void contentTypeGivesMimeTypeFileNameAndCharset(
      String header, String mime, String name, String charset) {
    FileContent f = FileContent.fromContentType(new byte[] {1}, header);
    assertThat(f.mimeType()).isEqualTo(mime);
    assertThat(f.fileName()).isEqualTo(name);
    assertThat(f.charset()).isEqualTo(charset);
  }

  @Test
  void exportFileSendsTheAddressAndReturnsBytesWithName() throws Exception {
    mock.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/plain; name=\"test_upload.txt\"; charset=UTF-8")
            .body("test upload\n")
            .build());
    FileContent f =
        mock.client().files().exportFile(FileAddress.of("1", "upload_field", "event_1_arm_1", 2));
    assertThat(new String(f.content(), StandardCharsets.UTF_8)).isEqualTo("test upload\n");
    assertThat(f.fileName()).isEqualTo("test_upload.txt");
    Map<String, List<String>> form = mock.takeForm();
    assertThat(one(form, "content")).isEqualTo("file");
    assertThat(one(form, "action")).isEqualTo("export");
    assertThat(one(form, "record")).isEqualTo("1");
    assertThat(one(form, "field")).isEqualTo("upload_field");
    assertThat(one(form, "event")).isEqualTo("event_1_arm_1");
    assertThat(one(form, "repeat_instance")).isEqualTo("2");
  }

  @Test
  void importFileIsMultipartWithAFilePart() throws Exception {
    mock.enqueue(new MockResponse.Builder().body("").build());
    mock.client()
        .files()
        .importFile(
            FileAddress.of("2", "upload_field", "event_1_arm_1", null),
            "myupload.txt",
            "hello".getBytes(StandardCharsets.UTF_8),
            "text/plain");
    RecordedRequest r = mock.take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(r.getUrl().toString()).doesNotContain(MockRedcap.TOKEN);
    String body = r.getBody().utf8();
    assertThat(body)
        .contains("Content-Disposition: form-data; name=\"token\"\r\n")
        .contains("Content-Disposition: form-data; name=\"content\"\r\n\r\nfile\r\n")
        .contains("name=\"action\"")
        .contains("\r\n\r\nimport\r\n")
        .contains("name=\"record\"")
        .contains("\r\n\r\n2\r\n")
        .contains("name=\"event\"")
        .contains("\r\n\r\nevent_1_arm_1\r\n")
        .contains(
            "Content-Disposition: form-data; name=\"file\"; filename=\"myupload.txt\""
                + "\r\nContent-Type: text/plain")
        .contains("\r\n\r\nhello\r\n")
        .doesNotContain("repeat_instance");
  }

  @Test
  void importFileErrorIsNotRetried() {
    mock.enqueue(MockRedcap.json(500, "{\"error\":\"disk full\"}"));
    assertThatThrownBy(
            () ->
                mock.client()
                    .files()
                    .importFile(FileAddress.of("1", "f"), "a.txt", new byte[] {1}, null))
        .isInstanceOf(RedcapException.class)
        .hasMessageContaining("Not retried");
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void deleteFileAndRepositoryCalls() throws Exception {
    FilesApi files = mock.client().files();
    mock.enqueue(new MockResponse.Builder().body("").build());
    files.deleteFile(FileAddress.of("1", "upload_field"));
    Map<String, List<String>> del = mock.takeForm();
    assertThat(one(del, "action")).isEqualTo("delete");
    assertThat(del).doesNotContainKeys("event", "repeat_instance");

    mock.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/plain; name=\"test.txt\"; charset=UTF-8")
            .body("hello")
            .build());
    assertThat(files.exportRepositoryFile(6652).fileName()).isEqualTo("test.txt");
    Map<String, List<String>> exp = mock.takeForm();
    assertThat(one(exp, "content")).isEqualTo("fileRepository");
    assertThat(one(exp, "doc_id")).isEqualTo("6652");

    mock.enqueue(new MockResponse.Builder().body("").build());
    files.importRepositoryFile(1, "r.txt", new byte[] {65}, null);
    RecordedRequest up = mock.take();
    assertThat(up.getBody().utf8())
        .contains("name=\"file\"; filename=\"r.txt\"")
        .contains("application/octet-stream")
        .contains("name=\"folder_id\"");

    mock.enqueue(new MockResponse.Builder().body("").build());
    files.deleteRepositoryFile(6651);
    Map<String, List<String>> rdel = mock.takeForm();
    assertThat(one(rdel, "action")).isEqualTo("delete");
    assertThat(one(rdel, "doc_id")).isEqualTo("6651");
  }

  @Test
  void badFieldAnswersWith400AndREDCapsText() {
    mock.enqueue(
        MockRedcap.text(
            400, "ERROR: The field 'mugshotttttt' does not exist or is not a 'file' field"));
    RedcapException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RedcapException.class,
            () -> mock.client().files().exportFile(FileAddress.of("1", "mugshotttttt")));
    assertThat(e.kind()).isEqualTo(RedcapException.Kind.VALIDATION);
    assertThat(e.redcapMessage())
        .isEqualTo("The field 'mugshotttttt' does not exist or is not a 'file' field");
  }

  @Test
  void errorBodySentWith200InsteadOfAFileIsAnError() {
    mock.json("{\"error\":\"There is no file to download for this record\"}");
    assertThatThrownBy(() -> mock.client().files().exportFile(FileAddress.of("1", "f")))
        .isInstanceOf(RedcapException.class)
        .hasMessageContaining("There is no file to download");
  }

  @Test
  void wrongCallsFailBeforeAnyRequest() {
    List<Map<String, String>> metadata =
        List.of(
            Map.of("field_name", "record_id", "field_type", "text"),
            Map.of("field_name", "mugshot", "field_type", "file"));
    assertThat(FileAddress.of("1", "mugshot").checkFileField(metadata).field())
        .isEqualTo("mugshot");
    assertThatThrownBy(() -> FileAddress.of("1", "record_id").checkFileField(metadata))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a 'file' field");
    assertThatThrownBy(() -> FileAddress.of("1", "nope").checkFileField(metadata))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not in the project");
    assertThatThrownBy(() -> FileAddress.of("", "mugshot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record ID");
    assertThatThrownBy(() -> FileAddress.of("1", "mugshot", null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                mock.client()
                    .files()
                    .importFile(FileAddress.of("1", "mugshot"), " ", new byte[0], null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mock.server.getRequestCount()).isZero();
  }
}
