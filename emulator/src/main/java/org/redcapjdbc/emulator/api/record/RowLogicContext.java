package org.redcapjdbc.emulator.api.record;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.redcapjdbc.emulator.logic.LogicContext;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.RecordData;

/**
 * A record row seen by the logic package (filterLogic, calc fields). A field reads as it would
 * export on that row: blank where its form does not apply, a never-saved form's status as
 * {@code 0}. References to another event read that event's base row, or the same instance when
 * the field's form repeats there and the current row is an instance of it.
 */
final class RowLogicContext implements LogicContext {
  private final ProjectDefinition def;
  private final RecordData data;
  private final RecordRows.Row row;
  private final LocalDateTime now;

  RowLogicContext(ProjectDefinition def, RecordData data, RecordRows.Row row, LocalDateTime now) {
    this.def = def;
    this.data = data;
    this.row = row;
    this.now = now;
  }

  private RecordRows.Row rowFor(String eventName, String formName) {
    if (eventName == null || eventName.equals(row.event().uniqueName())) {
      return row;
    }
    Event other = def.event(eventName);
    if (other == null) {
      return null;
    }
    if (def.isRepeatingEvent(other)) {
      return new RecordRows.Row(other, null, row.repeatRow() ? row.instance() : 1, true);
    }
    if (formName != null && def.isRepeatingForm(other, formName)) {
      boolean same = row.repeatForm() != null && row.repeatForm().name().equals(formName);
      return new RecordRows.Row(other, def.form(formName), same ? row.instance() : 1, true);
    }
    return new RecordRows.Row(other, null, 1, false);
  }

  @Override
  public String value(String event, String field) {
    if (field.equals(def.recordIdField().name())) {
      return data.record();
    }
    Form status = def.formOfCompleteField(field);
    if (status != null) {
      RecordRows.Row r = rowFor(event, status.name());
      if (r == null || !RecordRows.applies(def, r, status)) {
        return "";
      }
      String stored = data.value(r.event().id(), r.instance(), field);
      return stored.isEmpty() ? "0" : stored;
    }
    Field f = def.field(field);
    if (f == null || f.isCheckbox()) {
      return "";
    }
    Form form = def.form(f.formName());
    RecordRows.Row r = rowFor(event, form.name());
    if (r == null || !RecordRows.applies(def, r, form)) {
      return "";
    }
    return data.value(r.event().id(), r.instance(), field);
  }

  @Override
  public String checkbox(String event, String field, String code) {
    Field f = def.field(field);
    if (f == null || !f.isCheckbox()) {
      return "0";
    }
    Form form = def.form(f.formName());
    RecordRows.Row r = rowFor(event, form.name());
    if (r == null) {
      return "0";
    }
    return data.checked(r.event().id(), r.instance(), field, code) ? "1" : "0";
  }

  @Override
  public boolean isCheckbox(String field) {
    Field f = def.field(field);
    return f != null && f.isCheckbox();
  }

  @Override
  public String recordId() {
    return data.record();
  }

  @Override
  public String currentEvent() {
    return def.isLongitudinal() ? row.event().uniqueName() : null;
  }

  @Override
  public Integer currentInstance() {
    return row.exportedInstance();
  }

  @Override
  public LocalDateTime now() {
    return now;
  }

  @Override
  public boolean isCommaDecimal(String field) {
    Field f = def.field(field);
    return f != null && f.validation().endsWith("comma_decimal");
  }

  @Override
  public Set<String> missingDataCodes() {
    Set<String> codes = new HashSet<>();
    for (Choice c : Choice.parseList(def.info().missingDataCodes())) {
      codes.add(c.code());
    }
    return codes;
  }
}
