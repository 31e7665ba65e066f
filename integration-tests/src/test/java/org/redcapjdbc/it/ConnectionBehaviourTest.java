package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/**
 * How connections behave for tools: the project model is read once and shared, {@code isValid}
 * asks the server, metadata agrees with result sets, and metadata calls run alongside a query.
 */
class ConnectionBehaviourTest extends EmulatorTest {

  @Test
  void theModelIsReadOnceAndSharedByLaterConnections() throws SQLException {
    EmulatedProject p = load("redcapr/longitudinal/project.xml");
    emulator.resetStats();
    long start = System.nanoTime();
    try (Connection first = connect(p, "metadataTtl=300")) {
      long firstMillis = (System.nanoTime() - start) / 1_000_000;
      long requests = emulator.stats().totalRequests();
      assertThat(requests).as("requests to open the first connection").isBetween(8L, 10L);
      assertThat(emulator.stats().method("metadata/export").requests()).isEqualTo(1);
      emulator.resetStats();
      start = System.nanoTime();
      try (Connection second = connect(p, "metadataTtl=300")) {
        long secondMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(emulator.stats().totalRequests()).as("requests to open the second").isZero();
        // Planning and metadata never call REDCap either.
        Jdbc.rows(second, "EXPLAIN PLAN FOR SELECT * FROM records WHERE study_id = '100'");
        second.getMetaData().getColumns(null, "redcap", "%", "%").close();
        assertThat(emulator.stats().totalRequests()).isZero();
        System.out.printf(
            "Connect: first %d ms (%d requests), second %d ms (cached)%n",
            firstMillis, requests, secondMillis);
      }
    }
  }

  @Test
  void isValidAsksTheServerAndTheVersionIsREDCaps() throws Exception {
    // An emulator of its own, stopped halfway (closed once: a second close() throws).
    RedcapEmulator own = RedcapEmulator.builder().build().start();
    boolean stopped = false;
    try {
      EmulatedProject p = own.loadProject(Fixtures.path("redcapr/dag"), null);
      Connection c = Jdbc.connect(own, p);
      try {
        assertThat(c.isValid(5)).isTrue();
        assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("REDCap");
        assertThat(c.getMetaData().getDatabaseProductVersion()).isEqualTo("15.2.1");
        own.resetStats();
        assertThat(c.isValid(5)).isTrue();
        assertThat(own.stats().method("version/export").requests()).isEqualTo(1);
        own.close();
        stopped = true;
        long start = System.nanoTime();
        assertThat(c.isValid(2)).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
      } finally {
        c.close();
      }
      assertThat(c.isValid(1)).isFalse();
    } finally {
      if (!stopped) {
        own.close();
      }
    }
  }

  @Test
  void columnMetadataAgreesWithResultSetsAndStaysWithinItsTable() throws SQLException {
    EmulatedProject p = load("redcapr/vignette-repeating/project.xml");
    try (Connection c = connect(p)) {
      DatabaseMetaData md = c.getMetaData();
      for (String table : FixtureTablesTest.tableNames(c, "redcap")) {
        Map<String, String> typeNames = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(null, "redcap", table, "%")) {
          while (rs.next()) {
            assertThat(rs.getString("TABLE_NAME")).isEqualTo(table);
            typeNames.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
          }
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData rmd = rs.getMetaData();
          assertThat(rmd.getColumnCount()).isEqualTo(typeNames.size());
          for (int i = 1; i <= rmd.getColumnCount(); i++) {
            assertThat(rmd.getColumnTypeName(i))
                .as(table + "." + rmd.getColumnName(i))
                .isEqualTo(typeNames.get(rmd.getColumnName(i)));
            assertThat(rmd.getTableName(i)).isEqualTo(table);
            assertThat(rmd.getSchemaName(i)).isEqualTo("redcap");
          }
        }
        try (ResultSet rs = md.getPrimaryKeys(null, "redcap", table)) {
          short expected = 1;
          while (rs.next()) {
            assertThat(rs.getShort("KEY_SEQ")).isEqualTo(expected++);
            assertThat(rs.getString("PK_NAME")).isEqualTo("pk_" + table);
            assertThat(typeNames).containsKey(rs.getString("COLUMN_NAME"));
          }
          assertThat(expected).as("key columns of " + table).isGreaterThan((short) 1);
        }
      }
    }
  }

  @Test
  void metadataCallsRunWhileAQueryStreams() throws Exception {
    EmulatedProject p = load("redcapr/longitudinal/project.xml");
    try (Connection main = connect(p);
        Connection meta = connect(p)) {
      emulator.faults().latencyMillis(300);
      try (Statement s = main.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM records")) {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          calls.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    int n = 0;
                    try {
                      for (int i = 0; i < 5; i++) {
                        try (ResultSet tables =
                                meta.getMetaData().getTables(null, null, "%", null);
                            ResultSet cols =
                                meta.getMetaData().getColumns(null, "redcap", "%", "%")) {
                          while (tables.next() && cols.next()) {
                            n++;
                          }
                        }
                      }
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                    return n;
                  }));
        }
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertThat(rows).isPositive();
        for (CompletableFuture<Integer> f : calls) {
          assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
        }
      } finally {
        emulator.faults().reset();
      }
    }
  }
}
