package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * {@code maxRequestsPerMinute} through JDBC: two connections to one emulator, one allowing 40
 * requests a minute and one 1,000, together send no more than 40 in the (seconds-long) test,
 * however many queries four threads try; the queries left waiting for a slot end with their
 * query timeout, and {@code Statement.cancel()} stops one at once. Without the governor the
 * threads would send hundreds of requests in the same time.
 */
class RequestRateLimitTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();
  private static final int LIMIT = 40;

  @Test
  void connectionsToOneHostTogetherStayUnderTheSmallestLimit() throws Exception {
    EmulatedProject project = generate("records=30,fields=4,seed=14");
    LOGS.watch(project.token());
    emulator.resetStats();
    long start = System.nanoTime();
    try (Connection strict = connect(project, "maxRequestsPerMinute=" + LIMIT);
        Connection lax = connect(project, "maxRequestsPerMinute=1000")) {
      long afterConnect = emulator.stats().totalRequests();
      assertThat(afterConnect).as("both connects fit in the limit").isLessThan(LIMIT - 8);

      List<CompletableFuture<Throwable>> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Connection c = t % 2 == 0 ? strict : lax;
        threads.add(CompletableFuture.supplyAsync(() -> queryUntilStopped(c)));
      }
      for (CompletableFuture<Throwable> thread : threads) {
        Throwable stop = thread.get(30, TimeUnit.SECONDS);
        assertThat(stop).isInstanceOf(SQLException.class);
        assertThat(stop.getMessage()).contains("timeout");
      }
      assertThat(emulator.stats().totalRequests())
          .as("requests the emulator saw, all within one minute")
          .isEqualTo(LIMIT);

      // A query waiting for a slot stops as soon as it is cancelled.
      try (Statement s = strict.createStatement()) {
        CompletableFuture<Throwable> waiting =
            CompletableFuture.supplyAsync(() -> run(s, "SELECT * FROM records"));
        Thread.sleep(300);
        assertThat(waiting).as("waiting for a slot").isNotDone();
        long cancelledAt = System.nanoTime();
        s.cancel();
        Throwable stop = waiting.get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt))
            .as("ms from cancel() to the end")
            .isLessThan(1_000);
        assertThat(stop).isInstanceOf(SQLException.class);
        assertThat(stop.getMessage()).contains("cancelled");
      }
      assertThat(emulator.stats().totalRequests()).isEqualTo(LIMIT);
    }
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
        .as("the test ran within one window")
        .isLessThan(50);
    assertThat(LOGS.messages(Level.DEBUG, "before the next request to http://"))
        .as("the waits are logged, with the host only")
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m).doesNotContain(project.token()).doesNotContain("/api"));
  }

  /** Point lookups (one request each) with a 2 s timeout, until one fails: returns why. */
  private static Throwable queryUntilStopped(Connection c) {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      for (int i = 0; ; i++) {
        Throwable e = run(s, "SELECT * FROM records WHERE record_id = '" + (1 + i % 30) + "'");
        if (e != null) {
          return e;
        }
      }
    } catch (SQLException e) {
      return e;
    }
  }

  private static Throwable run(Statement s, String sql) {
    try {
      Sql.rows(s.executeQuery(sql));
      return null;
    } catch (Throwable e) {
      return e;
    }
  }
}
