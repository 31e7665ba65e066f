package org.redcapjdbc.emulator.api.structure;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.record.ImportData;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.Database;
import org.redcapjdbc.emulator.store.ProjectStore;
import org.redcapjdbc.emulator.store.RecordStore;

/** Helpers shared by the structural methods (metadata, arms, events, mappings, repeating set-up). */
final class Structure {
  private Structure() {}

  /** Stores a changed definition (and drops the data of deleted events) in one transaction. */
  static ProjectDefinition save(
      ApiCall call, ProjectDefinition changed, Collection<Integer> deletedEvents) {
    return save(call, changed, deletedEvents, c -> null);
  }

  /** As {@link #save(ApiCall, ProjectDefinition, Collection)}, running {@code before} in the same transaction. */
  static ProjectDefinition save(
      ApiCall call,
      ProjectDefinition changed,
      Collection<Integer> deletedEvents,
      Database.SqlWork<?> before) {
    ProjectDefinition stored =
        call.database()
            .inTransaction(
                c -> {
                  before.run(c);
                  RecordStore.deleteEventData(c, changed.id(), deletedEvents);
                  return ProjectStore.replace(c, changed);
                });
    call.project().update(stored);
    return stored;
  }

  /** Builds a definition, turning a structural inconsistency into a 400. */
  static ProjectDefinition build(ProjectDefinition.Builder b) throws ApiException {
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** The rows of an import's {@code data}, in the request's format. */
  static List<Map<String, String>> rows(ApiCall call) throws ApiException {
    String data = call.params().raw().getOrDefault("data", List.of("")).get(0);
    if (data.isBlank()) {
      throw ApiException.badRequest(
          "The parameter \"data\" is missing or empty: there is nothing to import.");
    }
    Format f = call.format() == Format.ODM ? Format.XML : call.format();
    ImportData.Rows rows = ImportData.parse(data, f, call.csvDelimiter());
    if (rows.jsonNotArray()) {
      throw ApiException.badRequest(
          "The data being imported is not formatted correctly. The JSON must be an array"
              + " of objects.");
    }
    return rows.rows();
  }

  static String cell(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null ? "" : v.strip();
  }

  static int number(Map<String, String> row, String column, String what) throws ApiException {
    String v = cell(row, column);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "The value '" + v + "' of \"" + column + "\" is not a valid " + what + ".");
    }
  }

  static double decimal(Map<String, String> row, String column) throws ApiException {
    String v = cell(row, column);
    if (v.isEmpty()) {
      return 0;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("The value '" + v + "' of \"" + column + "\" is not a number.");
    }
  }

  static void classicGuard(ProjectDefinition def, String message) throws ApiException {
    if (!def.isLongitudinal()) {
      throw ApiException.badRequest(message);
    }
  }

  /** {@code The following values in the parameter "x" are not valid: 'a', 'b'}. */
  static ApiException invalid(String parameter, Collection<String> names) {
    Set<String> quoted = new LinkedHashSet<>();
    for (String n : names) {
      quoted.add("'" + n + "'");
    }
    return ApiException.badRequest(
        "The following values in the parameter \""
            + parameter
            + "\" are not valid: "
            + String.join(", ", quoted));
  }

  /** Numbers in the {@code arms} array parameter; unknown arm numbers are simply not matched. */
  static Set<Integer> armFilter(ApiCall call) throws ApiException {
    List<String> arms = call.params().list("arms");
    if (arms.isEmpty()) {
      return null;
    }
    Set<Integer> out = new LinkedHashSet<>();
    for (String a : arms) {
      try {
        out.add(Integer.parseInt(a));
      } catch (NumberFormatException e) {
        throw invalid("arms", List.of(a));
      }
    }
    return out;
  }
}
