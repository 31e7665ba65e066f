package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP behaviour and the error catalogue: status codes and REDCap's texts in the JSON, CSV and
 * XML shapes; paths, methods, array and boolean parameter forms, multipart bodies.
 */
class ProtocolTest {
  private static RedcapEmulator emulator;
  private static EmulatedProject classic;
  private static EmulatedProject longitudinal;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
    classic = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    longitudinal = emulator.loadProject(Fixtures.path("redcapr/longitudinal/project.xml"), null);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static Stream<Arguments> catalogue() {
    return Stream.of(
        Arguments.of(
            "bad token",
            "00000000000000000000000000000000",
            new String[] {"content", "record"},
            403,
            "You do not have permissions to use the API"),
        Arguments.of(
            "unknown content",
            null,
            new String[] {"content", "nonsense"},
            400,
            "The value of the parameter \"content\" is not valid"),
        Arguments.of(
            "arms of a classic project",
            null,
            new String[] {"content", "arm"},
            400,
            "You cannot export arms for classic projects"),
        Arguments.of(
            "events of a classic project",
            null,
            new String[] {"content", "event"},
            400,
            "You cannot export events for classic projects"),
        Arguments.of(
            "mappings of a classic project",
            null,
            new String[] {"content", "formEventMapping"},
            400,
            "You cannot export form/event mappings for classic projects"),
        Arguments.of(
            "pseudo-field in fields",
            null,
            new String[] {"content", "record", "fields[0]", "redcap_event_name"},
            400,
            "The following values in the parameter \"fields\" are not valid: 'redcap_event_name'"),
        Arguments.of(
            "delete of missing records",
            null,
            new String[] {
              "content", "record", "action", "delete", "records[0]", "1", "records[1]", "99"
            },
            400,
            "One or more of the records provided cannot be deleted because they do not exist in the project."
                + " The following records do not exist: 99"),
        Arguments.of(
            "import of unknown fields",
            null,
            new String[] {
              "content", "record", "data", "record_id,x_1,x_2\n1,a,b\n", "format", "csv"
            },
            400,
            "The following fields were not found in the project as real data fields: x_1, x_2"),
        Arguments.of(
            "import value fails validation",
            null,
            new String[] {
              "content", "record", "data", "record_id,weight\n1,22.5\n", "format", "csv"
            },
            400,
            "\"1\",\"weight\",\"22.5\",\"The value you provided could not be validated because it does not follow"
                + " the expected format. Please try again.\""),
        Arguments.of(
            "method not implemented here",
            null,
            new String[] {"content", "record", "action", "randomize"},
            501,
            "The requested method is not implemented."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void errorsComeInTheShapeReturnFormatAsks(
      String what, String token, String[] params, int status, String message) {
    ApiClient c = new ApiClient(emulator.url(), token == null ? classic.token() : token);
    String json = "{\"error\":" + jsonString(message) + "}";
    String csv = "ERROR: " + message;
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>"
            + message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</error></hash>";
    for (String[] shape : new String[][] {{"json", json}, {"csv", csv}, {"xml", xml}}) {
      String[] all = concat(params, "returnFormat", shape[0]);
      ApiClient.Answer a = c.post(all);
      assertThat(a.status()).as(what + " " + shape[0]).isEqualTo(status);
      assertThat(a.body()).as(what + " " + shape[0]).isEqualTo(shape[1]);
    }
    // Without returnFormat or format, errors are XML (REDCap's default).
    if (!List.of(params).contains("format")) {
      assertThat(c.post(params).body()).isEqualTo(xml);
    }
  }

  @Test
  void designationErrorNamesTheEvent() {
    ApiClient c = new ApiClient(emulator.url(), longitudinal.token());
    ApiClient.Answer a =
        c.post(
            "content",
            "record",
            "format",
            "csv",
            "data",
            "study_id,redcap_event_name,vob1\n100,enrollment_arm_1,1\n");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .isEqualTo(
            "ERROR: \"100\",\"vob1\",\"1\",\"This field ('vob1') exists on an instrument that is"
                + " not designated for the event named 'Enrollment (Arm 1: Drug A)'. You are not allowed to import data for"
                + " this field into this event.\"");
  }

  @Test
  void missingTokenIs403AndTokensMatchInEitherCase() {
    assertThat(new ApiClient(emulator.url(), null).post("content", "version").status())
        .isEqualTo(403);
    assertThat(
            new ApiClient(emulator.url(), classic.token().toLowerCase())
                .post("content", "version")
                .body())
        .isEqualTo("15.2.1");
    assertThat(classic.token()).matches("[0-9A-F]{32}");
  }

  @Test
  void otherPathsAndMethods() throws Exception {
    String base = emulator.url().replace("/api/", "");
    HttpResponse<String> notFound =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/redcap/api/"))
                .POST(HttpRequest.BodyPublishers.ofString("content=version"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body())
        .contains(
            "<title>404 Not Found</title>", "The requested URL was not found on this server.");
    HttpResponse<String> get =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(emulator.url())).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(501);
    assertThat(get.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>The requested method is not"
                + " implemented.</error></hash>");
    HttpResponse<String> noSlash =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api"))
                    .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(noSlash.statusCode()).isEqualTo(301);
    assertThat(noSlash.headers().firstValue("Location").orElse("")).endsWith("/api/");
  }

  @Test
  void arraysInEveryFormAndBooleansInEveryCase() {
    ApiClient c = new ApiClient(emulator.url(), classic.token());
    String expected = "record_id,name_first\n1,Nutmeg\n3,Marcus\n";
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "fields[0]",
                    "record_id",
                    "fields[1]",
                    "name_first",
                    "records[0]",
                    "1",
                    "records[1]",
                    "3")
                .body())
        .isEqualTo(expected);
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "fields[]",
                    "record_id",
                    "fields[]",
                    "name_first",
                    "records[]",
                    "3",
                    "records[]",
                    "1")
                .body())
        .isEqualTo(expected);
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "fields[1]",
                    "record_id",
                    "fields[2]",
                    "name_first",
                    "records[1]",
                    "1",
                    "records[2]",
                    "3")
                .body())
        .isEqualTo(expected);
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "fields",
                    "record_id,name_first",
                    "records",
                    "1,3")
                .body())
        .isEqualTo(expected);
    for (String yes : List.of("true", "True", "TRUE", "1")) {
      assertThat(
              c.post(
                      "content",
                      "record",
                      "format",
                      "csv",
                      "fields",
                      "record_id",
                      "records",
                      "4",
                      "exportDataAccessGroups",
                      yes)
                  .body())
          .isEqualTo("record_id,redcap_data_access_group\n4,\n");
    }
    for (String no : List.of("false", "False", "FALSE", "0", "")) {
      assertThat(
              c.post(
                      "content",
                      "record",
                      "format",
                      "csv",
                      "fields",
                      "record_id",
                      "records",
                      "4",
                      "exportDataAccessGroups",
                      no)
                  .body())
          .isEqualTo("record_id\n4\n");
    }
    // Empty parameters count as absent; obsolete ones are ignored.
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "fields",
                    "record_id",
                    "records",
                    "4",
                    "filterLogic",
                    "",
                    "dateRangeBegin",
                    "",
                    "eventName",
                    "label")
                .body())
        .isEqualTo("record_id\n4\n");
  }

  @Test
  void multipartBodiesWork() throws Exception {
    String boundary = "----emulator-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String[][] parts = {
      {"token", classic.token()},
      {"content", "record"},
      {"format", "csv"},
      {"fields[0]", "record_id"},
      {"fields[1]", "name_last"},
      {"records[0]", "2"}
    };
    for (String[] p : parts) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + p[0]
                  + "\"\r\n\r\n"
                  + p[1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(emulator.url()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("record_id,name_last\n2,Nutmouse\n");
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .isEqualTo("text/csv; charset=utf-8");
  }

  private static String jsonString(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
