package org.redcapjdbc.emulator.api.structure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Right;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.RepeatingEntry;

/**
 * {@code content=repeatingFormsEvents}: {@code form_name, custom_form_label} (classic), with
 * {@code event_name} (the unique name) first in longitudinal projects; a repeating event has a
 * blank {@code form_name}. None defined exports an empty list. Import replaces the whole set-up.
 */
public final class RepeatingMethods {
  private RepeatingMethods() {}

  private static List<String> columns(ProjectDefinition def) {
    return def.isLongitudinal()
        ? List.of("event_name", "form_name", "custom_form_label")
        : List.of("form_name", "custom_form_label");
  }

  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      TableWriter w = call.table(columns(def));
      for (RepeatingEntry r : def.repeating()) {
        String form = r.isRepeatingEvent() ? "" : r.formName();
        w.row(
            def.isLongitudinal()
                ? new Object[] {r.eventUniqueName(), form, r.customLabel()}
                : new Object[] {form, r.customLabel()});
      }
      w.finish();
    }
  }

  public static final class Import extends ImportMethod {
    @Override
    public List<Right> rights() {
      return List.of(Right.API_IMPORT, Right.DESIGN);
    }

    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      List<Map<String, String>> rows = Structure.rows(call);
      List<RepeatingEntry> entries = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Map<String, String> row : rows) {
        String eventName =
            def.isLongitudinal()
                ? Structure.cell(row, "event_name")
                : ProjectDefinition.CLASSIC_EVENT;
        Event e = def.event(eventName);
        if (e == null) {
          throw ApiException.badRequest(
              "The event '" + eventName + "' is not a unique event name of this project.");
        }
        String form = Structure.cell(row, "form_name");
        if (form.isEmpty() && !def.isLongitudinal()) {
          throw ApiException.badRequest(
              "Each row needs a form_name: classic projects have no repeating events.");
        }
        if (!form.isEmpty() && def.form(form) == null) {
          throw ApiException.badRequest(
              "The form '" + form + "' is not an instrument of this project.");
        }
        if (!form.isEmpty() && !def.isDesignated(e, form)) {
          throw ApiException.badRequest(
              "The form '"
                  + form
                  + "' is not designated for the event '"
                  + eventName
                  + "', so it cannot repeat there.");
        }
        if (seen.add(eventName + "|" + form)) {
          entries.add(
              new RepeatingEntry(
                  eventName,
                  form.isEmpty() ? null : form,
                  Structure.cell(row, "custom_form_label")));
        }
      }
      Structure.save(call, Structure.build(def.toBuilder().repeating(entries)), List.of());
      call.sendPlain(String.valueOf(entries.size()));
    }
  }
}
