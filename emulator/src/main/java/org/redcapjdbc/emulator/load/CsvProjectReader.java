package org.redcapjdbc.emulator.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;
import org.redcapjdbc.emulator.model.RepeatingEntry;
import org.redcapjdbc.emulator.model.Survey;
import org.redcapjdbc.emulator.model.UniqueNames;

/**
 * Reads a project kept as CSV files in a directory: {@code dictionary.csv} or
 * {@code metadata.csv} (required), {@code data.csv} (a flat raw record export), and for
 * longitudinal projects {@code event.csv} and {@code arm.csv} (the API's event and arm exports).
 * Optional {@code formEventMapping.csv} and {@code repeatingFormsEvents.csv} (API export shapes)
 * give mappings and the repeating set-up explicitly.
 *
 * <p>What the files leave implicit is inferred from the data, the way an export shows it: an
 * instrument is designated for an event when some row of that event has a value in one of its
 * columns; an instrument named in {@code redcap_repeat_instrument} repeats in that row's event; an
 * event whose rows carry an instance without an instrument repeats; the values of
 * {@code redcap_data_access_group} are the DAGs; an instrument with a {@code <form>_timestamp}
 * column is a survey. The project title is the directory name.
 */
public final class CsvProjectReader {
  private CsvProjectReader() {}

  public static LoadedProject readDirectory(Path dir) {
    Path dictionary = firstExisting(dir, "dictionary.csv", "metadata.csv");
    if (dictionary == null) {
      throw new ProjectLoadException(
          dir
              + " holds no dictionary.csv or metadata.csv; a project directory needs"
              + " a data dictionary (and optionally data.csv, event.csv, arm.csv)");
    }
    DictionaryReader.Dictionary dict =
        DictionaryReader.fromTable(CsvTables.read(dictionary), dictionary.toString());
    Path data = dir.resolve("data.csv");
    CsvTables.Table dataTable = Files.isRegularFile(data) ? CsvTables.read(data) : null;
    Path events = dir.resolve("event.csv");
    Path arms = dir.resolve("arm.csv");
    Path mappings = dir.resolve("formEventMapping.csv");
    Path repeating = dir.resolve("repeatingFormsEvents.csv");
    String title = dir.toAbsolutePath().normalize().getFileName().toString();
    return build(
        title,
        dict,
        dataTable,
        data.toString(),
        Files.isRegularFile(events) ? CsvTables.read(events) : null,
        Files.isRegularFile(arms) ? CsvTables.read(arms) : null,
        Files.isRegularFile(mappings) ? CsvTables.read(mappings) : null,
        Files.isRegularFile(repeating) ? CsvTables.read(repeating) : null);
  }

  /** A single data-dictionary file: a project with instruments and no records. */
  public static LoadedProject readDictionary(Path file) {
    DictionaryReader.Dictionary dict =
        DictionaryReader.fromTable(CsvTables.read(file), file.toString());
    String name = file.getFileName().toString();
    String title = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return build(title, dict, null, null, null, null, null, null);
  }

  private static Path firstExisting(Path dir, String... names) {
    for (String n : names) {
      Path p = dir.resolve(n);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static LoadedProject build(
      String title,
      DictionaryReader.Dictionary dict,
      CsvTables.Table data,
      String dataSource,
      CsvTables.Table eventTable,
      CsvTables.Table armTable,
      CsvTables.Table mappingTable,
      CsvTables.Table repeatingTable) {
    boolean longitudinal =
        eventTable != null || (data != null && data.header().contains("redcap_event_name"));
    ProjectInfo.Builder info = ProjectInfo.builder(title).longitudinal(longitudinal).purpose(0);
    List<Arm> arms = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    if (longitudinal) {
      if (eventTable == null) {
        throw new ProjectLoadException(
            dataSource
                + " has a redcap_event_name column, so the project directory"
                + " needs an event.csv (event_name,arm_num,unique_event_name,…)");
      }
      readEvents(eventTable, armTable, arms, events);
    }
    ProjectDefinition base =
        ProjectDefinition.builder(info.build())
            .forms(dict.forms())
            .fields(dict.fields())
            .arms(arms)
            .events(events)
            .ensureClassicEvent()
            .build();
    DataColumns columns = data == null ? null : new DataColumns(base, data.header(), dataSource);

    Map<String, List<String>> eventForms = new LinkedHashMap<>();
    if (longitudinal) {
      if (mappingTable != null) {
        for (List<String> row : mappingTable.rows()) {
          eventForms
              .computeIfAbsent(cell(mappingTable, row, "unique_event_name"), k -> new ArrayList<>())
              .add(cell(mappingTable, row, "form"));
        }
      } else if (columns != null) {
        eventForms = columns.inferMappings(data);
      }
    }
    List<RepeatingEntry> repeating = new ArrayList<>();
    if (repeatingTable != null) {
      for (List<String> row : repeatingTable.rows()) {
        String event =
            longitudinal
                ? cell(repeatingTable, row, "event_name")
                : ProjectDefinition.CLASSIC_EVENT;
        String form = cell(repeatingTable, row, "form_name");
        repeating.add(
            new RepeatingEntry(
                event,
                form.isEmpty() ? null : form,
                cell(repeatingTable, row, "custom_form_label")));
      }
    } else if (columns != null) {
      repeating = columns.inferRepeating(data);
    }
    List<Dag> dags = new ArrayList<>();
    List<Survey> surveys = new ArrayList<>();
    if (columns != null) {
      for (String unique : columns.dagNames(data)) {
        dags.add(new Dag(0, unique, unique));
      }
      for (String form : columns.surveyForms) {
        surveys.add(new Survey(form, base.form(form).label(), Map.of()));
      }
      info.surveysEnabled(!surveys.isEmpty());
    }
    ProjectDefinition def =
        base.toBuilder()
            .info(info.build())
            .eventForms(eventForms)
            .repeating(repeating)
            .dags(dags)
            .surveys(surveys)
            .build();
    ProjectData projectData =
        data == null
            ? ProjectData.NONE
            : sink -> new DataColumns(def, data.header(), dataSource).replay(data, sink);
    return new LoadedProject(def, projectData);
  }

  private static void readEvents(
      CsvTables.Table eventTable, CsvTables.Table armTable, List<Arm> arms, List<Event> events) {
    TreeMap<Integer, String> armNames = new TreeMap<>();
    if (armTable != null) {
      for (List<String> row : armTable.rows()) {
        armNames.put(
            parseInt(cell(armTable, row, "arm_num"), "arm_num"), cell(armTable, row, "name"));
      }
    }
    List<String> taken = new ArrayList<>();
    List<Event> unsorted = new ArrayList<>();
    for (List<String> row : eventTable.rows()) {
      String name = cell(eventTable, row, "event_name");
      int arm = parseInt(cell(eventTable, row, "arm_num"), "arm_num");
      String unique = cell(eventTable, row, "unique_event_name");
      if (unique.isEmpty()) {
        unique = UniqueNames.event(name, arm, taken);
      }
      taken.add(unique);
      armNames.putIfAbsent(arm, "Arm " + arm);
      unsorted.add(
          new Event(
              0,
              arm,
              name,
              unique,
              cell(eventTable, row, "custom_event_label"),
              parseDouble(cell(eventTable, row, "day_offset")),
              parseDouble(cell(eventTable, row, "offset_min")),
              parseDouble(cell(eventTable, row, "offset_max"))));
    }
    armNames.forEach((n, name) -> arms.add(new Arm(n, name)));
    for (int arm : armNames.keySet()) {
      for (Event e : unsorted) {
        if (e.armNumber() == arm) {
          events.add(e);
        }
      }
    }
  }

  private static String cell(CsvTables.Table t, List<String> row, String column) {
    int i = t.column(column);
    return i < 0 ? "" : row.get(i);
  }

  private static int parseInt(String s, String what) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new ProjectLoadException("'" + s + "' is not a valid " + what);
    }
  }

  private static double parseDouble(String s) {
    if (s == null || s.isBlank()) {
      return 0;
    }
    return Double.parseDouble(s.strip());
  }

  /** The meaning of each column of a flat data CSV. */
  private static final class DataColumns {
    private enum Kind {
      RECORD_ID,
      EVENT,
      REPEAT_INSTRUMENT,
      REPEAT_INSTANCE,
      DAG,
      SURVEY_ID,
      TIMESTAMP,
      COMPLETE,
      CHECKBOX,
      FIELD
    }

    private final ProjectDefinition def;
    private final Kind[] kinds;
    private final String[] fieldOf;
    private final String[] codeOf;
    private final String[] formOf;
    private final List<String> header;
    private final Set<String> surveyForms = new LinkedHashSet<>();
    private final String source;

    DataColumns(ProjectDefinition def, List<String> header, String source) {
      this.def = def;
      this.header = header;
      this.source = source;
      int n = header.size();
      kinds = new Kind[n];
      fieldOf = new String[n];
      codeOf = new String[n];
      formOf = new String[n];
      String recordId = def.recordIdField().name();
      if (n == 0 || !header.get(0).equals(recordId)) {
        throw new ProjectLoadException(
            source + ": the first column must be the record ID field '" + recordId + "'");
      }
      List<String> unknown = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String h = header.get(i);
        Form complete = def.formOfCompleteField(h);
        ProjectDefinition.CheckboxOption box = def.checkboxColumn(h);
        Field field = def.field(h);
        if (i == 0) {
          kinds[i] = Kind.RECORD_ID;
        } else if (h.equals("redcap_event_name")) {
          kinds[i] = Kind.EVENT;
        } else if (h.equals("redcap_repeat_instrument")) {
          kinds[i] = Kind.REPEAT_INSTRUMENT;
        } else if (h.equals("redcap_repeat_instance")) {
          kinds[i] = Kind.REPEAT_INSTANCE;
        } else if (h.equals("redcap_data_access_group")) {
          kinds[i] = Kind.DAG;
        } else if (h.equals("redcap_survey_identifier")) {
          kinds[i] = Kind.SURVEY_ID;
        } else if (complete != null) {
          kinds[i] = Kind.COMPLETE;
          formOf[i] = complete.name();
        } else if (box != null) {
          kinds[i] = Kind.CHECKBOX;
          fieldOf[i] = box.field().name();
          codeOf[i] = box.choice().code();
          formOf[i] = box.field().formName();
        } else if (field != null && field.holdsData() && !field.isCheckbox()) {
          kinds[i] = Kind.FIELD;
          fieldOf[i] = field.name();
          formOf[i] = field.formName();
        } else if (h.endsWith("_timestamp") && def.form(h.substring(0, h.length() - 10)) != null) {
          kinds[i] = Kind.TIMESTAMP;
          formOf[i] = h.substring(0, h.length() - 10);
          surveyForms.add(formOf[i]);
        } else {
          unknown.add(h);
        }
      }
      if (!unknown.isEmpty()) {
        throw new ProjectLoadException(
            source
                + ": these columns are not fields of the dictionary: "
                + String.join(", ", unknown));
      }
    }

    private int index(Kind k) {
      for (int i = 0; i < kinds.length; i++) {
        if (kinds[i] == k) {
          return i;
        }
      }
      return -1;
    }

    private String eventOf(List<String> row) {
      int i = index(Kind.EVENT);
      if (i < 0) {
        return ProjectDefinition.CLASSIC_EVENT;
      }
      String e = row.get(i);
      if (def.event(e) == null) {
        throw new ProjectLoadException(source + ": event '" + e + "' is not in event.csv");
      }
      return e;
    }

    Map<String, List<String>> inferMappings(CsvTables.Table data) {
      Map<String, Set<String>> used = new HashMap<>();
      for (List<String> row : data.rows()) {
        String event = eventOf(row);
        for (int i = 1; i < kinds.length; i++) {
          if (formOf[i] != null && !row.get(i).isEmpty()) {
            used.computeIfAbsent(event, k -> new HashSet<>()).add(formOf[i]);
          }
        }
      }
      Map<String, List<String>> mappings = new LinkedHashMap<>();
      for (Event e : def.events()) {
        List<String> forms = new ArrayList<>();
        for (Form f : def.forms()) {
          if (used.getOrDefault(e.uniqueName(), Set.of()).contains(f.name())) {
            forms.add(f.name());
          }
        }
        mappings.put(e.uniqueName(), forms);
      }
      return mappings;
    }

    List<RepeatingEntry> inferRepeating(CsvTables.Table data) {
      int instrument = index(Kind.REPEAT_INSTRUMENT);
      int instance = index(Kind.REPEAT_INSTANCE);
      Set<String> seen = new LinkedHashSet<>();
      List<RepeatingEntry> list = new ArrayList<>();
      if (instance < 0) {
        return list;
      }
      for (List<String> row : data.rows()) {
        String event = eventOf(row);
        String form = instrument < 0 ? "" : row.get(instrument);
        if (row.get(instance).isEmpty()) {
          continue;
        }
        if (!form.isEmpty() && def.form(form) == null) {
          throw new ProjectLoadException(
              source + ": redcap_repeat_instrument '" + form + "' is not an instrument");
        }
        if (seen.add(event + "|" + form)) {
          list.add(new RepeatingEntry(event, form.isEmpty() ? null : form, ""));
        }
      }
      return list;
    }

    List<String> dagNames(CsvTables.Table data) {
      int i = index(Kind.DAG);
      Set<String> names = new LinkedHashSet<>();
      if (i >= 0) {
        for (List<String> row : data.rows()) {
          if (!row.get(i).isEmpty()) {
            names.add(row.get(i));
          }
        }
      }
      return new ArrayList<>(names);
    }

    void replay(CsvTables.Table data, RecordSink sink) throws Exception {
      String recordIdField = def.recordIdField().name();
      int dagColumn = index(Kind.DAG);
      int surveyColumn = index(Kind.SURVEY_ID);
      int instanceColumn = index(Kind.REPEAT_INSTANCE);
      Set<String> declared = new HashSet<>();
      for (List<String> row : data.rows()) {
        String record = row.get(0);
        if (record.isEmpty()) {
          throw new ProjectLoadException(source + ": a row has no record ID");
        }
        if (declared.add(record)) {
          sink.record(
              record,
              dagColumn < 0 || row.get(dagColumn).isEmpty() ? null : row.get(dagColumn),
              surveyColumn < 0 ? "" : row.get(surveyColumn));
        }
        String event = eventOf(row);
        int instance =
            instanceColumn < 0 || row.get(instanceColumn).isEmpty()
                ? 1
                : Integer.parseInt(row.get(instanceColumn));
        sink.value(record, event, recordIdField, 1, record);
        List<Integer> calcs = new ArrayList<>();
        for (int i = 1; i < kinds.length; i++) {
          String v = row.get(i);
          if (v.isEmpty()) {
            continue;
          }
          switch (kinds[i]) {
            case COMPLETE:
              sink.value(record, event, header.get(i), instance, v);
              break;
            case CHECKBOX:
              if (v.equals("1")) {
                sink.value(record, event, fieldOf[i], instance, codeOf[i]);
              }
              break;
            case TIMESTAMP:
              sink.surveyTimestamp(record, event, formOf[i], instance, v);
              break;
            case FIELD:
              if (def.field(fieldOf[i]).type() == FieldType.CALC) {
                calcs.add(i);
              } else if (def.field(fieldOf[i]).type() == FieldType.FILE) {
                sink.file(
                    record,
                    event,
                    fieldOf[i],
                    instance,
                    v,
                    "application/octet-stream",
                    new byte[0]);
              } else {
                sink.value(record, event, fieldOf[i], instance, v);
              }
              break;
            default:
              break;
          }
        }
        // REDCap writes calculated values after the others, so they come last in EAV exports.
        for (int i : calcs) {
          sink.value(record, event, fieldOf[i], instance, row.get(i));
        }
      }
    }
  }
}
