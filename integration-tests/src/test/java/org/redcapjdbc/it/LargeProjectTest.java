package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * A 20,000-record project (generated once for the class): reads are batched by record ID, a
 * LIMIT reads one batch, COUNT(*) is one small request, and cancel and query timeouts stop a
 * read within about a second, leaving the connection usable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeProjectTest extends EmulatorTest {
  private static final int RECORDS = 20_000;
  private static Path dir;
  private static EmulatedProject project;

  @BeforeAll
  static void generate() throws Exception {
    dir = Files.createTempDirectory("redcap-large-");
    long start = System.nanoTime();
    project = load(SyntheticProject.writeLarge(dir.resolve("large"), RECORDS));
    System.out.printf(
        "Loaded %d records in %d ms%n", RECORDS, (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @AfterEach
  void noFaults() {
    emulator.faults().reset();
  }

  private static List<RecordedRequest> batches() {
    return exports().stream().filter(r -> !r.values("records").isEmpty()).toList();
  }

  private static List<RecordedRequest> idPasses() {
    return exports().stream()
        .filter(
            r -> r.values("records").isEmpty() && r.values("fields").equals(List.of("record_id")))
        .toList();
  }

  @Test
  @Order(0)
  void limitFiveReadsOneBatch() throws SQLException {
    try (Connection c = connect(project)) {
      emulator.resetStats();
      long start = System.nanoTime();
      List<List<Object>> rows = Jdbc.rows(c, "SELECT * FROM records LIMIT 5");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(rows).hasSize(5);
      assertThat(idPasses()).hasSize(1);
      assertThat(batches()).hasSize(1);
      // Six columns: the value budget (batchValues=60,000) allows batchSize's 10,000 records.
      assertThat(batches().get(0).values("records")).hasSize(10_000).startsWith("1", "2");
      System.out.printf(
          "LIMIT 5 on %d records: %d ms, %d requests, %d response bytes%n",
          RECORDS,
          millis,
          exports().size(),
          exports().stream().mapToLong(RecordedRequest::responseBytes).sum());
    }
  }

  @Test
  @Order(0)
  void maxRowsStopsReadingAfterTheRowsItNeeds() throws SQLException {
    try (Connection c = connect(project);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      s.setMaxRows(200);
      try (ResultSet rs = s.executeQuery("SELECT * FROM main")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertThat(n).isEqualTo(200);
      }
      assertThat(batches()).hasSize(1);
    }
  }

  @Test
  @Order(0)
  void countStarIsOneRequestOfRecordIds() throws SQLException {
    try (Connection c = connect(project)) {
      emulator.resetStats();
      long start = System.nanoTime();
      assertThat(((Number) Jdbc.value(c, "SELECT COUNT(*) FROM records")).longValue())
          .isEqualTo(RECORDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(exports()).hasSize(1);
      assertThat(exports().get(0).values("fields")).containsExactly("record_id");
      System.out.printf(
          "COUNT(*) on %d records: %d ms, %d response bytes%n",
          RECORDS, millis, exports().get(0).responseBytes());
    }
  }

  @Test
  @Order(0)
  void aFullReadIsBatchedAndComplete() throws SQLException {
    try (Connection c = connect(project, "batchSize=1000", "parallelism=2")) {
      emulator.resetStats();
      long start = System.nanoTime();
      // One scan (a COUNT(DISTINCT ...) would add a second, record-ID-only read).
      List<List<Object>> rows =
          Jdbc.rows(c, "SELECT COUNT(*), SUM(age), MIN(dob), MAX(weight) FROM records");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(((Number) rows.get(0).get(0)).longValue()).isEqualTo(RECORDS);
      assertThat(((Number) rows.get(0).get(1)).longValue()).isEqualTo(sumOfAges());
      assertThat(idPasses()).hasSize(1);
      assertThat(batches()).hasSize(RECORDS / 1000);
      System.out.printf(
          "Aggregates over all %d records: %d ms, %d requests, %d response bytes%n",
          RECORDS,
          millis,
          exports().size(),
          exports().stream().mapToLong(RecordedRequest::responseBytes).sum());
    }
  }

  /** The ages {@link SyntheticProject#writeLarge} gives: record i is i % 90. */
  private static long sumOfAges() {
    long sum = 0;
    for (int i = 1; i <= RECORDS; i++) {
      sum += i % 90;
    }
    return sum;
  }

  // The slow-server tests run last: the emulator finishes their aborted requests seconds later,
  // and those would show up in the request counts of the tests above.
  @Test
  @Order(1)
  void aQueryTimeoutStopsASlowReadWithinASecond() throws Exception {
    try (Connection c = connect(project);
        Statement s = c.createStatement()) {
      // The JVM's first query spends a second or two loading Calcite; keep that out of the clock.
      s.executeQuery("SELECT * FROM records WHERE record_id = '1'").close();
      emulator.faults().latencyMillis(5_000);
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM records"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("timeout of 1.0 s");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("ms until the timeout stopped the query").isLessThan(2_000);
      emulator.faults().reset();
      s.setQueryTimeout(0);
      assertThat(Jdbc.value(c, "SELECT name FROM records WHERE record_id = '7'"))
          .isEqualTo("name 7");
    }
  }

  @Test
  @Order(2)
  void cancelFromAnotherThreadStopsARead() throws Exception {
    try (Connection c = connect(project);
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT * FROM records WHERE record_id = '1'").close();
      emulator.faults().latencyMillis(5_000);
      CompletableFuture<Throwable> running =
          CompletableFuture.supplyAsync(
              () -> {
                try (ResultSet rs = s.executeQuery("SELECT * FROM records")) {
                  return null;
                } catch (Throwable e) {
                  return e;
                }
              });
      Thread.sleep(500);
      long start = System.nanoTime();
      s.cancel();
      Throwable failure = running.get(5, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("cancelled");
      assertThat(millis).as("ms from cancel() to the query's end").isLessThan(1_000);
      emulator.faults().reset();
      assertThat(Jdbc.value(c, "SELECT COUNT(*) FROM main WHERE record_id = '9'")).isEqualTo(1L);
    }
  }
}
