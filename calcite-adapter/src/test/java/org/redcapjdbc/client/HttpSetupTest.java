package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.client.RedcapException.Kind;

/** Building the client: URL and token rules, TLS trust, sslVerify, proxy, http policy. */
class HttpSetupTest {
  private static final String TOKEN = MockRedcap.TOKEN;

  private MockRedcap mock;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    mock = new MockRedcap();
  }

  @AfterEach
  void stop() throws Exception {
    mock.assertTokenNeverLogged();
    mock.close();
  }

  @Test
  void urlEndingInApiGetsItsSlashAndOtherPathsOnlyWarn() {
    assertThat(
            RedcapClient.builder()
                .url("https://redcap.example.edu/api")
                .token(TOKEN)
                .build()
                .url()
                .toString())
        .isEqualTo("https://redcap.example.edu/api/");
    assertThat(
            RedcapClient.builder()
                .url(" https://redcap.example.edu/redcap/api/ ")
                .token(TOKEN)
                .build()
                .url()
                .encodedPath())
        .isEqualTo("/redcap/api/");
    RedcapClient odd =
        RedcapClient.builder().url("https://redcap.example.edu/redcap/").token(TOKEN).build();
    assertThat(odd.url().encodedPath()).isEqualTo("/redcap/");
    assertThat(mock.allLogText()).contains("does not end in /api/");
  }

  @Test
  void badUrlsAndMissingSettingsAreRejectedWithAdvice() {
    assertThatThrownBy(
            () -> RedcapClient.builder().url("redcap.example.edu/api/").token(TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://");
    assertThatThrownBy(
            () ->
                RedcapClient.builder()
                    .url("https://redcap.example.edu/api/?token=" + TOKEN)
                    .token(TOKEN)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query string")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    assertThatThrownBy(() -> RedcapClient.builder().token(TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("URL is not set");
    assertThatThrownBy(() -> RedcapClient.builder().url("https://x/api/").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token is not set");
    assertThatThrownBy(() -> RedcapClient.builder().token(" \n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> RedcapClient.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plainHttpIsRefusedExceptToLoopbackOrWhenAllowed() {
    assertThatThrownBy(
            () -> RedcapClient.builder().url("http://redcap.example.edu/api/").token(TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowHttp");
    assertThat(
            RedcapClient.builder()
                .url("http://redcap.example.edu/api/")
                .token(TOKEN)
                .allowHttp(true)
                .build()
                .url()
                .isHttps())
        .isFalse();
    for (String host : List.of("localhost", "127.0.0.1", "127.10.0.3", "[::1]")) {
      assertThat(RedcapClient.builder().url("http://" + host + ":8080/api/").token(TOKEN).build())
          .isNotNull();
    }
    assertThat(RedcapHttp.isLoopback("127.0.0.1.example.com")).isFalse();
  }

  @Test
  void tokenIsTrimmedAndAnOddFormatOnlyWarns() throws Exception {
    mock.json("[]");
    RedcapClient client =
        RedcapClient.builder().url(mock.url()).token("  " + TOKEN + "\r\n").build();
    client.project().exportInstruments();
    assertThat(mock.takeForm().get("token")).containsExactly(TOKEN);
    ApiToken odd = ApiToken.of("abc-not-hex");
    assertThat(odd.reveal()).isEqualTo("abc-not-hex");
    assertThat(mock.allLogText()).contains("not 32 (or 64) hexadecimal").doesNotContain("abc-not");
    assertThat(ApiToken.of(TOKEN + TOKEN).isSuperToken()).isTrue();
  }

  private MockWebServer httpsServer(HeldCertificate root) throws Exception {
    HeldCertificate cert =
        new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("localhost").build();
    HandshakeCertificates certs = new HandshakeCertificates.Builder().heldCertificate(cert).build();
    MockWebServer server = new MockWebServer();
    server.useHttps(certs.sslSocketFactory());
    server.start();
    return server;
  }

  @Test
  void privateCaFailsByDefaultAndWorksWithATrustStore() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    Path store = dir.resolve("ca.p12");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("redcap-ca", root.certificate());
    try (OutputStream out = Files.newOutputStream(store)) {
      ks.store(out, "secret".toCharArray());
    }
    try (MockWebServer server = httpsServer(root)) {
      String url = server.url("/api/").toString();
      assertThat(url).startsWith("https://");
      server.enqueue(MockRedcap.json(200, "[]"));
      RedcapException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              RedcapException.class,
              () ->
                  RedcapClient.builder()
                      .url(url)
                      .token(TOKEN)
                      .maxRetries(0)
                      .build()
                      .project()
                      .exportInstruments());
      assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
      assertThat(e.getMessage()).contains("TLS").contains("trust store");

      RedcapClient trusting =
          RedcapClient.builder()
              .url(url)
              .token(TOKEN)
              .httpOptions(HttpOptions.builder().trustStore(store, "secret".toCharArray()).build())
              .build();
      assertThat(trusting.project().exportInstruments()).isEmpty();

      server.enqueue(MockRedcap.json(200, "[]"));
      RedcapClient unverified =
          RedcapClient.builder()
              .url(url)
              .token(TOKEN)
              .httpOptions(HttpOptions.builder().sslVerify(false).build())
              .build();
      assertThat(unverified.project().exportInstruments()).isEmpty();
      assertThat(mock.allLogText()).contains("verification is OFF");
    }
    assertThatThrownBy(
            () ->
                RedcapHttp.newHttpClient(
                    HttpOptions.builder()
                        .trustStore(store, "wrong-password".toCharArray())
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ca.p12")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password"));
    assertThat(HttpOptions.builder().trustStore(store, "secret".toCharArray()).build().toString())
        .doesNotContain("secret");
  }

  @Test
  void requestsGoThroughTheConfiguredProxy() throws Exception {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.start();
      proxy.enqueue(MockRedcap.json(200, "[]"));
      RedcapClient client =
          RedcapClient.builder()
              .url("http://redcap.example.test/api/")
              .token(TOKEN)
              .allowHttp(true)
              .httpOptions(HttpOptions.builder().proxy("localhost:" + proxy.getPort()).build())
              .build();
      client.project().exportInstruments();
      RecordedRequest r = proxy.takeRequest();
      assertThat(r.getRequestLine()).isEqualTo("POST http://redcap.example.test/api/ HTTP/1.1");
      assertThat(r.getRequestLine()).doesNotContain(TOKEN);
    }
    assertThatThrownBy(() -> HttpOptions.builder().proxy("no-port").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host:port");
    assertThatThrownBy(() -> HttpOptions.builder().proxy("h:99999").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCallerSuppliedClientIsUsedButRedirectsStayOurs() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient custom =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seen.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build();
    mock.enqueue(new MockResponse.Builder().code(308).setHeader("Location", "/api2/").build());
    mock.json("[]");
    RedcapClient client =
        RedcapClient.builder().url(mock.url()).token(TOKEN).httpClient(custom).build();
    client.project().exportInstruments();
    assertThat(seen.get()).isEqualTo(2);
    mock.take();
    assertThat(mock.take().getMethod()).isEqualTo("POST");
  }

  @Test
  void dispatcherThreadsAreNamedWithoutSecrets() throws Exception {
    OkHttpClient http = RedcapHttp.newHttpClient(HttpOptions.defaults());
    AtomicReference<String> name = new AtomicReference<>();
    http.dispatcher()
        .executorService()
        .submit(() -> name.set(Thread.currentThread().getName()))
        .get();
    assertThat(name.get()).startsWith("redcap-http-");
  }
}
