package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.client.OverwriteBehavior;
import org.redcapjdbc.client.RecordImportRequest;
import org.redcapjdbc.client.RecordImportResult;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.ReturnContent;

/**
 * Sends the record imports of a statement (or of a batch): rows in calls of
 * {@code importBatchSize}, each call all-or-nothing on REDCap's side. A failure says which call
 * failed, REDCap's message verbatim, and how many rows earlier calls had written (they stay
 * written). Imports are never retried once their body may have reached the server; the client
 * guarantees that.
 */
final class RecordImporter {

  /** How the rows are imported. */
  enum Mode {
    /** INSERT with record IDs: {@code overwriteBehavior=normal}, blanks leave values alone. */
    NORMAL(OverwriteBehavior.NORMAL),
    /** INSERT without record IDs: REDCap numbers a new record for each row. */
    AUTO_NUMBER(OverwriteBehavior.NORMAL),
    /** UPDATE: {@code overwriteBehavior=overwrite}, so that a blank erases the stored value. */
    OVERWRITE(OverwriteBehavior.OVERWRITE);

    final OverwriteBehavior overwrite;

    Mode(OverwriteBehavior overwrite) {
      this.overwrite = overwrite;
    }
  }

  /** Told after each successful call which rows (from, to: positions in the list) it wrote. */
  @FunctionalInterface
  interface CallListener {
    void written(int from, int to);
  }

  /** What a statement or batch has written so far, over all its calls, and when to stop. */
  static final class Progress {
    final WriteStop stop;
    long rowsWritten;
    int calls;

    Progress(WriteStop stop) {
      this.stop = stop;
    }
  }

  private final ProjectSession session;

  RecordImporter(ProjectSession session) {
    this.session = requireNonNull(session, "session");
  }

  String recordIdField() {
    return session.model().recordIdField().name();
  }

  /**
   * Imports {@code rows} (wire column to wire text, in import order).
   *
   * @param what the statement, for messages ({@code INSERT into redcap.visit})
   * @return for {@link Mode#AUTO_NUMBER}, the record ID REDCap gave each row, in row order;
   *     otherwise an empty list
   * @throws RedcapWriteException when a call fails
   */
  List<String> importRows(
      String what, List<Map<String, String>> rows, Mode mode, Progress progress) {
    return importRows(what, rows, mode, progress, (from, to) -> {});
  }

  /** {@link #importRows(String, List, Mode, Progress)}, telling {@code listener} each call. */
  List<String> importRows(
      String what,
      List<Map<String, String>> rows,
      Mode mode,
      Progress progress,
      CallListener listener) {
    int size = session.config().importBatchSize();
    int calls = (rows.size() + size - 1) / size;
    List<String> assigned = new ArrayList<>();
    for (int call = 0; call < calls; call++) {
      int from = call * size;
      List<Map<String, String>> chunk = rows.subList(from, Math.min(rows.size(), from + size));
      String stop = progress.stop.reason();
      if (stop != null) {
        throw stopped(what, stop, progress.rowsWritten, rows.size() - from);
      }
      try {
        if (mode == Mode.AUTO_NUMBER) {
          assigned.addAll(importAutoNumbered(chunk));
        } else {
          session
              .client()
              .records()
              .importRecords(
                  RecordImportRequest.builder()
                      .rows(chunk)
                      .overwriteBehavior(mode.overwrite)
                      .returnContent(ReturnContent.COUNT)
                      .build());
        }
      } catch (RedcapException e) {
        throw failure(what, e, call, calls, from, chunk.size(), rows.size(), progress);
      } finally {
        RecordCopies.SHARED.changed(session.config()); // sent or maybe sent: the copy refreshes
      }
      progress.rowsWritten += chunk.size();
      progress.calls++;
      listener.written(from, from + chunk.size());
    }
    return assigned;
  }

  /**
   * One auto-numbered call: each row is sent with a provisional ID (its position) that only
   * groups it, and REDCap answers the new ID of each ({@code returnContent=auto_ids}).
   */
  private List<String> importAutoNumbered(List<Map<String, String>> chunk) {
    String idField = recordIdField();
    List<Map<String, String>> sent = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put(idField, Integer.toString(i + 1));
      for (Map.Entry<String, String> e : chunk.get(i).entrySet()) {
        if (!e.getKey().equals(idField)) {
          row.put(e.getKey(), e.getValue());
        }
      }
      sent.add(row);
    }
    RecordImportResult result =
        session
            .client()
            .records()
            .importRecords(
                RecordImportRequest.builder()
                    .rows(sent)
                    .overwriteBehavior(OverwriteBehavior.NORMAL)
                    .forceAutoNumber(true)
                    .returnContent(ReturnContent.AUTO_IDS)
                    .build());
    Map<String, String> newIdOfSent = new HashMap<>();
    for (RecordImportResult.AutoId pair : result.autoIds()) {
      newIdOfSent.put(pair.sentId(), pair.newId());
    }
    List<String> ids = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      String id = newIdOfSent.get(Integer.toString(i + 1));
      if (id == null) {
        throw new RedcapException(
            RedcapException.Kind.PROTOCOL,
            200,
            "content=record",
            null,
            "REDCap wrote the auto-numbered records but its answer (returnContent=auto_ids)"
                + " did not name the new ID of row "
                + (i + 1)
                + " of the call; the rows are"
                + " written, look them up in the project",
            null);
      }
      ids.add(id);
    }
    return ids;
  }

  /** The exception for a statement stopped between calls. */
  static RedcapWriteException stopped(String what, String reason, long written, long notSent) {
    String message =
        what
            + " stopped before its next call: "
            + reason
            + ". "
            + (written == 0
                ? "Nothing was written."
                : written
                    + (written == 1 ? " row" : " rows")
                    + " written by earlier calls stay"
                    + " written (REDCap has no transactions across calls); the other "
                    + notSent
                    + " rows were not sent.");
    return new RedcapWriteException(message, written, "57014", null);
  }

  /** The exception for call {@code call} (0-based) of {@code calls} failing. */
  static RedcapWriteException failure(
      String what,
      RedcapException e,
      int call,
      int calls,
      int from,
      int chunkRows,
      int totalRows,
      Progress progress) {
    StringBuilder m = new StringBuilder(what).append(" failed");
    if (calls > 1) {
      m.append(" at import call ")
          .append(call + 1)
          .append(" of ")
          .append(calls)
          .append(" (rows ")
          .append(from + 1)
          .append('-')
          .append(from + chunkRows)
          .append(')');
    }
    m.append(": ").append(e.getMessage());
    if (!endsWithStop(m)) {
      m.append('.');
    }
    m.append(' ').append(afterFailure(e, progress.rowsWritten, totalRows - from - chunkRows));
    return new RedcapWriteException(m.toString(), progress.rowsWritten, SqlErrors.writeState(e), e);
  }

  /**
   * What a failed call leaves behind, by the kind of failure and what was written before.
   *
   * @param notSentAfter rows after the failed call that were never sent
   */
  static String afterFailure(RedcapException e, long writtenBefore, long notSentAfter) {
    boolean refused =
        e.kind() == RedcapException.Kind.VALIDATION || e.kind() == RedcapException.Kind.AUTH;
    StringBuilder m = new StringBuilder();
    if (refused && writtenBefore == 0) {
      m.append("Nothing was written: REDCap checks a whole import call before writing any of it.");
    } else if (refused) {
      m.append(
          "REDCap checks a whole import call before writing any of it, so nothing of this"
              + " call was written.");
    } else {
      m.append(
          "Whether REDCap applied this call is unknown (its request may have reached the"
              + " server): check the project before repeating the statement.");
    }
    if (writtenBefore > 0) {
      m.append(' ')
          .append(writtenBefore)
          .append(writtenBefore == 1 ? " row" : " rows")
          .append(
              " written by earlier calls stay written (REDCap has no transactions across"
                  + " calls)");
      m.append(
          notSentAfter > 0
              ? "; the " + notSentAfter + " rows after this call were not sent."
              : ".");
    } else if (notSentAfter > 0 && !refused) {
      m.append(" The ").append(notSentAfter).append(" rows after this call were not sent.");
    }
    return m.toString();
  }

  static boolean endsWithStop(CharSequence s) {
    char last = s.length() == 0 ? ' ' : s.charAt(s.length() - 1);
    return last == '.' || last == '!' || last == '?';
  }
}
