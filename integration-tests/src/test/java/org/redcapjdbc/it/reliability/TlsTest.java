package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/**
 * TLS through JDBC against the emulator serving HTTPS with a certificate made at test time: a
 * private CA signs a server certificate that names {@code localhost} only. By default the driver
 * refuses it (unknown CA) with a message saying what to do; {@code trustStore} holding the CA
 * makes it work; the same trusted certificate reached as {@code 127.0.0.1} is a host-name
 * mismatch and refused; {@code sslVerify=false} accepts both and logs a warning. Plain
 * {@code http://} to a host other than loopback is refused before any request unless
 * {@code allowHttp=true} (shown through an HTTP proxy, so no network is needed).
 */
class TlsTest {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();
  private static final String PASSWORD = "changeit";
  private static final String QUERY = "SELECT COUNT(*) FROM instrument_1";

  @TempDir static Path dir;
  private static RedcapEmulator https;
  private static EmulatedProject project;
  private static Path trustStore;
  private static int port;

  @BeforeAll
  static void httpsEmulator() throws Exception {
    HeldCertificate ca =
        new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("redcap-jdbc test CA")
            .build();
    HeldCertificate server =
        new HeldCertificate.Builder()
            .signedBy(ca)
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .build();

    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "emulator",
        server.keyPair().getPrivate(),
        PASSWORD.toCharArray(),
        new Certificate[] {server.certificate(), ca.certificate()});
    Path keystore = dir.resolve("emulator.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      keys.store(out, PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("test-ca", ca.certificate());
    trustStore = dir.resolve("ca.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trust.store(out, PASSWORD.toCharArray());
    }

    https = RedcapEmulator.builder().https(keystore, PASSWORD).build().start();
    assertThat(https.url()).startsWith("https://127.0.0.1:");
    port = java.net.URI.create(https.url()).getPort();
    project = https.generate("records=20,fields=8,seed=91", Tokens.next());
    LOGS.watch(project.token());
  }

  @AfterAll
  static void stop() {
    https.close();
  }

  @BeforeEach
  void clearStats() {
    https.resetStats();
    LOGS.clearRecent();
  }

  private static String localhostUrl() {
    return "https://localhost:" + port + "/api/";
  }

  private static String ipUrl() {
    return "https://127.0.0.1:" + port + "/api/";
  }

  private static long count(String url, String... properties) throws SQLException {
    try (Connection c = Sql.connect(url, project.token(), properties)) {
      return (Long) Sql.value(c, QUERY);
    }
  }

  @Test
  void anUntrustedCertificateIsRefusedSayingWhatToDo() {
    SQLException e = assertThrows(SQLException.class, () -> count(localhostUrl(), "maxRetries=0"));
    System.out.println("untrusted: " + Sql.messages(e));
    assertThat(Sql.messages(e)).contains("TLS").contains("trustStore").contains("localhost");
    assertThat(https.stats().totalRequests()).as("no request got through").isZero();
  }

  @Test
  void aTrustStoreHoldingTheCaMakesItWork() throws SQLException {
    assertThat(count(localhostUrl(), "trustStore=" + trustStore, "trustStorePassword=" + PASSWORD))
        .isEqualTo(20L);
    assertThat(LOGS.messages(Level.WARN, "verification")).isEmpty();
  }

  @Test
  void aHostNameMismatchIsRefusedEvenWithATrustedCa() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                count(
                    ipUrl(),
                    "trustStore=" + trustStore,
                    "trustStorePassword=" + PASSWORD,
                    "maxRetries=0"));
    System.out.println("mismatch: " + Sql.messages(e));
    assertThat(Sql.messages(e))
        .contains("not valid for the host name 127.0.0.1")
        .contains("Connect with the host name the certificate names")
        .doesNotContain("trust store");
    assertThat(https.stats().totalRequests()).as("no request got through").isZero();
  }

  @Test
  void sslVerifyFalseAcceptsAnyCertificateAndLogsAWarning() throws SQLException {
    assertThat(count(ipUrl(), "sslVerify=false")).isEqualTo(20L);
    assertThat(LOGS.messages(Level.WARN, "verification is OFF")).isNotEmpty();
  }

  @Test
  void plainHttpToAnotherHostNeedsAllowHttp() throws Exception {
    try (RedcapEmulator plain = RedcapEmulator.builder().build().start();
        DamagingProxy proxy = new DamagingProxy(plain.url())) {
      EmulatedProject p = plain.generate("records=20,fields=8,seed=92", Tokens.next());
      LOGS.watch(p.token());
      String proxyAddress = "proxy=127.0.0.1:" + java.net.URI.create(proxy.url()).getPort();
      String remote = "http://redcap.example.org/api/";

      SQLException e =
          assertThrows(SQLException.class, () -> Sql.connect(remote, p.token(), proxyAddress));
      assertThat(e.getMessage())
          .contains("Refusing plain http:// to redcap.example.org")
          .contains("allowHttp=true");
      assertThat(proxy.requests()).as("refused before any request").isEmpty();

      try (Connection c = Sql.connect(remote, p.token(), proxyAddress, "allowHttp=true")) {
        assertThat(Sql.value(c, QUERY)).isEqualTo(20L);
      }
      assertThat(proxy.requests())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.getRequestLine()).contains("redcap.example.org"));
      assertThat(LOGS.messages(Level.WARN, "Plain http:// to redcap.example.org"))
          .as("a warning that the token travels unencrypted")
          .isNotEmpty();
    }
    List<String> leaks = LOGS.leaks();
    assertThat(leaks).isEmpty();
  }
}
