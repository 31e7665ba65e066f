package org.redcapjdbc.emulator.api.structure;

import java.util.List;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/**
 * {@code content=exportFieldNames}: {@code original_field_name, choice_value, export_field_name}
 * per export column; checkboxes give one row per option; calc fields and {@code <form>_complete}
 * are listed, file and descriptive fields are not (docs/redcap-api.md §2.5). Optional
 * {@code field}.
 */
public final class FieldNamesExport extends ExportMethod {
  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    String only = call.params().get("field");
    if (only != null && def.field(only) == null && def.formOfCompleteField(only) == null) {
      throw Structure.invalid("field", List.of(only));
    }
    TableWriter w = call.table(List.of("original_field_name", "choice_value", "export_field_name"));
    for (Form form : def.forms()) {
      for (Field f : def.fieldsOf(form.name())) {
        if (f.type() == FieldType.FILE || f.type() == FieldType.DESCRIPTIVE) {
          continue;
        }
        if (only != null && !only.equals(f.name())) {
          continue;
        }
        if (f.isCheckbox()) {
          for (Choice c : f.choices()) {
            w.row(new Object[] {f.name(), c.code(), f.checkboxColumn(c)});
          }
        } else {
          w.row(new Object[] {f.name(), "", f.name()});
        }
      }
      if (only == null || only.equals(form.completeField())) {
        w.row(new Object[] {form.completeField(), "", form.completeField()});
      }
    }
    w.finish();
  }
}
