package org.redcapjdbc.emulator.api.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * The checking half of {@link RecordImport}: turns parsed rows into {@link Row}s (where each row
 * goes, what each cell stores) or into the 400 that lists every problem as a CSV line
 * ({@code "record","field","value","message"}).
 *
 * <p>Kept apart from {@link ImportApplier} because an import writes nothing unless every cell is
 * valid: this class reads only the definition (and, for DAG users, record headers), never writes.
 * Keep the message texts verbatim: docs/redcap-api.md quotes REDCap's own, and tests compare them.
 */
final class ImportValidator {
  static final String FORMAT_MESSAGE =
      "The value you provided could not be validated because it does not follow the expected format. Please try again.";
  static final String NOT_REPEATING_INSTRUMENT =
      "redcap_repeat_instrument must be the unique form name of a"
          + " Repeating Instrument. It currently does not match the unique form name of any Repeating Instruments. "
          + " Please fix this in the data import file and try again.";
  static final String INSTANCE_NOT_ALLOWED =
      "redcap_repeat_instance cannot have a value since this instrument or"
          + " event is not a repeating instrument or repeating event, respectively.  The redcap_repeat_instance field"
          + " must be left blank for this row of data.";
  static final String NOT_A_CHOICE =
      "The value is not a valid category for this field. Only the raw coded value"
          + " of one of its choices can be imported.";
  static final String NOT_CHECKBOX_VALUE =
      "A checkbox option can only be imported as 1 (checked) or 0 (unchecked).";
  static final String NOT_STATUS =
      "A form status can only be 0 (Incomplete), 1 (Unverified) or 2 (Complete).";
  static final String FILE_NOT_IMPORTABLE =
      "This field is a file upload field, so its value cannot be set by"
          + " importing records; use Import File.";
  static final String OTHER_DAG =
      "This record exists in a data access group other than yours, so you cannot"
          + " import data into it.";
  static final String NEW_NOT_ALLOWED =
      "redcap_repeat_instance must be a positive integer, or 'new' to add an" + " instance.";

  private static final Set<String> KEY_COLUMNS =
      Set.of(
          "redcap_event_name",
          "redcap_repeat_instrument",
          "redcap_repeat_instance",
          "redcap_data_access_group",
          "redcap_survey_identifier");

  /** One validated cell of a row. */
  record Cell(String column, Field field, Choice checkboxChoice, Form form, String value) {}

  /** One validated row: where it goes and what it sets. */
  record Row(
      String record,
      Event event,
      Form repeatForm,
      String instanceText,
      Dag dag,
      List<Cell> cells) {}

  private ImportValidator() {}

  /**
   * Every row checked; all problems of all rows are collected before the import is refused, as
   * REDCap lists them.
   *
   * @throws ApiException 400 with one line per problem
   */
  static List<Row> validRows(
      ProjectDefinition def,
      List<Map<String, String>> rows,
      ValueValidator.DateFormat dateFormat,
      Integer callerGroup)
      throws ApiException {
    List<String> errors = new ArrayList<>();
    List<Row> valid = new ArrayList<>();
    for (Map<String, String> row : rows) {
      Row r = validate(def, row, dateFormat, callerGroup, errors);
      if (r != null) {
        valid.add(r);
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(String.join("\n", errors));
    }
    return valid;
  }

  /**
   * Refuses an import by a DAG user into records of other groups (or of none): such a user can
   * neither see nor change them.
   *
   * @param sent the imported record names
   * @throws ApiException 400 with one {@link #OTHER_DAG} line per such record
   */
  static void refuseOtherGroupsRecords(
      ApiCall call, ProjectDefinition def, List<String> sent, Integer callerGroup)
      throws ApiException {
    List<String> foreign = new ArrayList<>();
    call.database()
        .read(
            c -> {
              for (String name : sent) {
                Optional<RecordHeader> h = RecordStore.header(c, def.id(), name);
                if (h.isPresent() && !callerGroup.equals(h.get().groupId())) {
                  foreign.add(line(name, def.recordIdField().name(), name, OTHER_DAG));
                }
              }
              return null;
            });
    if (!foreign.isEmpty()) {
      throw ApiException.badRequest(String.join("\n", foreign));
    }
  }

  /** EAV rows ({@code record, field_name, value} and the key columns) as one-cell flat rows. */
  static List<Map<String, String>> fromEav(ProjectDefinition def, ImportData.Rows parsed)
      throws ApiException {
    for (String required : List.of("record", "field_name", "value")) {
      if (!parsed.columns().contains(required)) {
        throw ApiException.badRequest(
            "EAV data must have the columns record, field_name and value; '"
                + required
                + "' is missing.");
      }
    }
    String recordId = def.recordIdField().name();
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Map<String, String> e : parsed.rows()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put(recordId, e.getOrDefault("record", ""));
      for (String k : KEY_COLUMNS) {
        if (e.containsKey(k)) {
          row.put(k, e.get(k));
        }
      }
      String field = e.getOrDefault("field_name", "");
      String value = e.getOrDefault("value", "");
      Field f = def.field(field);
      if (f != null && f.isCheckbox()) {
        // Exports list a checked option as the bare name with its code as value.
        Choice c = f.choice(value);
        if (c == null) {
          errors.add(line(row.get(recordId), field, value, NOT_A_CHOICE));
          continue;
        }
        row.put(f.checkboxColumn(c), "1");
      } else if (!field.equals(recordId)) {
        row.put(field, value);
      }
      rows.add(row);
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(String.join("\n", errors));
    }
    return rows;
  }

  static void checkColumns(ProjectDefinition def, Set<String> columns) throws ApiException {
    String recordId = def.recordIdField().name();
    if (!columns.contains(recordId)) {
      throw ApiException.badRequest(
          "The record ID field ('"
              + recordId
              + "') is missing from the data. Every row"
              + " must name its record.");
    }
    List<String> unknown = new ArrayList<>();
    for (String c : columns) {
      if (c.equals(recordId)
          || KEY_COLUMNS.contains(c)
          || def.formOfCompleteField(c) != null
          || def.checkboxColumn(c) != null
          || isTimestamp(def, c)) {
        continue;
      }
      Field f = def.field(c);
      if (f == null || f.isCheckbox() || !f.holdsData()) {
        unknown.add(c);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "The following fields were not found in the project as real data fields: "
              + String.join(", ", unknown));
    }
  }

  private static boolean isTimestamp(ProjectDefinition def, String column) {
    return column.endsWith("_timestamp")
        && def.form(column.substring(0, column.length() - 10)) != null;
  }

  static String line(String record, String field, String value, String message) {
    return quote(record) + "," + quote(field) + "," + quote(value) + "," + quote(message);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static Row validate(
      ProjectDefinition def,
      Map<String, String> row,
      ValueValidator.DateFormat dateFormat,
      Integer callerGroup,
      List<String> errors) {
    String recordId = def.recordIdField().name();
    String record = row.getOrDefault(recordId, "").strip();
    int before = errors.size();
    if (record.isEmpty()) {
      errors.add(line("", recordId, "", "The record ID cannot be blank."));
      return null;
    }
    if (!def.recordIdField().validation().isEmpty()
        && ValueValidator.normalize(def.recordIdField(), record, dateFormat) == null) {
      errors.add(line(record, recordId, record, FORMAT_MESSAGE));
    }
    Event event;
    String eventName = row.getOrDefault("redcap_event_name", "").strip();
    if (!def.isLongitudinal() || eventName.isEmpty()) {
      // Without an event, longitudinal data lands in the first event (observed,
      // docs/redcap-wire-samples.md §18).
      event = def.firstEvent();
    } else {
      event = def.event(eventName);
      if (event == null) {
        errors.add(
            line(
                record,
                "redcap_event_name",
                eventName,
                "The value is not a valid unique event name of" + " an event in the project."));
        return null;
      }
    }
    String instrument = row.getOrDefault("redcap_repeat_instrument", "").strip();
    String instanceText = row.getOrDefault("redcap_repeat_instance", "").strip();
    Form repeatForm = null;
    if (!instrument.isEmpty()) {
      if (!def.isRepeatingForm(event, instrument) || def.isRepeatingEvent(event)) {
        errors.add(line(record, "redcap_repeat_instrument", instrument, NOT_REPEATING_INSTRUMENT));
        return null;
      }
      repeatForm = def.form(instrument);
    } else if (!instanceText.isEmpty() && !def.isRepeatingEvent(event)) {
      errors.add(line(record, "redcap_repeat_instance", instanceText, INSTANCE_NOT_ALLOWED));
      return null;
    }
    if (!instanceText.isEmpty() && !instanceText.equalsIgnoreCase("new")) {
      try {
        if (Integer.parseInt(instanceText) < 1) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.add(line(record, "redcap_repeat_instance", instanceText, NEW_NOT_ALLOWED));
        return null;
      }
    }
    Dag dag = null;
    String dagName = row.getOrDefault("redcap_data_access_group", "").strip();
    if (!dagName.isEmpty()) {
      dag = def.dag(dagName);
      if (dag == null) {
        errors.add(
            line(
                record,
                "redcap_data_access_group",
                dagName,
                "The value is not the unique group name of a"
                    + " data access group in the project."));
      } else if (callerGroup != null && callerGroup != dag.id()) {
        errors.add(
            line(
                record,
                "redcap_data_access_group",
                dagName,
                "You are in a data access group, so you cannot"
                    + " assign records to another one."));
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (Map.Entry<String, String> e : row.entrySet()) {
      String column = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      if (column.equals(recordId) || KEY_COLUMNS.contains(column) || isTimestamp(def, column)) {
        continue;
      }
      Form status = def.formOfCompleteField(column);
      ProjectDefinition.CheckboxOption box = def.checkboxColumn(column);
      Field field = status != null ? null : box != null ? box.field() : def.field(column);
      if (field != null && field.type() == FieldType.CALC) {
        // REDCap computes calc fields and keeps no imported value for them, blank or not: a live
        // server
        // re-imports its own export, calc columns included (docs/redcap-api.md §2.2).
        continue;
      }
      Form form = status != null ? status : def.form(field.formName());
      if (value.isEmpty()) {
        cells.add(new Cell(column, field, box == null ? null : box.choice(), form, ""));
        continue;
      }
      String problem = placement(def, event, repeatForm, form, column);
      if (problem != null) {
        errors.add(line(record, column, value, problem));
        continue;
      }
      String stored;
      if (status != null) {
        stored = value.equals("0") || value.equals("1") || value.equals("2") ? value : null;
        if (stored == null) {
          errors.add(line(record, column, value, NOT_STATUS));
          continue;
        }
      } else if (box != null) {
        stored = value.equals("0") || value.equals("1") ? value : null;
        if (stored == null) {
          errors.add(line(record, column, value, NOT_CHECKBOX_VALUE));
          continue;
        }
      } else {
        String message = checkField(field, value, dateFormat);
        if (message != null) {
          errors.add(line(record, column, value, message));
          continue;
        }
        stored =
            field.type() == FieldType.TEXT
                ? ValueValidator.normalize(field, value, dateFormat)
                : value;
      }
      cells.add(new Cell(column, field, box == null ? null : box.choice(), form, stored));
    }
    if (errors.size() > before) {
      return null;
    }
    return new Row(record, event, repeatForm, instanceText, dag, cells);
  }

  /** Whether a value of {@code form} may go on this row; the error message when not. */
  private static String placement(
      ProjectDefinition def, Event event, Form repeatForm, Form form, String column) {
    if (!def.isDesignated(event, form.name())) {
      return "This field ('"
          + column
          + "') exists on an instrument that is not designated for the event named '"
          + def.designationLabel(event)
          + "'. You are not allowed to import data for this field into this event.";
    }
    if (def.isRepeatingEvent(event)) {
      return null;
    }
    if (def.isRepeatingForm(event, form.name())) {
      if (repeatForm == null || !repeatForm.name().equals(form.name())) {
        return "This field is on the repeating instrument '"
            + form.name()
            + "', so redcap_repeat_instrument must be '"
            + form.name()
            + "' and redcap_repeat_instance must have a value for this row of data.";
      }
      return null;
    }
    if (repeatForm != null) {
      return "This field is not on the repeating instrument '"
          + repeatForm.name()
          + "' named in"
          + " redcap_repeat_instrument for this row of data.";
    }
    return null;
  }

  private static String checkField(
      Field field, String value, ValueValidator.DateFormat dateFormat) {
    switch (field.type()) {
      case TEXT:
        return ValueValidator.normalize(field, value, dateFormat) == null ? FORMAT_MESSAGE : null;
      case DROPDOWN:
      case RADIO:
      case YESNO:
      case TRUEFALSE:
        return field.choice(value) == null ? NOT_A_CHOICE : null;
      case SLIDER:
        int min = parseIntOr(field.validationMin(), 0);
        int max = parseIntOr(field.validationMax(), 100);
        try {
          int v = Integer.parseInt(value);
          return v < min || v > max
              ? "The value must be a whole number from " + min + " to " + max + "."
              : null;
        } catch (NumberFormatException e) {
          return "The value must be a whole number from " + min + " to " + max + ".";
        }
      case FILE:
        return FILE_NOT_IMPORTABLE;
      default:
        return null;
    }
  }

  private static int parseIntOr(String s, int fallback) {
    try {
      return s == null || s.isBlank() ? fallback : (int) Math.round(Double.parseDouble(s.strip()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
