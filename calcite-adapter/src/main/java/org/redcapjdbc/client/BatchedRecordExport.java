package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.redcapjdbc.client.RedcapException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record export split into batches by record ID, delivered as one {@link RowCursor} in record
 * order. This is how large projects are read safely: REDCap fails or silently drops records when
 * one response gets too big.
 *
 * <ol>
 *   <li>If the request names {@code records}, those (deduplicated, in order) are the batches.
 *       Otherwise, unless {@link BatchOptions#expectedRecordCount()} says the project fits in
 *       one batch, an <em>ID pass</em> first exports only the record-ID field (with the same
 *       {@code events}, {@code filterLogic} and date range) and keeps the distinct IDs in order.
 *   <li>Up to {@code parallelism} batches of {@code batchSize} records are requested at once,
 *       ramping up: the first batch is requested alone, and the others only once the caller has
 *       read past it, so a caller that stops early (LIMIT, {@code setMaxRows}) never starts
 *       batches it does not need. Each
 *       batch is buffered whole (so at most about {@code parallelism + 1} batches are in memory),
 *       its rows grouped by record and re-ordered into the ID order, and handed to the caller
 *       in batch order as soon as it and every earlier batch have arrived.
 *   <li>Completeness: after an ID pass, every ID of a batch must come back. Missing IDs are
 *       requested again ({@link BatchOptions#missingRecordRetries()} times), then the export
 *       fails naming them. Explicit {@code records} are not checked: REDCap legitimately returns
 *       nothing for IDs that do not exist or fail the filter.
 *   <li>A batch whose response breaks off is fetched again (up to the client's retry count):
 *       nothing of it was delivered yet, so no row can be duplicated or lost.
 *   <li>One request, with no ID pass, when the records fit in one batch: explicit
 *       {@code records} up to {@code batchSize}, or a known small {@code expectedRecordCount}.
 *       That path streams without buffering.
 * </ol>
 *
 * {@link #bind(List)} is required before {@link #next()}. {@link #requestCount()} counts every
 * HTTP request sent (ID pass, batches, re-requests, retries). {@link #close()} and
 * {@link #cancel()} abort every request in flight.
 */
public final class BatchedRecordExport implements RowCursor {
  private static final Logger LOG = LoggerFactory.getLogger(BatchedRecordExport.class);

  private final Transport transport;
  private final RecordExportRequest request;
  private final BatchOptions options;
  private final Supplier<String> recordIdLookup;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<Cancellation> live = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedDeque<Future<List<String[]>>> window =
      new ConcurrentLinkedDeque<>();
  private final Set<String> unbound = Collections.synchronizedSet(new LinkedHashSet<>());
  /** Bound columns some answer with rows carried (null until one had rows). */
  private Set<String> carried;

  private volatile boolean cancelled;
  private volatile String recordIdField;
  private List<String> columns;
  private List<String> fetchColumns;
  private int idIndex;
  private boolean verify;
  private RecordCursor single;
  /** Record IDs the single request delivered, when it must have brought every record; or null. */
  private Set<String> seenInSingle;
  private int singleIdIndex = -1;
  private ExecutorService executor;
  private List<List<String>> chunks = List.of();
  private int nextChunk;
  private int batchesTaken;
  private List<String[]> batch;
  private int positionInBatch;
  private String[] row;
  private long rows;
  private boolean started;
  private boolean done;
  private boolean closed;

  BatchedRecordExport(Transport transport, RecordExportRequest request, BatchOptions options,
      Supplier<String> recordIdLookup) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.request = Objects.requireNonNull(request, "request");
    this.options = Objects.requireNonNull(options, "options");
    this.recordIdLookup = Objects.requireNonNull(recordIdLookup, "recordIdLookup");
  }

  @Override public BatchedRecordExport bind(List<String> columns) {
    if (started) {
      throw new IllegalStateException("bind() must be called before the first next()");
    }
    this.columns = List.copyOf(columns);
    if (new LinkedHashSet<>(this.columns).size() != this.columns.size()) {
      throw new IllegalArgumentException("a column is bound twice: " + columns);
    }
    return this;
  }

  @Override public List<String> columns() {
    return columns == null ? List.of() : columns;
  }

  @Override public boolean next() {
    if (closed) {
      throw new IllegalStateException("export is closed");
    }
    if (done) {
      return false;
    }
    try {
      if (!started) {
        started = true;
        start();
        if (done) {
          return false;
        }
      }
      if (single != null) {
        if (single.next()) {
          if (seenInSingle != null) {
            String id = single.value(singleIdIndex);
            if (id != null) {
              seenInSingle.add(id);
            }
          }
          rows++;
          return true;
        }
        unbound.addAll(single.unboundColumns());
        noteCarried(single);
        if (!switchedToMissingRecords()) {
          finish();
          return false;
        }
      }
      while (batch == null || positionInBatch >= batch.size()) {
        if (batchesTaken > 0) {
          fillWindow(); // the caller has read past a batch: keep parallelism requests going
        }
        Future<List<String[]>> head = window.poll();
        if (head == null) {
          finish();
          return false;
        }
        batch = await(head);
        batchesTaken++;
        positionInBatch = 0;
      }
      row = batch.get(positionInBatch);
      batch.set(positionInBatch++, null); // let delivered rows be collected
      rows++;
      return true;
    } catch (RedcapException e) {
      close();
      throw e;
    }
  }

  private void start() {
    if (columns == null) {
      throw new IllegalStateException("bind() the columns before next() on a batched export");
    }
    int batchSize = options.batchSize();
    List<String> ids;
    if (!request.records().isEmpty()) {
      ids = new ArrayList<>(new LinkedHashSet<>(request.records()));
      verify = false;
      if (ids.size() <= batchSize) {
        openSingle();
        return;
      }
    } else if (options.expectedRecordCount().isPresent()
        && options.expectedRecordCount().getAsLong() <= batchSize) {
      openSingle();
      return;
    } else {
      ids = idPass();
      verify = true;
      if (ids.isEmpty()) {
        done = true;
        return;
      }
    }
    prepareBatches(ids);
  }

  /** Splits {@code ids} into batches and requests the first one. */
  private void prepareBatches(List<String> ids) {
    int batchSize = options.batchSize();
    String idColumn = request.type() == ExportType.EAV ? "record" : recordIdField();
    List<String> fetch = new ArrayList<>(columns);
    idIndex = fetch.indexOf(idColumn);
    if (idIndex < 0) {
      idIndex = fetch.size();
      fetch.add(idColumn);
    }
    fetchColumns = List.copyOf(fetch);
    List<List<String>> parts = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += batchSize) {
      parts.add(List.copyOf(ids.subList(i, Math.min(ids.size(), i + batchSize))));
    }
    chunks = parts;
    LOG.debug("Batched export: {} records in {} batches of up to {}, {} in flight", ids.size(),
        parts.size(), batchSize, options.parallelism());
    executor = Executors.newFixedThreadPool(Math.min(options.parallelism(), parts.size()),
        RedcapHttp.daemonThreads("redcap-batch-"));
    submitNext(); // the first batch alone; see fillWindow()
  }

  /** The record-ID field from the request, else looked up once (one metadata request). */
  private String recordIdField() {
    if (recordIdField == null) {
      recordIdField = request.recordIdField() != null ? request.recordIdField()
          : recordIdLookup.get();
    }
    return recordIdField;
  }

  private void openSingle() {
    RecordExportRequest r = request;
    if (r.restrictsColumns() && r.recordIdField() == null) {
      r = r.toBuilder().recordIdField(recordIdField()).build();
    }
    Cancellation c = track(new Cancellation(requests));
    single = new RecordCursor(transport, ApiCall.read(r.toParams("json")), c);
    if (!bringsEveryRecord()) {
      single.bind(columns);
      return;
    }
    List<String> bind = new ArrayList<>(columns);
    singleIdIndex = bind.indexOf(recordIdField());
    if (singleIdIndex < 0) {
      singleIdIndex = bind.size();
      bind.add(recordIdField());
    }
    single.bind(bind);
    seenInSingle = new HashSet<>();
  }

  /**
   * Whether the single request must bring every record of the project: a flat export without
   * records, events, filterLogic or date range, chosen because the project is known to be small.
   * Each record then has at least one row (REDCap always exports the record-ID field), so fewer
   * distinct IDs than the project's count means REDCap may have left some out.
   */
  private boolean bringsEveryRecord() {
    return request.records().isEmpty() && request.events().isEmpty()
        && request.type() == ExportType.FLAT
        && (request.filterLogic() == null || request.filterLogic().isBlank())
        && request.dateRangeBegin() == null && request.dateRangeEnd() == null
        && options.expectedRecordCount().isPresent();
  }

  /**
   * After the single request: if it brought fewer records than the project was known to hold,
   * an ID pass says which are missing and they are fetched as batches, checked and asked for
   * again like any batch (then reported if still missing). Returns false when nothing is
   * missing: records were deleted since they were counted.
   */
  private boolean switchedToMissingRecords() {
    if (seenInSingle == null
        || seenInSingle.size() >= options.expectedRecordCount().getAsLong()) {
      return false;
    }
    List<String> missing = new ArrayList<>();
    for (String id : idPass()) {
      if (!seenInSingle.contains(id)) {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return false;
    }
    LOG.warn("REDCap's answer held {} of the {} records the project has; requesting the {}"
        + " missing record(s) again", seenInSingle.size(),
        options.expectedRecordCount().getAsLong(), missing.size());
    single.close();
    single = null;
    seenInSingle = null;
    verify = true;
    prepareBatches(missing);
    return true;
  }

  /** Exports only the record-ID field, with the same row filters, and keeps distinct IDs. */
  private List<String> idPass() {
    String rid = recordIdField();
    RecordExportRequest ids = RecordExportRequest.builder()
        .fields(List.of(rid))
        .events(request.events())
        .filterLogic(request.filterLogic())
        .dateRangeBegin(request.dateRangeBegin())
        .dateRangeEnd(request.dateRangeEnd())
        .recordIdField(rid)
        .build();
    Cancellation c = track(new Cancellation(requests));
    Set<String> distinct = new LinkedHashSet<>();
    try (RecordCursor cursor = new RecordCursor(transport, ApiCall.read(ids.toParams("json")), c)) {
      cursor.bind(List.of(rid));
      while (cursor.next()) {
        String id = cursor.value(0);
        if (id != null) {
          distinct.add(id);
        }
      }
    } finally {
      live.remove(c);
    }
    return new ArrayList<>(distinct);
  }

  /** Requests batches until {@code parallelism} are in flight or waiting to be read. */
  private void fillWindow() {
    while (window.size() < options.parallelism() && nextChunk < chunks.size() && !cancelled) {
      submitNext();
    }
  }

  private void submitNext() {
    if (nextChunk >= chunks.size() || cancelled) {
      return;
    }
    List<String> chunk = chunks.get(nextChunk++);
    window.add(executor.submit(() -> fetchBatch(chunk)));
  }

  private List<String[]> fetchBatch(List<String> ids) {
    Map<String, List<String[]>> byId = new LinkedHashMap<>();
    fetchInto(ids, byId);
    if (verify) {
      List<String> missing = missing(ids, byId);
      for (int retry = 0; retry < options.missingRecordRetries() && !missing.isEmpty(); retry++) {
        LOG.warn("REDCap left {} of {} requested records out of a batch response; requesting"
            + " them again", missing.size(), ids.size());
        fetchInto(missing, byId);
        missing = missing(ids, byId);
      }
      if (!missing.isEmpty()) {
        throw new RedcapException(Kind.PROTOCOL, 200, "content=record", null,
            "REDCap did not return " + missing.size() + " record(s) that the ID pass listed,"
                + " even when asked again: " + abbreviate(missing) + ". REDCap drops records"
                + " from large responses under load: lower batchSize and run the query again"
                + " (if the records were deleted meanwhile, simply re-run it).", null);
      }
    }
    List<String[]> ordered = new ArrayList<>();
    for (String id : ids) {
      List<String[]> rowsOfId = byId.remove(id);
      if (rowsOfId != null) {
        ordered.addAll(rowsOfId);
      }
    }
    for (List<String[]> extra : byId.values()) {
      ordered.addAll(extra); // rows whose ID was not asked for: keep them, never drop data
    }
    return ordered;
  }

  private static List<String> missing(List<String> ids, Map<String, List<String[]>> byId) {
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!byId.containsKey(id)) {
        missing.add(id);
      }
    }
    return missing;
  }

  /** One batch request, fetched again if its response breaks off (nothing was delivered yet). */
  private void fetchInto(List<String> ids, Map<String, List<String[]>> byId) {
    RecordExportRequest batchRequest = request.toBuilder().records(ids)
        .recordIdField(request.restrictsColumns() ? recordIdField() : request.recordIdField())
        .build();
    int width = columns.size();
    for (int attempt = 0; ; attempt++) {
      Cancellation c = track(new Cancellation(requests));
      Map<String, List<String[]>> part = new LinkedHashMap<>();
      try (RecordCursor cursor = new RecordCursor(transport,
          ApiCall.read(batchRequest.toParams("json")), c)) {
        cursor.bind(fetchColumns);
        while (cursor.next()) {
          String[] r = new String[width];
          for (int i = 0; i < width; i++) {
            r[i] = cursor.value(i);
          }
          String id = cursor.value(idIndex);
          part.computeIfAbsent(id == null ? "" : id, k -> new ArrayList<>()).add(r);
        }
        unbound.addAll(cursor.unboundColumns());
        noteCarried(cursor);
        for (Map.Entry<String, List<String[]>> e : part.entrySet()) {
          byId.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
        }
        return;
      } catch (RedcapException e) {
        boolean broken = e.kind() == Kind.TRANSPORT || e.kind() == Kind.PROTOCOL;
        if (!broken || cancelled || attempt >= transport.retry.maxRetries) {
          throw e;
        }
        long pause = transport.retry.backoffMillis(attempt);
        LOG.warn("A batch of {} records failed ({}); fetching it again in {} ms", ids.size(),
            e.kind(), pause);
        live.remove(c);
        Cancellation sleeper = track(new Cancellation());
        try {
          if (sleeper.sleep(pause) || cancelled) {
            throw transport.cancelled("content=record", e);
          }
        } finally {
          live.remove(sleeper);
        }
      } finally {
        live.remove(c);
      }
    }
  }

  private Cancellation track(Cancellation c) {
    live.add(c);
    if (cancelled) {
      c.cancel();
    }
    return c;
  }

  private List<String[]> await(Future<List<String[]>> future) {
    try {
      return future.get();
    } catch (CancellationException e) {
      throw transport.cancelled("content=record", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw transport.cancelled("content=record", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cancelled) {
        throw transport.cancelled("content=record", cause);
      }
      if (cause instanceof RedcapException) {
        RedcapException r = (RedcapException) cause;
        // Rethrow a copy so the consumer's stack shows up too; kind, status and message stay.
        throw new RedcapException(r.kind(), r.httpStatus(), r.apiMethod(), r.redcapMessage(),
            r.getMessage(), r);
      }
      throw new RedcapException(Kind.PROTOCOL, 0, "content=record", null,
          "A batch of the export failed unexpectedly: " + cause, cause);
    }
  }

  private static String abbreviate(List<String> ids) {
    return ids.size() <= 20 ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 20)) + " … (" + (ids.size() - 20) + " more)";
  }

  @Override public String value(int index) {
    return single != null ? single.value(index) : row[index];
  }

  @Override public Set<String> unboundColumns() {
    synchronized (unbound) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(unbound));
    }
  }

  /** Records which bound columns an answer with rows carried (batches finish on many threads). */
  private synchronized void noteCarried(RecordCursor cursor) {
    if (cursor.rowCount() == 0) {
      return;
    }
    if (carried == null) {
      carried = new HashSet<>();
    }
    Set<String> absent = cursor.absentColumns();
    for (String c : cursor.columns()) {
      if (!absent.contains(c)) {
        carried.add(c);
      }
    }
  }

  @Override public synchronized Set<String> absentColumns() {
    Set<String> seen = carried;
    if (single != null && single.rowCount() > 0) {
      seen = seen == null ? new HashSet<>() : new HashSet<>(seen);
      Set<String> absent = single.absentColumns();
      for (String c : single.columns()) {
        if (!absent.contains(c)) {
          seen.add(c);
        }
      }
    }
    if (seen == null || columns == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String c : columns) {
      if (!seen.contains(c)) {
        out.add(c);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  @Override public long rowCount() {
    return rows;
  }

  @Override public int requestCount() {
    return requests.get();
  }

  /** Number of record batches (0 for the single-request path); known after the first next(). */
  public int batchCount() {
    return chunks.size();
  }

  @Override public void cancel() {
    cancelled = true;
    for (Cancellation c : live) {
      c.cancel();
    }
    for (Future<List<String[]>> f : window) {
      f.cancel(true);
    }
    ExecutorService ex = executor;
    if (ex != null) {
      ex.shutdownNow();
    }
    RecordCursor s = single;
    if (s != null) {
      s.cancel();
    }
  }

  private void finish() {
    done = true;
    if (executor != null) {
      executor.shutdown();
    }
    if (single != null) {
      single.close();
    }
  }

  @Override public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!done) {
      cancel();
    }
    if (single != null) {
      single.close();
    }
    if (executor != null) {
      executor.shutdownNow();
    }
    batch = null;
    row = null;
  }
}
