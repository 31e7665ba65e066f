package org.redcapjdbc.emulator.api.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.RecordData;

/**
 * The rows a record has in a flat export (docs/redcap-api.md §3.5): one per event in which it has
 * data, in event order; in an event with repeating instruments, the base row and then one row per
 * instance of each repeating instrument (instruments in form order, instances ascending); in a
 * repeating event, one row per instance.
 */
public final class RecordRows {
  private RecordRows() {}

  /**
   * A row of the export.
   *
   * @param repeatForm the repeating instrument of the row, or null (base row, repeating event)
   * @param instance the data instance the row shows (1 on base rows)
   * @param repeatRow whether the row carries {@code redcap_repeat_instance}
   */
  public record Row(Event event, Form repeatForm, int instance, boolean repeatRow) {
    public Integer exportedInstance() {
      return repeatRow ? instance : null;
    }
  }

  /** Rows grouped by event (one group per record-event), restricted to {@code events} when given. */
  static List<List<Row>> groups(ProjectDefinition def, RecordData data, Set<Integer> events) {
    List<List<Row>> groups = new ArrayList<>();
    for (Event event : def.events()) {
      if (!data.hasEvent(event.id()) || (events != null && !events.contains(event.id()))) {
        continue;
      }
      List<Row> rows = new ArrayList<>();
      if (def.isRepeatingEvent(event)) {
        String recordId = def.recordIdField().name();
        for (int instance : data.instances(event.id())) {
          Set<String> fields = data.fieldsAt(event.id(), instance);
          // The record-ID row alone does not make an instance (it is kept at instance 1).
          if (fields.size() > 1
              || !fields.contains(recordId)
              || data.instances(event.id()).size() == 1) {
            rows.add(new Row(event, null, instance, true));
          }
        }
      } else {
        rows.add(new Row(event, null, 1, false));
        for (Form form : def.formsOf(event)) {
          if (!def.isRepeatingForm(event, form.name())) {
            continue;
          }
          for (int instance : instancesOf(def, data, event, form)) {
            rows.add(new Row(event, form, instance, true));
          }
        }
      }
      if (!rows.isEmpty()) {
        groups.add(rows);
      }
    }
    return groups;
  }

  private static Set<Integer> instancesOf(
      ProjectDefinition def, RecordData data, Event event, Form form) {
    Set<Integer> found = new TreeSet<>();
    for (int instance : data.instances(event.id())) {
      for (String name : data.fieldsAt(event.id(), instance)) {
        if (form.name().equals(formOf(def, name))) {
          found.add(instance);
          break;
        }
      }
    }
    return found;
  }

  /** The form a stored field name belongs to ({@code <form>_complete} included), or null. */
  public static String formOf(ProjectDefinition def, String fieldName) {
    Field f = def.field(fieldName);
    if (f != null) {
      return f.formName();
    }
    Form status = def.formOfCompleteField(fieldName);
    return status == null ? null : status.name();
  }

  /** Whether a form's columns have values on this row (otherwise they export blank). */
  public static boolean applies(ProjectDefinition def, Row row, Form form) {
    if (!def.isDesignated(row.event(), form.name())) {
      return false;
    }
    if (def.isRepeatingEvent(row.event())) {
      return true;
    }
    if (def.isRepeatingForm(row.event(), form.name())) {
      return row.repeatForm() != null && row.repeatForm().name().equals(form.name());
    }
    return row.repeatForm() == null;
  }
}
