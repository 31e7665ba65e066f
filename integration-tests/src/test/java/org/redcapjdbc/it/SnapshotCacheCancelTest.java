package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.OverwriteBehavior;
import org.redcapjdbc.client.RecordImportRequest;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * {@code Statement.cancel()} and {@code setQueryTimeout} stop the snapshot cache's fill and
 * refresh as they stop a live read, and a stopped fill leaves nothing a later statement would
 * read as the copy: it fills afresh and returns every row. The emulator's latency knob makes each
 * request of the fill slow (batches of 50 records, one at a time), so the stop lands in the
 * middle of the fill's export.
 */
class SnapshotCacheCancelTest extends EmulatorTest {
  private static final String ALL = "SELECT * FROM records ORDER BY record_id";
  private static final String[] SLOW_FILL = {"cache=memory", "batchSize=50", "parallelism=1"};

  @AfterEach
  void healServer() {
    emulator.faults().reset();
  }

  private static CompletableFuture<Throwable> run(Statement s) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (ResultSet rs = s.executeQuery(ALL)) {
            while (rs.next()) {
              // read until stopped
            }
            return null;
          } catch (Throwable e) {
            return e;
          }
        });
  }

  private static List<List<Object>> live(EmulatedProject p) throws SQLException {
    try (Connection c = connect(p)) {
      return Jdbc.rows(c, ALL);
    }
  }

  @Test
  void cancelStopsAFillAndTheNextStatementFillsAfresh() throws Exception {
    EmulatedProject p = emulator.generate("records=400,fields=12,seed=131", null);
    List<List<Object>> expected = live(p); // also loads Calcite outside the clock
    try (Connection cached = connect(p, SLOW_FILL);
        Statement s = cached.createStatement()) {
      emulator.faults().latencyMillis(300);
      CompletableFuture<Throwable> running = run(s);
      Thread.sleep(1_300); // structure check, ID pass, a batch or two
      emulator.resetStats();
      long start = System.nanoTime();
      s.cancel();
      Throwable failure = running.get(5, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("cancelled");
      assertThat(millis).as("ms from cancel() to the query's end").isLessThan(1_000);
      emulator.faults().reset();
      Thread.sleep(400); // requests the server was still answering
      long afterStop = emulator.stats().totalRequests();
      Thread.sleep(400);
      assertThat(emulator.stats().totalRequests())
          .as("no fill request after the cancel")
          .isEqualTo(afterStop);
      assertThat(Jdbc.rows(s.executeQuery(ALL))).isEqualTo(expected);
    }
  }

  @Test
  void aQueryTimeoutStopsAFillAndTheNextStatementFillsAfresh() throws Exception {
    EmulatedProject p = emulator.generate("records=400,fields=12,seed=132", null);
    List<List<Object>> expected = live(p);
    try (Connection cached = connect(p, SLOW_FILL);
        Statement s = cached.createStatement()) {
      emulator.faults().latencyMillis(300);
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      Throwable failure = run(s).get(10, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("timeout of 1.0 s");
      assertThat(millis).as("ms until the timeout stopped the fill").isLessThan(2_000);
      emulator.faults().reset();
      s.setQueryTimeout(0);
      assertThat(Jdbc.rows(s.executeQuery(ALL))).isEqualTo(expected);
    }
  }

  @Test
  void aQueryTimeoutStopsARefreshAndTheNextStatementRefreshesAfresh() throws Exception {
    EmulatedProject p = emulator.generate("records=200,fields=12,seed=133", null);
    try (Connection cached = connect(p, SLOW_FILL);
        Statement s = cached.createStatement()) {
      Jdbc.rows(s.executeQuery(ALL)); // filled
      importValue(p, "17", "f1_text", "changed before the refresh");
      emulator.faults().latencyMillis(3_000);
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      Throwable failure = run(s).get(10, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("timeout of 1.0 s");
      assertThat(millis).as("ms until the timeout stopped the refresh").isLessThan(2_000);
      emulator.faults().reset();
      s.setQueryTimeout(0);
      List<List<Object>> rows = Jdbc.rows(s.executeQuery(ALL));
      assertThat(rows).isEqualTo(live(p));
      assertThat(Jdbc.value(cached, "SELECT f1_text FROM records WHERE record_id = '17'"))
          .isEqualTo("changed before the refresh");
    }
  }

  @Test
  void aConnectionWaitingOnTheCopyIsNotBrokenByAnothersCancel() throws Exception {
    EmulatedProject p = emulator.generate("records=400,fields=12,seed=134", null);
    List<List<Object>> expected = live(p);
    try (Connection first = connect(p, SLOW_FILL);
        Connection second = connect(p, SLOW_FILL);
        Statement s1 = first.createStatement();
        Statement s2 = second.createStatement()) {
      emulator.faults().latencyMillis(200);
      CompletableFuture<Throwable> filling = run(s1);
      Thread.sleep(500);
      CompletableFuture<List<List<Object>>> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Jdbc.rows(s2.executeQuery(ALL));
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      Thread.sleep(500);
      s1.cancel();
      assertThat(filling.get(5, TimeUnit.SECONDS))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("cancelled");
      assertThat(waiting.get(60, TimeUnit.SECONDS))
          .as("the waiting statement fills the copy itself")
          .isEqualTo(expected);
      emulator.faults().reset();
      assertThat(Jdbc.rows(s1.executeQuery(ALL))).isEqualTo(expected);
    }
  }

  private static void importValue(EmulatedProject p, String record, String field, String value) {
    Map<String, String> row = new java.util.LinkedHashMap<>();
    row.put("record_id", record);
    row.put(field, value);
    RedcapClient.builder()
        .url(emulator.url())
        .token(p.token())
        .build()
        .records()
        .importRecords(
            RecordImportRequest.builder()
                .rows(List.of(row))
                .overwriteBehavior(OverwriteBehavior.NORMAL)
                .build());
  }
}
