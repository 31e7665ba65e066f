package org.redcapjdbc.emulator.api.record;

import java.io.OutputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UserRights;
import org.redcapjdbc.emulator.odm.OdmWriter;
import org.redcapjdbc.emulator.store.ApiUser;
import org.redcapjdbc.emulator.store.DataValue;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=record} export, flat or EAV, in JSON, CSV, XML or ODM (docs/redcap-api.md §2.1).
 *
 * <p>Streamed: records are read from H2 a chunk at a time in export order and each row is written
 * as soon as its record is complete, so a large export is never held in memory.
 */
public final class RecordExport extends ExportMethod {
  private static final int CHUNK = 200;

  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Params p = call.params();
    String type = p.get("type", "flat");
    if (!type.equalsIgnoreCase("flat") && !type.equalsIgnoreCase("eav")) {
      throw ApiException.badRequest(
          "The value of the parameter \"type\" is not valid. It must be 'flat' or 'eav'.");
    }
    boolean eav = type.equalsIgnoreCase("eav");
    boolean labels = "label".equalsIgnoreCase(p.get("rawOrLabel"));
    boolean labelHeaders = "label".equalsIgnoreCase(p.get("rawOrLabelHeaders"));
    boolean dagColumn = p.bool("exportDataAccessGroups", false) && !call.user().inDag();
    boolean surveyFields = p.bool("exportSurveyFields", false);
    Character decimal = decimalCharacter(p);
    checkExportRights(def, call.user());
    ColumnPlan plan =
        ColumnPlan.build(
            def, p.list("fields"), p.list("forms"), dagColumn, surveyFields, call.user());
    RecordFilter filter = RecordFilter.parse(def, p, call.user());
    char delimiter = call.csvDelimiter();

    if (call.format() == Format.ODM) {
      OdmWriter.Options options =
          new OdmWriter.Options(false, plan.selectedNames, filter::groups, dagColumn, surveyFields);
      try (Connection c = call.database().connection()) {
        List<RecordHeader> headers = filter.select(c, def.id());
        OdmWriter.write(def, c, headers, options, call.stream(Format.ODM.contentType()));
      }
      return;
    }

    RowRenderer renderer =
        new RowRenderer(
            def,
            plan.columns,
            labels,
            labels && p.bool("exportCheckboxLabel", false),
            p.bool("exportBlankForGrayFormStatus", false),
            decimal);
    try (Connection c = call.database().connection()) {
      List<RecordHeader> headers = filter.select(c, def.id());
      OutputStream out = call.stream(call.format().contentType());
      TableWriter writer;
      if (eav) {
        writer = TableWriter.create(call.format(), out, eavColumns(def), null, null, delimiter);
      } else {
        boolean[] quoted = new boolean[plan.columns.size()];
        for (int i = 0; i < quoted.length; i++) {
          // Event labels are always quoted in CSV ("Event 1", "Enrollment").
          quoted[i] = labels && plan.columns.get(i).kind == ExportColumn.Kind.EVENT;
        }
        List<String> csvHeader = labelHeaders ? plan.labelHeaders() : null;
        writer = TableWriter.create(call.format(), out, plan.names(), csvHeader, quoted, delimiter);
      }
      int size = headers.size();
      for (int start = 0; start < size; start += CHUNK) {
        List<RecordHeader> chunk = headers.subList(start, Math.min(size, start + CHUNK));
        Map<String, RecordData> data = RecordStore.load(c, def.id(), chunk);
        Map<Integer, String> docNames = RecordStore.docNames(c, docIds(def, data.values()));
        for (RecordData record : data.values()) {
          if (call.faults().dropRecord(size)) {
            continue;
          }
          List<List<RecordRows.Row>> groups = filter.groups(record);
          if (eav) {
            writeEav(def, record, groups, plan, renderer, labels, writer);
          } else {
            for (List<RecordRows.Row> group : groups) {
              for (RecordRows.Row row : group) {
                Object[] cells = renderer.render(record, row, docNames);
                if (!plan.recordIdIncluded && renderer.leftOut(cells, record, row, docNames)) {
                  continue;
                }
                writer.row(cells);
              }
            }
          }
        }
      }
      writer.finish();
    }
  }

  /** REDCap refuses data exports to users with no export rights on any form. */
  static void checkExportRights(ProjectDefinition def, ApiUser user) throws ApiException {
    for (Form f : def.forms()) {
      if (user.exportRight(f.name()) != UserRights.EXPORT_NONE) {
        return;
      }
    }
    throw ApiException.forbidden(NO_EXPORT_RIGHTS);
  }

  /** This emulator's text for a user with "No Access" export rights on every form (REDCap's is not known). */
  static final String NO_EXPORT_RIGHTS =
      "You do not have Data Export privileges: your export rights are 'No Access'"
          + " for every instrument of this project.";

  static Character decimalCharacter(Params p) throws ApiException {
    String d = p.get("decimalCharacter");
    if (d == null) {
      return null;
    }
    switch (d) {
      case ",":
      case "comma":
        return ',';
      case ".":
      case "dot":
        return '.';
      default:
        throw ApiException.badRequest(
            "The value of the parameter \"decimalCharacter\" is not valid. It must be"
                + " ',' or '.'");
    }
  }

  static Set<Integer> docIds(ProjectDefinition def, Iterable<RecordData> records) {
    Set<Integer> ids = new HashSet<>();
    if (def.fields().stream().noneMatch(f -> f.type() == FieldType.FILE)) {
      return ids;
    }
    for (RecordData r : records) {
      for (DataValue v : r.values()) {
        Field f = def.field(v.field());
        if (f != null && f.type() == FieldType.FILE) {
          try {
            ids.add(Integer.parseInt(v.value()));
          } catch (NumberFormatException e) {
            // A file name kept verbatim; exported as is.
          }
        }
      }
    }
    return ids;
  }

  // ---------------------------------------------------------------- EAV

  static List<String> eavColumns(ProjectDefinition def) {
    List<String> cols = new ArrayList<>();
    cols.add("record");
    if (def.isLongitudinal()) {
      cols.add("redcap_event_name");
    }
    if (def.hasRepeating()) {
      cols.add("redcap_repeat_instrument");
      cols.add("redcap_repeat_instance");
    }
    cols.add("field_name");
    cols.add("value");
    return cols;
  }

  /**
   * EAV rows: only non-blank stored values, in storage order; a checkbox gives one row per checked
   * code under its bare name; a file field gives its doc id.
   */
  private static void writeEav(
      ProjectDefinition def,
      RecordData record,
      List<List<RecordRows.Row>> groups,
      ColumnPlan plan,
      RowRenderer renderer,
      boolean labels,
      TableWriter writer)
      throws java.io.IOException {
    Set<Integer> events = new HashSet<>();
    for (List<RecordRows.Row> g : groups) {
      events.add(g.get(0).event().id());
    }
    int width = eavColumns(def).size();
    for (DataValue v : record.values()) {
      if (!events.contains(v.eventId()) || !plan.selectedNames.contains(v.field())) {
        continue;
      }
      org.redcapjdbc.emulator.model.Event event = def.event(v.eventId());
      Field f = def.field(v.field());
      Form status = def.formOfCompleteField(v.field());
      String formName = f != null ? f.formName() : status.name();
      String value;
      if (status != null) {
        value = labels ? RowRenderer.statusLabel(v.value()) : v.value();
      } else if (f.isCheckbox()) {
        Choice c = f.choice(v.value());
        value = labels && c != null ? c.label() : v.value();
      } else if (f.type() == FieldType.FILE) {
        value = v.value();
      } else {
        value = renderer.fieldValue(f, v.value(), Map.of());
      }
      Object[] cells = new Object[width];
      int i = 0;
      cells[i++] = record.record();
      if (def.isLongitudinal()) {
        cells[i++] = labels ? def.eventLabel(event) : event.uniqueName();
      }
      if (def.hasRepeating()) {
        boolean repeatingForm = def.isRepeatingForm(event, formName);
        boolean repeatingEvent = def.isRepeatingEvent(event);
        cells[i++] = repeatingForm ? (labels ? def.form(formName).label() : formName) : "";
        cells[i++] = repeatingForm || repeatingEvent ? (Object) v.instance() : "";
      }
      cells[i++] = v.field();
      cells[i] = value;
      writer.row(cells);
    }
  }
}
