package org.redcapjdbc.emulator.api.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/** {@code content=formEventMapping}: instrument-event designations (longitudinal projects). */
public final class MappingMethods {
  private MappingMethods() {}

  /** Export: {@code arm_num} (number), {@code unique_event_name}, {@code form}; optional {@code arms}. */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Structure.classicGuard(def, "You cannot export form/event mappings for classic projects");
      Set<Integer> arms = Structure.armFilter(call);
      TableWriter w = call.table(List.of("arm_num", "unique_event_name", "form"));
      for (Event e : def.events()) {
        if (arms != null && !arms.contains(e.armNumber())) {
          continue;
        }
        for (Form f : def.formsOf(e)) {
          w.row(new Object[] {e.armNumber(), e.uniqueName(), f.name()});
        }
      }
      w.finish();
    }
  }

  /** Import: replaces every mapping with the rows given; answers their number. */
  public static final class Import extends ImportMethod {
    @Override
    public List<Right> rights() {
      return List.of(Right.API_IMPORT, Right.DESIGN);
    }

    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Structure.classicGuard(def, "You cannot import form/event mappings for classic projects");
      List<Map<String, String>> rows = Structure.rows(call);
      Map<String, List<String>> mappings = new LinkedHashMap<>();
      for (Event e : def.events()) {
        mappings.put(e.uniqueName(), new ArrayList<>());
      }
      int count = 0;
      for (Map<String, String> row : rows) {
        String eventName = Structure.cell(row, "unique_event_name");
        String formName = Structure.cell(row, "form");
        Event e = def.event(eventName);
        if (e == null) {
          throw ApiException.badRequest(
              "The unique event name '" + eventName + "' is not an event of this project.");
        }
        if (!Structure.cell(row, "arm_num").isEmpty()
            && Structure.number(row, "arm_num", "arm number") != e.armNumber()) {
          throw ApiException.badRequest(
              "The event '"
                  + eventName
                  + "' is not in arm "
                  + Structure.cell(row, "arm_num")
                  + ".");
        }
        if (def.form(formName) == null) {
          throw ApiException.badRequest(
              "The form '" + formName + "' is not an instrument of this project.");
        }
        if (!mappings.get(eventName).contains(formName)) {
          mappings.get(eventName).add(formName);
          count++;
        }
      }
      // Keep form order within each event, as REDCap lists them.
      for (Map.Entry<String, List<String>> m : mappings.entrySet()) {
        List<String> ordered = new ArrayList<>();
        for (Form f : def.forms()) {
          if (m.getValue().contains(f.name())) {
            ordered.add(f.name());
          }
        }
        m.setValue(ordered);
      }
      Structure.save(call, Structure.build(def.toBuilder().eventForms(mappings)), List.of());
      call.sendPlain(String.valueOf(count));
    }
  }
}
