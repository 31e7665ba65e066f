package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.client.RecordImportRequest;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * An import is never sent twice once its body may have reached the server: a 500, a reset
 * connection or an answer cut off each give exactly one import request and an error saying the
 * import may have been applied and was not repeated. Reads under the same faults are retried
 * (see {@link RetriesTest}).
 */
class WritesNotRetriedTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();

  private static EmulatedProject project;
  private RedcapClient client;

  @BeforeAll
  static void project() {
    project = generate("records=20,fields=6,seed=9");
    LOGS.watch(project.token());
  }

  @BeforeEach
  void client() {
    client =
        RedcapClient.builder()
            .url(emulator.url())
            .token(project.token())
            .maxRetries(5)
            .retryBaseDelay(Duration.ofMillis(10))
            .build();
    emulator.resetStats();
  }

  private static RecordImportRequest oneRecord(String id) {
    return RecordImportRequest.builder()
        .rows(List.of(Map.of("record_id", id, "f1_text", "written once")))
        .build();
  }

  private static long imports() {
    return emulator.stats().requests("record/import").size();
  }

  private static long countOf(String id) throws SQLException {
    try (Connection c = connect(project)) {
      return ((Number) Sql.value(c, "SELECT COUNT(*) FROM records WHERE record_id = '" + id + "'"))
          .longValue();
    }
  }

  @Test
  void aServerErrorOnAnImportIsNotRetried() {
    emulator.faults().rate500(1.0);
    RedcapException e =
        assertThrows(
            RedcapException.class, () -> client.records().importRecords(oneRecord("w-500")));
    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(e.getMessage())
        .contains("Not retried")
        .contains("may have been applied")
        .contains("check the project");
    assertThat(imports()).isEqualTo(1);
  }

  @Test
  void aResetConnectionOnAnImportIsNotRetried() {
    emulator.faults().resetRate(1.0);
    RedcapException e =
        assertThrows(
            RedcapException.class, () -> client.records().importRecords(oneRecord("w-reset")));
    assertThat(e.kind()).isEqualTo(RedcapException.Kind.TRANSPORT);
    assertThat(e.getMessage()).contains("Not retried").contains("may already have reached");
    assertThat(imports()).isEqualTo(1);
  }

  @Test
  void anImportWhoseAnswerIsCutOffSaysItMayHaveBeenApplied() throws SQLException {
    emulator.faults().truncateAfterBytes(1);
    RedcapException e =
        assertThrows(
            RedcapException.class, () -> client.records().importRecords(oneRecord("w-cut")));
    emulator.faults().reset();
    assertThat(imports()).isEqualTo(1);
    // The server did write it: the message must not suggest that nothing happened.
    assertThat(countOf("w-cut")).isEqualTo(1);
    assertThat(e.getMessage()).contains("may have been applied").contains("not retried");
  }

  @Test
  void anSqlInsertMeetingA500IsSentOnceAndSaysItsOutcomeIsUnknown() throws SQLException {
    try (Connection c = connect(project, "maxRetries=5")) {
      emulator.resetStats();
      emulator.faults().rate500(1.0);
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  c.createStatement()
                      .executeUpdate(
                          "INSERT INTO instrument_1 (record_id, f1_text) VALUES ('sql-500', 'x')"));
      assertThat(Sql.messages(e))
          .contains("HTTP 500")
          .contains("Not retried")
          .contains("Whether REDCap applied this call is unknown");
      assertThat(imports()).isEqualTo(1);
      emulator.faults().reset();
      // The connection is usable, and a read after the fault is retried as usual.
      assertThat(Sql.value(c, "SELECT COUNT(*) FROM records WHERE record_id = '1'")).isEqualTo(1L);
    }
  }

  /**
   * A statement split into import calls: the second call's answer is lost to a 500 (the proxy
   * replaces the emulator's success), so the first call's rows stay written, the second call's
   * outcome is unknown, and the third call is never sent.
   */
  @Test
  void aFailedCallOfASplitInsertSaysWhatWasWrittenAndSendsNoMore() throws Exception {
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c =
            Sql.connect(proxy.url(), project.token(), "importBatchSize=2", "maxRetries=5")) {
      java.util.concurrent.atomic.AtomicInteger importCalls =
          new java.util.concurrent.atomic.AtomicInteger();
      proxy.damage(
          x -> {
            boolean isImport = "record".equals(x.param("content")) && x.param("data") != null;
            if (isImport && importCalls.incrementAndGet() == 2) {
              return new mockwebserver3.MockResponse.Builder()
                  .code(500)
                  .setHeader("Content-Type", "text/html")
                  .body("<html><head><title>500 Internal Server Error</title></head></html>")
                  .build();
            }
            return x.passThrough();
          });
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  c.createStatement()
                      .executeUpdate(
                          "INSERT INTO instrument_1 (record_id, f1_text) VALUES ('s1', 'a'), ('s2', 'b'),"
                              + " ('s3', 'c'), ('s4', 'd'), ('s5', 'e')"));
      assertThat(importCalls.get()).as("import calls that reached the server").isEqualTo(2);
      assertThat(Sql.messages(e))
          .contains("import call 2 of 3")
          .contains("HTTP 500")
          .contains("Whether REDCap applied this call is unknown")
          .contains("2 rows written by earlier calls stay written")
          .contains("the 1 rows after this call were not sent");
    }
    try (Connection c = connect(project)) {
      assertThat(
              Sql.rows(
                  c,
                  "SELECT record_id FROM instrument_1 WHERE record_id IN ('s1', 's2',"
                      + " 's3', 's4', 's5') ORDER BY record_id"))
          .extracting(r -> r.get(0))
          .containsExactly("s1", "s2", "s3", "s4");
    }
  }

  @Test
  void aReadUnderTheSameFaultIsRetried() {
    emulator.faults().seed(3).rate500(0.5);
    assertThat(client.project().exportInstruments()).isNotEmpty();
    emulator.faults().reset();
    assertThat(emulator.stats().requests("instrument/export"))
        .last()
        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
  }
}
