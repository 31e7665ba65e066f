package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ID pass of a batched export: one export of the record-ID field alone, with the request's
 * own row filters ({@code events}, {@code filterLogic}, date range), whose distinct IDs, in
 * order, are what the batches then ask for and what each batch must bring back. Kept apart from
 * {@link BatchedRecordExport} because it is a complete request of its own, run before any batch
 * and again when a single request turns out to have left records out.
 */
final class RecordIdPass {
  private RecordIdPass() {}

  /**
   * What the ID pass found: the distinct IDs in order, the rows of the flat export, and the bytes
   * of its answer.
   */
  record Result(List<String> ids, long rows, long bytes) {
    /** Rows per record (1 when there are none). */
    double rowsPerRecord() {
      return ids.isEmpty() ? 1 : Math.max(1.0, (double) rows / ids.size());
    }
  }

  /** The distinct record IDs the export's filters select, in the order REDCap sends them. */
  static Result distinctIds(
      Transport transport, RecordExportRequest request, String recordIdField, LiveCalls calls) {
    RecordExportRequest ids =
        RecordExportRequest.builder()
            .fields(List.of(recordIdField))
            .events(request.events())
            .filterLogic(request.filterLogic())
            .dateRangeBegin(request.dateRangeBegin())
            .dateRangeEnd(request.dateRangeEnd())
            .recordIdField(recordIdField)
            .build();
    Cancellation c = calls.request();
    Set<String> distinct = new LinkedHashSet<>();
    long rows = 0;
    long bytes;
    try (RecordCursor cursor = new RecordCursor(transport, ApiCall.read(ids.toParams("json")), c)) {
      cursor.bind(List.of(recordIdField));
      while (cursor.next()) {
        rows++;
        String id = cursor.value(0);
        if (id == null || id.isBlank()) {
          // Skipping the row would make the batches ask for fewer records than exist: a damaged
          // answer fails, as a row without its ID does in a single-request read.
          throw RedcapException.rowWithoutRecordId(
              recordIdField, "the ID pass of a batched export");
        }
        distinct.add(id);
      }
      bytes = cursor.bytesRead();
    } finally {
      calls.done(c);
    }
    return new Result(new ArrayList<>(distinct), rows, bytes);
  }
}
