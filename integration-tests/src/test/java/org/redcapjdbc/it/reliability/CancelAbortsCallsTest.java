package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * {@code Statement.cancel()} and {@code setQueryTimeout} stop a batched export whose batches
 * stream slowly (as a loaded REDCap does) within a second, and <em>abort its HTTP calls</em>: the
 * server sees every body it was still writing cut off by the client, no new batch is requested
 * afterwards, and the same statement then runs the next query. ({@code LargeProjectTest} checks
 * the same timings against the emulator's latency knob, where the abort cannot be observed.)
 */
class CancelAbortsCallsTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();
  private static final String QUERY = "SELECT * FROM records";

  private static EmulatedProject project;
  private static List<String> expected;

  @BeforeAll
  static void project() throws SQLException {
    project = generate("records=300,fields=14,seed=111");
    LOGS.watch(project.token());
    try (Connection c = connect(project)) {
      expected = RetriesTest.sorted(Sql.rows(c, QUERY));
    }
  }

  interface Stopper {
    void stop(Statement s) throws SQLException;
  }

  private void slowBatchesAreAborted(Stopper stopper, boolean timeout) throws Exception {
    List<DamagingProxy.SlowBody> bodies = new CopyOnWriteArrayList<>();
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token(), "batchSize=50");
        Statement s = c.createStatement()) {
      // Every batch trickles out: 256 bytes every 100 ms, tens of seconds per batch.
      proxy.damage(
          x -> {
            if (!x.isBatch()) {
              return x.passThrough();
            }
            DamagingProxy.SlowBody body = new DamagingProxy.SlowBody(x.body(), 256, 100);
            bodies.add(body);
            return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", x.contentType())
                .body(body)
                .build();
          });
      if (timeout) {
        stopper.stop(s);
      }
      long[] stoppedAt = new long[1];
      CompletableFuture<Throwable> running =
          CompletableFuture.supplyAsync(
              () -> {
                try (ResultSet rs = s.executeQuery(QUERY)) {
                  while (rs.next()) {
                    // read until stopped
                  }
                  return null;
                } catch (Throwable e) {
                  return e;
                }
              });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (bodies.stream().noneMatch(b -> b.startedAtNanos() != 0)
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(bodies).as("a batch is streaming").isNotEmpty();
      if (!timeout) {
        Thread.sleep(200);
        stoppedAt[0] = System.nanoTime();
        stopper.stop(s);
      }
      Throwable failure = running.get(10, TimeUnit.SECONDS);
      long endedAt = System.nanoTime();
      assertThat(failure).isInstanceOf(SQLException.class);
      System.out.println((timeout ? "timeout" : "cancel") + ": " + failure.getMessage());
      assertThat(failure.getMessage()).contains(timeout ? "timeout" : "cancelled");
      if (!timeout) {
        assertThat((endedAt - stoppedAt[0]) / 1_000_000)
            .as("ms from cancel() to the end")
            .isLessThan(1_000);
      }
      int requestsAtStop = proxy.requests().size();
      // Give the server a moment to notice the dropped connections.
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (bodies.stream().anyMatch(b -> b.startedAtNanos() != 0 && b.abortedAtNanos() == 0)
          && System.nanoTime() < waitUntil) {
        Thread.sleep(20);
      }
      for (DamagingProxy.SlowBody b : bodies) {
        if (b.startedAtNanos() != 0) {
          assertThat(b.finished()).as("a batch body was read to its end").isFalse();
          assertThat(b.abortedAtNanos())
              .as("the client dropped the batch's connection")
              .isNotZero();
          assertThat((b.abortedAtNanos() - endedAt) / 1_000_000)
              .as("ms from the query's end until the server saw the abort")
              .isLessThan(1_000);
        }
      }
      assertThat(proxy.requests()).as("no request after the stop").hasSize(requestsAtStop);
      // The statement and the connection go on working.
      proxy.passEverything();
      s.setQueryTimeout(0);
      assertThat(RetriesTest.sorted(Sql.rows(s.executeQuery(QUERY)))).isEqualTo(expected);
    }
  }

  @Test
  void cancelAbortsTheBatchesBeingStreamed() throws Exception {
    slowBatchesAreAborted(Statement::cancel, false);
  }

  @Test
  void aQueryTimeoutAbortsTheBatchesBeingStreamed() throws Exception {
    long start = System.nanoTime();
    slowBatchesAreAborted(s -> s.setQueryTimeout(1), true);
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
  }
}
