package org.redcapjdbc.emulator.api.structure;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.format.XmlText;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;

/**
 * {@code content=project} export: one object (JSON), one row (CSV) or one {@code <item>} (XML),
 * keys in the order current servers use; flags and ids are JSON numbers.
 */
public final class ProjectInfoExport extends ExportMethod {
  static Map<String, Object> attributes(ProjectDefinition def) {
    ProjectInfo i = def.info();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("project_id", def.id());
    m.put("project_title", i.title());
    m.put("creation_time", i.creationTime());
    m.put("production_time", i.productionTime());
    m.put("in_production", flag(i.inProduction()));
    m.put("project_language", i.language());
    m.put("purpose", i.purpose());
    m.put("purpose_other", i.purposeOther());
    m.put("project_notes", i.notes());
    m.put("custom_record_label", i.customRecordLabel());
    m.put("secondary_unique_field", i.secondaryUniqueField());
    m.put("is_longitudinal", flag(i.longitudinal()));
    m.put("has_repeating_instruments_or_events", flag(def.hasRepeating()));
    m.put("surveys_enabled", flag(i.surveysEnabled()));
    m.put("scheduling_enabled", flag(i.schedulingEnabled()));
    m.put("record_autonumbering_enabled", flag(i.autoNumbering()));
    m.put("randomization_enabled", flag(i.randomizationEnabled()));
    m.put("ddp_enabled", 0);
    m.put("project_irb_number", i.irbNumber());
    m.put("project_grant_number", i.grantNumber());
    m.put("project_pi_firstname", i.piFirstName());
    m.put("project_pi_lastname", i.piLastName());
    m.put("project_pi_email", i.piEmail());
    m.put("display_today_now_button", flag(i.displayTodayNowButton()));
    m.put("missing_data_codes", i.missingDataCodes());
    m.put("external_modules", "");
    m.put("bypass_branching_erase_field_prompt", flag(i.bypassBranchingErasePrompt()));
    return m;
  }

  private static int flag(boolean b) {
    return b ? 1 : 0;
  }

  @Override
  public void handle(ApiCall call) throws Exception {
    Map<String, Object> attrs = attributes(call.definition());
    Format f = call.format() == Format.ODM ? Format.XML : call.format();
    if (f == Format.JSON) {
      String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(attrs);
      call.send(f.contentType(), json);
    } else if (f == Format.CSV) {
      TableWriter w =
          TableWriter.create(
              Format.CSV,
              call.stream(f.contentType()),
              new ArrayList<>(attrs.keySet()),
              null,
              null,
              call.csvDelimiter());
      w.row(attrs.values().toArray());
      w.finish();
    } else {
      StringBuilder sb = new StringBuilder(XmlText.DECLARATION).append("\n<item>");
      attrs.forEach(
          (k, v) -> {
            String text = String.valueOf(v);
            sb.append('<')
                .append(k)
                .append('>')
                .append(text.isEmpty() ? "" : XmlText.cdata(text))
                .append("</")
                .append(k)
                .append('>');
          });
      sb.append("</item>\n");
      try (OutputStream out = call.stream(f.contentType())) {
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
