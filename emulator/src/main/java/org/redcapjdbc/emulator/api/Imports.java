package org.redcapjdbc.emulator.api;

import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.api.record.ImportData;
import org.redcapjdbc.emulator.format.Format;

/** The rows of a non-record import's {@code data} (users, roles, DAGs, mappings, settings). */
public final class Imports {
  private Imports() {}

  /** The rows of {@code data} in the request's format; a missing or empty {@code data} is a 400. */
  public static List<Map<String, String>> rows(ApiCall call) throws ApiException {
    return rows(call, "data");
  }

  /** The rows of the import parameter {@code name}. */
  public static List<Map<String, String>> rows(ApiCall call, String name) throws ApiException {
    List<String> raw = call.params().raw().get(name);
    String data = raw == null || raw.isEmpty() ? "" : raw.get(0);
    if (data.isBlank()) {
      throw ApiException.badRequest(
          "The parameter \"" + name + "\" is missing or empty: there is nothing to import.");
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

  /** A cell, stripped; blank when absent. */
  public static String cell(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null ? "" : v.strip();
  }
}
