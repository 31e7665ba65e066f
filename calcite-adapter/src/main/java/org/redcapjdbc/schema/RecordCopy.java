package org.redcapjdbc.schema;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.calcite.DataContext;
import org.redcapjdbc.cache.CopiedRows;
import org.redcapjdbc.cache.CopyCursor;
import org.redcapjdbc.cache.CopyFile;
import org.redcapjdbc.cache.ServerClock;
import org.redcapjdbc.cache.StructureDigest;
import org.redcapjdbc.client.BatchOptions;
import org.redcapjdbc.client.ExportType;
import org.redcapjdbc.client.ProjectXmlRequest;
import org.redcapjdbc.client.RawOrLabel;
import org.redcapjdbc.client.RawResponse;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RowCursor;
import org.redcapjdbc.model.Event;
import org.redcapjdbc.model.ExportFieldName;
import org.redcapjdbc.model.Instrument;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.PseudoColumns;

/**
 * One token's copy of a project's records and how it is kept exact (docs/snapshot-cache.md).
 *
 * <p><b>Fill</b>: a structure check, then the usual batched export of every field of every record
 * (with {@code exportBlankForGrayFormStatus}, so instrument tables can tell unsaved forms; the
 * default statuses are derived, {@link #grayStatus}).
 *
 * <p><b>Refresh</b>, before a statement once the copy is older than {@code cacheMaxAge} (or after
 * a write through the driver): (1) the structure check, a metadata-only project XML whose digest
 * must match the copy's, else the copy is filled again, and whose {@code Date} header is the
 * server's clock for step 3; (2) the record-ID list with each row's event, repeat instrument,
 * instance and DAG: records gone are dropped, new records and records whose rows or group
 * changed are fetched; (3) the IDs of records created or modified since the last check
 * ({@code dateRangeBegin} in server local time, {@link ServerClock}); then every record of (2)
 * and (3) is exported by {@code records[]} and its rows replaced. Every {@link
 * #FULL_RECONCILIATION} the copy is filled again, a safety net for changes REDCap might not log.
 *
 * <p>Statements read immutable {@link CopiedRows} versions; one statement (its {@link
 * DataContext}) reads one version in all its scans, refreshed at most once.
 */
final class RecordCopy {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordCopy.class);

  /** A full export replaces the copy at least this often, whatever the deltas said. */
  static final Duration FULL_RECONCILIATION = Duration.ofHours(24);

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile CopiedRows version;
  private volatile boolean stale;
  private Instant checkedAt;
  private Instant filledAt;
  private Instant serverCheckedAt;
  private String structure;

  /** The server's offset as learnt from its log (when no serverTimeZone is configured), or null. */
  private java.time.ZoneOffset learntOffset;

  private WeakReference<DataContext> lastStatement = new WeakReference<>(null);
  private final Stats stats = new Stats();
  private volatile CopyFile file;

  /** What the copy has sent, for tests and the benchmark. */
  static final class Stats {
    int fills;
    int refreshes;
    long recordsFetched;
    int lastRefreshRequests;
    int lastRefreshRecords;
    int loads;
  }

  RecordCopy(Clock clock) {
    this.clock = clock;
  }

  Stats stats() {
    return stats;
  }

  void markStale() {
    stale = true;
  }

  /** Keeps this copy in {@code file} too ({@code cache=disk}); the first one given stays. */
  void useFile(CopyFile f) {
    if (file == null) {
      synchronized (this) {
        if (file == null) {
          file = f;
        }
      }
    }
  }

  /**
   * Starts from the copy on disk, if there is one this token opens and it has this model's
   * columns: it is then refreshed like a copy of this JVM's (delta only), never read unchecked.
   */
  private void load(ProjectModel model) {
    CopyFile.Stored s = file.read();
    if (s == null || !s.rows().columns().equals(wireColumns(model))) {
      return;
    }
    version = s.rows();
    structure = s.structure();
    serverCheckedAt = s.serverCheckedAt();
    filledAt = s.filledAt();
    checkedAt = Instant.EPOCH;
    stats.loads++;
  }

  private void save() {
    CopyFile f = file;
    if (f == null) {
      return;
    }
    try {
      f.write(new CopyFile.Stored(version, structure, serverCheckedAt, filledAt));
    } catch (java.io.IOException | RuntimeException e) {
      // The statement goes on from memory; the next change tries again.
      LOG.warn("The snapshot cache could not write {}: {}", f.path(), e.getClass().getSimpleName());
    }
  }

  /** The current version, or null before the first fill (tests). */
  CopiedRows version() {
    return version;
  }

  /**
   * The version statement {@code root} reads: the one it already read, else the copy checked for
   * changes first unless it is younger than the connection's {@code cacheMaxAge} (then an
   * SQLWarning names its age).
   */
  CopiedRows forStatement(ProjectSession session, DataContext root, ScanWatchdog.Watched watched) {
    lockFor(watched);
    try {
      if (version == null && file != null) {
        load(session.model());
      }
      CopiedRows current = version;
      if (current != null && lastStatement.get() == root) {
        return current;
      }
      Instant now = clock.instant();
      Duration maxAge = session.config().cacheMaxAge();
      if (current != null && !stale && !maxAge.isZero()) {
        Duration age = Duration.between(checkedAt, now);
        if (age.compareTo(maxAge) < 0) {
          QueryWarnings.add(
              root,
              "Read from the snapshot cache as checked against REDCap "
                  + age.toSeconds()
                  + " s ago (cacheMaxAge="
                  + maxAge.toSeconds()
                  + " s): changes made in REDCap since then are not shown.");
          lastStatement = new WeakReference<>(root);
          return current;
        }
      }
      if (current == null || Duration.between(filledAt, now).compareTo(FULL_RECONCILIATION) > 0) {
        fill(session, watched);
      } else {
        refresh(session, watched);
      }
      lastStatement = new WeakReference<>(root);
      return version;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the copy while another statement fills or refreshes it, as long as this statement
   * is not stopped: a cancel or timeout ends the wait, not the other statement's fill.
   */
  private void lockFor(ScanWatchdog.Watched watched) {
    try {
      while (!lock.tryLock(ScanWatchdog.PERIOD_MILLIS, TimeUnit.MILLISECONDS)) {
        checkpoint(watched);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedcapException(
          RedcapException.Kind.CANCELLED,
          0,
          "cache",
          null,
          "The thread was interrupted while waiting for the snapshot cache's copy.",
          e);
    }
  }

  /**
   * Fails if the statement was cancelled or ran out of time (the watchdog aborts calls in flight;
   * this catches a stop between calls and between rows already received). Nothing of a fill or
   * refresh is kept until it is complete, so a stopped one leaves the copy as it was, and the
   * next statement fills or refreshes afresh.
   */
  private static void checkpoint(ScanWatchdog.Watched watched) {
    ScanWatchdog.Stop why = watched.check();
    if (why != null) {
      watched.stop(why);
      throw new RedcapException(
          RedcapException.Kind.CANCELLED,
          0,
          "cache",
          null,
          "The snapshot cache's fill or refresh was stopped.",
          null);
    }
  }

  /** Replaces the copy by a full export. */
  private void fill(ProjectSession session, ScanWatchdog.Watched watched) {
    Instant started = clock.instant();
    Check check = checkStructure(session, watched);
    Instant serverNow = check.serverNow();
    ProjectModel model = session.model();
    List<String> columns = wireColumns(model);
    RecordExportRequest request = exportRequest(model).build();
    BatchOptions options = session.config().batchOptions(columns.size());
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    CopiedRows next;
    try (RowCursor c = session.client().records().exportBatched(request, options)) {
      watched.watch(c);
      c.bind(columns);
      read(c, columns.size(), rows, model, watched);
      Map<String, String[][]> arrays = arrays(rows);
      next =
          CopiedRows.of(
              columns,
              c.absentColumns(),
              unknown(c.unboundColumns(), model),
              new ArrayList<>(rows.keySet()),
              arrays);
    }
    checkpoint(watched);
    version = next;
    structure = check.digest();
    if (session.config().serverTimeZone().isEmpty()) {
      // The server's clock now: the check's Date plus the time the fill took. (A stop aborts
      // this call; the copy is complete and stays, with the zone left open.)
      learntOffset =
          learnOffset(session, serverNow.plus(Duration.between(started, clock.instant())), watched);
    }
    stats.fills++;
    stats.recordsFetched += next.recordCount();
    session.snapshot().counted(next.recordCount(), next.rowCount());
    serverCheckedAt = serverNow;
    checkedAt = started;
    filledAt = started;
    stale = false;
    save();
  }

  /** Brings the copy up to date by the three steps of the class comment. */
  private void refresh(ProjectSession session, ScanWatchdog.Watched watched) {
    Instant started = clock.instant();
    Check check = checkStructure(session, watched);
    Instant serverNow = check.serverNow();
    if (!check.digest().equals(structure)) {
      fill(session, watched);
      return;
    }
    int requests = 1;
    ProjectModel model = session.model();
    CopiedRows current = version;
    String idField = model.recordIdField().name();
    boolean dags = model.hasDataAccessGroupColumn();

    // (2) The record-ID list, with each row's key columns and group.
    List<String> keyColumns =
        List.of(
            idField,
            PseudoColumns.EVENT_NAME,
            PseudoColumns.REPEAT_INSTRUMENT,
            PseudoColumns.REPEAT_INSTANCE,
            PseudoColumns.DATA_ACCESS_GROUP);
    Map<String, List<String[]>> keys = new LinkedHashMap<>();
    try (RowCursor c =
        session.client().records().export(idRequest(model).exportDataAccessGroups(dags).build())) {
      watched.watch(c);
      c.bind(keyColumns);
      read(c, keyColumns.size(), keys, model, watched);
      requests += c.requestCount();
    }
    int[] copySlots = new int[4];
    for (int i = 0; i < 4; i++) {
      copySlots[i] = current.indexOf(keyColumns.get(i + 1));
    }
    int[] listSlots = {1, 2, 3, 4};
    Set<String> fetch = new HashSet<>();
    for (Map.Entry<String, List<String[]>> e : keys.entrySet()) {
      String id = e.getKey();
      if (!current.contains(id)
          || !current
              .shape(id, copySlots)
              .equals(CopiedRows.shapeOf(e.getValue().toArray(new String[0][]), listSlots))) {
        fetch.add(id);
      }
    }

    // (3) Records created or modified since the last check, by REDCap's log.
    LocalDateTime begin =
        ServerClock.rangeBegin(
            serverCheckedAt,
            session.config().serverTimeZone().map(z -> (java.time.ZoneId) z).orElse(learntOffset),
            serverNow);
    try (RowCursor c =
        session.client().records().export(idRequest(model).dateRangeBegin(begin).build())) {
      watched.watch(c);
      c.bind(List.of(idField));
      while (c.next()) {
        String id = c.value(0);
        if (id == null) {
          throw org.redcapjdbc.client.RedcapException.rowWithoutRecordId(
              idField, "the cache's export of changed records");
        }
        if (keys.containsKey(id)) {
          fetch.add(id); // a record changed and deleted since is in neither list nor copy
        }
      }
      requests += c.requestCount();
    }

    Map<String, String[][]> replaced = new HashMap<>();
    Set<String> unknown = Set.of();
    if (!fetch.isEmpty()) {
      List<String> columns = current.columns();
      List<String> ordered = new ArrayList<>();
      for (String id : keys.keySet()) {
        if (fetch.contains(id)) {
          ordered.add(id);
        }
      }
      BatchOptions options = session.config().batchOptions(columns.size());
      Map<String, List<String[]>> rows = new LinkedHashMap<>();
      try (RowCursor c =
          session
              .client()
              .records()
              .exportBatched(exportRequest(model).records(ordered).build(), options)) {
        watched.watch(c);
        c.bind(columns);
        read(c, columns.size(), rows, model, watched);
        requests += c.requestCount();
        unknown = unknown(c.unboundColumns(), model);
      }
      for (String id : ordered) {
        List<String[]> r = rows.get(id);
        replaced.put(id, r == null ? new String[0][] : r.toArray(new String[0][]));
      }
    }
    checkpoint(watched);
    version = current.with(new ArrayList<>(keys.keySet()), replaced, unknown);
    stats.refreshes++;
    stats.recordsFetched += fetch.size();
    stats.lastRefreshRequests = requests;
    stats.lastRefreshRecords = fetch.size();
    serverCheckedAt = serverNow;
    checkedAt = started;
    stale = false;
    if (!fetch.isEmpty() || current.recordCount() != keys.size()) {
      save();
    }
  }

  /**
   * Step (1): the structure's digest (kept in {@link #structure}) and the server's clock at the
   * start of this check, from the answer's {@code Date} header (the client's clock, less a
   * margin, when there is none).
   */
  private Check checkStructure(ProjectSession session, ScanWatchdog.Watched watched) {
    checkpoint(watched);
    Instant clientNow = clock.instant();
    try (RawResponse xml =
        session
            .client()
            .project()
            .exportProjectXml(
                ProjectXmlRequest.builder().returnMetadataOnly(true).build(), watched.calls())) {
      Instant server = ServerClock.parseDate(xml.header("Date"));
      String digest = StructureDigest.of(xml.text());
      checkpoint(watched);
      return new Check(server != null ? server : clientNow.minus(Duration.ofMinutes(10)), digest);
    }
  }

  /**
   * A structure check's answer, kept in {@link #structure} only with the fill or refresh it
   * belongs to: a stopped fill must not leave the new digest over the old rows.
   */
  private record Check(Instant serverNow, String digest) {}

  /**
   * The server's UTC offset from its log, once per fill: the latest export entry (our own export
   * has just been logged) against the server's clock. Null when the token may not read the log
   * (the date range then allows for any zone).
   */
  private static java.time.ZoneOffset learnOffset(
      ProjectSession session, Instant serverNow, ScanWatchdog.Watched watched) {
    try {
      List<Map<String, String>> rows =
          session
              .client()
              .project()
              .exportLogging(
                  org.redcapjdbc.client.LogRequest.builder()
                      .logType(org.redcapjdbc.client.LogType.EXPORT)
                      .beginTime(
                          LocalDateTime.ofInstant(serverNow, java.time.ZoneOffset.UTC)
                              .minusHours(13))
                      .build(),
                  watched.calls());
      List<String> stamps = new ArrayList<>();
      for (Map<String, String> r : rows) {
        stamps.add(r.get("timestamp"));
      }
      return ServerClock.offsetFromLog(stamps, serverNow);
    } catch (org.redcapjdbc.client.RedcapException e) {
      return null; // no Logging right, or no log: allow for any zone
    }
  }

  /** The export the copy is made of: every field, raw, blank statuses for unsaved forms. */
  private static RecordExportRequest.Builder exportRequest(ProjectModel model) {
    return RecordExportRequest.builder()
        .type(ExportType.FLAT)
        .rawOrLabel(RawOrLabel.RAW)
        .recordIdField(model.recordIdField().name())
        .exportBlankForGrayFormStatus(true)
        .exportDataAccessGroups(model.hasDataAccessGroupColumn() ? true : null);
  }

  private static RecordExportRequest.Builder idRequest(ProjectModel model) {
    String idField = model.recordIdField().name();
    return RecordExportRequest.builder()
        .type(ExportType.FLAT)
        .rawOrLabel(RawOrLabel.RAW)
        .recordIdField(idField)
        .fields(List.of(idField));
  }

  /** The wire columns of a full export: record ID, the pseudo-columns that apply, every field. */
  static List<String> wireColumns(ProjectModel model) {
    List<String> columns = new ArrayList<>();
    columns.add(model.recordIdField().name());
    if (model.isLongitudinal()) {
      columns.add(PseudoColumns.EVENT_NAME);
    }
    if (model.hasRepeatingInstrumentsOrEvents()) {
      columns.add(PseudoColumns.REPEAT_INSTRUMENT);
      columns.add(PseudoColumns.REPEAT_INSTANCE);
    }
    if (model.hasDataAccessGroupColumn()) {
      columns.add(PseudoColumns.DATA_ACCESS_GROUP);
    }
    for (ExportFieldName e : model.exportFieldNames()) {
      if (!columns.contains(e.exportName())) {
        columns.add(e.exportName());
      }
    }
    return columns;
  }

  private static void read(
      RowCursor c,
      int width,
      Map<String, List<String[]>> into,
      ProjectModel model,
      ScanWatchdog.Watched watched) {
    Map<String, String> seen = new HashMap<>();
    int n = 0;
    while (c.next()) {
      if ((++n & 1023) == 0) {
        checkpoint(watched); // rows already buffered are not read on after a stop
      }
      String id = c.value(0);
      if (id == null) {
        throw org.redcapjdbc.client.RedcapException.rowWithoutRecordId(
            model.recordIdField().name(), "the cache's record export");
      }
      String[] row = new String[width];
      row[0] = id;
      for (int i = 1; i < width; i++) {
        row[i] = shared(c.value(i), seen);
      }
      into.computeIfAbsent(id, k -> new ArrayList<>(1)).add(row);
    }
  }

  /**
   * One instance of each short value (codes, statuses, small numbers, event names): a copy holds
   * millions of values and most of them repeat; sharing them roughly halves its memory.
   */
  private static String shared(String v, Map<String, String> seen) {
    if (v == null || v.length() > 12 || seen.size() > 200_000) {
      return v;
    }
    String prior = seen.putIfAbsent(v, v);
    return prior == null ? v : prior;
  }

  private static Map<String, String[][]> arrays(Map<String, List<String[]>> rows) {
    Map<String, String[][]> out = new HashMap<>(rows.size() * 2);
    for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
      out.put(e.getKey(), e.getValue().toArray(new String[0][]));
    }
    return out;
  }

  /** Keys the export carried that the model does not know (the scan warns about them). */
  private static Set<String> unknown(Set<String> unbound, ProjectModel model) {
    return new HashSet<>(unbound);
  }

  /**
   * REDCap's default status for a form never saved, from the copy's blank: {@code 0} on the rows
   * where the form applies (designated for the row's event; its own repeat rows when it repeats
   * as an instrument there; every instance of a repeating event; else the base row), blank
   * elsewhere (docs/redcap-api.md §3.4).
   */
  static CopyCursor.GrayStatus grayStatus(ProjectModel model, CopiedRows v) {
    Map<String, Instrument> byStatus = new HashMap<>();
    for (Instrument i : model.instruments()) {
      byStatus.put(i.completeFieldName(), i);
    }
    int eventSlot = v.indexOf(PseudoColumns.EVENT_NAME);
    int repeatSlot = v.indexOf(PseudoColumns.REPEAT_INSTRUMENT);
    boolean longitudinal = model.isLongitudinal();
    return new CopyCursor.GrayStatus() {
      @Override
      public boolean isStatus(String column) {
        return byStatus.containsKey(column);
      }

      @Override
      public String valueFor(String statusColumn, String[] row) {
        Instrument form = byStatus.get(statusColumn);
        String repeat = repeatSlot < 0 ? null : row[repeatSlot];
        boolean applies;
        if (longitudinal) {
          String event = eventSlot < 0 ? null : row[eventSlot];
          if (event == null || !form.events().contains(event)) {
            applies = false;
          } else if (model.event(event).map(Event::isRepeating).orElse(false)) {
            applies = true;
          } else if (form.repeatingInstrumentEvents().contains(event)) {
            applies = form.name().equals(repeat);
          } else {
            applies = repeat == null;
          }
        } else if (form.repeatsAsInstrument()) {
          applies = form.name().equals(repeat);
        } else {
          applies = repeat == null;
        }
        return applies ? "0" : null;
      }
    };
  }
}
