package org.redcapjdbc.emulator.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.redcapjdbc.emulator.model.ProjectInfo;

/** Converts project settings to and from the JSON kept in {@code redcap_projects.settings_json}. */
final class ProjectInfoCodec {
  private ProjectInfoCodec() {}

  static Map<String, Object> toMap(ProjectInfo i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("project_title", i.title());
    m.put("creation_time", i.creationTime());
    m.put("production_time", i.productionTime());
    m.put("in_production", i.inProduction());
    m.put("project_language", i.language());
    m.put("purpose", i.purpose());
    m.put("purpose_other", i.purposeOther());
    m.put("project_notes", i.notes());
    m.put("custom_record_label", i.customRecordLabel());
    m.put("secondary_unique_field", i.secondaryUniqueField());
    m.put("is_longitudinal", i.longitudinal());
    m.put("surveys_enabled", i.surveysEnabled());
    m.put("scheduling_enabled", i.schedulingEnabled());
    m.put("record_autonumbering_enabled", i.autoNumbering());
    m.put("randomization_enabled", i.randomizationEnabled());
    m.put("project_irb_number", i.irbNumber());
    m.put("project_grant_number", i.grantNumber());
    m.put("project_pi_firstname", i.piFirstName());
    m.put("project_pi_lastname", i.piLastName());
    m.put("project_pi_email", i.piEmail());
    m.put("display_today_now_button", i.displayTodayNowButton());
    m.put("missing_data_codes", i.missingDataCodes());
    m.put("bypass_branching_erase_field_prompt", i.bypassBranchingErasePrompt());
    return m;
  }

  static ProjectInfo fromMap(Map<String, Object> m) {
    return ProjectInfo.builder(str(m, "project_title"))
        .creationTime(str(m, "creation_time"))
        .productionTime(str(m, "production_time"))
        .inProduction(bool(m, "in_production"))
        .language(str(m, "project_language"))
        .purpose(m.get("purpose") instanceof Number n ? n.intValue() : 0)
        .purposeOther(str(m, "purpose_other"))
        .notes(str(m, "project_notes"))
        .customRecordLabel(str(m, "custom_record_label"))
        .secondaryUniqueField(str(m, "secondary_unique_field"))
        .longitudinal(bool(m, "is_longitudinal"))
        .surveysEnabled(bool(m, "surveys_enabled"))
        .schedulingEnabled(bool(m, "scheduling_enabled"))
        .autoNumbering(bool(m, "record_autonumbering_enabled"))
        .randomizationEnabled(bool(m, "randomization_enabled"))
        .irbNumber(str(m, "project_irb_number"))
        .grantNumber(str(m, "project_grant_number"))
        .piFirstName(str(m, "project_pi_firstname"))
        .piLastName(str(m, "project_pi_lastname"))
        .piEmail(str(m, "project_pi_email"))
        .displayTodayNowButton(bool(m, "display_today_now_button"))
        .missingDataCodes(str(m, "missing_data_codes"))
        .bypassBranchingErasePrompt(bool(m, "bypass_branching_erase_field_prompt"))
        .build();
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : String.valueOf(v);
  }

  private static boolean bool(Map<String, Object> m, String key) {
    return Boolean.TRUE.equals(m.get(key));
  }
}
