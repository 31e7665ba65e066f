package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * Eight threads run 100 mixed queries each while the emulator answers 5 % of all requests with
 * a fault (429, 500, 503 or a reset connection, in equal shares): four threads each open their
 * own connection (under faults, so reading the project's structure meets them too), four share
 * one connection. Every result equals the fault-free answer computed beforehand: retries,
 * batching and the shared connection's caches never mix up, lose or repeat a row.
 */
class ConcurrentFaultsTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();

  private static final int THREADS = 8;
  private static final int QUERIES_PER_THREAD = 100;
  private static final double FAULT_RATE = 0.05;

  /** Queries whose rows are compared in order (they say ORDER BY), the others as sorted sets. */
  private static final String[] QUERIES = {
    "SELECT * FROM records",
    "SELECT record_id, f1_text, f2_integer FROM instrument_1 WHERE f2_integer > 40",
    "SELECT record_id, f12_email FROM instrument_2 WHERE f8_dropdown = '2'",
    "SELECT COUNT(*), SUM(f2_integer), MIN(f4_date) FROM instrument_1",
    "SELECT f3_radio, COUNT(*) FROM instrument_1 GROUP BY f3_radio",
    "SELECT a.record_id, a.f1_text, b.f12_email FROM instrument_1 a"
        + " JOIN instrument_2 b ON a.record_id = b.record_id WHERE b.f10_number_2dp IS NOT NULL",
    "SELECT record_id, f5_number FROM instrument_1 ORDER BY f5_number DESC, record_id LIMIT 7",
    "SELECT COUNT(*) FROM records",
  };

  private static final String LOOKUP =
      "SELECT record_id, f1_text, f4_date FROM instrument_1 WHERE record_id = ?";

  private static EmulatedProject project;
  private static final Map<String, List<String>> expected = new LinkedHashMap<>();

  @BeforeAll
  static void projectAndFaultFreeAnswers() throws SQLException {
    project = generate("records=150,fields=14,seed=51");
    LOGS.watch(project.token());
    try (Connection c = connect(project, "batchSize=40")) {
      for (String q : QUERIES) {
        expected.put(q, answer(q, Sql.rows(c, q)));
      }
      // Each lookup's answer is that record's row of one full read (none if its form is empty).
      List<List<Object>> all = Sql.rows(c, "SELECT record_id, f1_text, f4_date FROM instrument_1");
      for (int id = 1; id <= 150; id++) {
        String record = Integer.toString(id);
        expected.put(
            LOOKUP + id,
            RetriesTest.sorted(all.stream().filter(r -> r.get(0).equals(record)).toList()));
      }
      assertThat(lookup(c, 7)).isEqualTo(expected.get(LOOKUP + 7));
    }
    assertThat(expected.get(QUERIES[0])).hasSize(150);
    assertThat(expected.get(QUERIES[1])).isNotEmpty();
    assertThat(expected.get(QUERIES[2])).isNotEmpty();
    assertThat(expected.get(QUERIES[5])).isNotEmpty();
  }

  private static List<String> answer(String query, List<List<Object>> rows) {
    if (query.contains("ORDER BY")) {
      return rows.stream().map(Object::toString).toList();
    }
    return RetriesTest.sorted(rows);
  }

  private static List<String> lookup(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOOKUP)) {
      ps.setString(1, Integer.toString(id));
      return RetriesTest.sorted(Sql.rows(ps.executeQuery()));
    }
  }

  /**
   * Runs one thread's 100 queries, chosen by its seed; returns how many were checked. Every
   * other query runs on a statement the thread prepared before (planned once, executed again),
   * the others as plain statements planned afresh: planning is most of the CPU a query costs
   * here, and executions are what meet the faults.
   */
  private static int runQueries(Connection c, long seed) throws SQLException {
    Random random = new Random(seed);
    Map<String, PreparedStatement> prepared = new java.util.HashMap<>();
    int checked = 0;
    try {
      for (int i = 0; i < QUERIES_PER_THREAD; i++) {
        int pick = random.nextInt(QUERIES.length + 2);
        if (pick >= QUERIES.length) {
          int id = 1 + random.nextInt(150);
          PreparedStatement ps = prepared.get(LOOKUP);
          if (ps == null) {
            ps = c.prepareStatement(LOOKUP);
            prepared.put(LOOKUP, ps);
          }
          ps.setString(1, Integer.toString(id));
          assertThat(RetriesTest.sorted(Sql.rows(ps.executeQuery())))
              .as("lookup of record %d", id)
              .isEqualTo(expected.get(LOOKUP + id));
        } else {
          String q = QUERIES[pick];
          List<List<Object>> rows;
          if (i % 2 == 0) {
            PreparedStatement ps = prepared.get(q);
            if (ps == null) {
              ps = c.prepareStatement(q);
              prepared.put(q, ps);
            }
            rows = Sql.rows(ps.executeQuery());
          } else {
            rows = Sql.rows(c, q);
          }
          assertThat(answer(q, rows)).as(q).isEqualTo(expected.get(q));
        }
        checked++;
      }
    } finally {
      for (PreparedStatement ps : prepared.values()) {
        ps.close();
      }
    }
    return checked;
  }

  @Test
  void eightThreadsUnderFivePercentFaultsAllGetCorrectResults() throws Exception {
    emulator.resetStats();
    emulator
        .faults()
        .seed(52)
        .retryAfterSeconds(0)
        .rate429(FAULT_RATE / 4)
        .rate500(FAULT_RATE / 4)
        .rate503(FAULT_RATE / 4)
        .resetRate(FAULT_RATE / 4);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger checked = new AtomicInteger();
    long start = System.nanoTime();
    try (Connection shared = connect(project, "batchSize=40", "maxRetries=8")) {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = 1_000L + t;
        Callable<Integer> own =
            () -> {
              try (Connection c = connect(project, "batchSize=40", "maxRetries=8")) {
                return runQueries(c, seed);
              }
            };
        Callable<Integer> onShared = () -> runQueries(shared, seed);
        runs.add(pool.submit(t % 2 == 0 ? own : onShared));
      }
      for (Future<Integer> run : runs) {
        checked.addAndGet(run.get(5, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long total = emulator.stats().totalRequests();
    long faulted =
        emulator.stats().recentRequests().stream()
            .filter(r -> r.status() == 0 || r.status() >= 429)
            .count();
    assertThat(checked.get()).isEqualTo(THREADS * QUERIES_PER_THREAD);
    // The last 1000 requests are kept; at 5 % a few dozen of them must have been faults.
    assertThat(faulted).as("faulted requests among the last recorded").isGreaterThan(10);
    System.out.printf(
        "%d threads x %d queries under %.0f %% faults: %d requests (%d of the last"
            + " %d faulted), all results correct, %d ms%n",
        THREADS,
        QUERIES_PER_THREAD,
        FAULT_RATE * 100,
        total,
        faulted,
        emulator.stats().recentRequests().size(),
        millis);
  }
}
