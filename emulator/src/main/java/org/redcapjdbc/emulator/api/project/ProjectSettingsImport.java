package org.redcapjdbc.emulator.api.project;

import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;
import org.redcapjdbc.emulator.store.ProjectStore;

/**
 * {@code content=project_settings} (docs/redcap-api.md §2.8): changes the project attributes REDCap
 * lets the API change, given as one row in the shape of the project-info export; answers the
 * number of values accepted (unchanged ones included). Other attributes are ignored. A project
 * with more than one event cannot be made classic.
 */
public final class ProjectSettingsImport extends ImportMethod {
  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Map<String, String> row =
        SingleRow.parse(
            call.params().raw().getOrDefault("data", List.of("")).get(0),
            call.format(),
            call.csvDelimiter());
    ProjectInfo.Builder b = def.info().toBuilder();
    int accepted = 0;
    for (Map.Entry<String, String> e : row.entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue().strip();
      boolean on = v.equals("1") || v.equalsIgnoreCase("true");
      switch (e.getKey()) {
        case "project_title" -> {
          if (v.isEmpty()) {
            throw ApiException.badRequest("The attribute \"project_title\" cannot be blank.");
          }
          b.title(v);
        }
        case "project_language" -> b.language(v);
        case "purpose" -> b.purpose(ProjectCreation.purpose(v));
        case "purpose_other" -> b.purposeOther(v);
        case "project_notes" -> b.notes(e.getValue());
        case "custom_record_label" -> b.customRecordLabel(v);
        case "secondary_unique_field" -> {
          if (!v.isEmpty() && def.field(v) == null) {
            throw ApiException.badRequest(
                "The attribute \"secondary_unique_field\" is not valid: '"
                    + v
                    + "' is not a field of this project.");
          }
          b.secondaryUniqueField(v);
        }
        case "is_longitudinal" -> {
          if (!on && def.events().size() > 1) {
            throw ApiException.badRequest(
                "The project cannot be made classic (is_longitudinal = 0) while it has more"
                    + " than one event.");
          }
          b.longitudinal(on);
        }
        case "surveys_enabled" -> b.surveysEnabled(on);
        case "scheduling_enabled" -> b.schedulingEnabled(on);
        case "record_autonumbering_enabled" -> b.autoNumbering(on);
        case "randomization_enabled" -> b.randomizationEnabled(on);
        case "project_irb_number" -> b.irbNumber(v);
        case "project_grant_number" -> b.grantNumber(v);
        case "project_pi_firstname" -> b.piFirstName(v);
        case "project_pi_lastname" -> b.piLastName(v);
        case "project_pi_email" -> b.piEmail(v);
        case "display_today_now_button" -> b.displayTodayNowButton(on);
        case "missing_data_codes" -> b.missingDataCodes(e.getValue());
        case "bypass_branching_erase_field_prompt" -> b.bypassBranchingErasePrompt(on);
        default -> {
          continue;
        }
      }
      accepted++;
    }
    ProjectDefinition changed = def.toBuilder().info(b.build()).build();
    call.database()
        .inTransaction(
            c -> {
              ProjectStore.updateInfo(c, changed);
              return null;
            });
    call.project().update(changed);
    call.sendPlain(String.valueOf(accepted));
  }
}
