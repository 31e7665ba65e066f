package org.redcapjdbc.emulator.odm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.redcapjdbc.emulator.load.LoadedProject;
import org.redcapjdbc.emulator.load.ProjectData;
import org.redcapjdbc.emulator.load.ProjectLoadException;
import org.redcapjdbc.emulator.load.RecordSink;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
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
 */
public final class OdmReader {
  private static final String DAG_ITEM = "redcap_data_access_group";
  private static final String SURVEY_ID_ITEM = "redcap_survey_identifier";

  private final String source;
  private final ProjectInfo.Builder info = ProjectInfo.builder("");
  private final List<RepeatingEntry> repeating = new ArrayList<>();
  private final List<String> dagNames = new ArrayList<>();
  private final List<Survey> surveys = new ArrayList<>();
  private final List<Report> reports = new ArrayList<>();
  private final List<UserRole> roles = new ArrayList<>();
  private final Map<String, Integer> eventOrder = new HashMap<>();
  private final List<EventDef> eventDefs = new ArrayList<>();
  private final List<FormDef> formDefs = new ArrayList<>();
  private final Map<String, List<String[]>> itemGroups = new HashMap<>();
  private final Map<String, ItemDef> itemDefs = new LinkedHashMap<>();
  private final Map<String, CodeListDef> codeLists = new HashMap<>();
  private boolean surveysEnabledSeen;
  private boolean autoNumbering;
  private String recordIdField;
  private final OdmData data = new OdmData();

  private OdmReader(String source) {
    this.source = source;
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
    if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
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
          repeating.add(new RepeatingEntry(a.get("redcap:UniqueEventName"), a.get("redcap:RepeatInstrument"),
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
            reports.add(new Report(a.getOrDefault("unique_report_name", ""), a.get("title"),
                fields.isEmpty() ? List.of() : List.of(fields.split(",")), a));
          }
          break;
        case "UserRoles":
          if (a.containsKey("role_name")) {
            roles.add(new UserRole(a.getOrDefault("unique_role_name", ""), a.get("role_name"), a));
          }
          break;
        case "MetaDataVersion":
          recordIdField = a.get("redcap:RecordIdField");
          break;
        case "StudyEventRef":
          eventOrder.put(a.get("StudyEventOID"), parseInt(a.get("OrderNumber"), eventOrder.size() + 1));
          break;
        case "StudyEventDef":
          readEventDef(x, a);
          break;
        case "FormDef":
          readFormDef(x, a);
          break;
        case "ItemGroupDef":
          readItemGroupDef(x, a);
          break;
        case "ItemDef":
          readItemDef(x, a);
          break;
        case "CodeList":
          readCodeList(x, a);
          break;
        case "SubjectData":
          data.subject(a.get("SubjectKey"));
          break;
        case "StudyEventData":
          data.event(eventOfStudyEventData(a), parseInt(a.get("StudyEventRepeatKey"), 1));
          break;
        case "FormData":
          data.form(stripPrefix(a.get("FormOID"), "Form."), parseInt(a.get("FormRepeatKey"), 1));
          break;
        case "ItemGroupData":
          data.itemGroup(a.get("redcap:RepeatInstrument"), a.containsKey("redcap:RepeatInstance")
              ? parseInt(a.get("redcap:RepeatInstance"), 1) : null);
          break;
        case "ItemData":
          data.item(a.get("ItemOID"), a.getOrDefault("Value", ""));
          break;
        case "ItemDataBase64Binary":
          String docName = a.getOrDefault("redcap:DocName", "file");
          String mime = a.getOrDefault("redcap:MimeType", "application/octet-stream");
          String base64 = x.getElementText().replaceAll("\\s+", "");
          data.file(a.get("ItemOID"), docName, mime, Base64.getDecoder().decode(base64));
          break;
        default:
          break;
      }
    }
    if (!sawOdm) {
      throw new ProjectLoadException(source + " is not a REDCap project file: it has no <ODM> root element");
    }
  }

  private String eventOfStudyEventData(Map<String, String> a) {
    String unique = a.get("redcap:UniqueEventName");
    return unique != null ? unique : stripPrefix(a.get("StudyEventOID"), "Event.");
  }

  private static String stripPrefix(String s, String prefix) {
    if (s == null) {
      return null;
    }
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  private void readEventDef(XMLStreamReader x, Map<String, String> a) throws XMLStreamException {
    EventDef e = new EventDef();
    e.oid = a.get("OID");
    e.uniqueName = a.getOrDefault("redcap:UniqueEventName", stripPrefix(e.oid, "Event."));
    e.name = a.getOrDefault("redcap:EventName", a.getOrDefault("Name", e.uniqueName));
    e.customLabel = a.getOrDefault("redcap:CustomEventLabel", "");
    e.armNumber = parseInt(a.get("redcap:ArmNum"), 1);
    e.armName = a.getOrDefault("redcap:ArmName", "Arm " + e.armNumber);
    e.dayOffset = parseDouble(a.get("redcap:DayOffset"));
    e.offsetMin = parseDouble(a.get("redcap:OffsetMin"));
    e.offsetMax = parseDouble(a.get("redcap:OffsetMax"));
    e.repeating = "Yes".equalsIgnoreCase(a.get("Repeating"));
    while (x.hasNext()) {
      int t = x.next();
      if (t == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("FormRef")) {
        Map<String, String> f = attributes(x);
        e.forms.add(f.getOrDefault("redcap:FormName", stripPrefix(f.get("FormOID"), "Form.")));
      } else if (t == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("StudyEventDef")) {
        break;
      }
    }
    eventDefs.add(e);
  }

  private void readFormDef(XMLStreamReader x, Map<String, String> a) throws XMLStreamException {
    FormDef f = new FormDef();
    f.name = a.getOrDefault("redcap:FormName", stripPrefix(a.get("OID"), "Form."));
    f.label = a.getOrDefault("Name", f.name);
    while (x.hasNext()) {
      int t = x.next();
      if (t == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("ItemGroupRef")) {
        f.itemGroups.add(attributes(x).get("ItemGroupOID"));
      } else if (t == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("FormDef")) {
        break;
      }
    }
    formDefs.add(f);
  }

  private void readItemGroupDef(XMLStreamReader x, Map<String, String> a) throws XMLStreamException {
    List<String[]> items = new ArrayList<>();
    while (x.hasNext()) {
      int t = x.next();
      if (t == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("ItemRef")) {
        Map<String, String> r = attributes(x);
        items.add(new String[] {r.get("ItemOID"), r.getOrDefault("redcap:Variable", r.get("ItemOID"))});
      } else if (t == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("ItemGroupDef")) {
        break;
      }
    }
    itemGroups.put(a.get("OID"), items);
  }

  private void readItemDef(XMLStreamReader x, Map<String, String> a) throws XMLStreamException {
    ItemDef d = new ItemDef();
    d.oid = a.get("OID");
    d.attributes = a;
    d.variable = a.getOrDefault("redcap:Variable", a.getOrDefault("Name", d.oid));
    while (x.hasNext()) {
      int t = x.next();
      if (t == XMLStreamConstants.START_ELEMENT) {
        switch (x.getLocalName()) {
          case "TranslatedText":
            if (d.label == null) {
              d.label = x.getElementText();
            }
            break;
          case "CodeListRef":
            d.codeList = attributes(x).get("CodeListOID");
            break;
          case "RangeCheck":
            d.pendingComparator = attributes(x).get("Comparator");
            break;
          case "CheckValue":
            String v = x.getElementText();
            if ("GE".equals(d.pendingComparator)) {
              d.min = v;
            } else if ("LE".equals(d.pendingComparator)) {
              d.max = v;
            }
            break;
          default:
            break;
        }
      } else if (t == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("ItemDef")) {
        break;
      }
    }
    // The first definition wins; REDCap repeats some pseudo-items (survey timestamps).
    itemDefs.putIfAbsent(d.oid, d);
  }

  private void readCodeList(XMLStreamReader x, Map<String, String> a) throws XMLStreamException {
    CodeListDef c = new CodeListDef();
    c.checkboxChoices = a.get("redcap:CheckboxChoices");
    String code = null;
    while (x.hasNext()) {
      int t = x.next();
      if (t == XMLStreamConstants.START_ELEMENT) {
        if (x.getLocalName().equals("CodeListItem")) {
          code = attributes(x).get("CodedValue");
        } else if (x.getLocalName().equals("TranslatedText") && code != null) {
          c.items.add(new Choice(code, x.getElementText()));
          code = null;
        }
      } else if (t == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("CodeList")) {
        break;
      }
    }
    codeLists.put(a.get("OID"), c);
  }

  private static Map<String, String> attributes(XMLStreamReader x) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < x.getAttributeCount(); i++) {
      String prefix = x.getAttributePrefix(i);
      String key = prefix == null || prefix.isEmpty() ? x.getAttributeLocalName(i) : prefix + ":" + x.getAttributeLocalName(i);
      m.put(key, x.getAttributeValue(i));
    }
    return m;
  }

  private static int parseInt(String s, int fallback) {
    if (s == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static double parseDouble(String s) {
    if (s == null || s.isBlank()) {
      return 0;
    }
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  // ---------------------------------------------------------------- building

  private LoadedProject build() {
    ProjectInfo.Builder ib = info;
    if (ib.build().title().isEmpty()) {
      throw new ProjectLoadException(source + " has no <StudyName>: it does not look like a REDCap project file");
    }
    List<Form> forms = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    Set<String> formNames = new HashSet<>();
    Set<String> seenVariables = new HashSet<>();
    for (FormDef f : formDefs) {
      forms.add(new Form(f.name, f.label));
      formNames.add(f.name);
    }
    Set<String> pseudo = new HashSet<>();
    for (Form f : forms) {
      pseudo.add(f.completeField());
      pseudo.add(f.timestampField());
    }
    for (FormDef f : formDefs) {
      for (String group : f.itemGroups) {
        for (String[] ref : itemGroups.getOrDefault(group, List.of())) {
          String variable = ref[1];
          if (pseudo.contains(variable) || variable.equals(DAG_ITEM) || variable.equals(SURVEY_ID_ITEM)
              || !seenVariables.add(variable)) {
            continue;
          }
          ItemDef d = itemDefs.get(ref[0]);
          if (d == null) {
            throw new ProjectLoadException(source + ": item '" + ref[0] + "' is referenced but has no <ItemDef>");
          }
          fields.add(toField(d, f.name));
        }
      }
    }
    if (fields.isEmpty()) {
      throw new ProjectLoadException(source + " defines no fields");
    }
    if (recordIdField != null && !fields.get(0).name().equals(recordIdField)) {
      throw new ProjectLoadException(source + ": the record ID field '" + recordIdField
          + "' is not the first field of the first instrument");
    }

    boolean longitudinal = !eventDefs.isEmpty();
    List<Arm> arms = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    Map<String, List<String>> eventForms = new LinkedHashMap<>();
    if (longitudinal) {
      List<EventDef> ordered = new ArrayList<>(eventDefs);
      ordered.sort((p, q) -> Integer.compare(eventOrder.getOrDefault(p.oid, 0), eventOrder.getOrDefault(q.oid, 0)));
      // Arms in number order, events in protocol order within them.
      TreeMap<Integer, String> armNames = new TreeMap<>();
      for (EventDef e : ordered) {
        armNames.putIfAbsent(e.armNumber, e.armName);
      }
      armNames.forEach((n, name) -> arms.add(new Arm(n, name)));
      for (int arm : armNames.keySet()) {
        for (EventDef e : ordered) {
          if (e.armNumber == arm) {
            events.add(new Event(0, arm, e.name, e.uniqueName, e.customLabel, e.dayOffset, e.offsetMin, e.offsetMax));
            eventForms.put(e.uniqueName, e.forms);
            if (e.repeating && repeating.stream().noneMatch(r -> r.isRepeatingEvent() && r.eventUniqueName().equals(e.uniqueName))) {
              repeating.add(new RepeatingEntry(e.uniqueName, null, ""));
            }
          }
        }
      }
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
    ProjectDefinition def = ProjectDefinition.builder(ib.build())
        .forms(forms).fields(fields).arms(arms).events(events).eventForms(eventForms)
        .repeating(repeating).dags(dags).surveys(surveys).reports(reports).roles(roles)
        .ensureClassicEvent()
        .build();
    validateReferences(def);
    return new LoadedProject(def, data.bind(def));
  }

  private void validateReferences(ProjectDefinition def) {
    for (RepeatingEntry r : def.repeating()) {
      if (def.event(r.eventUniqueName()) == null) {
        throw new ProjectLoadException(source + ": the repeating set-up names event '" + r.eventUniqueName()
            + "', which the project does not define");
      }
      if (!r.isRepeatingEvent() && def.form(r.formName()) == null) {
        throw new ProjectLoadException(source + ": the repeating set-up names instrument '" + r.formName()
            + "', which the project does not define");
      }
    }
    for (Map.Entry<String, List<String>> e : def.eventForms().entrySet()) {
      for (String form : e.getValue()) {
        if (def.form(form) == null) {
          throw new ProjectLoadException(source + ": event '" + e.getKey() + "' refers to instrument '" + form
              + "', which the project does not define");
        }
      }
    }
  }

  private Field toField(ItemDef d, String formName) {
    Map<String, String> a = d.attributes;
    FieldType type = FieldType.fromName(a.getOrDefault("redcap:FieldType", "text"));
    if (type == null) {
      throw new ProjectLoadException(source + ": field '" + d.variable + "' has an unknown redcap:FieldType '"
          + a.get("redcap:FieldType") + "'");
    }
    String choices = "";
    CodeListDef list = d.codeList == null ? null : codeLists.get(d.codeList);
    if (type == FieldType.CHECKBOX && list != null && list.checkboxChoices != null) {
      choices = list.checkboxChoices;
    } else if (type.hasChoiceList() && list != null) {
      choices = Choice.formatList(list.items);
    } else if (type == FieldType.CALC) {
      choices = a.getOrDefault("redcap:Calculation", "");
    } else if (type == FieldType.SLIDER) {
      choices = a.getOrDefault("redcap:SliderLabels", "");
    }
    return Field.builder(d.variable, formName, type)
        .label(d.label == null ? "" : d.label)
        .sectionHeader(a.getOrDefault("redcap:SectionHeader", ""))
        .choicesOrCalculation(choices)
        .note(a.getOrDefault("redcap:FieldNote", ""))
        .validation(a.getOrDefault("redcap:TextValidationType", ""))
        .validationMin(d.min == null ? "" : d.min)
        .validationMax(d.max == null ? "" : d.max)
        .identifier(yes(a.get("redcap:Identifier")))
        .branchingLogic(a.getOrDefault("redcap:BranchingLogic", ""))
        .required(yes(a.get("redcap:RequiredField")))
        .customAlignment(a.getOrDefault("redcap:CustomAlignment", ""))
        .questionNumber(a.getOrDefault("redcap:QuestionNumber", ""))
        .matrixGroupName(a.getOrDefault("redcap:MatrixGroupName", ""))
        .matrixRanking(yes(a.get("redcap:MatrixRanking")))
        .annotation(a.getOrDefault("redcap:FieldAnnotation", ""))
        .build();
  }

  private static boolean yes(String s) {
    return s != null && (s.equalsIgnoreCase("y") || s.equals("1"));
  }

  // ---------------------------------------------------------------- structures

  private static final class EventDef {
    String oid;
    String uniqueName;
    String name;
    String customLabel;
    int armNumber;
    String armName;
    double dayOffset;
    double offsetMin;
    double offsetMax;
    boolean repeating;
    final List<String> forms = new ArrayList<>();
  }

  private static final class FormDef {
    String name;
    String label;
    final List<String> itemGroups = new ArrayList<>();
  }

  private static final class ItemDef {
    String oid;
    String variable;
    String label;
    String codeList;
    String pendingComparator;
    String min;
    String max;
    Map<String, String> attributes;
  }

  private static final class CodeListDef {
    String checkboxChoices;
    final List<Choice> items = new ArrayList<>();
  }

  /**
   * The ClinicalData section, kept as raw items while parsing (the item definitions may come
   * later in theory) and resolved against the finished definition.
   */
  private static final class OdmData {
    private final List<Object[]> items = new ArrayList<>();
    private String subject;
    private String event;
    private int eventRepeat = 1;
    private String form;
    private int formRepeat = 1;
    private String groupRepeatForm;
    private Integer groupRepeatInstance;

    void subject(String key) {
      subject = key;
      event = null;
      eventRepeat = 1;
      items.add(new Object[] {"S", key});
    }

    void event(String unique, int repeatKey) {
      event = unique;
      eventRepeat = repeatKey;
    }

    void form(String name, int repeatKey) {
      form = name;
      formRepeat = repeatKey;
    }

    void itemGroup(String repeatInstrument, Integer repeatInstance) {
      groupRepeatForm = repeatInstrument;
      groupRepeatInstance = repeatInstance;
    }

    void item(String oid, String value) {
      items.add(new Object[] {"I", subject, event, eventRepeat, form, formRepeat, groupRepeatInstance, oid, value});
    }

    void file(String oid, String name, String mime, byte[] content) {
      items.add(new Object[] {"F", subject, event, eventRepeat, form, formRepeat, groupRepeatInstance, oid,
          name, mime, content});
    }

    ProjectData bind(ProjectDefinition def) {
      return sink -> replay(def, sink);
    }

    private void replay(ProjectDefinition def, RecordSink sink) throws Exception {
      Map<String, String[]> recordInfo = new LinkedHashMap<>();
      // First pass: records with their DAG and survey identifier.
      for (Object[] i : items) {
        if (i[0].equals("S")) {
          recordInfo.putIfAbsent((String) i[1], new String[] {null, ""});
        } else if (i[0].equals("I")) {
          String oid = (String) i[7];
          String[] ri = recordInfo.get((String) i[1]);
          if (oid.equals(DAG_ITEM) && !((String) i[8]).isEmpty()) {
            ri[0] = dagUniqueName(def, (String) i[8]);
          } else if (oid.equals(SURVEY_ID_ITEM)) {
            ri[1] = (String) i[8];
          }
        }
      }
      for (Map.Entry<String, String[]> e : recordInfo.entrySet()) {
        sink.record(e.getKey(), e.getValue()[0], e.getValue()[1]);
      }
      for (Object[] i : items) {
        if (i[0].equals("S")) {
          continue;
        }
        String record = (String) i[1];
        String eventName = i[2] == null ? ProjectDefinition.CLASSIC_EVENT : (String) i[2];
        Event event = def.event(eventName);
        if (event == null) {
          throw new ProjectLoadException("Record '" + record + "' has data in event '" + eventName
              + "', which the project does not define");
        }
        String formName = (String) i[4];
        String oid = (String) i[7];
        int instance = instanceOf(def, event, formName, (Integer) i[3], (Integer) i[5], (Integer) i[6]);
        if (i[0].equals("F")) {
          Field f = def.field(oid);
          if (f != null) {
            sink.file(record, eventName, f.name(), instance, (String) i[8], (String) i[9], (byte[]) i[10]);
          }
          continue;
        }
        String value = (String) i[8];
        if (oid.equals(DAG_ITEM) || oid.equals(SURVEY_ID_ITEM)) {
          continue;
        }
        Form statusOf = def.formOfCompleteField(oid);
        if (statusOf == null && oid.endsWith("_timestamp")) {
          Form f = def.form(oid.substring(0, oid.length() - "_timestamp".length()));
          if (f != null) {
            if (!value.isEmpty()) {
              sink.surveyTimestamp(record, eventName, f.name(), instance, value);
            }
            continue;
          }
        }
        if (value.isEmpty()) {
          continue;
        }
        if (statusOf != null) {
          sink.value(record, eventName, oid, instance, value);
          continue;
        }
        ProjectDefinition.CheckboxOption option = def.checkboxColumn(oid);
        if (option != null) {
          if (value.equals("1")) {
            sink.value(record, eventName, option.field().name(), instance, option.choice().code());
          }
          continue;
        }
        Field f = def.field(oid);
        if (f == null) {
          throw new ProjectLoadException("Record '" + record + "' has a value for item '" + oid
              + "', which is not a field of the project");
        }
        sink.value(record, eventName, f.name(), instance, value);
      }
    }

    private static int instanceOf(ProjectDefinition def, Event event, String form, Integer eventRepeat,
        Integer formRepeat, Integer groupInstance) {
      if (groupInstance != null) {
        return groupInstance;
      }
      if (def.isRepeatingEvent(event)) {
        return eventRepeat == null ? 1 : eventRepeat;
      }
      if (form != null && def.isRepeatingForm(event, form)) {
        return formRepeat == null ? 1 : formRepeat;
      }
      return 1;
    }

    private static String dagUniqueName(ProjectDefinition def, String value) {
      for (Dag d : def.dags()) {
        if (d.uniqueName().equals(value) || d.name().equals(value)
            || d.uniqueName().equals(value.toLowerCase(Locale.ROOT))) {
          return d.uniqueName();
        }
      }
      throw new ProjectLoadException("A record is assigned to data access group '" + value
          + "', which the project does not define");
    }
  }
}
