package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.redcapjdbc.plan.TableWriter;

/**
 * What every INSERT, UPDATE and DELETE on a REDCap table shares: {@code readOnly} refuses it
 * before anything is read or sent, and the rows it works on are read completely before the first
 * call. Reading first means a statement never sees rows it wrote itself (INSERT ... SELECT from the
 * same table), every value is checked before anything is sent, and no export is still streaming
 * while an import runs.
 */
abstract class StatementWrite implements TableWriter {
  final ProjectSession session;

  /** The statement for messages, e.g. {@code INSERT into redcap.visit}. */
  final String what;

  StatementWrite(ProjectSession session, String what) {
    this.session = requireNonNull(session, "session");
    this.what = requireNonNull(what, "what");
  }

  @Override
  public final long write(DataContext root, Enumerable<Object[]> rows) {
    if (session.config().readOnly()) {
      throw new RedcapWriteException(
          what
              + " was refused: this connection is read-only"
              + " (readOnly=true), so no INSERT, UPDATE or DELETE reaches REDCap. Connect without"
              + " readOnly=true to change data.",
          0,
          "25006",
          null);
    }
    return run(root, rows);
  }

  /** Runs the statement (the connection may write). */
  abstract long run(DataContext root, Enumerable<Object[]> rows);

  /**
   * Starts a statement that reads the project before it writes: in a JDBC batch the rows buffered
   * so far are sent first, so that this statement sees them (and the batch keeps its order: earlier
   * INSERTs may create the records it touches); outside one, the previous statement's generated
   * keys are dropped. Returns the statement's batch, or null outside one.
   */
  static WriteBatch sendBufferedRowsFirst(DataContext root) {
    WriteBatch batch = WriteBatch.of(root);
    if (batch != null) {
      batch.flush();
    } else {
      GeneratedKeys.clear(root);
    }
    return batch;
  }

  /** Every row of {@code rows}, read to the end (which closes the scan beneath). */
  static List<Object[]> readAll(Enumerable<Object[]> rows) {
    List<Object[]> all = new ArrayList<>();
    try (Enumerator<Object[]> e = rows.enumerator()) {
      while (e.moveNext()) {
        all.add(e.current());
      }
    }
    return all;
  }

  /** A statement refused before anything is sent, because of a value in row {@code index}. */
  RedcapWriteException badRow(int index, int rows, String why) {
    return new RedcapWriteException(
        what
            + " was refused before anything was sent: "
            + (rows > 1 ? "row " + (index + 1) + " of " + rows + ": " : "")
            + why
            + (RecordImporter.endsWithStop(why) ? "" : "."),
        0,
        "22000",
        null);
  }
}
