package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.slf4j.LoggerFactory;

/**
 * Bad input gives a clear SQLException: unknown tables and columns, type errors, a bad token
 * (REDCap's own text, never the token), an unreachable host, a URL that is not a REDCap API, and
 * plain http to another host. No log line carries the token.
 */
class ErrorsTest extends EmulatorTest {
  private static final String BAD_TOKEN = "0123456789ABCDEF0123456789ABCDEF";
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  /** The driver's loggers, all levels, into the list only (not the console). */
  private final Logger driver = (Logger) LoggerFactory.getLogger("org.redcapjdbc");

  private Level level;
  private EmulatedProject project;

  @BeforeEach
  void captureLogs() {
    level = driver.getLevel();
    driver.setLevel(Level.DEBUG);
    driver.setAdditive(false);
    logs.start();
    driver.addAppender(logs);
    project = load("phpcap/PHPCapBasicDemography.REDCap.xml");
  }

  @AfterEach
  void noTokenInLogs() {
    driver.detachAppender(logs);
    driver.setAdditive(true);
    driver.setLevel(level);
    for (ILoggingEvent e : logs.list) {
      assertThat(e.getFormattedMessage()).doesNotContain(project.token()).doesNotContain(BAD_TOKEN);
      if (e.getThrowableProxy() != null) {
        assertThat(e.getThrowableProxy().getMessage()).doesNotContain(project.token());
      }
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      assertThat(t.getName()).doesNotContain(project.token());
    }
  }

  private static Connection connectTo(String url, String token, String... properties)
      throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", token);
    info.setProperty("maxRetries", "0");
    info.setProperty("connectTimeout", "5");
    for (String p : properties) {
      info.setProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    return DriverManager.getConnection("jdbc:redcap:" + url, info);
  }

  private static void assertNoToken(Throwable e, String token) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(token);
      assertThat(t.toString()).doesNotContain(token);
    }
  }

  @Test
  void unknownTablesAndColumnsAndTypeErrorsAreSqlErrors() throws SQLException {
    try (Connection c = connect(project)) {
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM no_such_table"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Object 'no_such_table' not found");
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT no_such_column FROM records"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Column 'no_such_column' not found");
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT * FROM records WHERE dob = TRUE"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Cannot apply '=' to arguments of type '<DATE> = <BOOLEAN>'");
      assertThatThrownBy(() -> Jdbc.rows(c, "SELEC * FROM records"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("parse failed");
      // The connection is still usable.
      assertThat(Jdbc.value(c, "SELECT COUNT(*) FROM demographics")).isEqualTo(100L);
    }
  }

  @Test
  void aBadTokenFailsWithRedcapsMessageAndNoToken() {
    SQLException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class, () -> connectTo(emulator.url(), BAD_TOKEN));
    assertThat(e.getMessage())
        .contains("You do not have permissions to use the API")
        .contains(emulator.url());
    assertThat(e.getSQLState()).isEqualTo("28000");
    assertNoToken(e, BAD_TOKEN);
    assertThat(logs.list).as("the driver logged its requests (at DEBUG)").isNotEmpty();
  }

  @Test
  void anUnreachableHostSaysWhichHost() throws Exception {
    int freePort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      freePort = s.getLocalPort();
    }
    SQLException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class,
            () -> connectTo("http://127.0.0.1:" + freePort + "/api/", project.token()));
    assertThat(e.getMessage())
        .contains("Cannot reach the REDCap server 127.0.0.1:" + freePort)
        .contains("could not connect");
    assertThat(e.getSQLState()).startsWith("08");
    assertNoToken(e, project.token());

    SQLException unknown =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class,
            () -> connectTo("https://no-such-host.invalid/api/", project.token()));
    assertThat(unknown.getMessage()).contains("no-such-host.invalid").contains("resolved");
    assertNoToken(unknown, project.token());
  }

  @Test
  void aUrlThatIsNotARedcapApiIsNamed() {
    String notApi = emulator.url().replace("/api/", "/redcap/");
    SQLException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class, () -> connectTo(notApi, project.token()));
    assertThat(e.getMessage()).contains(notApi).contains("not a REDCap API endpoint");
    assertNoToken(e, project.token());
  }

  @Test
  void plainHttpToAnotherHostIsRefusedBeforeAnyRequest() {
    SQLException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class, () -> connectTo("http://redcap.example.org/api/", project.token()));
    assertThat(e.getMessage())
        .contains("Refusing plain http:// to redcap.example.org")
        .contains("allowHttp=true");
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertNoToken(e, project.token());
  }
}
