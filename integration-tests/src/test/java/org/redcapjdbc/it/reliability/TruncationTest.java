package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * A body cut off anywhere in a multi-batch export fails the query, at every offset tried: never
 * fewer rows without an error. Two kinds of cut: the emulator drops the connection mid-body
 * (the HTTP framing shows it), and the proxy sends a prefix of the JSON with a matching
 * Content-Length (a server that gave up mid-export but closed the response properly: only the
 * JSON shows it). With retries allowed, a batch cut once is fetched again and the rows are
 * complete.
 */
class TruncationTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();

  private static final String[] QUERIES = {
    "SELECT * FROM records",
    "SELECT record_id, f11_datetime, f8_dropdown_label FROM instrument_2",
    "SELECT f3_radio, COUNT(*), MAX(f5_number) FROM instrument_1 GROUP BY f3_radio",
  };

  /** Record IDs 1..300 in six batches of 50: this one opens the third batch. */
  private static final String THIRD_BATCH_FIRST_ID = "101";

  private static EmulatedProject project;
  private static List<List<String>> expected = new ArrayList<>();

  /** Per query, the sizes of its export responses in a fault-free run. */
  private static List<List<Long>> bodySizes = new ArrayList<>();

  @BeforeAll
  static void projectAndFaultFreeRuns() throws SQLException {
    project = generate("records=300,fields=14,seed=21");
    LOGS.watch(project.token());
    try (Connection c = connect(project, "batchSize=50", "maxRetries=0")) {
      for (String q : QUERIES) {
        emulator.resetStats();
        expected.add(RetriesTest.sorted(Sql.rows(c, q)));
        List<Long> sizes = new ArrayList<>();
        for (RecordedRequest r : emulator.stats().requests("record/export")) {
          sizes.add(r.responseBytes());
        }
        bodySizes.add(sizes);
      }
    }
    assertThat(bodySizes).allSatisfy(s -> assertThat(s).as("ID pass and six batches").hasSize(7));
  }

  /**
   * Offsets inside the largest body, so that some response of the query is always cut: each
   * body's last bytes (the closing bracket, the end of the last row), its first bytes, and
   * evenly spread points.
   */
  private static List<Long> offsets(List<Long> sizes, int count) {
    long max = sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
    TreeSet<Long> picked = new TreeSet<>();
    picked.add(1L);
    picked.add(2L);
    for (long size : sizes) {
      picked.add(size - 1);
      picked.add(size - 2);
    }
    for (int i = 1; picked.size() < count; i++) {
      picked.add(max * i / (count + 1));
    }
    picked.removeIf(o -> o < 1 || o >= max);
    return new ArrayList<>(picked);
  }

  @Test
  void aConnectionDroppedAtAnyOfSixtyOffsetsFailsTheQuery() throws SQLException {
    int failures = 0;
    int runs = 0;
    try (Connection c = connect(project, "batchSize=50", "maxRetries=0")) {
      for (int q = 0; q < QUERIES.length; q++) {
        for (long offset : offsets(bodySizes.get(q), 20)) {
          emulator.faults().truncateAfterBytes(offset);
          runs++;
          String query = QUERIES[q];
          SQLException e =
              assertThrows(
                  SQLException.class,
                  () -> Sql.rows(c, query),
                  () -> query + " with bodies cut after " + offset + " bytes returned rows");
          assertThat(Sql.messages(e))
              .as("cut after %d bytes", offset)
              .containsAnyOf("incomplete", "cut off", "broke off", "ended");
          failures++;
        }
        // The same connection answers in full once the server is well again.
        emulator.faults().reset();
        assertThat(RetriesTest.sorted(Sql.rows(c, QUERIES[q]))).isEqualTo(expected.get(q));
      }
    }
    assertThat(runs).isGreaterThanOrEqualTo(50);
    assertThat(failures).isEqualTo(runs);
    System.out.printf(
        "Connection dropped mid-body: %d offsets, %d SQLExceptions, 0 short" + " results%n",
        runs, failures);
  }

  /** Offsets into a JSON body: after each structural character of the first rows, and spread. */
  private static List<Integer> jsonOffsets(byte[] body, int count) {
    TreeSet<Integer> picked = new TreeSet<>();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int rowsSeen = 0;
    for (int i = 0; i < text.length() && picked.size() < count / 2; i++) {
      char ch = text.charAt(i);
      if (ch == '{' || ch == '}' || ch == ',' || ch == ':' || ch == '"') {
        picked.add(i + 1);
        rowsSeen += ch == '}' ? 1 : 0;
      }
    }
    picked.add(body.length - 1);
    picked.add(text.lastIndexOf('}'));
    picked.add(text.lastIndexOf('}') + 1);
    for (int i = 1; picked.size() < count; i++) {
      picked.add(body.length * i / (count + 1));
    }
    picked.removeIf(o -> o < 0 || o >= body.length);
    return new ArrayList<>(picked);
  }

  @Test
  void aBatchBodyCutShortWithAValidLengthFailsAtEveryOffset() throws Exception {
    String query = QUERIES[0];
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token(), "batchSize=50", "maxRetries=0")) {
      byte[][] third = new byte[1][];
      proxy.damage(
          x -> {
            if (x.isBatch() && x.array("records").get(0).equals(THIRD_BATCH_FIRST_ID)) {
              third[0] = x.body();
            }
            return x.passThrough();
          });
      assertThat(RetriesTest.sorted(Sql.rows(c, query))).isEqualTo(expected.get(0));
      assertThat(third[0]).as("the third batch's body").isNotNull();

      List<Integer> offsets = jsonOffsets(third[0], 60);
      int failures = 0;
      for (int offset : offsets) {
        proxy.damage(
            x ->
                x.isBatch() && x.array("records").get(0).equals(THIRD_BATCH_FIRST_ID)
                    ? x.withBody(java.util.Arrays.copyOf(x.body(), offset))
                    : x.passThrough());
        try {
          List<List<Object>> rows = Sql.rows(c, query);
          fail(
              query
                  + " with the third batch cut to "
                  + offset
                  + " of "
                  + third[0].length
                  + " bytes returned "
                  + rows.size()
                  + " rows without an error");
        } catch (SQLException e) {
          assertThat(Sql.messages(e))
              .as("cut to %d bytes", offset)
              .containsAnyOf("incomplete", "not valid JSON");
          failures++;
        }
      }
      assertThat(offsets).hasSizeGreaterThanOrEqualTo(50);
      assertThat(failures).isEqualTo(offsets.size());
      System.out.printf(
          "Batch body cut with a valid length: %d offsets, %d SQLExceptions%n",
          offsets.size(), failures);
    }
  }

  @Test
  void aBatchCutOnceIsFetchedAgainAndTheRowsAreComplete() throws Exception {
    String query = QUERIES[1];
    try (DamagingProxy proxy = new DamagingProxy(emulator.url());
        Connection c = Sql.connect(proxy.url(), project.token(), "batchSize=50", "maxRetries=2")) {
      AtomicInteger cuts = new AtomicInteger();
      proxy.damage(
          x -> {
            boolean target = x.isBatch() && x.array("records").get(0).equals(THIRD_BATCH_FIRST_ID);
            if (target && cuts.getAndIncrement() == 0) {
              return x.cutAfter(x.body().length / 2); // dropped mid-body
            }
            if (target && cuts.get() == 2) {
              return x.withBody(java.util.Arrays.copyOf(x.body(), x.body().length - 1));
            }
            return x.passThrough();
          });
      assertThat(RetriesTest.sorted(Sql.rows(c, query))).isEqualTo(expected.get(1));
      assertThat(cuts.get()).as("requests of the third batch").isEqualTo(3);
    }
  }
}
