package org.redcapjdbc.emulator.api.project;

import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.record.ImportData;
import org.redcapjdbc.emulator.format.ByteOrderMark;
import org.redcapjdbc.emulator.format.Format;

/**
 * The one row of project attributes that project creation and settings imports send: a JSON
 * object or a one-element array, a CSV header and row, or XML {@code <item>…</item>} (alone or
 * inside a list root).
 */
final class SingleRow {
  private SingleRow() {}

  static Map<String, String> parse(String data, Format format, char delimiter) throws ApiException {
    if (data == null || data.isBlank()) {
      throw ApiException.badRequest(
          "The parameter \"data\" is missing or empty: send the project attributes.");
    }
    String body = ByteOrderMark.strip(data.strip());
    Format f = format == Format.ODM ? Format.XML : format;
    if (f == Format.JSON && body.startsWith("{")) {
      body = "[" + body + "]";
    } else if (f == Format.XML) {
      String withoutDeclaration =
          body.startsWith("<?xml") ? body.substring(body.indexOf("?>") + 2).strip() : body;
      if (withoutDeclaration.startsWith("<item")) {
        body = "<records>" + withoutDeclaration + "</records>";
      }
    }
    ImportData.Rows rows = ImportData.parse(body, f, delimiter);
    List<Map<String, String>> list = rows.rows();
    if (list.isEmpty()) {
      throw ApiException.badRequest("The parameter \"data\" holds no project attributes.");
    }
    return list.get(0);
  }
}
