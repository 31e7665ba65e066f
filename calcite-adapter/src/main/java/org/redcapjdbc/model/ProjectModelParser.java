package org.redcapjdbc.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link ProjectModel} from the rows REDCap's API exports, as {@link ProjectModel.Builder}
 * collected them: reads each export by column name, cross-checks them (names unique, mappings and
 * repeating setup naming known events and forms, project info agreeing with what was given,
 * export column names telling fields apart) and derives instruments, events and export columns.
 * Kept apart from {@link ProjectModel} so that the model is only the immutable value and its
 * queries; this class is the one place that knows the API's row shapes.
 *
 * <p>Inconsistent input, which happens when the project changes between the calls that fetched
 * it, fails with an {@link IllegalArgumentException} saying what does not match.
 */
final class ProjectModelParser {
  /** Warnings keep the model's logger, under which users know them. */
  private static final Logger LOG = LoggerFactory.getLogger(ProjectModel.class);

  private ProjectModelParser() {}

  /** The exports a model is built from, as the builder copied them (absent ones empty). */
  record ApiRows(
      List<Map<String, String>> metadata,
      List<Map<String, String>> instruments,
      List<Map<String, String>> events,
      List<Map<String, String>> arms,
      List<Map<String, String>> formEventMappings,
      List<Map<String, String>> repeatingFormsEvents,
      List<Map<String, String>> dataAccessGroups,
      boolean callerInDataAccessGroup,
      Boolean dataAccessGroupColumn,
      Map<String, String> projectInfo) {}

  /** @throws IllegalArgumentException when the exports are incomplete or do not agree */
  static ProjectModel parse(ApiRows rows) {
    Map<String, String> projectInfo = rows.projectInfo();
    List<Field> fields = parseFields(rows.metadata());
    Set<String> fieldNames = new HashSet<>();
    for (Field f : fields) {
      if (!fieldNames.add(f.name())) {
        throw new IllegalArgumentException(
            "The data dictionary has two fields named '" + f.name() + "'");
      }
      if (f.type() == FieldType.OTHER) {
        LOG.warn(
            "Field {} has field type '{}', unknown to this driver: it reads as VARCHAR",
            f.name(),
            f.typeName());
      }
    }
    Field recordId = fields.get(0);
    if (recordId.type() == FieldType.CHECKBOX || recordId.isDescriptive()) {
      throw new IllegalArgumentException(
          "The first field of the data dictionary, '"
              + recordId.name()
              + "', is the record ID, but it is a "
              + recordId.typeName()
              + " field, which cannot hold record IDs");
    }

    List<String> formOrder = formOrder(rows.instruments(), fields);
    Map<String, String> formLabels = formLabels(rows.instruments());

    List<EventRow> eventRows = parseEvents(rows.events());
    Set<String> eventNames = new HashSet<>();
    for (EventRow e : eventRows) {
      if (!eventNames.add(e.uniqueName)) {
        throw new IllegalArgumentException("Two events are named '" + e.uniqueName + "'");
      }
    }
    boolean longitudinal = !eventRows.isEmpty();
    checkInfoFlag(projectInfo, "is_longitudinal", longitudinal, "events");

    List<Arm> arms = parseArms(rows.arms());
    List<FormEventMapping> formEventMappings =
        parseMappings(rows.formEventMappings(), eventNames, formOrder);

    Set<String> repeatingEvents = new HashSet<>();
    Set<String> classicRepeatingForms = new HashSet<>();
    Map<String, Set<String>> repeatingFormEvents = new HashMap<>();
    parseRepeating(
        rows.repeatingFormsEvents(),
        longitudinal,
        eventNames,
        formOrder,
        repeatingEvents,
        classicRepeatingForms,
        repeatingFormEvents);
    boolean repeating = !rows.repeatingFormsEvents().isEmpty();
    checkInfoFlag(
        projectInfo, "has_repeating_instruments_or_events", repeating, "repeating forms or events");

    Set<List<String>> mapped = new HashSet<>();
    for (FormEventMapping m : formEventMappings) {
      mapped.add(List.of(m.uniqueEventName(), m.form()));
    }
    Map<String, List<String>> eventsByForm = new HashMap<>();
    Map<String, List<String>> formsByEvent = new HashMap<>();
    for (EventRow e : eventRows) {
      for (String form : formOrder) {
        if (mapped.contains(List.of(e.uniqueName, form))) {
          eventsByForm.computeIfAbsent(form, k -> new ArrayList<>()).add(e.uniqueName);
          formsByEvent.computeIfAbsent(e.uniqueName, k -> new ArrayList<>()).add(form);
        }
      }
    }

    List<Event> eventList = new ArrayList<>();
    for (EventRow e : eventRows) {
      eventList.add(
          new Event(
              e.uniqueName,
              e.name,
              e.armNumber,
              e.customLabel,
              e.id,
              repeatingEvents.contains(e.uniqueName),
              formsByEvent.getOrDefault(e.uniqueName, List.of())));
    }
    List<Event> events = List.copyOf(eventList);

    List<Instrument> instrumentList = new ArrayList<>();
    for (String form : formOrder) {
      List<Field> formFields = new ArrayList<>();
      for (Field f : fields) {
        if (f.form().equals(form)) {
          formFields.add(f);
        }
      }
      List<String> formEvents = eventsByForm.getOrDefault(form, List.of());
      Set<String> repeatsIn = repeatingFormEvents.getOrDefault(form, Set.of());
      boolean repeatsAsInstrument =
          longitudinal ? !repeatsIn.isEmpty() : classicRepeatingForms.contains(form);
      boolean inRepeatingEvent = false;
      boolean everyUseRepeats = true;
      for (String event : formEvents) {
        boolean repeatsHere = repeatingEvents.contains(event) || repeatsIn.contains(event);
        inRepeatingEvent |= repeatingEvents.contains(event);
        everyUseRepeats &= repeatsHere;
      }
      boolean hasInstances = repeatsAsInstrument || inRepeatingEvent;
      instrumentList.add(
          new Instrument(
              form,
              formLabels.getOrDefault(form, form),
              formFields,
              formEvents,
              repeatsAsInstrument,
              repeatsIn,
              hasInstances,
              hasInstances && everyUseRepeats));
    }
    List<Instrument> instruments = List.copyOf(instrumentList);

    List<DataAccessGroup> dataAccessGroups = parseDags(rows.dataAccessGroups());

    List<Choice> missingDataCodes = Choices.parse(Rows.get(projectInfo, "missing_data_codes"));

    List<ExportFieldName> exportFieldNames = buildExportFieldNames(fields, instruments);
    Map<String, ExportFieldName> ignoringCase = new HashMap<>();
    for (ExportFieldName e : exportFieldNames) {
      String lower = e.exportName().toLowerCase(Locale.ROOT);
      if (PseudoColumns.ALL.contains(lower)) {
        throw new IllegalArgumentException(
            "Field '"
                + e.originalFieldName()
                + "' exports as '"
                + e.exportName()
                + "', a name REDCap reserves for its own column");
      }
      ExportFieldName previous = ignoringCase.put(lower, e);
      if (previous != null) {
        throw new IllegalArgumentException(
            "Export column '"
                + e.exportName()
                + "' would come "
                + "from both "
                + describe(previous)
                + " and "
                + describe(e)
                + ": REDCap lower-cases "
                + "checkbox codes and turns every other character into '_', and SQL names ignore "
                + "case, so these cannot be told apart; rename one in the data dictionary");
      }
    }
    return new ProjectModel(
        fields,
        instruments,
        events,
        arms,
        formEventMappings,
        repeating,
        dataAccessGroups,
        rows.callerInDataAccessGroup(),
        rows.dataAccessGroupColumn(),
        projectInfo,
        missingDataCodes,
        exportFieldNames,
        labelColumnNames(fields, exportFieldNames));
  }

  private static List<Field> parseFields(List<Map<String, String>> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "The data dictionary has no fields: a REDCap project "
              + "always has at least its record-ID field, so the metadata export was empty or lost");
    }
    List<Field> list = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      list.add(Field.fromDictionaryRow(rows.get(i), i));
    }
    return List.copyOf(list);
  }

  /** Instrument order: the instruments export when given, else the dictionary's form order. */
  private static List<String> formOrder(
      List<Map<String, String>> instrumentRows, List<Field> fields) {
    LinkedHashSet<String> order = new LinkedHashSet<>();
    for (int i = 0; i < instrumentRows.size(); i++) {
      String name = Rows.require(instrumentRows.get(i), "instrument_name", "instruments", i);
      if (!order.add(name)) {
        throw new IllegalArgumentException("Two instruments are named '" + name + "'");
      }
    }
    boolean fromExport = !order.isEmpty();
    for (Field f : fields) {
      if (order.add(f.form()) && fromExport) {
        LOG.warn(
            "Field {} is on form '{}', which the instruments export does not list; the form "
                + "is added after the listed ones, labelled with its name",
            f.name(),
            f.form());
      }
    }
    return List.copyOf(order);
  }

  private static Map<String, String> formLabels(List<Map<String, String>> instrumentRows) {
    Map<String, String> labels = new HashMap<>();
    for (Map<String, String> row : instrumentRows) {
      String label = Rows.get(row, "instrument_label").trim();
      String name = Rows.get(row, "instrument_name").trim();
      labels.put(name, label.isEmpty() ? name : label);
    }
    return labels;
  }

  /** An events-export row; becomes an {@link Event} once mappings and repeats are known. */
  private record EventRow(
      String uniqueName, String name, int armNumber, String customLabel, OptionalLong id) {}

  private static List<EventRow> parseEvents(List<Map<String, String>> rows) {
    List<EventRow> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String unique = Rows.require(row, "unique_event_name", "events", i);
      int arm = intValue(Rows.require(row, "arm_num", "events", i), "arm_num of event " + unique);
      String id = Rows.get(row, "event_id").trim();
      list.add(
          new EventRow(
              unique,
              Rows.get(row, "event_name"),
              arm,
              Rows.get(row, "custom_event_label"),
              id.isEmpty()
                  ? OptionalLong.empty()
                  : OptionalLong.of(longValue(id, "event_id of event " + unique))));
    }
    return list;
  }

  private static List<Arm> parseArms(List<Map<String, String>> rows) {
    List<Arm> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      list.add(
          new Arm(
              intValue(Rows.require(row, "arm_num", "arms", i), "arm_num"), Rows.get(row, "name")));
    }
    return List.copyOf(list);
  }

  private static List<FormEventMapping> parseMappings(
      List<Map<String, String>> rows, Set<String> eventNames, List<String> forms) {
    List<FormEventMapping> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String event = Rows.require(row, "unique_event_name", "form-event mappings", i);
      String form = Rows.require(row, "form", "form-event mappings", i);
      String arm = Rows.get(row, "arm_num").trim();
      if (!eventNames.contains(event)) {
        throw changedWhileRead(
            "A form-event mapping names event '" + event + "', which is not among the events");
      }
      if (!forms.contains(form)) {
        throw changedWhileRead(
            "A form-event mapping names form '"
                + form
                + "', which has no fields in the data dictionary");
      }
      list.add(
          new FormEventMapping(
              arm.isEmpty() ? 0 : intValue(arm, "arm_num of a mapping"), event, form));
    }
    return List.copyOf(list);
  }

  private static void parseRepeating(
      List<Map<String, String>> rows,
      boolean longitudinal,
      Set<String> eventNames,
      List<String> forms,
      Set<String> repeatingEvents,
      Set<String> classicRepeatingForms,
      Map<String, Set<String>> repeatingFormEvents) {
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String form = Rows.get(row, "form_name").trim();
      String event = Rows.get(row, "event_name").trim();
      if (!form.isEmpty() && !forms.contains(form)) {
        throw changedWhileRead(
            "The repeating setup names form '"
                + form
                + "', which has no fields in the data dictionary");
      }
      if (!longitudinal) {
        // Classic projects export no event_name; an internal one (project XML shows
        // event_1_arm_1) carries no meaning there.
        if (form.isEmpty()) {
          throw new IllegalArgumentException(
              "Row "
                  + (i + 1)
                  + " of the repeating setup has no "
                  + "form_name, which means a repeating event, but the project has no events");
        }
        classicRepeatingForms.add(form);
      } else {
        if (!eventNames.contains(event)) {
          throw changedWhileRead(
              "The repeating setup names event '" + event + "', which is not among the events");
        }
        if (form.isEmpty()) {
          repeatingEvents.add(event);
        } else {
          repeatingFormEvents.computeIfAbsent(form, k -> new HashSet<>()).add(event);
        }
      }
    }
  }

  private static List<DataAccessGroup> parseDags(List<Map<String, String>> rows) {
    List<DataAccessGroup> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String unique = Rows.require(row, "unique_group_name", "data access groups", i);
      String id = Rows.get(row, "data_access_group_id").trim();
      list.add(
          new DataAccessGroup(
              Rows.get(row, "data_access_group_name"),
              unique,
              id.isEmpty()
                  ? OptionalLong.empty()
                  : OptionalLong.of(longValue(id, "data_access_group_id of " + unique))));
    }
    return List.copyOf(list);
  }

  /**
   * Project info says what the project is; the other exports must agree. When info claims
   * events or repeats that were not given, the caller lost an export: the tables would misread
   * every row, so fail. The reverse (rows given, info silent or older) is fine.
   */
  private static void checkInfoFlag(
      Map<String, String> projectInfo, String key, boolean present, String what) {
    String flag = Rows.get(projectInfo, key).trim();
    if (flag.equals("1") && !present) {
      throw new IllegalArgumentException(
          "Project info says "
              + key
              + "=1, but no "
              + what
              + " were given: export them too (the model cannot lay out the tables without them)");
    }
    if (flag.equals("0") && present) {
      LOG.warn(
          "Project info says {}=0, but {} were given; the tables follow the {}", key, what, what);
    }
  }

  private static IllegalArgumentException changedWhileRead(String message) {
    return new IllegalArgumentException(
        message + ". The project may have changed while its " + "metadata was read: read it again");
  }

  private static int intValue(String text, String what) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is '" + text + "', not a whole number", e);
    }
  }

  private static long longValue(String text, String what) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is '" + text + "', not a whole number", e);
    }
  }

  private static String describe(ExportFieldName e) {
    return e.isCheckboxOption()
        ? "choice '" + e.choiceCode() + "' of checkbox '" + e.originalFieldName() + "'"
        : "field '" + e.originalFieldName() + "'";
  }

  /** The flat export's columns (pseudo-columns aside), in export order. */
  private static List<ExportFieldName> buildExportFieldNames(
      List<Field> fields, List<Instrument> instruments) {
    Map<String, Instrument> instrumentsByName = new HashMap<>();
    for (Instrument i : instruments) {
      instrumentsByName.put(i.name(), i);
    }
    List<ExportFieldName> names = new ArrayList<>();
    Map<String, Integer> lastFieldOfForm = ProjectModel.lastFieldIndexByForm(fields);
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (f.type() == FieldType.CHECKBOX) {
        for (Choice c : f.choices()) {
          names.add(
              new ExportFieldName(
                  CheckboxNames.exportName(f.name(), c.code()), f.name(), c.code()));
        }
      } else if (!f.isDescriptive()) {
        names.add(new ExportFieldName(f.name(), f.name(), ""));
      }
      if (lastFieldOfForm.get(f.form()) == i) {
        String complete = instrumentsByName.get(f.form()).completeFieldName();
        names.add(new ExportFieldName(complete, complete, ""));
      }
    }
    for (Instrument instrument : instruments) {
      if (instrument.fields().isEmpty()) {
        String complete = instrument.completeFieldName();
        names.add(new ExportFieldName(complete, complete, ""));
      }
    }
    return List.copyOf(names);
  }

  /** {@code <field>_label} for coded fields, unless that name is taken by a column already. */
  private static Map<String, String> labelColumnNames(
      List<Field> fields, List<ExportFieldName> exportFieldNames) {
    Set<String> taken = new HashSet<>();
    for (ExportFieldName e : exportFieldNames) {
      taken.add(e.exportName().toLowerCase(Locale.ROOT));
    }
    taken.addAll(PseudoColumns.ALL);
    Map<String, String> names = new HashMap<>();
    for (int i = 1; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (!f.type().isSingleChoice()) {
        continue;
      }
      String name = f.name() + "_label";
      if (taken.contains(name.toLowerCase(Locale.ROOT))) {
        LOG.info(
            "Field {} gets no label column: the name {} is already a column of the project",
            f.name(),
            name);
      } else {
        names.put(f.name(), name);
      }
    }
    return Map.copyOf(names);
  }
}
