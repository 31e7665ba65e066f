package org.redcapjdbc.emulator.odm;

import static org.redcapjdbc.emulator.odm.OdmParsing.parseInt;
import static org.redcapjdbc.emulator.odm.OdmParsing.stripPrefix;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.redcapjdbc.emulator.load.ProjectData;
import org.redcapjdbc.emulator.load.ProjectLoadException;
import org.redcapjdbc.emulator.load.RecordSink;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/**
 * The ClinicalData section of a project XML file: collects its items while {@link OdmReader}
 * walks the document, and replays them as records, values, files and survey timestamps into a
 * {@link RecordSink} once the definition is built.
 *
 * <p>Separate from the study part ({@link MetaDataReader}) because the items are kept raw while
 * parsing (the item definitions may come later in theory) and only resolved against the
 * finished definition: which column is a checkbox option, a form status or a survey timestamp,
 * and which instance a row is.
 */
final class ClinicalDataReader {
  /** The pseudo-item that carries a record's DAG (not a field of the project). */
  static final String DAG_ITEM = "redcap_data_access_group";

  /** The pseudo-item that carries a record's survey identifier (not a field of the project). */
  static final String SURVEY_ID_ITEM = "redcap_survey_identifier";

  private final List<Object[]> items = new ArrayList<>();
  private String subject;
  private String event;
  private int eventRepeat = 1;
  private String form;
  private int formRepeat = 1;
  private String groupRepeatForm;
  private Integer groupRepeatInstance;

  /**
   * Takes the element {@code x} is on when it belongs to ClinicalData.
   *
   * @return false when it does not
   */
  boolean read(String name, Map<String, String> a, XMLStreamReader x) throws XMLStreamException {
    switch (name) {
      case "SubjectData":
        subject(a.get("SubjectKey"));
        break;
      case "StudyEventData":
        event(eventOfStudyEventData(a), parseInt(a.get("StudyEventRepeatKey"), 1));
        break;
      case "FormData":
        form(stripPrefix(a.get("FormOID"), "Form."), parseInt(a.get("FormRepeatKey"), 1));
        break;
      case "ItemGroupData":
        itemGroup(
            a.get("redcap:RepeatInstrument"),
            a.containsKey("redcap:RepeatInstance")
                ? parseInt(a.get("redcap:RepeatInstance"), 1)
                : null);
        break;
      case "ItemData":
        item(a.get("ItemOID"), a.getOrDefault("Value", ""));
        break;
      case "ItemDataBase64Binary":
        String docName = a.getOrDefault("redcap:DocName", "file");
        String mime = a.getOrDefault("redcap:MimeType", "application/octet-stream");
        String base64 = x.getElementText().replaceAll("\\s+", "");
        file(a.get("ItemOID"), docName, mime, Base64.getDecoder().decode(base64));
        break;
      default:
        return false;
    }
    return true;
  }

  private static String eventOfStudyEventData(Map<String, String> a) {
    String unique = a.get("redcap:UniqueEventName");
    return unique != null ? unique : stripPrefix(a.get("StudyEventOID"), "Event.");
  }

  private void subject(String key) {
    subject = key;
    event = null;
    eventRepeat = 1;
    items.add(new Object[] {"S", key});
  }

  private void event(String unique, int repeatKey) {
    event = unique;
    eventRepeat = repeatKey;
  }

  private void form(String name, int repeatKey) {
    form = name;
    formRepeat = repeatKey;
  }

  private void itemGroup(String repeatInstrument, Integer repeatInstance) {
    groupRepeatForm = repeatInstrument;
    groupRepeatInstance = repeatInstance;
  }

  private void item(String oid, String value) {
    items.add(
        new Object[] {
          "I", subject, event, eventRepeat, form, formRepeat, groupRepeatInstance, oid, value
        });
  }

  private void file(String oid, String name, String mime, byte[] content) {
    items.add(
        new Object[] {
          "F",
          subject,
          event,
          eventRepeat,
          form,
          formRepeat,
          groupRepeatInstance,
          oid,
          name,
          mime,
          content
        });
  }

  /** The collected records, resolved against {@code def} when the project is stored. */
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
        throw new ProjectLoadException(
            "Record '"
                + record
                + "' has data in event '"
                + eventName
                + "', which the project does not define");
      }
      String formName = (String) i[4];
      String oid = (String) i[7];
      int instance =
          instanceOf(def, event, formName, (Integer) i[3], (Integer) i[5], (Integer) i[6]);
      if (i[0].equals("F")) {
        Field f = def.field(oid);
        if (f != null) {
          sink.file(
              record, eventName, f.name(), instance, (String) i[8], (String) i[9], (byte[]) i[10]);
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
        throw new ProjectLoadException(
            "Record '"
                + record
                + "' has a value for item '"
                + oid
                + "', which is not a field of the project");
      }
      sink.value(record, eventName, f.name(), instance, value);
    }
  }

  private static int instanceOf(
      ProjectDefinition def,
      Event event,
      String form,
      Integer eventRepeat,
      Integer formRepeat,
      Integer groupInstance) {
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
      if (d.uniqueName().equals(value)
          || d.name().equals(value)
          || d.uniqueName().equals(value.toLowerCase(Locale.ROOT))) {
        return d.uniqueName();
      }
    }
    throw new ProjectLoadException(
        "A record is assigned to data access group '"
            + value
            + "', which the project does not define");
  }
}
