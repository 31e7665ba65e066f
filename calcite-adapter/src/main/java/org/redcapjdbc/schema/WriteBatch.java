package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * A JDBC batch ({@code executeBatch}) in progress on one statement: the rows of its INSERTs are
 * buffered and imported together at the end, in as few calls as {@code importBatchSize} allows,
 * instead of one import per parameter set. Calcite runs a batch as one execution per parameter
 * set (docs/calcite-workarounds.md §3.2); each execution's INSERT adds its rows here and reports
 * their count without calling REDCap. A statement that must see what came before (UPDATE reads the
 * rows it changes; DELETE and file uploads call other API methods) first sends what is buffered, so
 * the batch keeps its order.
 *
 * <p>Kept in the statement's {@link StatementState}, found by its cancel flag. The driver opens
 * it around Calcite's batch execution, calls {@link #flush()}, and closes it.
 */
public final class WriteBatch implements AutoCloseable {
  private final AtomicBoolean statementFlag;
  private final List<Group> groups = new ArrayList<>();

  /** Per command of the batch, its rows not yet written. */
  private final List<long[]> unwritten = new ArrayList<>();

  private final RecordImporter.Progress progress;

  private WriteBatch(AtomicBoolean statementFlag) {
    this.statementFlag = requireNonNull(statementFlag, "statementFlag");
    this.progress = new RecordImporter.Progress(WriteStop.of(statementFlag));
  }

  /** Starts buffering the writes of the statement owning {@code statementFlag}. */
  public static WriteBatch open(AtomicBoolean statementFlag) {
    WriteBatch batch = new WriteBatch(statementFlag);
    GeneratedKeys.clear(statementFlag);
    StatementState state = StatementState.of(statementFlag);
    synchronized (state) {
      state.batch = batch;
    }
    return batch;
  }

  /** The batch the execution in {@code root} belongs to, or null when it is not in one. */
  static WriteBatch of(DataContext root) {
    StatementState state = StatementState.find(StatementState.flag(root));
    if (state == null) {
      return null;
    }
    synchronized (state) {
      return state.batch;
    }
  }

  /** Buffers the import rows of one INSERT of the batch. */
  synchronized void buffer(
      RecordImporter importer,
      String what,
      RecordImporter.Mode mode,
      List<Map<String, String>> rows) {
    int command = unwritten.size();
    unwritten.add(new long[] {rows.size()});
    Group group = null;
    for (Group g : groups) {
      if (g.importer == importer && g.mode == mode) {
        group = g;
      }
    }
    if (group == null) {
      group = new Group(importer, what, mode);
      groups.add(group);
    }
    for (Map<String, String> row : rows) {
      group.rows.add(row);
      group.commands.add(command);
    }
  }

  /** Records a command of the batch that ran at once (after {@link #flush()}). */
  synchronized void ranImmediately() {
    unwritten.add(new long[] {0});
  }

  /** Imports everything buffered so far. */
  public synchronized void flush() {
    while (!groups.isEmpty()) {
      Group g = groups.remove(0);
      String what =
          g.what + (unwritten.size() > 1 ? " (batch of " + unwritten.size() + " statements)" : "");
      List<String> ids =
          g.importer.importRows(
              what,
              g.rows,
              g.mode,
              progress,
              (from, to) -> {
                for (int i = from; i < to; i++) {
                  unwritten.get(g.commands.get(i))[0]--;
                }
              });
      if (g.mode == RecordImporter.Mode.AUTO_NUMBER) {
        GeneratedKeys.add(statementFlag, g.importer.recordIdField(), ids);
      }
    }
  }

  /** Rows REDCap has accepted so far in this batch's imports. */
  public synchronized long rowsWritten() {
    return progress.rowsWritten;
  }

  /** How many leading commands of the batch are completely written. */
  public synchronized int completedCommands() {
    int n = 0;
    while (n < unwritten.size() && unwritten.get(n)[0] == 0) {
      n++;
    }
    return n;
  }

  /** Stops buffering; rows not flushed are dropped (the batch failed before its end). */
  @Override
  public void close() {
    StatementState state = StatementState.find(statementFlag);
    if (state != null) {
      synchronized (state) {
        if (state.batch == this) {
          state.batch = null;
        }
      }
    }
  }

  /** Rows for one importer and mode, with the command each came from. */
  private static final class Group {
    final RecordImporter importer;
    final String what;
    final RecordImporter.Mode mode;
    final List<Map<String, String>> rows = new ArrayList<>();
    final List<Integer> commands = new ArrayList<>();

    Group(RecordImporter importer, String what, RecordImporter.Mode mode) {
      this.importer = importer;
      this.what = what;
      this.mode = mode;
    }
  }
}
