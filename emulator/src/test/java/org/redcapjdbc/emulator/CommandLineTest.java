package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: options, ready file, restarts with --data, HTTPS, fault flags. */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";
  private static final String DEMO_TOKEN = "FEDCBA9876543210FEDCBA9876543210";

  @TempDir Path dir;

  private static final class Output {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void startsLoadsProjectsAndWritesTheReadyFile() throws Exception {
    Path ready = dir.resolve("ready/emulator.json");
    Output out = new Output();
    String fixture = Fixtures.path("redcapr/simple/project.xml").toString();
    try (RedcapEmulator e =
        Main.start(
            new String[] {
              "--port",
              "0",
              "--project",
              fixture + "=" + TOKEN,
              "--generate",
              "records=5,fields=4,seed=2",
              "--generate=demo=" + DEMO_TOKEN,
              "--project",
              Fixtures.path("redcapr/dag").toString(),
              "--ready-file",
              ready.toString()
            },
            out.stream)) {
      String firstLine = out.text().lines().findFirst().orElse("");
      assertThat(firstLine).isEqualTo("REDCap emulator listening on " + e.url());
      assertThat(e.url()).matches("http://127\\.0\\.0\\.1:\\d+/api/");
      JsonNode json = JSON.readTree(ready.toFile());
      assertThat(json.get("url").asText()).isEqualTo(e.url());
      JsonNode projects = json.get("projects");
      assertThat(projects).hasSize(4);
      assertThat(projects.get(0).get("title").asText()).isEqualTo("REDCapR: simple");
      assertThat(projects.get(0).get("token").asText()).isEqualTo(TOKEN);
      assertThat(projects.get(1).get("title").asText())
          .startsWith("Generated project (records=5,fields=4,");
      assertThat(projects.get(1).get("token").asText()).matches("[0-9A-F]{32}").isNotEqualTo(TOKEN);
      assertThat(projects.get(2).get("title").asText()).isEqualTo("REDCap Emulator Demo Study");
      assertThat(projects.get(2).get("token").asText()).isEqualTo(DEMO_TOKEN);
      assertThat(projects.get(3).get("title").asText()).isEqualTo("dag");
      assertThat(Files.list(ready.getParent())).containsExactly(ready);
      ApiClient demo = new ApiClient(e.url(), DEMO_TOKEN);
      JsonNode records =
          JSON.readTree(
              demo.post("content", "record", "format", "json", "fields", "study_id").body());
      assertThat(records.size()).isGreaterThan(300);
      assertThat(new ApiClient(e.url(), TOKEN).post("content", "generateNextRecordName").body())
          .isEqualTo("6");
    }
  }

  @Test
  void aGeneratedSpecKeepsAnEqualsSignThatIsNotAToken() {
    Output out = new Output();
    try (RedcapEmulator e =
        Main.start(new String[] {"--generate", "records=3,fields=2"}, out.stream)) {
      assertThat(e.projects())
          .singleElement()
          .satisfies(p -> assertThat(p.title()).contains("records=3,fields=2"));
    }
  }

  @Test
  void helpAndBadOptions() {
    Output out = new Output();
    assertThat(Main.start(new String[] {"--help"}, out.stream)).isNull();
    assertThat(out.text())
        .startsWith("Usage: java -jar redcap-emulator-<version>.jar")
        .contains("--fault-truncate-after-bytes");
    assertThatThrownBy(() -> Main.start(new String[] {"--nope", "1"}, out.stream))
        .hasMessageContaining("unknown option --nope");
    assertThatThrownBy(() -> Main.start(new String[] {"--port"}, out.stream))
        .hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> Main.start(new String[] {"--fault-rate-500", "2"}, out.stream))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(
            () ->
                Main.start(
                    new String[] {"--project", dir.resolve("missing.xml").toString()}, out.stream))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () -> Main.start(new String[] {"--generate", "records=1,colour=red"}, out.stream))
        .hasMessageContaining("colour=red");
  }

  @Test
  void aRestartWithDataKeepsProjectsTokensAndImportedRecords() throws Exception {
    Path data = dir.resolve("data");
    String fixture = Fixtures.path("redcapr/simple/project.xml").toString();
    String[] args = {
      "--data", data.toString(), "--project", fixture, "--generate", "records=4,fields=3"
    };
    String token;
    try (RedcapEmulator e = Main.start(args, new Output().stream)) {
      token = e.projects().get(0).token();
      ApiClient c = new ApiClient(e.url(), token);
      assertThat(
              c.post(
                      "content",
                      "record",
                      "format",
                      "json",
                      "data",
                      "[{\"record_id\":\"42\",\"name_first\":\"Kept\"}]")
                  .status())
          .isEqualTo(200);
    }
    try (RedcapEmulator e = Main.start(args, new Output().stream)) {
      assertThat(e.projects()).hasSize(2);
      assertThat(e.projects().get(0).token()).isEqualTo(token);
      ApiClient c = new ApiClient(e.url(), token);
      JsonNode r =
          JSON.readTree(c.post("content", "record", "format", "json", "records", "42").body());
      assertThat(r.get(0).get("name_first").asText()).isEqualTo("Kept");
    }
    // Loading it with its token again reuses it too; a token of another project is refused.
    try (RedcapEmulator e =
        Main.start(
            new String[] {"--data", data.toString(), "--project", fixture + "=" + token},
            new Output().stream)) {
      assertThat(e.projects()).hasSize(2);
    }
    String generatedToken;
    try (RedcapEmulator e = RedcapEmulator.builder().dataDir(data).build()) {
      generatedToken = e.projects().get(1).token();
    }
    assertThatThrownBy(
            () ->
                Main.start(
                    new String[] {
                      "--data", data.toString(), "--project", fixture + "=" + generatedToken
                    },
                    new Output().stream))
        .hasMessageContaining("already in use");
  }

  @Test
  void faultFlagsApply() throws Exception {
    try (RedcapEmulator e =
        Main.start(
            new String[] {
              "--project",
              Fixtures.path("redcapr/dag").toString(),
              "--fault-rate-503",
              "1",
              "--fault-latency-ms",
              "5",
              "--fault-seed",
              "9"
            },
            new Output().stream)) {
      assertThat(
              new ApiClient(e.url(), e.projects().get(0).token())
                  .post("content", "version")
                  .status())
          .isEqualTo(503);
      assertThat(e.faults().latencyMillis()).isEqualTo(5);
      assertThat(e.faults().seed()).isEqualTo(9);
    }
  }

  @Test
  void servesHttpsWithAPkcs12Keystore() throws Exception {
    HeldCertificate certificate =
        new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("localhost")
            .build();
    Path keystore = dir.resolve("emulator.p12");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(
        "emulator",
        certificate.keyPair().getPrivate(),
        "secret".toCharArray(),
        new Certificate[] {certificate.certificate()});
    try (OutputStream o = Files.newOutputStream(keystore)) {
      ks.store(o, "secret".toCharArray());
    }
    try (RedcapEmulator e =
        Main.start(
            new String[] {
              "--project",
              Fixtures.path("redcapr/dag").toString(),
              "--https-keystore",
              keystore.toString(),
              "--https-keystore-password",
              "secret"
            },
            new Output().stream)) {
      assertThat(e.url()).startsWith("https://127.0.0.1:");
      HandshakeCertificates trust =
          new HandshakeCertificates.Builder()
              .addTrustedCertificate(certificate.certificate())
              .build();
      HttpClient trusting = HttpClient.newBuilder().sslContext(trust.sslContext()).build();
      HttpResponse<String> r =
          trusting.send(
              HttpRequest.newBuilder(URI.create(e.url()))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "token=" + e.projects().get(0).token() + "&content=version"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("15.2.1");
      // A client that does not trust the certificate fails the handshake.
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(URI.create(e.url()))
                              .POST(HttpRequest.BodyPublishers.ofString("content=version"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
  }
}
