package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.redcapjdbc.client.BatchOptions;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RedcapException.Kind;
import org.redcapjdbc.client.RowCursor;
import org.redcapjdbc.model.ValueProblem;
import org.redcapjdbc.model.ValueProblemSink;

/**
 * The rows of one table scan, read lazily from a record export: nothing is sent until the first
 * row is asked for, rows are converted one at a time straight from the cursor's strings into one
 * {@code Object[]} each, and closing the enumerator early (LIMIT, {@code setMaxRows}, a closed
 * ResultSet) aborts the HTTP stream. The statement's cancel flag and query timeout stop it within
 * a tenth of a second or so, through {@link ScanWatchdog}.
 */
final class RecordScan extends AbstractEnumerable<Object[]> {
  private static final int MAX_SHOWN_VALUE = 100;

  private final ProjectSession session;
  private final ScanSpec spec;
  private final DataContext root;

  RecordScan(ProjectSession session, ScanSpec spec, DataContext root) {
    this.session = requireNonNull(session, "session");
    this.spec = requireNonNull(spec, "spec");
    this.root = requireNonNull(root, "root");
  }

  @Override
  public Enumerator<Object[]> enumerator() {
    return new RecordEnumerator();
  }

  private RowCursor open(ScanWatchdog.Watched watched) {
    RedcapConfig config = session.config();
    RowCursor cursor;
    if (config.cache() != CacheMode.OFF) {
      // The snapshot cache's copy, brought up to date for this statement (RecordCopy); its fill
      // or refresh is watched like the scan, so cancel and the timeout stop it too.
      cursor = RecordCopies.SHARED.open(session, root, spec.request, watched);
    } else if (spec.singleRequest) {
      cursor = session.client().records().export(spec.request);
    } else {
      ProjectSnapshot snapshot = session.snapshot();
      BatchOptions options = config.batchOptions(spec.answerColumns);
      ProjectSnapshot.Tally tally = snapshot.tally().orElse(null);
      if (tally == null && spec.request.records().isEmpty() && !coversWholeProject()) {
        // A filtered read of a project not counted yet: count it once (for this snapshot), so
        // that this and later reads of a small project are one request each.
        String idField = session.model().recordIdField().name();
        tally = snapshot.tally(() -> ProjectLoader.countRecords(session.client(), idField));
      }
      if (tally != null) {
        options =
            options.withExpectedRecordCount(tally.records()).withExpectedRowCount(tally.rows());
      } else {
        // The read's own ID pass goes over the whole project: it is the count.
        options = options.withTallyListener(snapshot::counted);
      }
      cursor = session.client().records().exportBatched(spec.request, options);
    }
    return cursor.bind(spec.bound);
  }

  /** Whether the request's rows are every row of the project (its ID pass counts the project). */
  private boolean coversWholeProject() {
    return spec.request.records().isEmpty()
        && spec.request.events().isEmpty()
        && spec.request.type() == org.redcapjdbc.client.ExportType.FLAT
        && (spec.request.filterLogic() == null || spec.request.filterLogic().isBlank())
        && spec.request.dateRangeBegin() == null
        && spec.request.dateRangeEnd() == null;
  }

  private final class RecordEnumerator implements Enumerator<Object[]>, ValueProblemSink {
    private final int width = spec.slots.length;
    private RowCursor cursor;
    private ScanWatchdog.Watched watched;
    private Object[] current;
    private boolean done;
    private long tallyRows;
    private long tallyRecords;
    private String tallyPrevious;

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (done) {
        return false;
      }
      ScanSpec.RowFilter filter = spec.rowFilter;
      int[] slots = spec.slots;
      ScanWatchdog.Stop stop = null;
      try {
        if (cursor == null) {
          Object timeout = root.get(DataContext.Variable.TIMEOUT.camelName);
          watched =
              new ScanWatchdog.Watched(
                  StatementState.flag(root), timeout instanceof Long ? (Long) timeout : 0L);
          // Watched before the cursor opens: opening may fill the snapshot cache's copy.
          ScanWatchdog.INSTANCE.register(watched);
          cursor = open(watched);
          watched.watch(cursor);
        }
        RowCursor c = cursor;
        while ((stop = watched.check()) == null) {
          if (!c.next()) {
            finish();
            return false;
          }
          String id = c.value(spec.recordIdSlot);
          if (id == null) {
            throw rowWithoutRecordId();
          }
          if (spec.countsProject) {
            tallyRows++;
            if (!id.equals(tallyPrevious)) {
              tallyRecords++; // REDCap sends each record's rows together
              tallyPrevious = id;
            }
          }
          if (filter != null && !filter.accept(c)) {
            continue;
          }
          Object[] row = new Object[width];
          for (int i = 0; i < width; i++) {
            row[i] = spec.converters[i].fromWire(c.value(slots[i]), this);
          }
          current = row;
          return true;
        }
      } catch (RedcapException e) {
        ScanWatchdog.Stop why = watched == null ? null : watched.stopped();
        close();
        throw why != null ? stopped(why, e) : e;
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      // Seen between rows before the watchdog's next look (or rows were already buffered).
      watched.stop(stop);
      close();
      throw stopped(stop, null);
    }

    /** A stored value that is not of its column's type: a warning, or under strictTypes an error. */
    @Override
    public void report(ValueProblem problem) {
      String record = cursor.value(spec.recordIdSlot);
      String where =
          "Record '"
              + record
              + "'"
              + (spec.eventSlot >= 0 && cursor.value(spec.eventSlot) != null
                  ? " (event " + cursor.value(spec.eventSlot) + ")"
                  : "")
              + ", column '"
              + problem.column()
              + "': '"
              + shown(problem.value())
              + "' "
              + problem.reason();
      if (session.config().strictTypes()) {
        throw new UnreadableValueException(
            where
                + ". strictTypes=true makes this an error;"
                + " correct the value in REDCap, or connect with strictTypes=false to read such"
                + " values as NULL with a warning.",
            record,
            problem.column(),
            problem.value());
      }
      QueryWarnings.add(root, where + "; it reads as NULL.");
    }

    /**
     * REDCap puts the record ID in every row of a flat export it is asked for (the driver always
     * asks): a row without one is damage, and reading it as a row of a NULL record would be a
     * silently wrong result.
     */
    private RedcapException rowWithoutRecordId() {
      return RedcapException.rowWithoutRecordId(
          session.model().recordIdField().name(), "a record export");
    }

    private RedcapException stopped(ScanWatchdog.Stop stop, Throwable cause) {
      if (stop == ScanWatchdog.Stop.CANCELLED) {
        return new RedcapException(
            Kind.CANCELLED,
            0,
            "content=record",
            null,
            "The query was" + " cancelled (Statement.cancel()); its REDCap export was aborted.",
            cause);
      }
      return new QueryTimeoutException(
          "content=record",
          "The query ran longer than its timeout of "
              + (((Long) root.get(DataContext.Variable.TIMEOUT.camelName)) / 1000.0)
              + " s (Statement.setQueryTimeout) and was stopped; its REDCap export was aborted.",
          cause);
    }

    private void finish() {
      done = true;
      if (spec.countsProject) {
        session.snapshot().counted(tallyRecords, tallyRows);
      }
      List<String> unknown = new ArrayList<>();
      for (String name : cursor.unboundColumns()) {
        if (!spec.knownColumns.contains(name)) {
          unknown.add(name);
        }
      }
      if (!unknown.isEmpty()) {
        QueryWarnings.add(
            root,
            "REDCap sent columns this connection does not know ("
                + String.join(", ", unknown)
                + "): the project's data dictionary changed after"
                + " the connection read it. Reconnect (after metadataTtl) to see the new fields.");
      }
      Set<String> absent = cursor.absentColumns();
      if (!absent.isEmpty()) {
        // REDCap sends a field without data as "", and leaves out silently the fields a token
        // may not export: without this warning they would read as NULL like empty fields.
        QueryWarnings.add(
            root,
            "REDCap left out "
                + absent.size()
                + " column(s) of this export ("
                + String.join(", ", absent)
                + "), which it does for fields the API token may not"
                + " export (a form without export rights, identifier fields under de-identified"
                + " rights): they read as NULL here, and rows of a form left out entirely do not"
                + " appear. Ask the project's administrator for export rights to see them.");
      }
      release();
    }

    @Override
    public void reset() {
      release();
      cursor = null;
      done = false;
      current = null;
      tallyRows = 0;
      tallyRecords = 0;
      tallyPrevious = null;
    }

    @Override
    public void close() {
      done = true;
      release();
    }

    private void release() {
      if (cursor != null) {
        cursor.close();
      }
      if (watched != null) {
        ScanWatchdog.INSTANCE.unregister(watched);
        watched = null;
      }
    }
  }

  private static String shown(String value) {
    return value.length() <= MAX_SHOWN_VALUE
        ? value
        : value.substring(0, MAX_SHOWN_VALUE) + "… (" + value.length() + " characters)";
  }
}
