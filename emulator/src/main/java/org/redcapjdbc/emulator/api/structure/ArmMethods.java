package org.redcapjdbc.emulator.api.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Right;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.RepeatingEntry;

/** {@code content=arm}: export, import (with {@code override}) and delete. */
public final class ArmMethods {
  private ArmMethods() {}

  /** Export: {@code arm_num} (number) and {@code name}; an arm without events is not listed. */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Structure.classicGuard(def, "You cannot export arms for classic projects");
      Set<Integer> filter = Structure.armFilter(call);
      TableWriter w = call.table(List.of("arm_num", "name"));
      for (Arm a : def.arms()) {
        if ((filter == null || filter.contains(a.number()))
            && !def.eventsOfArm(a.number()).isEmpty()) {
          w.row(new Object[] {a.number(), a.name()});
        }
      }
      w.finish();
    }
  }

  /**
   * Import: {@code arm_num, name} rows; without {@code override} they add or rename arms, with
   * {@code override=1} every arm, event and mapping (and their data) is deleted first.
   */
  public static final class Import extends ImportMethod {
    @Override
    public List<Right> rights() {
      return List.of(Right.API_IMPORT, Right.DESIGN);
    }

    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Structure.classicGuard(def, "You cannot import arms for classic projects");
      boolean override = call.params().bool("override", false);
      List<Map<String, String>> rows = Structure.rows(call);
      TreeMap<Integer, Arm> arms = new TreeMap<>();
      if (!override) {
        for (Arm a : def.arms()) {
          arms.put(a.number(), a);
        }
      }
      for (Map<String, String> row : rows) {
        int number = Structure.number(row, "arm_num", "arm number");
        String name = Structure.cell(row, "name");
        if (number < 1 || name.isEmpty()) {
          throw ApiException.badRequest("Each arm needs a positive arm_num and a name.");
        }
        arms.put(number, new Arm(number, name));
      }
      ProjectDefinition.Builder b = def.toBuilder().arms(new ArrayList<>(arms.values()));
      List<Integer> deleted = new ArrayList<>();
      if (override) {
        def.events().forEach(e -> deleted.add(e.id()));
        b.events(List.of()).eventForms(Map.of()).repeating(List.of());
      }
      Structure.save(call, Structure.build(b), deleted);
      call.sendPlain(String.valueOf(rows.size()));
    }
  }

  /** Delete: the arms in {@code arms}, with their events, mappings and data. */
  public static final class Delete extends ImportMethod {
    @Override
    public List<Right> rights() {
      return List.of(Right.API_IMPORT, Right.DESIGN);
    }

    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Structure.classicGuard(def, "You cannot delete arms for classic projects");
      List<String> names = call.params().list("arms");
      if (names.isEmpty()) {
        throw ApiException.badRequest(
            "The parameter \"arms\" is missing or empty: name the arms to delete.");
      }
      Set<Integer> numbers = new LinkedHashSet<>();
      List<String> invalid = new ArrayList<>();
      for (String n : names) {
        try {
          int number = Integer.parseInt(n);
          if (def.arm(number) == null) {
            invalid.add(n);
          } else {
            numbers.add(number);
          }
        } catch (NumberFormatException e) {
          invalid.add(n);
        }
      }
      if (!invalid.isEmpty()) {
        throw Structure.invalid("arms", invalid);
      }
      List<Arm> arms = new ArrayList<>();
      for (Arm a : def.arms()) {
        if (!numbers.contains(a.number())) {
          arms.add(a);
        }
      }
      List<Event> events = new ArrayList<>();
      List<Integer> deleted = new ArrayList<>();
      for (Event e : def.events()) {
        if (numbers.contains(e.armNumber())) {
          deleted.add(e.id());
        } else {
          events.add(e);
        }
      }
      Structure.save(
          call,
          Structure.build(EventMethods.withoutEvents(def.toBuilder().arms(arms), def, events)),
          deleted);
      call.sendPlain(String.valueOf(numbers.size()));
    }
  }

  static Map<String, List<String>> keep(Map<String, List<String>> mappings, List<Event> events) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Event e : events) {
      out.put(e.uniqueName(), mappings.getOrDefault(e.uniqueName(), List.of()));
    }
    return out;
  }

  static List<RepeatingEntry> keepRepeating(List<RepeatingEntry> repeating, List<Event> events) {
    Set<String> names = new LinkedHashSet<>();
    events.forEach(e -> names.add(e.uniqueName()));
    List<RepeatingEntry> out = new ArrayList<>();
    for (RepeatingEntry r : repeating) {
      if (names.contains(r.eventUniqueName())) {
        out.add(r);
      }
    }
    return out;
  }
}
