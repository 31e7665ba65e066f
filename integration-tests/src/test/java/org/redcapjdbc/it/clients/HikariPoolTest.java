package org.redcapjdbc.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * A HikariCP pool over the driver, as application servers and BI tools use it: connections are
 * borrowed, queried, validated with {@code isValid}, committed and rolled back (Hikari rolls back
 * what it thinks is dirty when a connection comes back), returned and reused, and closed with the
 * pool. Run with Hikari's auto-commit on and off, since the driver always auto-commits.
 */
class HikariPoolTest {
  @ParameterizedTest(name = "pool auto-commit {0}")
  @ValueSource(booleans = {true, false})
  void borrowQueryValidateCommitReturnClose(boolean autoCommit) throws Exception {
    EmulatedProject project = ClientProjects.basicDemography();
    HikariConfig config = new HikariConfig();
    config.setPoolName("redcap-" + autoCommit);
    config.setDriverClassName("org.redcapjdbc.jdbc.RedcapDriver");
    config.setJdbcUrl(ClientProjects.url());
    config.setPassword(project.token());
    config.setAutoCommit(autoCommit);
    config.setMaximumPoolSize(3);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    config.setValidationTimeout(5_000);
    List<Connection> physical = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection()) {
        assertThat(c.isValid(5)).isTrue();
        assertThat(count(c, "SELECT COUNT(*) FROM demographics")).isEqualTo(100);
        c.commit();
        c.rollback();
        physical.add(c.unwrap(Connection.class));
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
      }
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();

      // The returned connection is reused, and still works after Hikari's reset.
      try (Connection c = pool.getConnection();
          PreparedStatement p =
              c.prepareStatement("SELECT last_name FROM demographics WHERE record_id = ?")) {
        assertThat(c.unwrap(Connection.class)).isSameAs(physical.get(0));
        p.setString(1, "1012");
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("Thiel");
        }
        c.rollback();
      }

      // Three borrowers at once get three connections, all of which answer.
      List<Future<Long>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int weight = 70 + 10 * i;
        answers.add(
            threads.submit(
                () -> {
                  try (Connection c = pool.getConnection()) {
                    synchronized (physical) {
                      physical.add(c.unwrap(Connection.class));
                    }
                    long n = count(c, "SELECT COUNT(*) FROM demographics WHERE weight > " + weight);
                    Thread.sleep(200); // hold it, so that the others need their own
                    c.commit();
                    return n;
                  }
                }));
      }
      List<Long> counts = new ArrayList<>();
      for (Future<Long> f : answers) {
        counts.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(counts).allSatisfy(n -> assertThat(n).isPositive());
      assertThat(counts.get(0)).isGreaterThan(counts.get(2));
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 3);
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    } finally {
      threads.shutdownNow();
    }
    for (Connection c : physical) {
      assertThat(c.isClosed()).as("connection closed with the pool").isTrue();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
