package org.redcapjdbc.emulator.odm;

import static org.redcapjdbc.emulator.odm.OdmParsing.attributes;
import static org.redcapjdbc.emulator.odm.OdmParsing.parseInt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.redcapjdbc.emulator.load.LoadedProject;
import org.redcapjdbc.emulator.load.ProjectLoadException;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;
import org.redcapjdbc.emulator.model.RepeatingEntry;
import org.redcapjdbc.emulator.model.Report;
import org.redcapjdbc.emulator.model.Survey;
import org.redcapjdbc.emulator.model.UniqueNames;
import org.redcapjdbc.emulator.model.UserRole;

/**
 * Reads a REDCap project XML file (CDISC ODM 1.3.1 with {@code redcap:} extensions): settings,
 * instruments and dictionary, arms and events, mappings, repeating set-up, DAGs, surveys,
 * reports, user roles, and the records of its ClinicalData section.
 *
 * <p>A leading UTF-8 byte-order mark is ignored, and line breaks inside attribute values are kept
 * (see {@link AttributeLineBreakReader}).
 *
 * <p>This class walks the document once with StAX and reads the study settings and the lists of
 * GlobalVariables itself; it hands the MetaDataVersion to {@link MetaDataReader} and the
 * ClinicalData to {@link ClinicalDataReader}, then assembles and checks the definition.
 */
public final class OdmReader {
  private final String source;
  private final ProjectInfo.Builder info = ProjectInfo.builder("");
  private final List<RepeatingEntry> repeating = new ArrayList<>();
  private final List<String> dagNames = new ArrayList<>();
  private final List<Survey> surveys = new ArrayList<>();
  private final List<Report> reports = new ArrayList<>();
  private final List<UserRole> roles = new ArrayList<>();
  private boolean surveysEnabledSeen;
  private boolean autoNumbering;
  private final MetaDataReader metaData;
  private final ClinicalDataReader data = new ClinicalDataReader();

  private OdmReader(String source) {
    this.source = source;
    this.metaData = new MetaDataReader(source);
  }

  /**
   * Reads a project XML document.
   *
   * @param sourceName names the file in error messages
   * @throws ProjectLoadException when the document is not a REDCap project file
   */
  public static LoadedProject read(InputStream in, String sourceName) {
    OdmReader reader = new OdmReader(sourceName);
    try (Reader r = new AttributeLineBreakReader(utf8WithoutBom(in))) {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLInputFactory.IS_COALESCING, true);
      XMLStreamReader x = factory.createXMLStreamReader(r);
      try {
        reader.parse(x);
      } finally {
        x.close();
      }
    } catch (XMLStreamException e) {
      throw new ProjectLoadException(sourceName + " is not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ProjectLoadException("Could not read " + sourceName + ": " + e.getMessage(), e);
    }
    return reader.build();
  }

  static Reader utf8WithoutBom(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in);
    b.mark(3);
    byte[] head = b.readNBytes(3);
    if (!(head.length == 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF)) {
      b.reset();
    }
    return new InputStreamReader(b, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- parsing

  private void parse(XMLStreamReader x) throws XMLStreamException {
    boolean sawOdm = false;
    while (x.hasNext()) {
      if (x.next() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = x.getLocalName();
      Map<String, String> a = attributes(x);
      switch (name) {
        case "ODM":
          sawOdm = true;
          break;
        case "StudyName":
          info.title(x.getElementText().strip());
          break;
        case "RecordAutonumberingEnabled":
          autoNumbering = "1".equals(x.getElementText().strip());
          break;
        case "CustomRecordLabel":
          info.customRecordLabel(x.getElementText());
          break;
        case "SecondaryUniqueField":
          info.secondaryUniqueField(x.getElementText());
          break;
        case "SchedulingEnabled":
          info.schedulingEnabled("1".equals(x.getElementText().strip()));
          break;
        case "SurveysEnabled":
          surveysEnabledSeen = true;
          info.surveysEnabled("1".equals(x.getElementText().strip()));
          break;
        case "RandomizationEnabled":
          info.randomizationEnabled("1".equals(x.getElementText().strip()));
          break;
        case "DisplayTodayNowButton":
          info.displayTodayNowButton("1".equals(x.getElementText().strip()));
          break;
        case "Purpose":
          info.purpose(parseInt(x.getElementText(), 0));
          break;
        case "PurposeOther":
          info.purposeOther(x.getElementText());
          break;
        case "ProjectNotes":
          info.notes(x.getElementText());
          break;
        case "MissingDataCodes":
          info.missingDataCodes(x.getElementText());
          break;
        case "RepeatingInstrument":
          repeating.add(
              new RepeatingEntry(
                  a.get("redcap:UniqueEventName"),
                  a.get("redcap:RepeatInstrument"),
                  a.getOrDefault("redcap:CustomLabel", "")));
          break;
        case "RepeatingEvent":
          repeating.add(new RepeatingEntry(a.get("redcap:UniqueEventName"), null, ""));
          break;
        case "DataAccessGroups":
          if (a.containsKey("group_name")) {
            dagNames.add(a.get("group_name"));
          }
          break;
        case "Surveys":
          if (a.containsKey("form_name")) {
            surveys.add(new Survey(a.get("form_name"), a.getOrDefault("title", ""), a));
          }
          break;
        case "Reports":
          if (a.containsKey("title")) {
            String fields = a.getOrDefault("redcap_reports_fields", "");
            reports.add(
                new Report(
                    a.getOrDefault("unique_report_name", ""),
                    a.get("title"),
                    fields.isEmpty() ? List.of() : List.of(fields.split(",")),
                    a));
          }
          break;
        case "UserRoles":
          if (a.containsKey("role_name")) {
            roles.add(new UserRole(a.getOrDefault("unique_role_name", ""), a.get("role_name"), a));
          }
          break;
        default:
          if (!metaData.read(name, a, x)) {
            data.read(name, a, x);
          }
          break;
      }
    }
    if (!sawOdm) {
      throw new ProjectLoadException(
          source + " is not a REDCap project file: it has no <ODM> root element");
    }
  }

  // ---------------------------------------------------------------- building

  private LoadedProject build() {
    ProjectInfo.Builder ib = info;
    if (ib.build().title().isEmpty()) {
      throw new ProjectLoadException(
          source + " has no <StudyName>: it does not look like a REDCap project file");
    }
    List<Form> forms = metaData.forms();
    List<Field> fields = metaData.fields(forms);

    boolean longitudinal = metaData.longitudinal();
    List<Arm> arms = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    Map<String, List<String>> eventForms = new LinkedHashMap<>();
    if (longitudinal) {
      metaData.addEvents(arms, events, eventForms, repeating);
    }
    List<Dag> dags = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (String name : dagNames) {
      String unique = UniqueNames.dag(name, taken);
      taken.add(unique);
      dags.add(new Dag(0, unique, name));
    }
    ib.longitudinal(longitudinal).autoNumbering(autoNumbering);
    if (!surveysEnabledSeen) {
      ib.surveysEnabled(!surveys.isEmpty());
    }
    ProjectDefinition def =
        ProjectDefinition.builder(ib.build())
            .forms(forms)
            .fields(fields)
            .arms(arms)
            .events(events)
            .eventForms(eventForms)
            .repeating(repeating)
            .dags(dags)
            .surveys(surveys)
            .reports(reports)
            .roles(roles)
            .ensureClassicEvent()
            .build();
    validateReferences(def);
    return new LoadedProject(def, data.bind(def));
  }

  private void validateReferences(ProjectDefinition def) {
    for (RepeatingEntry r : def.repeating()) {
      if (def.event(r.eventUniqueName()) == null) {
        throw new ProjectLoadException(
            source
                + ": the repeating set-up names event '"
                + r.eventUniqueName()
                + "', which the project does not define");
      }
      if (!r.isRepeatingEvent() && def.form(r.formName()) == null) {
        throw new ProjectLoadException(
            source
                + ": the repeating set-up names instrument '"
                + r.formName()
                + "', which the project does not define");
      }
    }
    for (Map.Entry<String, List<String>> e : def.eventForms().entrySet()) {
      for (String form : e.getValue()) {
        if (def.form(form) == null) {
          throw new ProjectLoadException(
              source
                  + ": event '"
                  + e.getKey()
                  + "' refers to instrument '"
                  + form
                  + "', which the project does not define");
        }
      }
    }
  }
}
