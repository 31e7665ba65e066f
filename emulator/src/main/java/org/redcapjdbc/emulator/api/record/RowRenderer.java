package org.redcapjdbc.emulator.api.record;

import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.RecordData;

/**
 * Computes the cells of flat export rows (docs/redcap-api.md §3): values as stored; blank where the
 * row's form does not apply; checkboxes {@code 1}/{@code 0} wherever their form applies;
 * {@code <form>_complete} showing the stored status, or {@code 0} for a designated form never
 * saved ("gray"; blank with {@code exportBlankForGrayFormStatus}); labels in label mode.
 */
final class RowRenderer {
  private static final String[] STATUS_LABELS = {"Incomplete", "Unverified", "Complete"};

  private final ProjectDefinition def;
  private final List<ExportColumn> columns;
  private final boolean labels;
  private final boolean checkboxLabels;
  private final boolean blankForGray;
  private final Character decimal;

  private final List<Form> forms;

  /** The raw rendering of the same columns, made when a label export first needs it. */
  private RowRenderer raw;

  RowRenderer(
      ProjectDefinition def,
      List<ExportColumn> columns,
      boolean labels,
      boolean checkboxLabels,
      boolean blankForGray,
      Character decimal) {
    this.def = def;
    this.columns = columns;
    this.forms = def.forms();
    for (ExportColumn c : columns) {
      c.formIndex = c.form == null ? -1 : forms.indexOf(c.form);
    }
    this.labels = labels;
    this.checkboxLabels = checkboxLabels;
    this.blankForGray = blankForGray;
    this.decimal = decimal;
  }

  Object[] render(RecordData data, RecordRows.Row row, Map<Integer, String> docNames) {
    // Whether each form applies to the row, worked out once per row rather than per cell.
    boolean[] applies = new boolean[forms.size()];
    for (int i = 0; i < applies.length; i++) {
      applies[i] = RecordRows.applies(def, row, forms.get(i));
    }
    Object[] cells = new Object[columns.size()];
    for (int i = 0; i < cells.length; i++) {
      ExportColumn c = columns.get(i);
      cells[i] = c.formIndex >= 0 && !applies[c.formIndex] ? "" : cell(c, data, row, docNames);
    }
    return cells;
  }

  /**
   * Whether a row rendered as {@code cells} is left out of an export that does not carry the record
   * ID: when it holds no value. That is decided on the raw values, whatever the labels make of
   * them: with {@code exportCheckboxLabel}, unchecked boxes label as blank, and live servers still
   * return those rows, the same rows as the raw export (docs/redcap-api.md §3.3).
   */
  boolean leftOut(
      Object[] cells, RecordData data, RecordRows.Row row, Map<Integer, String> docNames) {
    if (!labels) {
      return blank(cells);
    }
    if (raw == null) {
      raw = new RowRenderer(def, columns, false, false, blankForGray, decimal);
    }
    return blank(raw.render(data, row, docNames));
  }

  /** True when every cell is blank. */
  static boolean blank(Object[] cells) {
    for (Object c : cells) {
      if (c != null && !c.toString().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private Object cell(
      ExportColumn c, RecordData data, RecordRows.Row row, Map<Integer, String> docNames) {
    int event = row.event().id();
    switch (c.kind) {
      case RECORD_ID:
        return data.record();
      case EVENT:
        return labels ? def.eventLabel(row.event()) : row.event().uniqueName();
      case REPEAT_INSTRUMENT:
        if (row.repeatForm() == null) {
          return "";
        }
        return labels ? row.repeatForm().label() : row.repeatForm().name();
      case REPEAT_INSTANCE:
        return row.exportedInstance();
      case DAG:
        Integer group = data.header().groupId();
        Dag dag = group == null ? null : def.dag(group);
        return dag == null ? "" : labels ? dag.name() : dag.uniqueName();
      case SURVEY_ID:
        return data.header().surveyIdentifier();
      case TIMESTAMP:
        return RecordRows.applies(def, row, c.form)
            ? data.surveyTimestamp(event, c.form.name(), row.instance())
            : "";
      case COMPLETE:
        return status(c.form, data, row);
      case CHECKBOX:
        if (!RecordRows.applies(def, row, c.form)) {
          return "";
        }
        boolean checked = data.checked(event, row.instance(), c.field.name(), c.choice.code());
        if (!labels) {
          return checked ? "1" : "0";
        }
        if (checkboxLabels) {
          return checked ? c.choice.label() : "";
        }
        return checked ? "Checked" : "Unchecked";
      case FIELD:
        if (!RecordRows.applies(def, row, c.form)) {
          return "";
        }
        return fieldValue(c.field, data.value(event, row.instance(), c.field.name()), docNames);
      default:
        throw new AssertionError(c.kind);
    }
  }

  String status(Form form, RecordData data, RecordRows.Row row) {
    if (!RecordRows.applies(def, row, form)) {
      return "";
    }
    String stored = data.value(row.event().id(), row.instance(), form.completeField());
    if (stored.isEmpty()) {
      if (blankForGray) {
        return "";
      }
      stored = "0";
    }
    return labels ? statusLabel(stored) : stored;
  }

  static String statusLabel(String code) {
    switch (code) {
      case "0":
        return STATUS_LABELS[0];
      case "1":
        return STATUS_LABELS[1];
      case "2":
        return STATUS_LABELS[2];
      default:
        return code;
    }
  }

  /** A stored value as exported: file name for files, decimal mark, labels for choices. */
  String fieldValue(Field f, String stored, Map<Integer, String> docNames) {
    if (stored.isEmpty()) {
      return "";
    }
    if (f.type() == FieldType.FILE) {
      try {
        String name = docNames.get(Integer.parseInt(stored));
        return name == null ? stored : name;
      } catch (NumberFormatException e) {
        return stored;
      }
    }
    if (decimal != null && f.isDecimalNumber()) {
      stored = decimal == ',' ? stored.replace('.', ',') : stored.replace(',', '.');
    }
    if (labels
        && (f.type().hasChoiceList()
            || f.type() == FieldType.YESNO
            || f.type() == FieldType.TRUEFALSE)) {
      Choice choice = f.choice(stored);
      return choice == null ? stored : choice.label();
    }
    return stored;
  }
}
