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
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UniqueNames;

/** {@code content=event}: export, import (with {@code override}) and delete. */
public final class EventMethods {
  private EventMethods() {}

  /**
   * Export: {@code event_name, arm_num, unique_event_name, custom_event_label, event_id}, with the
   * day offsets after {@code arm_num} when scheduling is on; numbers as JSON numbers; in CSV the
   * event name is always quoted.
   */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Structure.classicGuard(def, "You cannot export events for classic projects");
      Set<Integer> arms = Structure.armFilter(call);
      boolean scheduling = def.info().schedulingEnabled();
      List<String> columns =
          scheduling
              ? List.of(
                  "event_name",
                  "arm_num",
                  "day_offset",
                  "offset_min",
                  "offset_max",
                  "unique_event_name",
                  "custom_event_label",
                  "event_id")
              : List.of(
                  "event_name", "arm_num", "unique_event_name", "custom_event_label", "event_id");
      boolean[] quoted = new boolean[columns.size()];
      quoted[0] = true;
      Format f = call.format() == Format.ODM ? Format.XML : call.format();
      TableWriter w =
          TableWriter.create(
              f, call.stream(f.contentType()), columns, null, quoted, call.csvDelimiter());
      for (Event e : def.events()) {
        if (arms != null && !arms.contains(e.armNumber())) {
          continue;
        }
        if (scheduling) {
          w.row(
              new Object[] {
                e.name(),
                e.armNumber(),
                e.dayOffset(),
                e.offsetMin(),
                e.offsetMax(),
                e.uniqueName(),
                e.customLabel(),
                e.id()
              });
        } else {
          w.row(new Object[] {e.name(), e.armNumber(), e.uniqueName(), e.customLabel(), e.id()});
        }
      }
      w.finish();
    }
  }

  /**
   * Import: {@code event_name, arm_num} (+ optional {@code unique_event_name}, which updates the event
   * of that name when there is one, {@code custom_event_label} and day offsets); every other row
   * creates an event with a generated unique name, whatever unique name it carries. With
   * {@code override=1} every event (and its mappings and data) is deleted first.
   */
  public static final class Import extends ImportMethod {
    @Override
    public List<Right> rights() {
      return List.of(Right.API_IMPORT, Right.DESIGN);
    }

    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Structure.classicGuard(def, "You cannot import events for classic projects");
      boolean override = call.params().bool("override", false);
      List<Map<String, String>> rows = Structure.rows(call);
      List<Event> events = new ArrayList<>(override ? List.of() : def.events());
      List<String> taken = new ArrayList<>();
      events.forEach(e -> taken.add(e.uniqueName()));
      for (Map<String, String> row : rows) {
        String name = Structure.cell(row, "event_name");
        int arm = Structure.number(row, "arm_num", "arm number");
        if (name.isEmpty()) {
          throw ApiException.badRequest("Each event needs an event_name.");
        }
        if (def.arm(arm) == null) {
          throw ApiException.badRequest(
              "The arm number "
                  + arm
                  + " is not an arm of this project; import the arm"
                  + " first.");
        }
        String unique = Structure.cell(row, "unique_event_name");
        Event existing = unique.isEmpty() ? null : find(events, unique);
        Event updated =
            new Event(
                existing == null ? 0 : existing.id(),
                arm,
                name,
                existing != null ? existing.uniqueName() : UniqueNames.event(name, arm, taken),
                Structure.cell(row, "custom_event_label"),
                Structure.decimal(row, "day_offset"),
                Structure.decimal(row, "offset_min"),
                Structure.decimal(row, "offset_max"));
        if (existing == null) {
          // A unique name that is not (or no longer) an event's is ignored and the event created
          // under a
          // generated name, as live servers do when a client restores exported events after
          // deleting them
          // (docs/redcap-api.md §2.7).
          taken.add(updated.uniqueName());
          events.add(updated);
        } else {
          events.set(events.indexOf(existing), updated);
        }
      }
      // Events stay grouped by arm.
      List<Event> ordered = new ArrayList<>();
      def.arms()
          .forEach(
              a -> events.stream().filter(e -> e.armNumber() == a.number()).forEach(ordered::add));
      List<Integer> deleted = new ArrayList<>();
      if (override) {
        def.events().forEach(e -> deleted.add(e.id()));
      }
      Structure.save(call, Structure.build(withoutEvents(def.toBuilder(), def, ordered)), deleted);
      call.sendPlain(String.valueOf(rows.size()));
    }

    private static Event find(List<Event> events, String unique) {
      for (Event e : events) {
        if (e.uniqueName().equals(unique)) {
          return e;
        }
      }
      return null;
    }
  }

  /** Delete: the events in {@code events}, with their mappings and data. */
  public static final class Delete extends ImportMethod {
    @Override
    public List<Right> rights() {
      return List.of(Right.API_IMPORT, Right.DESIGN);
    }

    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Structure.classicGuard(def, "You cannot delete events for classic projects");
      List<String> names = call.params().list("events");
      if (names.isEmpty()) {
        throw ApiException.badRequest(
            "The parameter \"events\" is missing or empty: name the events to delete.");
      }
      Set<String> invalid = new LinkedHashSet<>();
      Set<String> wanted = new LinkedHashSet<>();
      for (String n : names) {
        if (def.event(n) == null) {
          invalid.add(n);
        } else {
          wanted.add(n);
        }
      }
      if (!invalid.isEmpty()) {
        throw Structure.invalid("events", invalid);
      }
      List<Event> kept = new ArrayList<>();
      List<Integer> deleted = new ArrayList<>();
      for (Event e : def.events()) {
        if (wanted.contains(e.uniqueName())) {
          deleted.add(e.id());
        } else {
          kept.add(e);
        }
      }
      Structure.save(call, Structure.build(withoutEvents(def.toBuilder(), def, kept)), deleted);
      call.sendPlain(String.valueOf(wanted.size()));
    }
  }

  /** A builder whose events are {@code events}, with mappings and repeating set-up of the others dropped. */
  static ProjectDefinition.Builder withoutEvents(
      ProjectDefinition.Builder b, ProjectDefinition def, List<Event> events) {
    return b.events(events)
        .eventForms(ArmMethods.keep(def.eventForms(), events))
        .repeating(ArmMethods.keepRepeating(def.repeating(), events));
  }
}
