package org.redcapjdbc.emulator.api.record;

import java.io.OutputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.Report;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=report} (docs/redcap-api.md §2.13, docs/redcap-wire-samples.md §20.3): the
 * report's fields in report order, the record ID followed by its key columns; the report's filter
 * logic ({@code advanced_logic}, with {@code [event-name]} meaning the row's own event) and event
 * filter; its DAG and survey-field options; line breaks in values turned into spaces when the
 * report says so. Always flat ({@code type} is ignored). {@code report_id} is the report's position
 * in the project (1 for the first) or its unique report name ({@code R-3788YK8R7X}). The caller's
 * export rights and DAG apply as in record exports.
 */
public final class ReportExport extends ExportMethod {
  /** The report {@code report_id} names. */
  static Report report(ProjectDefinition def, String id) throws ApiException {
    if (id == null) {
      throw ApiException.badRequest(
          "The parameter \"report_id\" is missing: name the report to export.");
    }
    List<Report> reports = def.reports();
    for (Report r : reports) {
      if (r.uniqueName().equals(id.strip())) {
        return r;
      }
    }
    try {
      int n = Integer.parseInt(id.strip());
      if (n >= 1 && n <= reports.size()) {
        return reports.get(n - 1);
      }
    } catch (NumberFormatException e) {
      // falls through to the error
    }
    throw ApiException.badRequest(
        "The value of the parameter \"report_id\" is not valid: '"
            + id
            + "' is not the id of a report in this project.");
  }

  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Params p = call.params();
    Report report = report(def, p.get("report_id"));
    Map<String, String> a = report.attributes();
    RecordExport.checkExportRights(def, call.user());
    List<String> fields = new ArrayList<>();
    for (String f : report.fields()) {
      // A report may name fields deleted since; they are left out.
      if (def.field(f) != null || def.formOfCompleteField(f) != null) {
        fields.add(f);
      }
    }
    boolean dags = "1".equals(a.get("output_dags")) && !call.user().inDag();
    boolean surveyFields = "1".equals(a.get("output_survey_fields"));
    ColumnPlan plan = ColumnPlan.build(def, fields, List.of(), dags, surveyFields, call.user());
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      position.putIfAbsent(fields.get(i), i);
    }
    Map<String, Double> formFirst = new HashMap<>();
    for (String f : fields) {
      Field field = def.field(f);
      String form = field != null ? field.formName() : def.formOfCompleteField(f).name();
      formFirst.putIfAbsent(form, position.get(f) - 0.5);
    }
    plan = plan.reordered(java.util.Comparator.comparingDouble(c -> key(c, position, formFirst)));

    Map<String, List<String>> filter = new LinkedHashMap<>();
    String logic = a.getOrDefault("advanced_logic", "").strip();
    if (!logic.isEmpty()) {
      // [event-name] is the smart variable for the row's own event: the plain reference means the
      // same.
      filter.put("filterLogic", List.of(logic.replace("[event-name][", "[")));
    }
    String events = a.getOrDefault("redcap_reports_filter_events", "").strip();
    if (!events.isEmpty() && def.isLongitudinal()) {
      List<String> names = new ArrayList<>();
      for (String e : events.split(",")) {
        Event ev = def.event(e.strip());
        if (ev == null) {
          try {
            ev = def.event(Integer.parseInt(e.strip()));
          } catch (NumberFormatException ex) {
            ev = null;
          }
        }
        if (ev != null) {
          names.add(ev.uniqueName());
        }
      }
      filter.put("events", List.of(String.join(",", names)));
    }
    RecordFilter rows = RecordFilter.parse(def, new Params(filter), call.user());
    List<Integer> groups = new ArrayList<>();
    for (String g : a.getOrDefault("redcap_reports_filter_dags", "").split(",")) {
      if (!g.isBlank() && def.dag(g.strip()) != null) {
        groups.add(def.dag(g.strip()).id());
      }
    }
    boolean removeBreaks = "1".equals(a.get("remove_line_breaks_in_values"));
    boolean labels = "label".equalsIgnoreCase(p.get("rawOrLabel"));
    boolean labelHeaders = "label".equalsIgnoreCase(p.get("rawOrLabelHeaders"));
    RowRenderer renderer =
        new RowRenderer(
            def,
            plan.columns,
            labels,
            labels && p.bool("exportCheckboxLabel", false),
            false,
            RecordExport.decimalCharacter(p));
    Format format = call.format() == Format.ODM ? Format.XML : call.format();
    try (Connection c = call.database().connection()) {
      List<RecordHeader> headers = new ArrayList<>();
      for (RecordHeader h : rows.select(RecordStore.listRecords(c, def.id()))) {
        if (groups.isEmpty() || groups.contains(h.groupId())) {
          headers.add(h);
        }
      }
      OutputStream out = call.stream(format.contentType());
      boolean[] quoted = new boolean[plan.columns.size()];
      for (int i = 0; i < quoted.length; i++) {
        quoted[i] = labels && plan.columns.get(i).kind == ExportColumn.Kind.EVENT;
      }
      TableWriter writer =
          TableWriter.create(
              format,
              out,
              plan.names(),
              labelHeaders ? plan.labelHeaders() : null,
              quoted,
              call.csvDelimiter());
      for (int start = 0; start < headers.size(); start += 200) {
        Map<String, RecordData> data =
            RecordStore.load(
                c, def.id(), headers.subList(start, Math.min(headers.size(), start + 200)));
        Map<Integer, String> docNames =
            RecordStore.docNames(c, RecordExport.docIds(def, data.values()));
        for (RecordData record : data.values()) {
          for (List<RecordRows.Row> group : rows.groups(record)) {
            for (RecordRows.Row row : group) {
              Object[] cells = renderer.render(record, row, docNames);
              if (!plan.recordIdIncluded && renderer.leftOut(cells, record, row, docNames)) {
                continue;
              }
              if (removeBreaks) {
                for (int i = 0; i < cells.length; i++) {
                  if (cells[i] instanceof String s) {
                    // Each CR and LF becomes a space: a CRLF line break gives two (observed).
                    cells[i] = s.replace('\r', ' ').replace('\n', ' ');
                  }
                }
              }
              writer.row(cells);
            }
          }
        }
      }
      writer.finish();
    }
  }

  private static double key(
      ExportColumn c, Map<String, Integer> position, Map<String, Double> formFirst) {
    switch (c.kind) {
      case RECORD_ID:
        return -2;
      case EVENT:
      case REPEAT_INSTRUMENT:
      case REPEAT_INSTANCE:
      case DAG:
      case SURVEY_ID:
        return -1;
      case TIMESTAMP:
        return formFirst.getOrDefault(c.form.name(), 1e9);
      case COMPLETE:
        return position.getOrDefault(c.name, Integer.MAX_VALUE);
      default:
        return position.getOrDefault(c.field.name(), Integer.MAX_VALUE);
    }
  }
}
