package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.UserSpec;

/**
 * One test that gathers everything a token could leak into and greps it: log events of every
 * logger at TRACE (successes, retries, failures), standard output and error, the DriverManager
 * log writer, exception messages and full stack traces, {@code toString()} of Connection,
 * Statement, PreparedStatement, ResultSet and DatabaseMetaData, {@code getURL()}, client info,
 * the names of all threads sampled while queries run, and the request lines, URLs and headers of
 * every request a MockWebServer proxy received (where the token must be only in the POST body).
 * The token is given both as the {@code password} property and inside the JDBC URL.
 */
class TokenLeakTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.allAtTrace();

  @Test
  void theTokenAppearsInNoOutputOfAnyKind() throws Exception {
    EmulatedProject project = generate("records=120,fields=14,seed=81");
    String noExport =
        project.addUser(
            UserSpec.builder("no_export").apiExport(false).token(Tokens.next()).build());
    String unknown = Tokens.next();
    List<String> tokens = List.of(project.token(), noExport, unknown);
    tokens.forEach(LOGS::watch);

    StringBuilder seen = new StringBuilder();
    Set<String> threadNames = ConcurrentHashMap.newKeySet();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    StringWriter driverManagerLog = new StringWriter();
    PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
    DriverManager.setLogWriter(new PrintWriter(driverManagerLog, true));
    try (DamagingProxy proxy = new DamagingProxy(emulator.url())) {
      // Token as the password property, through the proxy that records request lines.
      try (Connection c =
          Sql.connect(proxy.url(), project.token(), "batchSize=40", "maxRetries=6")) {
        describe(c, seen);
        emulator.faults().seed(82).rate500(0.3).resetRate(0.1);
        seen.append(Sql.rows(c, "SELECT * FROM records")).append('\n');
        emulator.faults().reset();
        // Threads sampled while a slow batched read runs.
        emulator.faults().latencyMillis(150);
        CompletableFuture<List<List<Object>>> running =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return Sql.rows(c, "SELECT record_id, f1_text FROM instrument_1");
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
        while (!running.isDone()) {
          Thread.getAllStackTraces().keySet().forEach(t -> threadNames.add(t.getName()));
          Thread.sleep(20);
        }
        assertThat(running.get(1, TimeUnit.MINUTES)).hasSize(120);
        emulator.faults().reset();
        // Failures: retries exhausted (on a connection with few, to keep the backoff short) and
        // a bad statement.
        try (Connection few = Sql.connect(proxy.url(), project.token(), "maxRetries=1")) {
          emulator.faults().rate503(1.0);
          seen.append(
              trace(
                  assertThrows(
                      SQLException.class, () -> Sql.rows(few, "SELECT * FROM instrument_2"))));
          emulator.faults().reset();
        }
        seen.append(
            trace(
                assertThrows(
                    SQLException.class, () -> Sql.rows(c, "SELECT nothing FROM nowhere"))));
      }
      List<RecordedRequest> requests = proxy.requests();
      assertThat(requests).hasSizeGreaterThan(8);
      boolean tokenInBodies = false;
      for (RecordedRequest r : requests) {
        seen.append(r.getRequestLine())
            .append(' ')
            .append(r.getUrl())
            .append(' ')
            .append(r.getHeaders())
            .append(' ')
            .append(r)
            .append('\n');
        tokenInBodies |=
            r.getBody() != null && r.getBody().utf8().contains("token=" + project.token());
      }
      assertThat(tokenInBodies).as("the token was sent, in POST bodies").isTrue();
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      DriverManager.setLogWriter(null);
      emulator.faults().reset();
    }

    // Token inside the JDBC URL.
    Properties noPassword = new Properties();
    noPassword.setProperty("metadataTtl", "0");
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:redcap:url=" + emulator.url() + ";token=" + project.token() + ";maxRetries=1",
            noPassword)) {
      describe(c, seen);
      assertThat(c.getMetaData().getURL()).isEqualTo("jdbc:redcap:" + emulator.url());
    }
    // Tokens REDCap refuses: unknown, and one without API export rights.
    for (String refused : List.of(unknown, noExport)) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (Connection c = Sql.connect(emulator.url(), refused, "maxRetries=0")) {
                  Sql.rows(c, "SELECT * FROM records");
                }
              });
      seen.append(trace(e));
    }
    // The messages REDCap sent for the two refusals are kept verbatim.
    assertThat(seen)
        .contains("You do not have permissions to use the API")
        .contains("You do not have API Export privileges");

    seen.append(console.toString(StandardCharsets.UTF_8)).append(driverManagerLog);
    seen.append(String.join("\n", threadNames));
    emulator.stats().recentRequests().forEach(r -> seen.append(r).append('\n'));
    String all = seen.toString();
    for (String token : tokens) {
      for (String form : List.of(token, token.toLowerCase(Locale.ROOT))) {
        assertThat(all).as("all gathered output").doesNotContain(form);
      }
    }
    assertThat(LOGS.leaks()).as("log events carrying a token").isEmpty();
    assertThat(LOGS.count(Level.TRACE)).as("TRACE events captured").isPositive();
    assertThat(LOGS.count(Level.WARN)).as("WARN events (retries) captured").isPositive();
    assertThat(threadNames).as("threads sampled during the query").hasSizeGreaterThan(3);
    System.out.printf(
        "token-leak check: %d characters of output, %d threads, %d TRACE and %d"
            + " WARN events, none holds a token%n",
        all.length(), threadNames.size(), LOGS.count(Level.TRACE), LOGS.count(Level.WARN));
  }

  /** The text of every JDBC object's toString, the URL and client info. */
  private static void describe(Connection c, StringBuilder out) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    out.append(c)
        .append('\n')
        .append(md)
        .append('\n')
        .append(md.getURL())
        .append('\n')
        .append(md.getUserName())
        .append('\n')
        .append(c.getClientInfo())
        .append('\n')
        .append(c.getCatalog())
        .append(' ')
        .append(c.getSchema())
        .append('\n');
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT record_id FROM records WHERE record_id = '1'");
        PreparedStatement ps =
            c.prepareStatement("SELECT record_id FROM records WHERE record_id = ?")) {
      out.append(s)
          .append('\n')
          .append(rs)
          .append('\n')
          .append(rs.getMetaData())
          .append('\n')
          .append(ps)
          .append('\n')
          .append(rs.getStatement())
          .append('\n');
      try (ResultSet tables = md.getTables(null, null, "%", null)) {
        out.append(Sql.rows(tables)).append('\n');
      }
    }
  }

  private static String trace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    List<String> text = new ArrayList<>();
    text.add(w.toString());
    return String.join("\n", text) + "\n";
  }
}
