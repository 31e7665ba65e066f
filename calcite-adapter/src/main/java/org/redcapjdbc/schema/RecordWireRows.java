package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.ColumnKind;
import org.redcapjdbc.model.Event;
import org.redcapjdbc.model.FieldType;
import org.redcapjdbc.model.Instrument;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.PseudoColumns;
import org.redcapjdbc.model.TableLayout;

/**
 * Turns rows of {@code records} or an instrument table into the flat rows a record import takes:
 * the record ID, {@code redcap_event_name}, the two repeat columns where the row repeats, the DAG,
 * and each value in the form REDCap imports ({@link Column#converter()}'s {@code toWire}).
 *
 * <p>An instrument table has no {@code redcap_repeat_instrument} column: it is filled in with the
 * instrument's name where the instrument repeats on its own in the row's event, and left blank
 * where the whole event repeats. A repeating row whose instance is missing (NULL, or 0, which an
 * INSERT puts where it leaves a NOT NULL instance out) is imported as {@code new}: REDCap appends
 * the next instance.
 */
final class RecordWireRows {
  /** What REDCap's import reads as "the next instance". */
  static final String NEW_INSTANCE = "new";

  private final ProjectModel model;
  private final TableLayout layout;
  private final Instrument instrument;
  private final String recordIdField;
  private final int recordIdIndex;
  private final int eventIndex;
  private final int repeatInstrumentIndex;
  private final int instanceIndex;

  /** The schema of the project's system tables, for messages that point to meta.files. */
  private final String metaSchema;

  RecordWireRows(ProjectModel model, TableLayout layout, String metaSchema) {
    this.metaSchema = metaSchema;
    this.model = requireNonNull(model, "model");
    this.layout = requireNonNull(layout, "layout");
    this.instrument = layout.instrument().orElse(null);
    this.recordIdField = model.recordIdField().name();
    this.recordIdIndex = layout.indexOf(recordIdField);
    this.eventIndex = layout.indexOf(PseudoColumns.EVENT_NAME);
    this.repeatInstrumentIndex = layout.indexOf(PseudoColumns.REPEAT_INSTRUMENT);
    this.instanceIndex = layout.indexOf(PseudoColumns.REPEAT_INSTANCE);
  }

  String recordIdField() {
    return recordIdField;
  }

  /**
   * The import row of an INSERT's table row: keys first, then each non-NULL value.
   * The record ID is blank when the row has none (auto-numbering).
   *
   * @throws IllegalArgumentException naming the column, for a value that cannot be written
   */
  Map<String, String> insertRow(Object[] row) {
    List<Column> columns = layout.columns();
    Map<String, String> out = new LinkedHashMap<>();
    String record = wire(columns.get(recordIdIndex), row[recordIdIndex]).strip();
    String event =
        eventIndex < 0 ? null : blankToNull(wire(columns.get(eventIndex), row[eventIndex]));
    String repeatInstrument =
        repeatInstrumentIndex >= 0
            ? blankToNull(wire(columns.get(repeatInstrumentIndex), row[repeatInstrumentIndex]))
            : repeatInstrumentOf(event);
    String instance =
        instanceIndex < 0
            ? null
            : blankToNull(wire(columns.get(instanceIndex), row[instanceIndex]));
    if (model.isLongitudinal() && event == null) {
      throw new IllegalArgumentException(
          PseudoColumns.EVENT_NAME
              + " is required: the project"
              + " is longitudinal, so each row belongs to an event (e.g. "
              + model.events().get(0).uniqueName()
              + ")");
    }
    if (repeats(event, repeatInstrument) && (instance == null || instance.equals("0"))) {
      instance = NEW_INSTANCE;
    }
    putKeys(out, record, event, repeatInstrument, instance);
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (isKey(c) || row[i] == null) {
        continue;
      }
      checkWritable(c);
      out.put(c.name(), c.converter().toWire(row[i]));
    }
    return out;
  }

  /** The key part of an import row for a row read from the table. */
  Map<String, String> keyRow(
      String record, String event, String repeatInstrument, String instance) {
    Map<String, String> out = new LinkedHashMap<>();
    String ri = repeatInstrumentIndex >= 0 ? repeatInstrument : repeatInstrumentOf(event);
    putKeys(out, record, event, ri, instance);
    return out;
  }

  private void putKeys(
      Map<String, String> out,
      String record,
      String event,
      String repeatInstrument,
      String instance) {
    out.put(recordIdField, record);
    if (event != null) {
      out.put(PseudoColumns.EVENT_NAME, event);
    }
    if (instance != null) {
      out.put(PseudoColumns.REPEAT_INSTRUMENT, repeatInstrument == null ? "" : repeatInstrument);
      out.put(PseudoColumns.REPEAT_INSTANCE, instance);
    } else if (repeatInstrument != null) {
      out.put(PseudoColumns.REPEAT_INSTRUMENT, repeatInstrument);
    }
  }

  /**
   * Whether column {@code c} holds a value on a row of this key (records table): a repeat row
   * holds only its instrument's fields, a repeating event's row the forms of its event, a base
   * row the forms of its event that do not repeat on their own there. Columns of no form (the
   * DAG) belong to every row.
   */
  boolean holds(Column c, String event, String repeatInstrument, String instance) {
    String form = c.form().orElse(null);
    if (form == null || instrument != null) {
      return true;
    }
    if (repeatInstrument != null) {
      return form.equals(repeatInstrument);
    }
    if (!designated(form, event)) {
      return false;
    }
    return instance != null || !repeatsAsInstrument(form, event);
  }

  /** Whether {@code c} can be given a value by an import, else why not (null when it can). */
  String whyNotWritable(Column c) {
    if (c.kind() == ColumnKind.LABEL) {
      return "'"
          + c.name()
          + "' is a label column, computed from the data dictionary; write"
          + " the code into '"
          + c.sourceField().orElse("its field")
          + "' instead";
    }
    if (!c.isWritable()
        && c.sourceField()
            .flatMap(model::field)
            .map(f -> f.type() == FieldType.CALC)
            .orElse(false)) {
      // REDCap keeps no imported value for a calc field (it computes it), so a write would be
      // answered as a success and change nothing.
      return "'"
          + c.name()
          + "' is a calculated field: REDCap computes its value from the"
          + " record's other fields and ignores a value sent for it; write those fields instead";
    }
    if (!c.isWritable()) {
      return "'"
          + c.name()
          + "' is a file-upload field, whose value is the stored file's name;"
          + " files are uploaded by INSERT INTO "
          + metaSchema
          + ".files (record, field, file_name, content)";
    }
    return null;
  }

  private void checkWritable(Column c) {
    String why = whyNotWritable(c);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
  }

  /** Whether a column is one of the row's keys (written by {@link #putKeys}). */
  static boolean isKey(Column c) {
    return c.kind() == ColumnKind.RECORD_ID
        || (c.kind() == ColumnKind.PSEUDO && !c.name().equals(PseudoColumns.DATA_ACCESS_GROUP));
  }

  /** For an instrument table: its name where it repeats on its own in {@code event}. */
  private String repeatInstrumentOf(String event) {
    return instrument != null && repeatsAsInstrument(instrument.name(), event)
        ? instrument.name()
        : null;
  }

  private boolean repeats(String event, String repeatInstrument) {
    if (repeatInstrument != null) {
      return true;
    }
    if (instrument != null && repeatsAsInstrument(instrument.name(), event)) {
      return true;
    }
    return event != null && model.event(event).map(Event::isRepeating).orElse(false);
  }

  private boolean repeatsAsInstrument(String form, String event) {
    Instrument i = model.instrument(form).orElse(null);
    if (i == null) {
      return false;
    }
    return model.isLongitudinal()
        ? i.repeatingInstrumentEvents().contains(event)
        : i.repeatsAsInstrument();
  }

  private boolean designated(String form, String event) {
    if (!model.isLongitudinal()) {
      return true;
    }
    return model.event(event).map(e -> e.forms().contains(form)).orElse(false);
  }

  private static String wire(Column c, Object value) {
    return value == null ? "" : c.converter().toWire(value);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
