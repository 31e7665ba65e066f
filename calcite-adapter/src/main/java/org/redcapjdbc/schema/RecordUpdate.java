package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.ColumnKind;
import org.redcapjdbc.model.PseudoColumns;
import org.redcapjdbc.model.TableLayout;
import org.redcapjdbc.plan.TableWriter;

/**
 * UPDATE on {@code records} or an instrument table: the scan beneath reads the keys of the
 * matching rows (and the new values), then one record import with
 * {@code overwriteBehavior=overwrite} sends each row's key and its SET columns only, so that
 * {@code SET x = NULL} blanks the value and no other value is touched. On {@code records} a row
 * gets only the SET columns it holds (a repeat row its instrument's fields, a row of an event the
 * forms of that event); a matched row holding none of them is not written. The count is the
 * number of rows written.
 */
final class RecordUpdate extends StatementWrite {
  private final RecordWireRows wireRows;
  private final List<Column> keys;
  private final List<Column> targets;

  private RecordUpdate(
      ProjectSession session,
      String what,
      RecordWireRows wireRows,
      List<Column> keys,
      List<Column> targets) {
    super(session, what);
    this.wireRows = wireRows;
    this.keys = keys;
    this.targets = targets;
  }

  /** The writer of {@code UPDATE table SET updateColumns...}, or a refusal saying why not. */
  static TableWriter of(
      ProjectSession session,
      String what,
      TableLayout layout,
      RecordWireRows wireRows,
      List<String> updateColumns) {
    List<Column> targets = new ArrayList<>();
    for (String name : updateColumns) {
      Column c =
          layout
              .column(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Calcite updates a column " + name + " of " + layout));
      String why = whyNotUpdatable(c, wireRows);
      if (why != null) {
        return new RefusedWrite(what, why, "0A000");
      }
      targets.add(c);
    }
    return new RecordUpdate(session, what, wireRows, layout.primaryKey(), targets);
  }

  private static String whyNotUpdatable(Column c, RecordWireRows wireRows) {
    if (c.kind() == ColumnKind.RECORD_ID) {
      return "'"
          + c.name()
          + "' is the record ID, the key of the row. To give data another"
          + " record ID, INSERT it under the new ID and DELETE the old record (REDCap's rename"
          + " is not run by SQL).";
    }
    if (RecordWireRows.isKey(c)) {
      return "'"
          + c.name()
          + "' is a key column: it says where the data is kept. To move data"
          + " to another "
          + (c.name().equals(PseudoColumns.EVENT_NAME) ? "event" : "instance")
          + ", INSERT it there and DELETE the old row.";
    }
    String why = wireRows.whyNotWritable(c);
    return why == null ? null : why + ".";
  }

  @Override
  long run(DataContext root, Enumerable<Object[]> rows) {
    WriteStop stop = WriteStop.of(root);
    WriteBatch batch = sendBufferedRowsFirst(root);
    List<Object[]> matched = readAll(rows);
    List<Map<String, String>> wire = new ArrayList<>(matched.size());
    for (int i = 0; i < matched.size(); i++) {
      Object[] row = matched.get(i);
      String record = null;
      String event = null;
      String repeatInstrument = null;
      String instance = null;
      for (int k = 0; k < keys.size(); k++) {
        Column key = keys.get(k);
        String value = row[k] == null ? null : key.converter().toWire(row[k]);
        value = value == null || value.isEmpty() ? null : value;
        switch (key.kind() == ColumnKind.RECORD_ID ? "record" : key.name()) {
          case "record":
            record = value;
            break;
          case PseudoColumns.EVENT_NAME:
            event = value;
            break;
          case PseudoColumns.REPEAT_INSTRUMENT:
            repeatInstrument = value;
            break;
          case PseudoColumns.REPEAT_INSTANCE:
            instance = value;
            break;
          default:
            throw new IllegalStateException("key column " + key);
        }
      }
      Map<String, String> out = wireRows.keyRow(record, event, repeatInstrument, instance);
      boolean any = false;
      for (int t = 0; t < targets.size(); t++) {
        Column c = targets.get(t);
        String value;
        try {
          value = c.converter().toWire(row[keys.size() + t]);
        } catch (IllegalArgumentException e) {
          throw badRow(i, matched.size(), e.getMessage());
        }
        if (wireRows.holds(c, event, repeatInstrument, instance)) {
          out.put(c.name(), value);
          any = true;
        }
      }
      if (any) {
        wire.add(out);
      }
    }
    if (!wire.isEmpty()) {
      session
          .importer()
          .importRows(what, wire, RecordImporter.Mode.OVERWRITE, new RecordImporter.Progress(stop));
    }
    if (batch != null) {
      batch.ranImmediately();
    }
    return wire.size();
  }
}
