package org.redcapjdbc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/**
 * Spark ({@code local[4]}) reads an instrument table and {@code records} through
 * {@code read.jdbc(url, table, predicates, properties)} with the four predicates of
 * {@code meta.record_id_partitions(4)}: the rows equal a one-partition read, and the four
 * partitions together move at most 1.15 times the record-export bytes of that read (each
 * exports its own records, plus the record-ID list as CSV).
 */
class SparkPartitionedReadTest {
  private static final int PARTITIONS = 4;
  private static final double MAX_BYTES_RATIO = 1.15;

  private static RedcapEmulator emulator;
  private static EmulatedProject project;
  private static SparkSession spark;
  private static String url;
  private static Properties properties;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
    project = emulator.generate("records=2000,fields=30,seed=7", null);
    url = "jdbc:redcap:" + emulator.url();
    properties = new Properties();
    properties.setProperty("driver", "org.redcapjdbc.jdbc.RedcapDriver");
    properties.setProperty("password", project.token());
    spark =
        SparkSession.builder()
            .master("local[" + PARTITIONS + "]")
            .appName("redcap-jdbc")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", String.valueOf(PARTITIONS))
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void partitionedReadsReturnTheRowsOfOneReadForAFractionMoreBytes() throws SQLException {
    List<String> predicates = new ArrayList<>();
    String instrument;
    try (Connection c = DriverManager.getConnection(url, properties);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT predicate FROM TABLE(meta.record_id_partitions(" + PARTITIONS + "))")) {
        while (rs.next()) {
          predicates.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT instrument_name FROM meta.instruments")) {
        assertThat(rs.next()).isTrue();
        instrument = rs.getString(1);
      }
    }
    assertThat(predicates).hasSize(PARTITIONS);
    for (String table : List.of(instrument, "records")) {
      emulator.resetStats();
      var oneRead = spark.read().jdbc(url, table, properties);
      // Spark has asked for the table's columns (SELECT * ... WHERE 1=0): no record export yet.
      assertThat(oneRead.schema().fieldNames()).isNotEmpty();
      assertThat(emulator.stats().method("record/export").requests())
          .as(table + ": Spark's schema probe")
          .isZero();
      List<String> whole = sorted(oneRead.collectAsList());
      long wholeBytes = exportBytes();

      emulator.resetStats();
      var partitioned =
          spark.read().jdbc(url, table, predicates.toArray(String[]::new), properties);
      assertThat(partitioned.rdd().getNumPartitions()).isEqualTo(PARTITIONS);
      List<String> parts = sorted(partitioned.collectAsList());
      long partsBytes = exportBytes();

      System.out.printf(
          "%s: %d rows; one read %d record-export bytes, %d partitions %d bytes (%.3f)%n",
          table,
          whole.size(),
          wholeBytes,
          PARTITIONS,
          partsBytes,
          partsBytes / (double) wholeBytes);
      assertThat(parts).as(table).hasSameSizeAs(whole).isEqualTo(whole);
      assertThat(whole).isNotEmpty();
      assertThat((double) partsBytes)
          .as(table + " bytes")
          .isLessThanOrEqualTo(MAX_BYTES_RATIO * wholeBytes);
    }
  }

  private static long exportBytes() {
    return emulator.stats().method("record/export").responseBytes();
  }

  private static List<String> sorted(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted().toList();
  }
}
