package org.redcapjdbc.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redcapjdbc.client.RawResponse;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.model.CsvRows;

/**
 * The project's record-ID list, read when a scan needs it: the one place that exports it for
 * record-ID ranges and for {@code meta.record_id_partitions}. Read afresh each time, never from
 * the connection's snapshot: a range resolved against an old list would silently leave out the
 * records created since. Read as CSV, which carries an ID in a few bytes where JSON repeats the
 * field name in every row: four Spark partitions read the list four times.
 */
final class RecordIds {
  private RecordIds() {}

  /**
   * The distinct record IDs, in REDCap's order, of the rows an export with these events and this
   * filterLogic returns (both may be null): one export of the record-ID field.
   */
  static List<String> export(
      ProjectSession session, Collection<String> events, String filterLogic) {
    String recordIdField = session.model().recordIdField().name();
    RecordExportRequest.Builder request =
        RecordExportRequest.builder()
            .fields(List.of(recordIdField))
            .filterLogic(filterLogic)
            .recordIdField(recordIdField);
    if (events != null) {
      request.events(new ArrayList<>(events));
    }
    Set<String> ids = new LinkedHashSet<>();
    try (RawResponse csv = session.client().records().exportCsv(request.build())) {
      for (Map<String, String> row : CsvRows.read(csv.reader())) {
        String id = row.get(recordIdField);
        if (id == null || id.isEmpty()) {
          // Skipped, the record would be left out of the ranges' records[], silently.
          throw RedcapException.rowWithoutRecordId(recordIdField, "the record-ID list of a range");
        }
        ids.add(id);
      }
    } catch (IOException e) {
      throw new RedcapException(
          RedcapException.Kind.PROTOCOL,
          200,
          "content=record",
          null,
          "REDCap's record-ID list (a CSV export of "
              + recordIdField
              + ") could not be read: "
              + e.getMessage(),
          e);
    }
    return new ArrayList<>(ids);
  }
}
