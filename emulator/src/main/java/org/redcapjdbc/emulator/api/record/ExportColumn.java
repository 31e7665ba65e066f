package org.redcapjdbc.emulator.api.record;

import static java.util.Objects.requireNonNull;

import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.Form;

/** One column of a flat record export. */
final class ExportColumn {
  enum Kind {
    RECORD_ID,
    EVENT,
    REPEAT_INSTRUMENT,
    REPEAT_INSTANCE,
    DAG,
    SURVEY_ID,
    TIMESTAMP,
    FIELD,
    CHECKBOX,
    COMPLETE
  }

  final Kind kind;
  final String name;
  final String labelHeader;

  /** The form whose rows the column belongs to (null for the key columns). */
  final Form form;

  final Field field;
  final Choice choice;

  /** Position of {@link #form} in the project's forms, or -1. */
  int formIndex = -1;

  private ExportColumn(
      Kind kind, String name, String labelHeader, Form form, Field field, Choice choice) {
    this.kind = requireNonNull(kind, "kind");
    this.name = requireNonNull(name, "name");
    this.labelHeader = requireNonNull(labelHeader, "labelHeader");
    this.form = form;
    this.field = field;
    this.choice = choice;
  }

  static ExportColumn recordId(Field f) {
    return new ExportColumn(Kind.RECORD_ID, f.name(), f.label(), null, f, null);
  }

  static ExportColumn pseudo(Kind kind, String name, String labelHeader) {
    return new ExportColumn(kind, name, labelHeader, null, null, null);
  }

  static ExportColumn timestamp(Form form) {
    return new ExportColumn(
        Kind.TIMESTAMP, form.timestampField(), "Survey Timestamp", form, null, null);
  }

  static ExportColumn field(Field f, Form form) {
    return new ExportColumn(Kind.FIELD, f.name(), f.label(), form, f, null);
  }

  static ExportColumn checkbox(Field f, Form form, Choice c) {
    return new ExportColumn(
        Kind.CHECKBOX, f.checkboxColumn(c), f.label() + " (choice=" + c.label() + ")", form, f, c);
  }

  static ExportColumn complete(Form form) {
    return new ExportColumn(Kind.COMPLETE, form.completeField(), "Complete?", form, null, null);
  }

  @Override
  public String toString() {
    return name;
  }
}
