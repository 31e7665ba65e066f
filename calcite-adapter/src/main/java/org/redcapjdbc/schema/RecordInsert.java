package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/**
 * INSERT into {@code records} or an instrument table: one record import of all rows
 * ({@code overwriteBehavior=normal}, so NULL leaves a value alone), in calls of
 * {@code importBatchSize} rows. Rows without a record ID are auto-numbered
 * ({@code forceAutoNumber=true, returnContent=auto_ids}) and the IDs REDCap gave them become the
 * statement's generated keys. The count is the number of rows written. Inside a JDBC batch the
 * rows are buffered ({@link WriteBatch}).
 */
final class RecordInsert extends StatementWrite {
  private final RecordWireRows wireRows;

  RecordInsert(ProjectSession session, String what, RecordWireRows wireRows) {
    super(session, what);
    this.wireRows = wireRows;
  }

  @Override
  long run(DataContext root, Enumerable<Object[]> rows) {
    WriteStop stop = WriteStop.of(root);
    List<Object[]> input = readAll(rows);
    List<Map<String, String>> wire = new ArrayList<>(input.size());
    int numbered = 0;
    int firstNumbered = -1;
    int firstUnnumbered = -1;
    for (int i = 0; i < input.size(); i++) {
      Map<String, String> row;
      try {
        row = wireRows.insertRow(input.get(i));
      } catch (IllegalArgumentException e) {
        throw badRow(i, input.size(), e.getMessage());
      }
      if (row.get(wireRows.recordIdField()).isEmpty()) {
        firstUnnumbered = firstUnnumbered < 0 ? i : firstUnnumbered;
      } else {
        numbered++;
        firstNumbered = firstNumbered < 0 ? i : firstNumbered;
      }
      wire.add(row);
    }
    boolean autoNumber = numbered < wire.size();
    if (autoNumber && numbered > 0) {
      throw badRow(
          0,
          1,
          "an INSERT gives"
              + " every row a record ID ("
              + wireRows.recordIdField()
              + ") or none, so that REDCap"
              + " can number all its records in one call; row "
              + (firstNumbered + 1)
              + " has one"
              + " and row "
              + (firstUnnumbered + 1)
              + " has none. Split it into two statements");
    }
    if (autoNumber && !session.model().isRecordAutonumbering()) {
      throw badRow(
          firstUnnumbered,
          input.size(),
          "the row has no record ID ("
              + wireRows.recordIdField()
              + "), and the project does not number records"
              + " automatically (record auto-numbering is off): give each row its record ID");
    }
    RecordImporter.Mode mode =
        autoNumber ? RecordImporter.Mode.AUTO_NUMBER : RecordImporter.Mode.NORMAL;
    WriteBatch batch = WriteBatch.of(root);
    if (batch != null) {
      batch.buffer(session.importer(), what, mode, wire);
      return wire.size();
    }
    GeneratedKeys.clear(root);
    if (wire.isEmpty()) {
      return 0;
    }
    List<String> ids =
        session.importer().importRows(what, wire, mode, new RecordImporter.Progress(stop));
    if (autoNumber) {
      GeneratedKeys.add(GeneratedKeys.flag(root), wireRows.recordIdField(), ids);
    }
    return wire.size();
  }
}
