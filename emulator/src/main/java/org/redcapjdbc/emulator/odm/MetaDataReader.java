package org.redcapjdbc.emulator.odm;

import static org.redcapjdbc.emulator.odm.ClinicalDataReader.DAG_ITEM;
import static org.redcapjdbc.emulator.odm.ClinicalDataReader.SURVEY_ID_ITEM;
import static org.redcapjdbc.emulator.odm.OdmParsing.attributes;
import static org.redcapjdbc.emulator.odm.OdmParsing.parseDouble;
import static org.redcapjdbc.emulator.odm.OdmParsing.parseInt;
import static org.redcapjdbc.emulator.odm.OdmParsing.stripPrefix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.redcapjdbc.emulator.load.ProjectLoadException;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.RepeatingEntry;

/**
 * The MetaDataVersion of a project XML file: collects its event, form, item group, item and code
 * list definitions while {@link OdmReader} walks the document, then turns them into the
 * project's forms, fields (dictionary order), arms, events and event-form mappings.
 *
 * <p>Separate from {@link OdmReader} (study settings and the lists of GlobalVariables) because
 * ODM spreads one REDCap field over several elements (ItemRef, ItemDef, CodeList) that refer to
 * each other by OID and can only be joined once the whole section has been read.
 */
final class MetaDataReader {
  private final String source;
  private final Map<String, Integer> eventOrder = new HashMap<>();
  private final List<EventDef> eventDefs = new ArrayList<>();
  private final List<FormDef> formDefs = new ArrayList<>();
  private final Map<String, List<String[]>> itemGroups = new HashMap<>();
  private final Map<String, ItemDef> itemDefs = new LinkedHashMap<>();
  private final Map<String, CodeListDef> codeLists = new HashMap<>();
  private String recordIdField;

  /** @param source names the file in error messages */
  MetaDataReader(String source) {
    this.source = source;
  }

  /**
   * Takes the element {@code x} is on when it belongs to the MetaDataVersion, reading nested
   * definitions to their end.
   *
   * @return false when it does not
   */
  boolean read(String name, Map<String, String> a, XMLStreamReader x) throws XMLStreamException {
    switch (name) {
      case "MetaDataVersion":
        recordIdField = a.get("redcap:RecordIdField");
        break;
      case "StudyEventRef":
        eventOrder.put(
            a.get("StudyEventOID"), parseInt(a.get("OrderNumber"), eventOrder.size() + 1));
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
      default:
        return false;
    }
    return true;
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

  private void readItemGroupDef(XMLStreamReader x, Map<String, String> a)
      throws XMLStreamException {
    List<String[]> items = new ArrayList<>();
    while (x.hasNext()) {
      int t = x.next();
      if (t == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("ItemRef")) {
        Map<String, String> r = attributes(x);
        items.add(
            new String[] {r.get("ItemOID"), r.getOrDefault("redcap:Variable", r.get("ItemOID"))});
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

  /** The project's forms, in document order. */
  List<Form> forms() {
    List<Form> forms = new ArrayList<>();
    for (FormDef f : formDefs) {
      forms.add(new Form(f.name, f.label));
    }
    return forms;
  }

  /**
   * The fields of {@code forms} in dictionary order, without the pseudo-items REDCap lists among
   * them (form status, survey timestamp, DAG, survey identifier) and without repeats.
   *
   * @throws ProjectLoadException when there are none, an item has no definition, or the record ID
   *     field is not the first
   */
  List<Field> fields(List<Form> forms) {
    List<Field> fields = new ArrayList<>();
    Set<String> seenVariables = new HashSet<>();
    Set<String> pseudo = new HashSet<>();
    for (Form f : forms) {
      pseudo.add(f.completeField());
      pseudo.add(f.timestampField());
    }
    for (FormDef f : formDefs) {
      for (String group : f.itemGroups) {
        for (String[] ref : itemGroups.getOrDefault(group, List.of())) {
          String variable = ref[1];
          if (pseudo.contains(variable)
              || variable.equals(DAG_ITEM)
              || variable.equals(SURVEY_ID_ITEM)
              || !seenVariables.add(variable)) {
            continue;
          }
          ItemDef d = itemDefs.get(ref[0]);
          if (d == null) {
            throw new ProjectLoadException(
                source + ": item '" + ref[0] + "' is referenced but has no <ItemDef>");
          }
          fields.add(toField(d, f.name));
        }
      }
    }
    if (fields.isEmpty()) {
      throw new ProjectLoadException(source + " defines no fields");
    }
    if (recordIdField != null && !fields.get(0).name().equals(recordIdField)) {
      throw new ProjectLoadException(
          source
              + ": the record ID field '"
              + recordIdField
              + "' is not the first field of the first instrument");
    }
    return fields;
  }

  /** Whether the file defines events (a classic project's file has none). */
  boolean longitudinal() {
    return !eventDefs.isEmpty();
  }

  /**
   * Adds the arms (in number order) and their events (in protocol order), with their forms, and
   * adds a repeating-event entry for an event marked {@code Repeating="Yes"} that the repeating
   * set-up does not list.
   */
  void addEvents(
      List<Arm> arms,
      List<Event> events,
      Map<String, List<String>> eventForms,
      List<RepeatingEntry> repeating) {
    List<EventDef> ordered = new ArrayList<>(eventDefs);
    ordered.sort(
        (p, q) ->
            Integer.compare(eventOrder.getOrDefault(p.oid, 0), eventOrder.getOrDefault(q.oid, 0)));
    // Arms in number order, events in protocol order within them.
    TreeMap<Integer, String> armNames = new TreeMap<>();
    for (EventDef e : ordered) {
      armNames.putIfAbsent(e.armNumber, e.armName);
    }
    armNames.forEach((n, name) -> arms.add(new Arm(n, name)));
    for (int arm : armNames.keySet()) {
      for (EventDef e : ordered) {
        if (e.armNumber == arm) {
          events.add(
              new Event(
                  0,
                  arm,
                  e.name,
                  e.uniqueName,
                  e.customLabel,
                  e.dayOffset,
                  e.offsetMin,
                  e.offsetMax));
          eventForms.put(e.uniqueName, e.forms);
          if (e.repeating
              && repeating.stream()
                  .noneMatch(
                      r -> r.isRepeatingEvent() && r.eventUniqueName().equals(e.uniqueName))) {
            repeating.add(new RepeatingEntry(e.uniqueName, null, ""));
          }
        }
      }
    }
  }

  private Field toField(ItemDef d, String formName) {
    Map<String, String> a = d.attributes;
    FieldType type = FieldType.fromName(a.getOrDefault("redcap:FieldType", "text"));
    if (type == null) {
      throw new ProjectLoadException(
          source
              + ": field '"
              + d.variable
              + "' has an unknown redcap:FieldType '"
              + a.get("redcap:FieldType")
              + "'");
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
}
