package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * Records a server leaves out of an export answered with status 200 (REDCap does so under load)
 * are noticed, asked for again, and reported as an error if still missing: never fewer rows.
 * The proxy drops chosen records from chosen batches; the emulator's knob drops a share of the
 * records of every large export.
 */
class DroppedRecordsTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "SELECT record_id, f1_text, f4_date FROM instrument_1";

  private static EmulatedProject project;
  private static List<String> expected;

  @BeforeAll
  static void project() throws SQLException {
    project = generate("records=300,fields=14,seed=31");
    LOGS.watch(project.token());
    try (Connection c = connect(project)) {
      expected = RetriesTest.sorted(Sql.rows(c, QUERY));
    }
    assertThat(expected).hasSize(300);
  }

  /** The body without the rows of {@code records}. */
  static byte[] without(byte[] body, Set<String> records) throws IOException {
    ArrayNode rows = (ArrayNode) JSON.readTree(body);
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode row : rows) {
      if (!records.contains(row.get("record_id").asText())) {
        kept.add(row);
      }
    }
    return JSON.writeValueAsBytes(kept);
  }

  @Test
  void aRecordLeftOutOfABatchOnceIsAskedForAgain() throws Exception {
    List<List<String>> batches = new CopyOnWriteArrayList<>();
    AtomicInteger drops = new AtomicInteger();
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token(), "batchSize=50")) {
      proxy.damage(
          x -> {
            if (!x.isBatch()) {
              return x.passThrough();
            }
            batches.add(x.array("records"));
            if (x.array("records").contains("120") && drops.getAndIncrement() == 0) {
              return x.withBody(without(x.body(), Set.of("120", "123")));
            }
            return x.passThrough();
          });
      LOGS.clearRecent();
      assertThat(RetriesTest.sorted(Sql.rows(c, QUERY))).isEqualTo(expected);
    }
    assertThat(drops.get()).as("requests holding record 120: dropped, then answered").isEqualTo(2);
    assertThat(batches)
        .as("six batches and one request for the two missing records")
        .hasSize(7)
        .contains(List.of("120", "123"));
    assertThat(LOGS.messages(Level.WARN, "left 2 of 50 requested records out")).hasSize(1);
  }

  @Test
  void aRecordLeftOutEveryTimeFailsTheQueryNamingIt() throws Exception {
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token(), "batchSize=50")) {
      proxy.damage(
          x ->
              x.isBatch() && x.array("records").contains("77")
                  ? x.withBody(without(x.body(), Set.of("77")))
                  : x.passThrough());
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, QUERY));
      assertThat(Sql.messages(e))
          .contains("did not return 1 record(s)")
          .contains(": 77.")
          .contains("lower batchSize");
      // The connection is still usable.
      proxy.passEverything();
      assertThat(RetriesTest.sorted(Sql.rows(c, QUERY))).isEqualTo(expected);
    }
  }

  /** The one export of a small unfiltered read (no records named, not a record-ID-only read). */
  private static boolean isSingleDataRequest(DamagingProxy.Exchange x) {
    return x.isRecordExport()
        && x.array("records").isEmpty()
        && !(x.array("fields").equals(List.of("record_id")) && x.array("forms").isEmpty());
  }

  /**
   * A project small enough for one request (300 records, once counted): records left out of
   * that answer are found by comparing with the project's record count, listed by a record-ID
   * export, and fetched again.
   */
  @Test
  void recordsLeftOutOfASingleRequestAreFetchedAgain() throws Exception {
    List<String> kinds = new CopyOnWriteArrayList<>();
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token())) {
      proxy.damage(
          x -> {
            if (!x.isRecordExport()) {
              return x.passThrough();
            }
            if (isSingleDataRequest(x)) {
              kinds.add("data");
              return x.withBody(without(x.body(), Set.of("5", "250")));
            }
            kinds.add(x.isBatch() ? "records " + x.array("records") : "ids");
            return x.passThrough();
          });
      // The first read counts the project (connecting does not): afterwards it is known small.
      Sql.rows(c, "SELECT COUNT(*) FROM records");
      LOGS.clearRecent();
      kinds.clear();
      assertThat(RetriesTest.sorted(Sql.rows(c, QUERY))).isEqualTo(expected);
    }
    assertThat(kinds).containsExactly("data", "ids", "records [5, 250]");
    assertThat(LOGS.messages(Level.WARN, "held 298 of the 300 records")).hasSize(1);
  }

  @Test
  void recordsLeftOutOfASingleRequestEveryTimeFailTheQuery() throws Exception {
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token())) {
      proxy.damage(
          x ->
              isSingleDataRequest(x) || x.isBatch()
                  ? x.withBody(without(x.body(), Set.of("42")))
                  : x.passThrough());
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, QUERY));
      assertThat(Sql.messages(e)).contains("did not return 1 record(s)").contains(": 42.");
    }
  }

  /** Records deleted after the connection counted them are no reason to fail. */
  @Test
  void fewerRecordsThanCountedBecauseOfDeletesIsNoError() throws Exception {
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token())) {
      Sql.rows(c, "SELECT COUNT(*) FROM records"); // the project is counted: 300 records
      // Both the data and the record-ID export lack record 9: it is gone, not dropped.
      proxy.damage(
          x ->
              x.isRecordExport() && x.array("records").isEmpty()
                  ? x.withBody(without(x.body(), Set.of("9")))
                  : x.passThrough());
      List<String> rows = RetriesTest.sorted(Sql.rows(c, QUERY));
      assertThat(rows)
          .hasSize(299)
          .doesNotContainAnyElementsOf(
              expected.stream().filter(r -> r.startsWith("[9, ")).toList());
    }
  }

  @Test
  void anEmptyBatchIsNotAnEmptyResult() throws Exception {
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token(), "batchSize=50")) {
      proxy.damage(
          x ->
              x.isBatch() && x.array("records").contains("260")
                  ? x.withBody("[]")
                  : x.passThrough());
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, QUERY));
      assertThat(Sql.messages(e)).contains("did not return 50 record(s)");
    }
  }
}
