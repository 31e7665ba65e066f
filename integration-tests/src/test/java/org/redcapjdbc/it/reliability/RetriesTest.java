package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;
import org.redcapjdbc.emulator.Faults;

/**
 * Transient server failures on reads (429 with Retry-After, 500, 503, connection resets) are
 * retried with backoff up to {@code maxRetries}, and the query then returns exactly the rows a
 * fault-free run returns; a failure that outlasts the retries is an SQLException saying how many
 * attempts were made and what REDCap answered.
 */
class RetriesTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();

  /** A project small enough for one request, and one read in an ID pass and six batches. */
  private static EmulatedProject small;

  private static EmulatedProject large;
  private static Map<String, List<String>> expected;

  private static final String[] SMALL_QUERIES = {
    "SELECT * FROM records", "SELECT COUNT(*), SUM(f2_integer) FROM instrument_1",
  };
  private static final String[] LARGE_QUERIES = {
    "SELECT * FROM records",
    "SELECT record_id, f12_email, f10_number_2dp FROM instrument_2 WHERE f8_dropdown = '2'",
  };

  @BeforeAll
  static void projectsAndFaultFreeAnswers() throws SQLException {
    small = generate("records=60,fields=14,seed=3");
    large = generate("records=600,fields=14,seed=4");
    LOGS.watch(small.token()).watch(large.token());
    expected = answers();
    assertThat(expected.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
  }

  /** Every query's rows, each row as text, sorted (the comparison ignores row order). */
  private static Map<String, List<String>> answers() throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Connection c = connect(small, "maxRetries=6")) {
      for (String q : SMALL_QUERIES) {
        out.put("small: " + q, sorted(Sql.rows(c, q)));
      }
    }
    try (Connection c = connect(large, "maxRetries=6", "batchSize=100")) {
      for (String q : LARGE_QUERIES) {
        out.put("large: " + q, sorted(Sql.rows(c, q)));
      }
    }
    return out;
  }

  static List<String> sorted(List<List<Object>> rows) {
    List<String> text = new ArrayList<>();
    for (List<Object> r : rows) {
      text.add(r.toString());
    }
    text.sort(Comparator.naturalOrder());
    return text;
  }

  /** Requests the emulator answered with a fault (status 0 is a reset connection). */
  private static long faulted(Faults.Outcome outcome) {
    int status =
        switch (outcome) {
          case RESET -> 0;
          case STATUS_429 -> 429;
          case STATUS_500 -> 500;
          case STATUS_503 -> 503;
          default -> throw new IllegalArgumentException(outcome.toString());
        };
    return emulator.stats().recentRequests().stream().filter(r -> r.status() == status).count();
  }

  @ParameterizedTest
  @EnumSource(
      value = Faults.Outcome.class,
      names = {"STATUS_429", "STATUS_500", "STATUS_503", "RESET"})
  void aTransientFaultIsRetriedAndTheRowsAreComplete(Faults.Outcome outcome) throws SQLException {
    // Connect first: the model is read fault-free, so only the queries meet the faults.
    try (Connection cs = connect(small, "maxRetries=6");
        Connection cl = connect(large, "maxRetries=6", "batchSize=100")) {
      emulator.resetStats();
      LOGS.clearRecent();
      double rate = 0.3;
      Faults f = emulator.faults().seed(outcome.ordinal() + 11);
      switch (outcome) {
        case STATUS_429 -> f.rate429(rate).retryAfterSeconds(0);
        case STATUS_500 -> f.rate500(rate);
        case STATUS_503 -> f.rate503(rate);
        default -> f.resetRate(rate);
      }
      for (String q : SMALL_QUERIES) {
        assertThat(sorted(Sql.rows(cs, q))).as(q).isEqualTo(expected.get("small: " + q));
      }
      for (String q : LARGE_QUERIES) {
        assertThat(sorted(Sql.rows(cl, q))).as(q).isEqualTo(expected.get("large: " + q));
      }
      long faults = faulted(outcome);
      assertThat(faults).as("requests answered with %s", outcome).isPositive();
      // Each fault cost the driver one logged retry: none was re-sent silently by OkHttp.
      assertThat(LOGS.messages(Level.WARN, "retry"))
          .as("WARN lines of retries")
          .hasSize((int) faults);
      System.out.printf(
          "%s at %.0f %%: %d faulted of %d requests, all queries complete%n",
          outcome, rate * 100, faults, emulator.stats().totalRequests());
    }
  }

  @Test
  void retryAfterIsWaitedForBeforeTheNextAttempt() throws SQLException {
    try (Connection c = connect(small, "maxRetries=4")) {
      emulator.resetStats();
      // Two seconds: longer than the first backoff pause (at most one second), so a retry that
      // came sooner would show that the header was ignored.
      emulator.faults().seed(5).rate429(0.5).retryAfterSeconds(2);
      String q = SMALL_QUERIES[0];
      for (int i = 0; i < 10 && emulator.stats().requests("record/export").size() < 2; i++) {
        assertThat(sorted(Sql.rows(c, q))).isEqualTo(expected.get("small: " + q));
      }
      List<RecordedRequest> exports = emulator.stats().requests("record/export");
      int throttled = 0;
      for (int i = 0; i + 1 < exports.size(); i++) {
        if (exports.get(i).status() == 429) {
          throttled++;
          Duration gap = Duration.between(exports.get(i).at(), exports.get(i + 1).at());
          assertThat(gap)
              .as("pause after a 429 with Retry-After: 2")
              .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        }
      }
      assertThat(throttled).as("429 answers followed by a retry").isPositive();
      assertThat(exports.get(exports.size() - 1).status()).isEqualTo(200);
    }
  }

  @Test
  void aFaultThatOutlastsTheRetriesFailsSayingHowOftenItWasTried() throws SQLException {
    try (Connection c = connect(small, "maxRetries=2")) {
      emulator.resetStats();
      emulator.faults().rate503(1.0);
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, SMALL_QUERIES[0]));
      assertThat(Sql.messages(e))
          .contains("HTTP 503")
          .contains("Gave up after 3 attempts")
          .contains("content=record");
      assertThat(emulator.stats().requests("record/export")).hasSize(3);
      emulator.faults().reset();
      // The connection is still usable once the server recovers.
      String q = SMALL_QUERIES[1];
      assertThat(sorted(Sql.rows(c, q))).isEqualTo(expected.get("small: " + q));
    }
  }

  @Test
  void maxRetriesZeroTriesOnce() throws SQLException {
    try (Connection c = connect(small, "maxRetries=0")) {
      emulator.resetStats();
      emulator.faults().resetRate(1.0);
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, SMALL_QUERIES[0]));
      assertThat(Sql.messages(e)).contains("content=record").contains("127.0.0.1");
      assertThat(emulator.stats().requests("record/export")).hasSize(1);
    }
  }

  @Test
  void aRetryAfterLongerThanFiveMinutesIsNotWaitedFor() throws SQLException {
    try (Connection c = connect(small, "maxRetries=3")) {
      emulator.resetStats();
      emulator.faults().rate429(1.0).retryAfterSeconds(3600);
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, SMALL_QUERIES[0]));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(Sql.messages(e))
          .contains("HTTP 429")
          .contains("Retry-After")
          .contains("rate-limiting");
      assertThat(emulator.stats().requests("record/export")).hasSize(1);
    }
  }
}
