package org.redcapjdbc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays out the SQL tables of one {@link ProjectModel} for one set of {@link LayoutOptions}. */
final class TableLayouts {
  private final ProjectModel model;
  private final LayoutOptions options;
  private final Map<String, String> missingCodes;

  TableLayouts(ProjectModel model, LayoutOptions options) {
    this.model = model;
    this.options = options;
    this.missingCodes = model.missingDataCodeLabels();
  }

  /**
   * {@code records}: record ID, {@code redcap_event_name} (longitudinal), the two repeat columns
   * (anything repeats), the DAG column (visible DAGs), then every field in dictionary order with
   * checkboxes expanded and {@code <form>_complete} after each form's last field.
   */
  TableLayout records() {
    List<Column> columns = new ArrayList<>();
    columns.add(recordId());
    if (model.isLongitudinal()) {
      columns.add(eventName());
    }
    if (model.hasRepeatingInstrumentsOrEvents()) {
      columns.add(repeatInstrument());
      columns.add(repeatInstance(true));
    }
    if (model.hasDataAccessGroupColumn()) {
      columns.add(dataAccessGroup());
    }
    List<Field> fields = model.fields();
    Map<String, Integer> lastFieldOfForm = model.lastFieldIndexByForm();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      if (i > 0) {
        addFieldColumns(field, columns);
      }
      if (lastFieldOfForm.get(field.form()) == i) {
        columns.add(complete(model.instrument(field.form()).orElseThrow()));
      }
    }
    for (Instrument instrument : model.instruments()) {
      if (instrument.fields().isEmpty()) {
        columns.add(complete(instrument));
      }
    }
    String title = model.projectTitle();
    return new TableLayout(
        ProjectModel.RECORDS_TABLE,
        "Every field of "
            + (title.isEmpty() ? "the project" : "'" + title + "'")
            + " in REDCap's flat export layout: one row per record"
            + (model.isLongitudinal() ? ", event" : "")
            + (model.hasRepeatingInstrumentsOrEvents() ? " and repeat instance" : ""),
        null,
        columns);
  }

  /**
   * One instrument: record ID, {@code redcap_event_name} (longitudinal),
   * {@code redcap_repeat_instance} (when it repeats or sits in a repeating event), the DAG column,
   * its fields, its {@code <form>_complete}.
   */
  TableLayout instrument(Instrument instrument) {
    List<Column> columns = new ArrayList<>();
    columns.add(recordId());
    if (model.isLongitudinal()) {
      columns.add(eventName());
    }
    if (instrument.hasRepeatInstances()) {
      columns.add(repeatInstance(!instrument.alwaysRepeats()));
    }
    if (model.hasDataAccessGroupColumn()) {
      columns.add(dataAccessGroup());
    }
    String recordIdName = model.recordIdField().name();
    for (Field field : instrument.fields()) {
      if (!field.name().equals(recordIdName)) {
        addFieldColumns(field, columns);
      }
    }
    columns.add(complete(instrument));
    return new TableLayout(
        instrument.name(), PlainText.of(instrument.label()), instrument, columns);
  }

  private Column recordId() {
    Field field = model.recordIdField();
    String remarks = field.plainLabel().isEmpty() ? "Record ID" : field.plainLabel();
    return new Column(
        field.name(),
        ColumnKind.RECORD_ID,
        false,
        true,
        field.name(),
        null,
        null,
        remarks,
        true,
        ValueConverters.text(field.name()));
  }

  private Column eventName() {
    return pseudo(
        PseudoColumns.EVENT_NAME,
        false,
        true,
        "Unique name of the event, e.g. enrollment_arm_1",
        SqlType.VARCHAR);
  }

  private Column repeatInstrument() {
    return pseudo(
        PseudoColumns.REPEAT_INSTRUMENT,
        true,
        true,
        "The repeating instrument this row is an instance of; NULL on base rows and on rows of "
            + "repeating events",
        SqlType.VARCHAR);
  }

  private Column repeatInstance(boolean nullable) {
    return pseudo(
        PseudoColumns.REPEAT_INSTANCE,
        nullable,
        true,
        "Repeat instance number (1, 2, ...)"
            + (nullable ? "; NULL on rows that do not repeat" : ""),
        SqlTypeMapping.REPEAT_INSTANCE);
  }

  private Column dataAccessGroup() {
    return pseudo(
        PseudoColumns.DATA_ACCESS_GROUP,
        true,
        false,
        "Unique name of the record's data access group; NULL when it is in none",
        SqlType.VARCHAR);
  }

  private Column pseudo(String name, boolean nullable, boolean key, String remarks, SqlType type) {
    SqlType shown = options.typed() ? type : SqlType.VARCHAR;
    return new Column(
        name,
        ColumnKind.PSEUDO,
        nullable,
        key,
        null,
        null,
        null,
        remarks,
        true,
        ValueConverters.forType(name, shown, Validation.NONE, missingCodes));
  }

  /** A field's columns: itself or its checkbox options, then its label companion. */
  private void addFieldColumns(Field field, List<Column> columns) {
    if (field.isDescriptive()) {
      return;
    }
    if (field.type() == FieldType.CHECKBOX) {
      for (Choice choice : field.choices()) {
        String name = CheckboxNames.exportName(field.name(), choice.code());
        SqlType type = options.typed() ? SqlType.BOOLEAN : SqlType.VARCHAR;
        columns.add(
            new Column(
                name,
                ColumnKind.CHECKBOX_OPTION,
                true,
                false,
                field.name(),
                choice.code(),
                field.form(),
                field.plainLabel() + " (choice=" + PlainText.of(choice.label()) + ")",
                true,
                ValueConverters.forType(name, type, Validation.NONE, missingCodes)));
      }
      return;
    }
    SqlType type = options.typed() ? SqlTypeMapping.forField(field).orElseThrow() : SqlType.VARCHAR;
    columns.add(
        new Column(
            field.name(),
            ColumnKind.FIELD,
            true,
            false,
            field.name(),
            null,
            field.form(),
            field.plainLabel(),
            field.type() != FieldType.FILE && field.type() != FieldType.CALC,
            ValueConverters.forType(field.name(), type, field.validation(), missingCodes)));
    if (options.labelColumns()) {
      model
          .labelColumnName(field.name())
          .ifPresent(
              name ->
                  columns.add(
                      new Column(
                          name,
                          ColumnKind.LABEL,
                          true,
                          false,
                          field.name(),
                          null,
                          field.form(),
                          field.plainLabel() + " (label)",
                          false,
                          ValueConverters.label(name, field, missingCodes))));
    }
  }

  private Column complete(Instrument instrument) {
    String name = instrument.completeFieldName();
    return new Column(
        name,
        ColumnKind.COMPLETE,
        true,
        false,
        name,
        null,
        instrument.name(),
        "Status of "
            + PlainText.of(instrument.label())
            + ": 0 Incomplete, 1 Unverified, 2 Complete",
        true,
        options.typed() ? ValueConverters.formStatus(name) : ValueConverters.text(name));
  }
}
