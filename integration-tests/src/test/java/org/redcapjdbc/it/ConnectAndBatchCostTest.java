package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.MethodStats;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * What a connection and a read cost, counted by the emulator (issue 14, items 1 and 2): opening a
 * connection sends no record export and the same bytes whatever the number of records; a schema
 * probe ({@code WHERE 1=0}) exports nothing; a narrow read of 20,000 records goes in at most two
 * batches after its ID pass, a wide one keeps batches of about 500 records, and
 * {@code batchSize=500;batchValues=0} brings back the batches of 500 records of earlier versions.
 */
class ConnectAndBatchCostTest extends EmulatorTest {
  private static final String SMALL_TOKEN = "C0FFEE00C0FFEE00C0FFEE00C0FFEE01";
  private static final String LARGE_TOKEN = "C0FFEE00C0FFEE00C0FFEE00C0FFEE02";
  private static EmulatedProject small;
  private static EmulatedProject large;

  @BeforeAll
  static void generate() {
    small = emulator.generate("records=2000,fields=100,seed=1", SMALL_TOKEN);
    large = emulator.generate("records=20000,fields=100,seed=1", LARGE_TOKEN);
  }

  private static long responseBytes() {
    return emulator.stats().methods().values().stream().mapToLong(MethodStats::responseBytes).sum();
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

  /** Opens a connection on a cold structure cache (each project has its own token). */
  private static long connectBytes(EmulatedProject project) throws SQLException {
    emulator.resetStats();
    try (Connection c = connect(project)) {
      assertThat(c.isValid(0)).isTrue();
      assertThat(exports()).as("record exports while connecting").isEmpty();
      return responseBytes();
    }
  }

  @Test
  void connectingSendsNoRecordExportAndItsBytesDoNotGrowWithTheRecords() throws SQLException {
    long smallBytes = connectBytes(small);
    long largeBytes = connectBytes(large);
    System.out.printf(
        "Connect: %d response bytes with 2,000 records, %d with 20,000%n", smallBytes, largeBytes);
    assertThat(largeBytes).isLessThan(64 * 1024);
    assertThat(Math.abs(largeBytes - smallBytes))
        .as("bytes that grow with the records")
        .isLessThan(256);
  }

  @Test
  void aSchemaProbeExportsNothing() throws SQLException {
    try (Connection c = connect(large);
        Statement s = c.createStatement()) {
      emulator.resetStats();
      try (ResultSet rs = s.executeQuery("SELECT * FROM records WHERE 1=0")) {
        assertThat(rs.getMetaData().getColumnCount()).isGreaterThan(100);
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = s.executeQuery("SELECT * FROM instrument_1 WHERE 1=0")) {
        assertThat(rs.next()).isFalse();
      }
      assertThat(exports()).as("record exports of a schema probe").isEmpty();
    }
  }

  @Test
  void aNarrowReadOf20000RecordsTakesAtMostTwoBatches() throws SQLException {
    try (Connection c = connect(large)) {
      emulator.resetStats();
      List<List<Object>> rows = Jdbc.rows(c, "SELECT f2_integer FROM records");
      assertThat(rows).hasSize(20_000);
      assertThat(idPasses()).hasSize(1);
      assertThat(batches()).hasSizeBetween(1, 2);
      System.out.printf(
          "SELECT f2_integer over 20,000 records: %d export requests (%d batches), %d bytes%n",
          exports().size(),
          batches().size(),
          exports().stream().mapToLong(RecordedRequest::responseBytes).sum());

      // The ID pass counted the project: a wide read's LIMIT reads one batch of about 500.
      emulator.resetStats();
      assertThat(Jdbc.rows(c, "SELECT * FROM records LIMIT 5")).hasSize(5);
      assertThat(idPasses()).hasSize(1);
      assertThat(batches()).hasSize(1);
      assertThat(batches().get(0).values("records").size()).isBetween(450, 600);
    }
  }

  @Test
  void batchValuesZeroBringsBackBatchesOfBatchSizeRecords() throws SQLException {
    try (Connection c = connect(large, "batchSize=500", "batchValues=0")) {
      emulator.resetStats();
      assertThat(Jdbc.rows(c, "SELECT f2_integer FROM records")).hasSize(20_000);
      assertThat(batches())
          .hasSize(40)
          .allSatisfy(b -> assertThat(b.values("records").size()).isEqualTo(500));
    }
  }
}
