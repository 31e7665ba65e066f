package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
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
 *   <li>Up to {@code parallelism} batches are requested at once, each of as many records as
 *       {@link BatchOptions#recordsPerBatch} allows: the value budget ({@code batchValues}) over
 *       the answer's columns and the rows per record the ID pass counted, at most
 *       {@code batchSize}. Requests ramp up: the first batch is requested alone, and the others only once the caller has
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
 *       {@code records}, or a known small {@code expectedRecordCount}. An ID pass over the whole
 *       project (no records, events, filterLogic or date range) tells the options' tally listener
 *       what it counted, so that the caller can know the project's size without another export.
 *       That path streams without buffering.
 * </ol>
 *
 * This class is the cursor and picks the path; the ID pass is {@link RecordIdPass}, and the
 * batches, their threads and their completeness checks are a {@link BatchWindow}.
 *
 * <p>{@link #bind(List)} is required before {@link #next()}. {@link #requestCount()} counts every
 * HTTP request sent (ID pass, batches, re-requests, retries). {@link #close()} and
 * {@link #cancel()} abort every request in flight.
 */
public final class BatchedRecordExport implements RowCursor {
  private static final Logger LOG = LoggerFactory.getLogger(BatchedRecordExport.class);

  private final Transport transport;
  private final RecordExportRequest request;
  private final BatchOptions options;
  private final Supplier<String> recordIdLookup;
  private final LiveCalls calls = new LiveCalls();
  private final Set<String> unbound = Collections.synchronizedSet(new LinkedHashSet<>());

  /** Bound columns some answer with rows carried (null until one had rows). */
  private Set<String> carried;

  private volatile String recordIdField;
  private List<String> columns;
  private RecordCursor single;

  /** Record IDs the single request delivered, when it must have brought every record; or null. */
  private RecordIdFingerprints seenInSingle;

  private String lastSeenInSingle;

  private int singleIdIndex = -1;

  /** The batches, once there are any (null on the single-request path). */
  private volatile BatchWindow window;

  /** The figures of this export, from its start (on the reader's first next()). */
  private ProgressTracker progress;

  private int batchesTaken;
  private List<String[]> batch;
  private int positionInBatch;
  private String[] row;
  private long rows;
  private boolean started;
  private boolean done;
  private boolean closed;

  BatchedRecordExport(
      Transport transport,
      RecordExportRequest request,
      BatchOptions options,
      Supplier<String> recordIdLookup) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.request = Objects.requireNonNull(request, "request");
    this.options = Objects.requireNonNull(options, "options");
    this.recordIdLookup = Objects.requireNonNull(recordIdLookup, "recordIdLookup");
  }

  @Override
  public BatchedRecordExport bind(List<String> columns) {
    if (started) {
      throw new IllegalStateException("bind() must be called before the first next()");
    }
    this.columns = List.copyOf(columns);
    if (new LinkedHashSet<>(this.columns).size() != this.columns.size()) {
      throw new IllegalArgumentException("a column is bound twice: " + columns);
    }
    return this;
  }

  @Override
  public List<String> columns() {
    return columns == null ? List.of() : columns;
  }

  @Override
  public boolean next() {
    if (closed) {
      throw new IllegalStateException("export is closed");
    }
    if (done) {
      return false;
    }
    try {
      if (!started) {
        started = true;
        progress = ProgressTracker.forThisThread();
        progress.waiting(true);
        start();
        if (done) {
          return false;
        }
      }
      if (single != null) {
        if (single.next()) {
          if (seenInSingle != null) {
            String id = single.value(singleIdIndex);
            // A record's rows come together: only a new ID needs the set.
            if (id != null && !id.equals(lastSeenInSingle)) {
              seenInSingle.add(id);
              lastSeenInSingle = id;
            }
          }
          progress.waiting(false);
          rows++;
          return true;
        }
        noteAnswer(single);
        if (!switchedToMissingRecords()) {
          finish();
          return false;
        }
      }
      while (batch == null || positionInBatch >= batch.size()) {
        if (batchesTaken > 0) {
          window.fill(); // the caller has read past a batch: keep parallelism requests going
        }
        progress.waiting(true);
        List<String[]> next = window.next();
        if (next == null) {
          finish();
          return false;
        }
        progress.waiting(false);
        batch = next;
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
    List<String> ids;
    boolean verify;
    double rowsPerRecord = options.expectedRowsPerRecord();
    if (!request.records().isEmpty()) {
      ids = new ArrayList<>(new LinkedHashSet<>(request.records()));
      verify = false;
      if (ids.size() <= options.recordsPerBatch(rowsPerRecord)) {
        openSingle();
        return;
      }
    } else if (options.expectedRecordCount().isPresent()
        && options.expectedRecordCount().getAsLong() <= options.recordsPerBatch(rowsPerRecord)) {
      openSingle();
      return;
    } else {
      RecordIdPass.Result pass = idPass();
      if (coversWholeProject()) {
        options.tallyListener().counted(pass.ids().size(), pass.rows());
      }
      ids = pass.ids();
      rowsPerRecord = pass.rowsPerRecord();
      verify = true;
      if (ids.isEmpty()) {
        done = true;
        return;
      }
    }
    prepareBatches(ids, verify, rowsPerRecord);
  }

  /** Hands {@code ids} to a {@link BatchWindow}, which requests the first batch. */
  private void prepareBatches(List<String> ids, boolean verify, double rowsPerRecord) {
    String idColumn = request.type() == ExportType.EAV ? "record" : recordIdField();
    window =
        new BatchWindow(
            transport,
            request,
            options,
            options.recordsPerBatch(rowsPerRecord),
            this::recordIdField,
            calls,
            this::noteAnswer,
            columns,
            idColumn,
            ids,
            verify);
    progress.batches(window.batchCount());
  }

  /** The record-ID field from the request, else looked up once (one metadata request). */
  private String recordIdField() {
    if (recordIdField == null) {
      recordIdField =
          request.recordIdField() != null ? request.recordIdField() : recordIdLookup.get();
    }
    return recordIdField;
  }

  private void openSingle() {
    RecordExportRequest r = request;
    if (r.restrictsColumns() && r.recordIdField() == null) {
      r = r.toBuilder().recordIdField(recordIdField()).build();
    }
    progress.batches(1);
    Cancellation c = calls.request();
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
    // Sized for the records expected, so that filling it never rehashes (it is filled per row).
    seenInSingle = new RecordIdFingerprints(options.expectedRecordCount().getAsLong());
  }

  /**
   * Whether the single request must bring every record of the project: a flat export without
   * records, events, filterLogic or date range, chosen because the project is known to be small.
   * Each record then has at least one row (REDCap always exports the record-ID field), so fewer
   * distinct IDs than the project's count means REDCap may have left some out.
   */
  private boolean bringsEveryRecord() {
    return coversWholeProject() && options.expectedRecordCount().isPresent();
  }

  /** A flat export without records, events, filterLogic or date range: every record has rows. */
  private boolean coversWholeProject() {
    return request.records().isEmpty()
        && request.events().isEmpty()
        && request.type() == ExportType.FLAT
        && (request.filterLogic() == null || request.filterLogic().isBlank())
        && request.dateRangeBegin() == null
        && request.dateRangeEnd() == null;
  }

  /**
   * After the single request: if it brought fewer records than the project was known to hold,
   * an ID pass says which are missing and they are fetched as batches, checked and asked for
   * again like any batch (then reported if still missing). Returns false when nothing is
   * missing: records were deleted since they were counted.
   */
  private boolean switchedToMissingRecords() {
    if (seenInSingle == null || seenInSingle.size() >= options.expectedRecordCount().getAsLong()) {
      return false;
    }
    List<String> missing = new ArrayList<>();
    RecordIdPass.Result pass = idPass();
    for (String id : pass.ids()) {
      if (!seenInSingle.contains(id)) {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return false;
    }
    LOG.warn(
        "REDCap's answer held {} of the {} records the project has; requesting the {}"
            + " missing record(s) again",
        seenInSingle.size(),
        options.expectedRecordCount().getAsLong(),
        missing.size());
    single.close();
    single = null;
    seenInSingle = null;
    prepareBatches(missing, true, pass.rowsPerRecord());
    return true;
  }

  /** The ID pass: the distinct IDs the request's row filters select. */
  private RecordIdPass.Result idPass() {
    RecordIdPass.Result pass = RecordIdPass.distinctIds(transport, request, recordIdField(), calls);
    progress.idPass(pass.bytes());
    return pass;
  }

  @Override
  public String value(int index) {
    return single != null ? single.value(index) : row[index];
  }

  @Override
  public Set<String> unboundColumns() {
    synchronized (unbound) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(unbound));
    }
  }

  /**
   * Notes what an answer read whole showed: columns REDCap did not know, and which bound columns
   * an answer with rows carried (batches finish on many threads).
   */
  private void noteAnswer(RecordCursor cursor) {
    unbound.addAll(cursor.unboundColumns());
    noteCarried(cursor);
    progress.answer(cursor);
  }

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

  @Override
  public synchronized Set<String> absentColumns() {
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

  @Override
  public long rowCount() {
    return rows;
  }

  @Override
  public int requestCount() {
    return calls.requestCount();
  }

  /** Number of record batches (0 for the single-request path); known after the first next(). */
  public int batchCount() {
    BatchWindow w = window;
    return w == null ? 0 : w.batchCount();
  }

  @Override
  public void cancel() {
    calls.cancelAll();
    BatchWindow w = window;
    if (w != null) {
      w.cancel();
    }
    RecordCursor s = single;
    if (s != null) {
      s.cancel();
    }
  }

  private void finish() {
    done = true;
    progress.ended();
    if (window != null) {
      window.shutdown();
    }
    if (single != null) {
      single.close();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!done) {
      cancel();
    }
    if (progress != null) {
      progress.ended();
    }
    if (single != null) {
      single.close();
    }
    if (window != null) {
      window.shutdownNow();
    }
    batch = null;
    row = null;
  }
}
