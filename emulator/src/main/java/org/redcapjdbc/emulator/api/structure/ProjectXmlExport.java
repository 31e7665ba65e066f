package org.redcapjdbc.emulator.api.structure;

import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.api.record.RecordFilter;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UserRights;
import org.redcapjdbc.emulator.odm.OdmWriter;
import org.redcapjdbc.emulator.store.RecordHeader;

/**
 * {@code content=project_xml}: the project as REDCap project XML, with its records unless
 * {@code returnMetadataOnly}; {@code records}, {@code fields}, {@code events} and
 * {@code filterLogic} select data as in record exports; {@code exportSurveyFields},
 * {@code exportDataAccessGroups} and {@code exportFiles} (base64 file contents) add items.
 */
public final class ProjectXmlExport extends ExportMethod {
  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Params p = call.params();
    boolean metadataOnly = p.bool("returnMetadataOnly", false);
    List<String> fields = p.list("fields");
    Set<String> selected = null;
    if (!fields.isEmpty()) {
      selected = new LinkedHashSet<>();
      Set<String> invalid = new LinkedHashSet<>();
      for (String f : fields) {
        if (def.field(f) != null || def.formOfCompleteField(f) != null) {
          selected.add(f);
        } else {
          invalid.add(f);
        }
      }
      if (!invalid.isEmpty()) {
        throw Structure.invalid("fields", invalid);
      }
    }
    if (!call.user().fullExport()) {
      // Export rights: forms without them, and identifiers of de-identified forms, are left out.
      Set<String> allowed = new LinkedHashSet<>();
      for (org.redcapjdbc.emulator.model.Field f : def.fields()) {
        int right = call.user().exportRight(f.formName());
        boolean ok =
            f == def.recordIdField()
                || (right != UserRights.EXPORT_NONE
                    && !(f.identifier() && right != UserRights.EXPORT_FULL));
        if (ok && (selected == null || selected.contains(f.name()))) {
          allowed.add(f.name());
        }
      }
      for (org.redcapjdbc.emulator.model.Form form : def.forms()) {
        if (call.user().exportRight(form.name()) != UserRights.EXPORT_NONE
            && (selected == null || selected.contains(form.completeField()))) {
          allowed.add(form.completeField());
        }
      }
      selected = allowed;
    }
    RecordFilter selection = RecordFilter.parse(def, p, call.user());
    boolean dags = p.bool("exportDataAccessGroups", false) && !call.user().inDag();
    OdmWriter.Options options =
        new OdmWriter.Options(
            metadataOnly, selected, selection::groups, dags, p.bool("exportSurveyFields", false));
    try (Connection c = call.database().connection()) {
      List<RecordHeader> headers = metadataOnly ? List.of() : selection.select(c, def.id());
      OdmWriter.write(
          def,
          c,
          headers,
          options,
          call.stream(Format.XML.contentType()),
          p.bool("exportFiles", false));
    }
  }
}
