package org.redcapjdbc.emulator.odm;

import static org.redcapjdbc.emulator.odm.OdmMarkup.a;
import static org.redcapjdbc.emulator.odm.OdmMarkup.attributes;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redcapjdbc.emulator.format.XmlText;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;
import org.redcapjdbc.emulator.model.RepeatingEntry;
import org.redcapjdbc.emulator.model.Report;
import org.redcapjdbc.emulator.model.Survey;
import org.redcapjdbc.emulator.model.UserRole;

/**
 * Writes the {@code <GlobalVariables>} of a project XML document: the project settings and
 * REDCap's lists kept there (repeating set-up, DAGs, surveys, user roles, reports).
 *
 * <p>Separate from {@link MetaDataWriter} because these are flat project-level settings and
 * lists, while the MetaDataVersion is the cross-referenced dictionary.
 */
final class GlobalVariablesWriter {
  private final ProjectDefinition def;
  private final Writer out;

  GlobalVariablesWriter(ProjectDefinition def, Writer out) {
    this.def = def;
    this.out = out;
  }

  /**
   * Writes {@code <GlobalVariables>}.
   *
   * @param metadataOnly whether the document leaves out ClinicalData (its description says so)
   */
  void write(boolean metadataOnly) throws IOException {
    ProjectInfo i = def.info();
    out.write("<GlobalVariables>\n");
    element("StudyName", i.title());
    element(
        "StudyDescription",
        "This file contains the "
            + (metadataOnly ? "metadata" : "metadata, events, and data")
            + " for REDCap project \""
            + i.title()
            + "\".");
    element("ProtocolName", i.title());
    element("redcap:RecordAutonumberingEnabled", flag(i.autoNumbering()));
    element("redcap:CustomRecordLabel", i.customRecordLabel());
    element("redcap:SecondaryUniqueField", i.secondaryUniqueField());
    element("redcap:SchedulingEnabled", flag(i.schedulingEnabled()));
    element("redcap:SurveysEnabled", flag(i.surveysEnabled()));
    element("redcap:RandomizationEnabled", flag(i.randomizationEnabled()));
    element("redcap:DisplayTodayNowButton", flag(i.displayTodayNowButton()));
    element("redcap:Purpose", String.valueOf(i.purpose()));
    element("redcap:PurposeOther", i.purposeOther());
    element("redcap:ProjectNotes", i.notes());
    element("redcap:MissingDataCodes", i.missingDataCodes());
    if (def.hasRepeating()) {
      out.write("\t<redcap:RepeatingInstrumentsAndEvents>\n");
      boolean anyInstrument = def.repeating().stream().anyMatch(r -> !r.isRepeatingEvent());
      if (anyInstrument) {
        out.write("\t\t<redcap:RepeatingInstruments>\n");
        for (RepeatingEntry r : def.repeating()) {
          if (!r.isRepeatingEvent()) {
            out.write(
                "\t\t\t<redcap:RepeatingInstrument redcap:UniqueEventName=\""
                    + a(r.eventUniqueName())
                    + "\" redcap:RepeatInstrument=\""
                    + a(r.formName())
                    + "\" redcap:CustomLabel=\""
                    + a(r.customLabel())
                    + "\"/>\n");
          }
        }
        out.write("\t\t</redcap:RepeatingInstruments>\n");
      }
      for (RepeatingEntry r : def.repeating()) {
        if (r.isRepeatingEvent()) {
          out.write(
              "\t\t<redcap:RepeatingEvent redcap:UniqueEventName=\""
                  + a(r.eventUniqueName())
                  + "\"/>\n");
        }
      }
      out.write("\t</redcap:RepeatingInstrumentsAndEvents>\n");
    }
    if (!def.dags().isEmpty()) {
      out.write("\t<redcap:DataAccessGroupsGroup>\n");
      for (Dag d : def.dags()) {
        out.write("\t\t<redcap:DataAccessGroups group_name=\"" + a(d.name()) + "\"/>\n");
      }
      out.write("\t</redcap:DataAccessGroupsGroup>\n");
    }
    if (!def.surveys().isEmpty()) {
      out.write("\t<redcap:SurveysGroup>\n");
      for (Survey s : def.surveys()) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("form_name", s.formName());
        attrs.put("title", s.title());
        s.attributes().forEach(attrs::putIfAbsent);
        out.write("\t\t<redcap:Surveys" + attributes(attrs) + "/>\n");
      }
      out.write("\t</redcap:SurveysGroup>\n");
    }
    if (!def.roles().isEmpty()) {
      out.write("\t<redcap:UserRolesGroup>\n");
      for (UserRole r : def.roles()) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("role_name", r.label());
        attrs.put("unique_role_name", r.uniqueRoleName());
        r.attributes().forEach(attrs::putIfAbsent);
        out.write("\t\t<redcap:UserRoles" + attributes(attrs) + "/>\n");
      }
      out.write("\t</redcap:UserRolesGroup>\n");
    }
    if (!def.reports().isEmpty()) {
      out.write("\t<redcap:ReportsGroup>\n");
      for (Report r : def.reports()) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("title", r.title());
        attrs.put("unique_report_name", r.uniqueName());
        r.attributes().forEach(attrs::putIfAbsent);
        attrs.put("redcap_reports_fields", String.join(",", r.fields()));
        out.write("\t\t<redcap:Reports" + attributes(attrs) + "/>\n");
      }
      out.write("\t</redcap:ReportsGroup>\n");
    }
    out.write("</GlobalVariables>\n");
  }

  private void element(String name, String text) throws IOException {
    out.write("\t<" + name + ">" + XmlText.escape(text) + "</" + name + ">\n");
  }

  private static String flag(boolean b) {
    return b ? "1" : "0";
  }
}
