package org.redcapjdbc.emulator.api.record;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.format.XmlText;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.DataWriter;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=record} import (docs/redcap-api.md §2.2): flat or EAV data in JSON, CSV or XML;
 * every cell validated first, and on any problem a 400 listing them as CSV lines
 * ({@code "record","field","value","message"}) with nothing written; otherwise the whole
 * import in one transaction. Calc fields are recomputed; a form that gets data for the first
 * time gets status 0 (Incomplete), as REDCap's first save does.
 */
public final class RecordImport extends ImportMethod {
  static final String FORMAT_MESSAGE =
      "The value you provided could not be validated because it does not follow the expected format. Please try again.";
  static final String NOT_REPEATING_INSTRUMENT = "redcap_repeat_instrument must be the unique form name of a"
      + " Repeating Instrument. It currently does not match the unique form name of any Repeating Instruments. "
      + " Please fix this in the data import file and try again.";
  static final String INSTANCE_NOT_ALLOWED = "redcap_repeat_instance cannot have a value since this instrument or"
      + " event is not a repeating instrument or repeating event, respectively.  The redcap_repeat_instance field"
      + " must be left blank for this row of data.";
  static final String NOT_A_CHOICE = "The value is not a valid category for this field. Only the raw coded value"
      + " of one of its choices can be imported.";
  static final String NOT_CHECKBOX_VALUE = "A checkbox option can only be imported as 1 (checked) or 0 (unchecked).";
  static final String NOT_STATUS = "A form status can only be 0 (Incomplete), 1 (Unverified) or 2 (Complete).";
  static final String FILE_NOT_IMPORTABLE = "This field is a file upload field, so its value cannot be set by"
      + " importing records; use Import File.";
  static final String OTHER_DAG = "This record exists in a data access group other than yours, so you cannot"
      + " import data into it.";
  static final String NEW_NOT_ALLOWED = "redcap_repeat_instance must be a positive integer, or 'new' to add an"
      + " instance.";

  private static final Set<String> KEY_COLUMNS = Set.of("redcap_event_name", "redcap_repeat_instrument",
      "redcap_repeat_instance", "redcap_data_access_group", "redcap_survey_identifier");



  /** One validated cell of a row. */
  private record Cell(String column, Field field, Choice checkboxChoice, Form form, String value) {}

  /** One validated row: where it goes and what it sets. */
  private record Row(String record, Event event, Form repeatForm, String instanceText, Dag dag, List<Cell> cells) {}

  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Params p = call.params();
    String data = p.raw().getOrDefault("data", List.of("")).get(0);
    if (data.isBlank()) {
      throw ApiException.badRequest("The parameter \"data\" is missing or empty: there is no data to import.");
    }
    String type = p.get("type", "flat").toLowerCase(Locale.ROOT);
    if (!type.equals("flat") && !type.equals("eav")) {
      throw ApiException.badRequest("The value of the parameter \"type\" is not valid. It must be 'flat' or 'eav'.");
    }
    String overwriteParam = p.get("overwriteBehavior", "normal").toLowerCase(Locale.ROOT);
    if (!overwriteParam.equals("normal") && !overwriteParam.equals("overwrite")) {
      throw ApiException.badRequest("The value of the parameter \"overwriteBehavior\" is not valid. It must be"
          + " 'normal' or 'overwrite'.");
    }
    boolean overwrite = overwriteParam.equals("overwrite");
    boolean forceAutoNumber = p.bool("forceAutoNumber", false);
    ValueValidator.DateFormat dateFormat = dateFormat(p.get("dateFormat"));
    String returnContent = p.get("returnContent", "count").toLowerCase(Locale.ROOT);
    if (!List.of("count", "ids", "auto_ids", "nothing").contains(returnContent)) {
      throw ApiException.badRequest("The value of the parameter \"returnContent\" is not valid. It must be 'count',"
          + " 'ids', 'auto_ids' or 'nothing'.");
    }
    if (call.format() == Format.ODM) {
      throw ApiException.badRequest("This emulator imports records as json, csv or xml, not as odm.");
    }
    ImportData.Rows parsed = ImportData.parse(data, call.format(), call.csvDelimiter());
    if (parsed.jsonNotArray()) {
      respond(call, returnContent, List.of());
      return;
    }
    List<Map<String, String>> rows = type.equals("eav") ? fromEav(def, parsed) : parsed.rows();
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(r -> columns.addAll(r.keySet()));
    if (type.equals("flat")) {
      columns.addAll(parsed.columns());
    }
    checkColumns(def, columns);

    List<String> errors = new ArrayList<>();
    List<Row> valid = new ArrayList<>();
    for (Map<String, String> row : rows) {
      Row r = validate(def, row, dateFormat, call.user().groupId(), errors);
      if (r != null) {
        valid.add(r);
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(String.join("\n", errors));
    }

    Map<String, String> newNames = new LinkedHashMap<>();
    List<String> sentOrder = new ArrayList<>();
    for (Row r : valid) {
      if (!sentOrder.contains(r.record())) {
        sentOrder.add(r.record());
      }
    }
    Integer callerGroup = call.user().groupId();
    if (callerGroup != null && !forceAutoNumber) {
      // A user in a DAG can neither see nor change the records of other groups (or of none).
      List<String> foreign = new ArrayList<>();
      call.database().read(c -> {
        for (String sent : sentOrder) {
          Optional<RecordHeader> h = RecordStore.header(c, def.id(), sent);
          if (h.isPresent() && !callerGroup.equals(h.get().groupId())) {
            foreign.add(line(sent, def.recordIdField().name(), sent, OTHER_DAG));
          }
        }
        return null;
      });
      if (!foreign.isEmpty()) {
        throw ApiException.badRequest(String.join("\n", foreign));
      }
    }
    List<String> results = call.database().inTransaction(c -> {
      if (forceAutoNumber) {
        long next = nextRecordNumber(c, def.id(), callerGroup);
        for (String sent : sentOrder) {
          // A user in a DAG gets DAG-prefixed names (331-1), as REDCap numbers them.
          newNames.put(sent, callerGroup == null ? String.valueOf(next++) : callerGroup + "-" + next++);
        }
      } else {
        for (String sent : sentOrder) {
          newNames.put(sent, sent);
        }
      }
      apply(call, c, def, valid, newNames, overwrite, call.user().groupId());
      List<String> out = new ArrayList<>();
      for (String sent : sentOrder) {
        out.add(returnContent.equals("auto_ids") ? newNames.get(sent) + "," + sent : newNames.get(sent));
      }
      return out;
    });
    respond(call, returnContent, results);
  }

  static ValueValidator.DateFormat dateFormat(String v) throws ApiException {
    if (v == null) {
      return ValueValidator.DateFormat.YMD;
    }
    switch (v.toUpperCase(Locale.ROOT)) {
      case "YMD":
        return ValueValidator.DateFormat.YMD;
      case "MDY":
        return ValueValidator.DateFormat.MDY;
      case "DMY":
        return ValueValidator.DateFormat.DMY;
      default:
        throw ApiException.badRequest("The value of the parameter \"dateFormat\" is not valid. It must be 'YMD',"
            + " 'MDY' or 'DMY'.");
    }
  }

  // ---------------------------------------------------------------- parsing and validation

  /** EAV rows ({@code record, field_name, value} and the key columns) as one-cell flat rows. */
  private static List<Map<String, String>> fromEav(ProjectDefinition def, ImportData.Rows parsed) throws ApiException {
    for (String required : List.of("record", "field_name", "value")) {
      if (!parsed.columns().contains(required)) {
        throw ApiException.badRequest("EAV data must have the columns record, field_name and value; '" + required
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

  private static void checkColumns(ProjectDefinition def, Set<String> columns) throws ApiException {
    String recordId = def.recordIdField().name();
    if (!columns.contains(recordId)) {
      throw ApiException.badRequest("The record ID field ('" + recordId + "') is missing from the data. Every row"
          + " must name its record.");
    }
    List<String> unknown = new ArrayList<>();
    for (String c : columns) {
      if (c.equals(recordId) || KEY_COLUMNS.contains(c) || def.formOfCompleteField(c) != null
          || def.checkboxColumn(c) != null || isTimestamp(def, c)) {
        continue;
      }
      Field f = def.field(c);
      if (f == null || f.isCheckbox() || !f.holdsData()) {
        unknown.add(c);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("The following fields were not found in the project as real data fields: "
          + String.join(", ", unknown));
    }
  }

  private static boolean isTimestamp(ProjectDefinition def, String column) {
    return column.endsWith("_timestamp") && def.form(column.substring(0, column.length() - 10)) != null;
  }

  static String line(String record, String field, String value, String message) {
    return quote(record) + "," + quote(field) + "," + quote(value) + "," + quote(message);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static Row validate(ProjectDefinition def, Map<String, String> row, ValueValidator.DateFormat dateFormat,
      Integer callerGroup, List<String> errors) {
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
        errors.add(line(record, "redcap_event_name", eventName, "The value is not a valid unique event name of"
            + " an event in the project."));
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
        errors.add(line(record, "redcap_data_access_group", dagName, "The value is not the unique group name of a"
            + " data access group in the project."));
      } else if (callerGroup != null && callerGroup != dag.id()) {
        errors.add(line(record, "redcap_data_access_group", dagName, "You are in a data access group, so you cannot"
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
        // REDCap computes calc fields and keeps no imported value for them, blank or not: a live server
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
        stored = field.type() == FieldType.TEXT ? ValueValidator.normalize(field, value, dateFormat) : value;
      }
      cells.add(new Cell(column, field, box == null ? null : box.choice(), form, stored));
    }
    if (errors.size() > before) {
      return null;
    }
    return new Row(record, event, repeatForm, instanceText, dag, cells);
  }

  /** Whether a value of {@code form} may go on this row; the error message when not. */
  private static String placement(ProjectDefinition def, Event event, Form repeatForm, Form form, String column) {
    if (!def.isDesignated(event, form.name())) {
      return "This field ('" + column + "') exists on an instrument that is not designated for the event named '"
          + def.designationLabel(event) + "'. You are not allowed to import data for this field into this event.";
    }
    if (def.isRepeatingEvent(event)) {
      return null;
    }
    if (def.isRepeatingForm(event, form.name())) {
      if (repeatForm == null || !repeatForm.name().equals(form.name())) {
        return "This field is on the repeating instrument '" + form.name() + "', so redcap_repeat_instrument must be '"
            + form.name() + "' and redcap_repeat_instance must have a value for this row of data.";
      }
      return null;
    }
    if (repeatForm != null) {
      return "This field is not on the repeating instrument '" + repeatForm.name() + "' named in"
          + " redcap_repeat_instrument for this row of data.";
    }
    return null;
  }

  private static String checkField(Field field, String value, ValueValidator.DateFormat dateFormat) {
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
          return v < min || v > max ? "The value must be a whole number from " + min + " to " + max + "." : null;
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

  // ---------------------------------------------------------------- applying

  private static long nextRecordNumber(Connection c, int projectId, Integer group) throws SQLException {
    long max = 0;
    String prefix = group == null ? "" : group + "-";
    for (RecordHeader h : RecordStore.listRecords(c, projectId)) {
      String name = h.record();
      if (name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d{1,18}")) {
        max = Math.max(max, Long.parseLong(name.substring(prefix.length())));
      }
    }
    return max + 1;
  }

  private static void apply(ApiCall call, Connection c, ProjectDefinition def, List<Row> rows,
      Map<String, String> names, boolean overwrite, Integer callerGroup) throws SQLException {
    Map<String, List<Row>> byRecord = new LinkedHashMap<>();
    for (Row r : rows) {
      byRecord.computeIfAbsent(names.get(r.record()), k -> new ArrayList<>()).add(r);
    }
    List<String> recordNames = new ArrayList<>(byRecord.keySet());
    Calculator calculator = new Calculator(def);
    LocalDateTime now = LocalDateTime.now().withNano(0);
    try (DataWriter writer = new DataWriter(c, def.id())) {
      for (int start = 0; start < recordNames.size(); start += 500) {
        List<String> chunk = recordNames.subList(start, Math.min(recordNames.size(), start + 500));
        Map<String, RecordData> existing = existing(c, def, chunk);
        for (String name : chunk) {
          WorkingRecord w = new WorkingRecord(def, name, existing.get(name));
          if (w.isNew() && callerGroup != null) {
            // A record created by a user in a DAG belongs to that DAG.
            w.groupId(callerGroup);
          }
          for (Row r : byRecord.get(name)) {
            applyRow(def, w, r, overwrite);
          }
          calculator.recompute(w, now);
          if (w.isNew()) {
            RecordHeader stored = RecordStore.insertRecord(c, def.id(), w.headerForWrite(now));
            w.assignPk(stored.pk());
            writer.newRecord(stored.pk());
            call.log(c, LogEntry.RECORD_ADD, "Create record (API) " + name, w.changeDetails(), name);
          } else if (w.changed()) {
            RecordStore.updateRecord(c, w.headerForWrite(now));
            call.log(c, LogEntry.RECORD_EDIT, "Update record (API) " + name, w.changeDetails(), name);
          }
          w.writeChanges(writer);
        }
        writer.flush();
      }
    }
  }

  /** Stored data of the records that exist, by name. */
  private static Map<String, RecordData> existing(Connection c, ProjectDefinition def, List<String> wanted)
      throws SQLException {
    List<RecordHeader> found = new ArrayList<>();
    for (String name : wanted) {
      Optional<RecordHeader> stored = RecordStore.header(c, def.id(), name);
      stored.ifPresent(found::add);
    }
    return found.isEmpty() ? new HashMap<>() : RecordStore.load(c, def.id(), found);
  }

  private static void applyRow(ProjectDefinition def, WorkingRecord w, Row r, boolean overwrite) {
    int event = r.event().id();
    w.ensureEvent(event);
    if (r.dag() != null) {
      w.groupId(r.dag().id());
    }
    int instance = 1;
    if (r.repeatForm() != null || def.isRepeatingEvent(r.event())) {
      if (r.instanceText().equalsIgnoreCase("new")) {
        String form = r.repeatForm() == null ? null : r.repeatForm().name();
        String recordId = def.recordIdField().name();
        instance = 1 + w.maxInstance(event, f -> form == null ? !f.equals(recordId) : form.equals(RecordRows.formOf(def, f)));
      } else if (!r.instanceText().isEmpty()) {
        instance = Integer.parseInt(r.instanceText());
      }
    }
    Set<String> saved = new LinkedHashSet<>();
    Set<String> statusGiven = new LinkedHashSet<>();
    for (Cell cell : r.cells()) {
      String formName = cell.form().name();
      boolean changed;
      if (cell.field() == null) {
        // <form>_complete
        if (cell.value().isEmpty()) {
          changed = overwrite && w.remove(event, instance, cell.column());
        } else {
          changed = w.set(event, instance, cell.column(), cell.value());
          statusGiven.add(formName);
        }
      } else if (cell.checkboxChoice() != null) {
        String code = cell.checkboxChoice().code();
        if (cell.value().equals("1")) {
          changed = w.check(event, instance, cell.field().name(), code);
        } else if (cell.value().equals("0") || overwrite) {
          changed = w.uncheck(event, instance, cell.field().name(), code);
        } else {
          changed = false;
        }
      } else if (cell.value().isEmpty()) {
        changed = overwrite && w.remove(event, instance, cell.field().name());
      } else {
        changed = w.set(event, instance, cell.field().name(), cell.value());
      }
      if (changed) {
        saved.add(formName);
      }
    }
    // A form saved for the first time gets status 0 (Incomplete).
    for (String form : saved) {
      String status = form + "_complete";
      if (!statusGiven.contains(form) && !w.has(event, instance, status)) {
        w.set(event, instance, status, "0");
      }
    }
  }

  // ---------------------------------------------------------------- response

  private static void respond(ApiCall call, String returnContent, List<String> results) throws IOException {
    Format f = call.returnFormat();
    switch (returnContent) {
      case "nothing":
        call.send(f.contentType(), "");
        return;
      case "ids":
      case "auto_ids":
        if (f == Format.JSON) {
          StringBuilder sb = new StringBuilder("[");
          for (String id : results) {
            if (sb.length() > 1) {
              sb.append(',');
            }
            sb.append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(id));
          }
          call.send(f.contentType(), sb.append(']').toString());
        } else if (f == Format.CSV) {
          TableWriter w = TableWriter.create(Format.CSV, call.stream(f.contentType()), List.of("id"));
          for (String id : results) {
            w.row(new Object[] {id});
          }
          w.finish();
        } else {
          StringBuilder sb = new StringBuilder(XmlText.DECLARATION).append("<ids>");
          for (String id : results) {
            sb.append("<id>").append(XmlText.escape(id)).append("</id>");
          }
          call.send(f.contentType(), sb.append("</ids>").toString());
        }
        return;
      default:
        int count = results.size();
        if (f == Format.JSON) {
          call.send(f.contentType(), "{\"count\":" + count + "}");
        } else if (f == Format.CSV) {
          call.send(f.contentType(), String.valueOf(count));
        } else {
          call.send(f.contentType(), XmlText.DECLARATION + "<count>" + count + "</count>");
        }
    }
  }
}
