package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * Batching by record ID (docs/architecture.md §4): ID pass, parallel batches, order, completeness.
 */
class BatchedRecordExportTest {
  private MockRedcap mock;
  private FakeProject project;

  @BeforeEach
  void start() throws Exception {
    mock = new MockRedcap();
    project = new FakeProject(25);
    mock.server.setDispatcher(project);
  }

  @AfterEach
  void stop() throws Exception {
    project.release();
    mock.assertTokenNeverLogged();
    mock.close();
  }

  /** A longitudinal project: record i has a baseline row and a visit row. */
  static final class FakeProject extends Dispatcher {
    final List<String> ids;
    final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final Set<String> dropAlways = ConcurrentHashMap.newKeySet();
    final Set<String> dropOnce = ConcurrentHashMap.newKeySet();
    volatile Predicate<List<String>> truncateOnce = b -> false;
    final Set<List<String>> truncated = ConcurrentHashMap.newKeySet();
    volatile long delayMillis = 100;
    volatile String slowRecord = "1";
    volatile long slowMillis = 400;
    private final Object gate = new Object();
    volatile boolean hold;
    final java.util.concurrent.atomic.AtomicLong recordBytes =
        new java.util.concurrent.atomic.AtomicLong();

    FakeProject(int n) {
      ids = IntStream.rangeClosed(1, n).mapToObj(String::valueOf).collect(Collectors.toList());
    }

    void release() {
      synchronized (gate) {
        hold = false;
        gate.notifyAll();
      }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      Map<String, List<String>> form = MockRedcap.parseForm(request.getBody().utf8());
      requests.add(form);
      if ("metadata".equals(MockRedcap.one(form, "content"))) {
        return MockRedcap.json(200, "[{\"field_name\":\"record_id\"},{\"field_name\":\"age\"}]");
      }
      List<String> asked = MockRedcap.array(form, "records");
      List<String> fields = MockRedcap.array(form, "fields");
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(asked.contains(slowRecord) ? slowMillis : delayMillis);
        synchronized (gate) {
          while (hold && !asked.isEmpty()) {
            gate.wait(100);
          }
        }
      } finally {
        inFlight.decrementAndGet();
      }
      StringBuilder body = new StringBuilder("[");
      for (String id : asked.isEmpty() ? ids : asked) {
        boolean batch = !asked.isEmpty();
        if (!ids.contains(id) || batch && (dropAlways.contains(id) || dropOnce.remove(id))) {
          continue;
        }
        for (String event : List.of("baseline_arm_1", "visit_arm_1")) {
          body.append(body.length() > 1 ? "," : "")
              .append("{\"record_id\":\"")
              .append(id)
              .append("\",\"redcap_event_name\":\"")
              .append(event)
              .append('"');
          if (!fields.equals(List.of("record_id"))) {
            body.append(",\"age\":\"").append(event.startsWith("b") ? id + "0" : "").append('"');
          }
          body.append('}');
        }
      }
      body.append(']');
      String json = body.toString();
      if (!asked.isEmpty() && truncateOnce.test(asked) && truncated.add(asked)) {
        json = json.substring(0, json.length() / 2);
      }
      recordBytes.addAndGet(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
      return MockRedcap.json(200, json);
    }

    long idPasses() {
      return requests.stream()
          .filter(
              f ->
                  MockRedcap.array(f, "records").isEmpty()
                      && MockRedcap.array(f, "fields").equals(List.of("record_id")))
          .count();
    }
  }

  private static RecordExportRequest.Builder request() {
    return RecordExportRequest.builder().recordIdField("record_id");
  }

  private static List<String> read(RowCursor c) {
    List<String> rows = new ArrayList<>();
    try (c) {
      while (c.next()) {
        rows.add(c.value(0) + "/" + c.value(1) + "/" + c.value(2));
      }
    }
    return rows;
  }

  private static List<String> expected(List<String> ids) {
    List<String> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(id + "/baseline_arm_1/" + id + "0");
      rows.add(id + "/visit_arm_1/null");
    }
    return rows;
  }

  private static final List<String> COLUMNS = List.of("record_id", "redcap_event_name", "age");

  /** Records what an export tells the watching thread's listener. */
  private static final class Recorder implements ExportProgress.Listener {
    final List<ExportProgress> updates = new CopyOnWriteArrayList<>();
    final List<Boolean> waits = new CopyOnWriteArrayList<>();
    final List<ExportProgress> ends = new CopyOnWriteArrayList<>();

    @Override
    public void progress(ExportProgress progress) {
      updates.add(progress);
    }

    @Override
    public void waiting(boolean waiting) {
      waits.add(waiting);
    }

    @Override
    public void ended(ExportProgress progress) {
      ends.add(progress);
    }
  }

  /**
   * The progress figures of a batched export: the ID pass, then each batch done of the total,
   * with the rows and the bytes of every answer; the reader's waits alternate and end with rows
   * handed over; the end is told once. A thread no longer watched tells nothing.
   */
  @Test
  void progressFiguresCountBatchesRowsAndBytes() {
    Recorder recorder = new Recorder();
    try (ExportProgress.Watch ignored = ExportProgress.watch(recorder)) {
      List<String> rows =
          read(
              mock.client()
                  .records()
                  .exportBatched(request().build(), BatchOptions.defaults().withBatchSize(10))
                  .bind(COLUMNS));
      assertThat(rows).hasSize(50);
    }
    assertThat(recorder.ends).hasSize(1);
    ExportProgress end = recorder.ends.get(0);
    assertThat(end.batches()).isEqualTo(3);
    assertThat(end.batchesDone()).isEqualTo(3);
    assertThat(end.rows()).isEqualTo(50);
    assertThat(end.bytes()).isEqualTo(project.recordBytes.get()).isGreaterThan(1_000);
    assertThat(end.elapsedNanos()).isPositive();
    assertThat(end.describe()).startsWith("3 of 3 batches, 50 rows, ");

    // The ID pass (its 50 rows are not the batches' rows), then one update per batch.
    assertThat(recorder.updates).hasSize(4);
    assertThat(recorder.updates.get(0).batchesDone()).isZero();
    assertThat(recorder.updates.get(0).rows()).isZero();
    assertThat(recorder.updates.get(0).bytes()).isPositive();
    assertThat(recorder.updates.stream().map(ExportProgress::batchesDone))
        .containsExactly(0, 1, 2, 3);
    assertThat(recorder.updates.stream().map(ExportProgress::rows))
        .containsExactly(0L, 20L, 40L, 50L);
    assertThat(recorder.waits).isNotEmpty().startsWith(true).endsWith(false);
    for (int i = 1; i < recorder.waits.size(); i++) {
      assertThat(recorder.waits.get(i)).isNotEqualTo(recorder.waits.get(i - 1));
    }

    int before = recorder.updates.size();
    read(
        mock.client()
            .records()
            .exportBatched(request().build(), BatchOptions.defaults().withBatchSize(10))
            .bind(COLUMNS));
    assertThat(recorder.updates).hasSize(before);
    assertThat(recorder.ends).hasSize(1);
  }

  /** One request (the project is known to fit): one batch of one, told at its end. */
  @Test
  void progressOfASingleRequest() {
    Recorder recorder = new Recorder();
    try (ExportProgress.Watch ignored = ExportProgress.watch(recorder)) {
      read(
          mock.client()
              .records()
              .exportBatched(request().build(), BatchOptions.defaults().withExpectedRecordCount(25))
              .bind(COLUMNS));
    }
    assertThat(recorder.ends).hasSize(1);
    ExportProgress end = recorder.ends.get(0);
    assertThat(end.batches()).isEqualTo(1);
    assertThat(end.batchesDone()).isEqualTo(1);
    assertThat(end.rows()).isEqualTo(50);
    assertThat(end.bytes()).isEqualTo(project.recordBytes.get());
    assertThat(end.describe()).startsWith("50 rows, ");
  }

  @Test
  void idPassThenParallelBatchesDeliveredInRecordOrder() {
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request()
                    .filterLogic("[age] > 1")
                    .events(List.of("baseline_arm_1", "visit_arm_1"))
                    .build(),
                BatchOptions.defaults().withBatchSize(10).withParallelism(3));
    List<String> rows = read(export.bind(COLUMNS));
    assertThat(rows).containsExactlyElementsOf(expected(project.ids));
    assertThat(export.requestCount()).isEqualTo(4);
    assertThat(export.batchCount()).isEqualTo(3);
    assertThat(project.requests).hasSize(4);
    assertThat(project.idPasses()).isEqualTo(1);
    Map<String, List<String>> idPass = project.requests.get(0);
    assertThat(MockRedcap.array(idPass, "fields")).containsExactly("record_id");
    assertThat(MockRedcap.one(idPass, "filterLogic")).isEqualTo("[age] > 1");
    assertThat(MockRedcap.array(idPass, "events")).containsExactly("baseline_arm_1", "visit_arm_1");
    List<List<String>> batches =
        project.requests.subList(1, 4).stream()
            .map(f -> MockRedcap.array(f, "records"))
            .collect(Collectors.toList());
    assertThat(batches)
        .containsExactlyInAnyOrder(
            project.ids.subList(0, 10), project.ids.subList(10, 20), project.ids.subList(20, 25));
    for (Map<String, List<String>> batch : project.requests.subList(1, 4)) {
      assertThat(MockRedcap.one(batch, "filterLogic")).isEqualTo("[age] > 1");
    }
    // Batch 1 (record 1) was slowest, yet came first; it was requested alone (ramp-up), and the
    // other two together once the reader had moved past it.
    assertThat(project.maxInFlight.get()).isEqualTo(2);
    assertThat(export.unboundColumns()).isEmpty();
  }

  /**
   * The value budget sizes the batches: 3 columns × 2 rows per record (counted by the ID pass)
   * leave 5 records in a budget of 30 values; an ID pass over the whole project reports its
   * count, a filtered one does not.
   */
  @Test
  void batchesHoldAsManyRecordsAsTheValueBudgetAllows() {
    List<long[]> tallies = new CopyOnWriteArrayList<>();
    BatchOptions options =
        BatchOptions.defaults()
            .withBatchSize(100)
            .withBatchValues(30)
            .withColumns(3)
            .withTallyListener((records, rows) -> tallies.add(new long[] {records, rows}));
    BatchedRecordExport export = mock.client().records().exportBatched(request().build(), options);
    assertThat(read(export.bind(COLUMNS))).containsExactlyElementsOf(expected(project.ids));
    assertThat(export.batchCount()).isEqualTo(5);
    assertThat(project.requests.subList(1, 6))
        .allSatisfy(f -> assertThat(MockRedcap.array(f, "records")).hasSize(5));
    assertThat(tallies).singleElement().satisfies(t -> assertThat(t).containsExactly(25, 50));

    project.requests.clear();
    BatchedRecordExport filtered =
        mock.client()
            .records()
            .exportBatched(request().filterLogic("[age] > 1").build(), options.withColumns(1));
    assertThat(read(filtered.bind(COLUMNS))).containsExactlyElementsOf(expected(project.ids));
    assertThat(filtered.batchCount()).as("15 records of 2 rows in a batch").isEqualTo(2);
    assertThat(tallies).as("a filtered ID pass does not count the project").hasSize(1);

    // Without a budget, batchSize alone decides, as before the budget existed.
    assertThat(options.withBatchValues(0).recordsPerBatch(2)).isEqualTo(100);
    assertThat(options.recordsPerBatch(1)).isEqualTo(10);
    assertThat(options.withBatchValues(1).recordsPerBatch(1)).isEqualTo(1);
  }

  @Test
  void aReaderThatStopsInTheFirstBatchNeverStartsAnother() throws Exception {
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().build(), BatchOptions.defaults().withBatchSize(10).withParallelism(3));
    export.bind(COLUMNS);
    for (int i = 0; i < 5; i++) {
      assertThat(export.next()).isTrue();
    }
    export.close();
    Thread.sleep(300); // anything started would have reached the server by now
    assertThat(project.idPasses()).isEqualTo(1);
    assertThat(project.requests).hasSize(2);
    assertThat(MockRedcap.array(project.requests.get(1), "records"))
        .containsExactlyElementsOf(project.ids.subList(0, 10));
    assertThat(export.requestCount()).isEqualTo(2);
  }

  @Test
  void afterTheFirstBatchParallelismRequestsStayInFlight() {
    project.slowMillis = 100;
    project.delayMillis = 150;
    read(
        mock.client()
            .records()
            .exportBatched(
                request().build(), BatchOptions.defaults().withBatchSize(3).withParallelism(3))
            .bind(COLUMNS));
    assertThat(project.maxInFlight.get()).isEqualTo(3);
    assertThat(project.requests).hasSize(10); // ID pass + 9 batches
  }

  @Test
  void parallelismOneKeepsOneRequestInFlight() {
    project.slowMillis = 50;
    project.delayMillis = 30;
    read(
        mock.client()
            .records()
            .exportBatched(request().build(), BatchOptions.defaults().withBatchSize(5))
            .bind(COLUMNS));
    assertThat(project.maxInFlight.get()).isEqualTo(1);
    assertThat(project.requests).hasSize(6);
  }

  @Test
  void aDroppedRecordIsRequestedAgainAndLandsInItsPlace() {
    project.dropOnce.add("7");
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().build(), BatchOptions.defaults().withBatchSize(10).withParallelism(2));
    assertThat(read(export.bind(COLUMNS))).containsExactlyElementsOf(expected(project.ids));
    assertThat(export.requestCount()).isEqualTo(5);
    assertThat(project.requests.stream().map(f -> MockRedcap.array(f, "records")))
        .contains(List.of("7"));
    assertThat(mock.allLogText()).contains("left 1 of 10 requested records out");
  }

  @Test
  void aRecordDroppedEveryTimeFailsTheExportNamingIt() {
    project.dropAlways.add("13");
    project.dropAlways.add("14");
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().build(), BatchOptions.defaults().withBatchSize(10).withParallelism(2));
    export.bind(COLUMNS);
    RedcapException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RedcapException.class,
            () -> {
              while (export.next()) {
                // the first batch's rows are fine; the second fails
              }
            });
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage())
        .contains("2 record(s)")
        .contains("13, 14")
        .contains("lower batchSize");
    assertThat(export.rowCount()).isEqualTo(20);
  }

  @Test
  void noRetryOfMissingRecordsWhenConfiguredOff() {
    project.dropOnce.add("3");
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().build(),
                BatchOptions.defaults().withBatchSize(10).withMissingRecordRetries(0));
    assertThatThrownBy(() -> read(export.bind(COLUMNS)))
        .isInstanceOf(RedcapException.class)
        .hasMessageContaining(": 3.");
  }

  @Test
  void explicitRecordsAreBatchedDirectlyWithoutIdPassOrCompletenessCheck() {
    List<String> asked = new ArrayList<>(project.ids);
    asked.add("999"); // does not exist: REDCap ignores it, so must we
    asked.add(0, "3"); // duplicates are asked once
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().records(asked).build(), BatchOptions.defaults().withBatchSize(10));
    List<String> rows = read(export.bind(COLUMNS));
    List<String> order = new ArrayList<>(List.of("3"));
    project.ids.stream().filter(id -> !id.equals("3")).forEach(order::add);
    assertThat(rows).containsExactlyElementsOf(expected(order));
    assertThat(project.idPasses()).isZero();
    assertThat(export.requestCount()).isEqualTo(3);
  }

  @Test
  void fewExplicitRecordsTakeOneStreamingRequest() {
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().records(List.of("2", "1")).build(),
                BatchOptions.defaults().withBatchSize(10));
    assertThat(read(export.bind(COLUMNS))).containsExactlyElementsOf(expected(List.of("2", "1")));
    assertThat(export.requestCount()).isEqualTo(1);
    assertThat(export.batchCount()).isZero();
  }

  @Test
  void aKnownSmallProjectTakesOneRequestWithNoIdPass() {
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                RecordExportRequest.all(),
                BatchOptions.defaults().withBatchSize(100).withExpectedRecordCount(25));
    assertThat(read(export.bind(COLUMNS))).containsExactlyElementsOf(expected(project.ids));
    assertThat(export.requestCount()).isEqualTo(1);
    assertThat(MockRedcap.array(project.requests.get(0), "records")).isEmpty();
    assertThat(MockRedcap.array(project.requests.get(0), "fields")).isEmpty();
  }

  @Test
  void anUnknownRecordIdFieldIsLookedUpOnce() {
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                RecordExportRequest.builder().fields(List.of("age")).build(),
                BatchOptions.defaults().withBatchSize(30));
    assertThat(read(export.bind(COLUMNS))).containsExactlyElementsOf(expected(project.ids));
    assertThat(MockRedcap.one(project.requests.get(0), "content")).isEqualTo("metadata");
    assertThat(MockRedcap.array(project.requests.get(2), "fields"))
        .containsExactly("record_id", "age");
  }

  @Test
  void anEmptyIdPassMeansNoRowsAndNoBatches() {
    project.ids.clear();
    BatchedRecordExport export =
        mock.client().records().exportBatched(request().build(), BatchOptions.defaults());
    assertThat(read(export.bind(COLUMNS))).isEmpty();
    assertThat(export.requestCount()).isEqualTo(1);
  }

  @Test
  void aBatchWhoseResponseBreaksOffIsFetchedAgain() {
    project.truncateOnce = batch -> batch.contains("11");
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().build(), BatchOptions.defaults().withBatchSize(10).withParallelism(2));
    assertThat(read(export.bind(COLUMNS))).containsExactlyElementsOf(expected(project.ids));
    assertThat(export.requestCount()).isEqualTo(5);
    assertThat(mock.allLogText()).contains("fetching it again");
  }

  @Test
  void bindIsRequired() {
    BatchedRecordExport export =
        mock.client().records().exportBatched(request().build(), BatchOptions.defaults());
    assertThatThrownBy(export::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bind");
  }

  @Test
  void closingStopsEveryRequestInFlightPromptly() throws Exception {
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().build(), BatchOptions.defaults().withBatchSize(5).withParallelism(3));
    export.bind(COLUMNS);
    assertThat(export.next()).isTrue(); // ID pass and first batch done
    project.hold = true; // later batches now hang on the server
    for (int i = 1; i < 10; i++) {
      assertThat(export.next()).isTrue();
    }
    long t0 = System.nanoTime();
    export.close();
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("redcap-batch-")) {
        t.join(2000);
        assertThat(t.isAlive()).as(t.getName() + " stopped").isFalse();
      }
    }
  }

  @Test
  void cancelFromAnotherThreadFailsABlockedNextPromptly() throws Exception {
    BatchedRecordExport export =
        mock.client()
            .records()
            .exportBatched(
                request().build(), BatchOptions.defaults().withBatchSize(5).withParallelism(2));
    export.bind(COLUMNS);
    assertThat(export.next()).isTrue();
    project.hold = true;
    Thread canceller =
        new Thread(
            () -> {
              try {
                Thread.sleep(500);
              } catch (InterruptedException ignored) {
                return;
              }
              export.cancel();
            });
    canceller.start();
    long t0 = System.nanoTime();
    RedcapException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RedcapException.class,
            () -> {
              while (export.next()) {
                // blocks on a held batch until cancelled
              }
            });
    long waited = (System.nanoTime() - t0) / 1_000_000;
    assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
    assertThat(waited).isLessThan(3000);
    canceller.join();
  }

  @Test
  void batchOptionsRejectNonsense() {
    assertThatThrownBy(() -> BatchOptions.defaults().withBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchOptions.defaults().withParallelism(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BatchOptions.defaults().expectedRecordCount()).isEmpty();
    assertThat(Collections.nCopies(1, BatchOptions.defaults().toString()).get(0))
        .contains("batchSize=10000");
  }
}
