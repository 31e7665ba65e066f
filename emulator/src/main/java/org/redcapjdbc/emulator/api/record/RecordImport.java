package org.redcapjdbc.emulator.api.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.api.record.ImportValidator.Row;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.format.XmlText;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/**
 * {@code content=record} import (docs/redcap-api.md §2.2): flat or EAV data in JSON, CSV or XML;
 * every cell validated first, and on any problem a 400 listing them as CSV lines
 * ({@code "record","field","value","message"}) with nothing written; otherwise the whole
 * import in one transaction. Calc fields are recomputed; a form that gets data for the first
 * time gets status 0 (Incomplete), as REDCap's first save does.
 *
 * <p>This class reads the parameters, parses the data and answers; {@link ImportValidator} checks
 * the rows and {@link ImportApplier} writes them.
 */
public final class RecordImport extends ImportMethod {
  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Params p = call.params();
    String data = p.raw().getOrDefault("data", List.of("")).get(0);
    if (data.isBlank()) {
      throw ApiException.badRequest(
          "The parameter \"data\" is missing or empty: there is no data to import.");
    }
    String type = p.get("type", "flat").toLowerCase(Locale.ROOT);
    if (!type.equals("flat") && !type.equals("eav")) {
      throw ApiException.badRequest(
          "The value of the parameter \"type\" is not valid. It must be 'flat' or 'eav'.");
    }
    String overwriteParam = p.get("overwriteBehavior", "normal").toLowerCase(Locale.ROOT);
    if (!overwriteParam.equals("normal") && !overwriteParam.equals("overwrite")) {
      throw ApiException.badRequest(
          "The value of the parameter \"overwriteBehavior\" is not valid. It must be"
              + " 'normal' or 'overwrite'.");
    }
    boolean overwrite = overwriteParam.equals("overwrite");
    boolean forceAutoNumber = p.bool("forceAutoNumber", false);
    ValueValidator.DateFormat dateFormat = dateFormat(p.get("dateFormat"));
    String returnContent = p.get("returnContent", "count").toLowerCase(Locale.ROOT);
    if (!List.of("count", "ids", "auto_ids", "nothing").contains(returnContent)) {
      throw ApiException.badRequest(
          "The value of the parameter \"returnContent\" is not valid. It must be 'count',"
              + " 'ids', 'auto_ids' or 'nothing'.");
    }
    if (call.format() == Format.ODM) {
      throw ApiException.badRequest(
          "This emulator imports records as json, csv or xml, not as odm.");
    }
    ImportData.Rows parsed = ImportData.parse(data, call.format(), call.csvDelimiter());
    if (parsed.jsonNotArray()) {
      respond(call, returnContent, List.of());
      return;
    }
    List<Map<String, String>> rows =
        type.equals("eav") ? ImportValidator.fromEav(def, parsed) : parsed.rows();
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(r -> columns.addAll(r.keySet()));
    if (type.equals("flat")) {
      columns.addAll(parsed.columns());
    }
    ImportValidator.checkColumns(def, columns);
    Integer callerGroup = call.user().groupId();
    List<Row> valid = ImportValidator.validRows(def, rows, dateFormat, callerGroup);

    List<String> sentOrder = new ArrayList<>();
    for (Row r : valid) {
      if (!sentOrder.contains(r.record())) {
        sentOrder.add(r.record());
      }
    }
    if (callerGroup != null && !forceAutoNumber) {
      ImportValidator.refuseOtherGroupsRecords(call, def, sentOrder, callerGroup);
    }
    List<String> results =
        call.database()
            .inTransaction(
                c -> {
                  Map<String, String> newNames =
                      ImportApplier.recordNames(
                          c, def.id(), sentOrder, forceAutoNumber, callerGroup);
                  ImportApplier.apply(call, c, def, valid, newNames, overwrite, callerGroup);
                  List<String> out = new ArrayList<>();
                  for (String sent : sentOrder) {
                    out.add(
                        returnContent.equals("auto_ids")
                            ? newNames.get(sent) + "," + sent
                            : newNames.get(sent));
                  }
                  return out;
                });
    respond(call, returnContent, results);
  }

  static ValueValidator.DateFormat dateFormat(String v) throws ApiException {
    if (v == null) {
      return ValueValidator.DateFormat.YMD;
    }
    switch (v.toUpperCase(Locale.ROOT)) {
      case "YMD":
        return ValueValidator.DateFormat.YMD;
      case "MDY":
        return ValueValidator.DateFormat.MDY;
      case "DMY":
        return ValueValidator.DateFormat.DMY;
      default:
        throw ApiException.badRequest(
            "The value of the parameter \"dateFormat\" is not valid. It must be 'YMD',"
                + " 'MDY' or 'DMY'.");
    }
  }

  // ---------------------------------------------------------------- response

  private static void respond(ApiCall call, String returnContent, List<String> results)
      throws IOException {
    Format f = call.returnFormat();
    switch (returnContent) {
      case "nothing":
        call.send(f.contentType(), "");
        return;
      case "ids":
      case "auto_ids":
        if (f == Format.JSON) {
          StringBuilder sb = new StringBuilder("[");
          for (String id : results) {
            if (sb.length() > 1) {
              sb.append(',');
            }
            sb.append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(id));
          }
          call.send(f.contentType(), sb.append(']').toString());
        } else if (f == Format.CSV) {
          TableWriter w =
              TableWriter.create(Format.CSV, call.stream(f.contentType()), List.of("id"));
          for (String id : results) {
            w.row(new Object[] {id});
          }
          w.finish();
        } else {
          StringBuilder sb = new StringBuilder(XmlText.DECLARATION).append("<ids>");
          for (String id : results) {
            sb.append("<id>").append(XmlText.escape(id)).append("</id>");
          }
          call.send(f.contentType(), sb.append("</ids>").toString());
        }
        return;
      default:
        int count = results.size();
        if (f == Format.JSON) {
          call.send(f.contentType(), "{\"count\":" + count + "}");
        } else if (f == Format.CSV) {
          call.send(f.contentType(), String.valueOf(count));
        } else {
          call.send(f.contentType(), XmlText.DECLARATION + "<count>" + count + "</count>");
        }
    }
  }
}
