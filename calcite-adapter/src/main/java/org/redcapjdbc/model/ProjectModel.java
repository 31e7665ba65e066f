package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable snapshot of a REDCap project's structure: data dictionary, instruments, events,
 * arms, instrument–event mappings, repeating setup, data access groups and project info, and the
 * SQL tables derived from them ({@link #recordsLayout}, {@link #instrumentLayout}).
 *
 * <p>Built from the rows REDCap's API exports, keyed by the API's column names, with
 * {@link #builder()}. It makes no API calls and does not depend on the client, so anything can
 * feed it: the client, tests, the data-dictionary CSV ({@link DataDictionaryCsv}). Rows are read
 * by column name: extra columns are ignored and missing optional ones read as blank. A classic
 * project has no events, arms or mappings (REDCap answers 400 for them): pass nothing.
 *
 * <p>Inconsistent input, which happens when the project changes between the calls that fetched
 * it, fails with an {@link IllegalArgumentException} saying what does not match, rather than
 * giving tables that misread the data.
 */
public final class ProjectModel {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectModel.class);

  /** The name of the flat table holding every field. */
  public static final String RECORDS_TABLE = "records";

  private final List<Field> fields;
  private final Map<String, Field> fieldsByName;
  private final List<Instrument> instruments;
  private final Map<String, Instrument> instrumentsByName;
  private final List<Event> events;
  private final Map<String, Event> eventsByName;
  private final List<Arm> arms;
  private final List<FormEventMapping> formEventMappings;
  private final boolean repeating;
  private final List<DataAccessGroup> dataAccessGroups;
  private final boolean callerInDataAccessGroup;
  private final Boolean dataAccessGroupColumn;
  private final Map<String, String> projectInfo;
  private final List<Choice> missingDataCodes;
  private final Map<String, String> missingDataCodeLabels;
  private final List<ExportFieldName> exportFieldNames;
  private final Map<String, ExportFieldName> exportFieldNamesByName;
  private final Map<String, String> labelColumnNames;
  private final Map<LayoutOptions, Layouts> layouts = new ConcurrentHashMap<>();

  private ProjectModel(Builder b) {
    this.projectInfo = b.projectInfo;
    this.fields = parseFields(b.metadata);
    Map<String, Field> byName = new HashMap<>();
    for (Field f : fields) {
      if (byName.put(f.name(), f) != null) {
        throw new IllegalArgumentException("The data dictionary has two fields named '" + f.name()
            + "'");
      }
      if (f.type() == FieldType.OTHER) {
        LOG.warn("Field {} has field type '{}', unknown to this driver: it reads as VARCHAR",
            f.name(), f.typeName());
      }
    }
    this.fieldsByName = Map.copyOf(byName);
    Field recordId = fields.get(0);
    if (recordId.type() == FieldType.CHECKBOX || recordId.isDescriptive()) {
      throw new IllegalArgumentException("The first field of the data dictionary, '"
          + recordId.name() + "', is the record ID, but it is a " + recordId.typeName()
          + " field, which cannot hold record IDs");
    }

    List<String> formOrder = formOrder(b.instruments, fields);
    Map<String, String> formLabels = formLabels(b.instruments);

    List<EventRow> eventRows = parseEvents(b.events);
    Set<String> eventNames = new HashSet<>();
    for (EventRow e : eventRows) {
      if (!eventNames.add(e.uniqueName)) {
        throw new IllegalArgumentException("Two events are named '" + e.uniqueName + "'");
      }
    }
    boolean longitudinal = !eventRows.isEmpty();
    checkInfoFlag("is_longitudinal", longitudinal, "events");

    this.arms = parseArms(b.arms);
    this.formEventMappings = parseMappings(b.formEventMappings, eventNames, formOrder);

    Set<String> repeatingEvents = new HashSet<>();
    Set<String> classicRepeatingForms = new HashSet<>();
    Map<String, Set<String>> repeatingFormEvents = new HashMap<>();
    parseRepeating(b.repeatingFormsEvents, longitudinal, eventNames, formOrder,
        repeatingEvents, classicRepeatingForms, repeatingFormEvents);
    this.repeating = !b.repeatingFormsEvents.isEmpty();
    checkInfoFlag("has_repeating_instruments_or_events", repeating, "repeating forms or events");

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
      eventList.add(new Event(e.uniqueName, e.name, e.armNumber, e.customLabel, e.id,
          repeatingEvents.contains(e.uniqueName),
          formsByEvent.getOrDefault(e.uniqueName, List.of())));
    }
    this.events = List.copyOf(eventList);
    this.eventsByName = indexEvents(eventList);

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
      boolean repeatsAsInstrument = longitudinal
          ? !repeatsIn.isEmpty() : classicRepeatingForms.contains(form);
      boolean inRepeatingEvent = false;
      boolean everyUseRepeats = true;
      for (String event : formEvents) {
        boolean repeatsHere = repeatingEvents.contains(event) || repeatsIn.contains(event);
        inRepeatingEvent |= repeatingEvents.contains(event);
        everyUseRepeats &= repeatsHere;
      }
      boolean hasInstances = repeatsAsInstrument || inRepeatingEvent;
      instrumentList.add(new Instrument(form, formLabels.getOrDefault(form, form), formFields,
          formEvents, repeatsAsInstrument, repeatsIn, hasInstances,
          hasInstances && everyUseRepeats));
    }
    this.instruments = List.copyOf(instrumentList);
    Map<String, Instrument> instrumentIndex = new LinkedHashMap<>();
    for (Instrument i : instruments) {
      instrumentIndex.put(i.name(), i);
    }
    this.instrumentsByName = Collections.unmodifiableMap(instrumentIndex);

    this.dataAccessGroups = parseDags(b.dataAccessGroups);
    this.callerInDataAccessGroup = b.callerInDataAccessGroup;
    this.dataAccessGroupColumn = b.dataAccessGroupColumn;

    this.missingDataCodes = Choices.parse(info("missing_data_codes"));
    Map<String, String> codeLabels = new HashMap<>();
    for (Choice c : missingDataCodes) {
      codeLabels.put(c.code(), c.label());
    }
    this.missingDataCodeLabels = Map.copyOf(codeLabels);

    this.exportFieldNames = buildExportFieldNames();
    Map<String, ExportFieldName> exportIndex = new HashMap<>();
    Map<String, ExportFieldName> ignoringCase = new HashMap<>();
    for (ExportFieldName e : exportFieldNames) {
      exportIndex.put(e.exportName(), e);
      String lower = e.exportName().toLowerCase(Locale.ROOT);
      if (PseudoColumns.ALL.contains(lower)) {
        throw new IllegalArgumentException("Field '" + e.originalFieldName() + "' exports as '"
            + e.exportName() + "', a name REDCap reserves for its own column");
      }
      ExportFieldName previous = ignoringCase.put(lower, e);
      if (previous != null) {
        throw new IllegalArgumentException("Export column '" + e.exportName() + "' would come "
            + "from both " + describe(previous) + " and " + describe(e) + ": REDCap lower-cases "
            + "checkbox codes and turns every other character into '_', and SQL names ignore "
            + "case, so these cannot be told apart; rename one in the data dictionary");
      }
    }
    this.exportFieldNamesByName = Map.copyOf(exportIndex);
    this.labelColumnNames = labelColumnNames();
  }

  private static Map<String, Event> indexEvents(List<Event> eventList) {
    Map<String, Event> index = new LinkedHashMap<>();
    for (Event e : eventList) {
      index.put(e.uniqueName(), e);
    }
    return Collections.unmodifiableMap(index);
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- parsing

  private static List<Field> parseFields(List<Map<String, String>> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("The data dictionary has no fields: a REDCap project "
          + "always has at least its record-ID field, so the metadata export was empty or lost");
    }
    List<Field> list = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      list.add(Field.fromDictionaryRow(rows.get(i), i));
    }
    return List.copyOf(list);
  }

  /** Instrument order: the instruments export when given, else the dictionary's form order. */
  private static List<String> formOrder(List<Map<String, String>> instrumentRows,
      List<Field> fields) {
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
        LOG.warn("Field {} is on form '{}', which the instruments export does not list; the form "
            + "is added after the listed ones, labelled with its name", f.name(), f.form());
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
  private record EventRow(String uniqueName, String name, int armNumber, String customLabel,
      OptionalLong id) {
  }

  private static List<EventRow> parseEvents(List<Map<String, String>> rows) {
    List<EventRow> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String unique = Rows.require(row, "unique_event_name", "events", i);
      int arm = intValue(Rows.require(row, "arm_num", "events", i), "arm_num of event " + unique);
      String id = Rows.get(row, "event_id").trim();
      list.add(new EventRow(unique, Rows.get(row, "event_name"), arm,
          Rows.get(row, "custom_event_label"),
          id.isEmpty() ? OptionalLong.empty()
              : OptionalLong.of(longValue(id, "event_id of event " + unique))));
    }
    return list;
  }

  private static List<Arm> parseArms(List<Map<String, String>> rows) {
    List<Arm> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      list.add(new Arm(intValue(Rows.require(row, "arm_num", "arms", i), "arm_num"),
          Rows.get(row, "name")));
    }
    return List.copyOf(list);
  }

  private static List<FormEventMapping> parseMappings(List<Map<String, String>> rows,
      Set<String> eventNames, List<String> forms) {
    List<FormEventMapping> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String event = Rows.require(row, "unique_event_name", "form-event mappings", i);
      String form = Rows.require(row, "form", "form-event mappings", i);
      String arm = Rows.get(row, "arm_num").trim();
      if (!eventNames.contains(event)) {
        throw changedWhileRead("A form-event mapping names event '" + event
            + "', which is not among the events");
      }
      if (!forms.contains(form)) {
        throw changedWhileRead("A form-event mapping names form '" + form
            + "', which has no fields in the data dictionary");
      }
      list.add(new FormEventMapping(arm.isEmpty() ? 0 : intValue(arm, "arm_num of a mapping"),
          event, form));
    }
    return List.copyOf(list);
  }

  private static void parseRepeating(List<Map<String, String>> rows, boolean longitudinal,
      Set<String> eventNames, List<String> forms, Set<String> repeatingEvents,
      Set<String> classicRepeatingForms, Map<String, Set<String>> repeatingFormEvents) {
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String form = Rows.get(row, "form_name").trim();
      String event = Rows.get(row, "event_name").trim();
      if (!form.isEmpty() && !forms.contains(form)) {
        throw changedWhileRead("The repeating setup names form '" + form
            + "', which has no fields in the data dictionary");
      }
      if (!longitudinal) {
        // Classic projects export no event_name; an internal one (project XML shows
        // event_1_arm_1) carries no meaning there.
        if (form.isEmpty()) {
          throw new IllegalArgumentException("Row " + (i + 1) + " of the repeating setup has no "
              + "form_name, which means a repeating event, but the project has no events");
        }
        classicRepeatingForms.add(form);
      } else {
        if (!eventNames.contains(event)) {
          throw changedWhileRead("The repeating setup names event '" + event
              + "', which is not among the events");
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
      list.add(new DataAccessGroup(Rows.get(row, "data_access_group_name"), unique,
          id.isEmpty() ? OptionalLong.empty()
              : OptionalLong.of(longValue(id, "data_access_group_id of " + unique))));
    }
    return List.copyOf(list);
  }

  /**
   * Project info says what the project is; the other exports must agree. When info claims
   * events or repeats that were not given, the caller lost an export: the tables would misread
   * every row, so fail. The reverse (rows given, info silent or older) is fine.
   */
  private void checkInfoFlag(String key, boolean present, String what) {
    String flag = info(key).trim();
    if (flag.equals("1") && !present) {
      throw new IllegalArgumentException("Project info says " + key + "=1, but no " + what
          + " were given: export them too (the model cannot lay out the tables without them)");
    }
    if (flag.equals("0") && present) {
      LOG.warn("Project info says {}=0, but {} were given; the tables follow the {}", key, what,
          what);
    }
  }

  private static IllegalArgumentException changedWhileRead(String message) {
    return new IllegalArgumentException(message + ". The project may have changed while its "
        + "metadata was read: read it again");
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
  private List<ExportFieldName> buildExportFieldNames() {
    List<ExportFieldName> names = new ArrayList<>();
    Map<String, Integer> lastFieldOfForm = lastFieldIndexByForm();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (f.type() == FieldType.CHECKBOX) {
        for (Choice c : f.choices()) {
          names.add(new ExportFieldName(CheckboxNames.exportName(f.name(), c.code()), f.name(),
              c.code()));
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

  /** For each form, the dictionary index of its last field (descriptive fields count). */
  Map<String, Integer> lastFieldIndexByForm() {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      last.put(fields.get(i).form(), i);
    }
    return last;
  }

  /** {@code <field>_label} for coded fields, unless that name is taken by a column already. */
  private Map<String, String> labelColumnNames() {
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
        LOG.info("Field {} gets no label column: the name {} is already a column of the project",
            f.name(), name);
      } else {
        names.put(f.name(), name);
      }
    }
    return Map.copyOf(names);
  }

  private String info(String key) {
    return Rows.get(projectInfo, key);
  }

  // ---------------------------------------------------------------- accessors

  /** Every field in dictionary order, descriptive ones included; the first is the record ID. */
  public List<Field> fields() {
    return fields;
  }

  public Optional<Field> field(String name) {
    return Optional.ofNullable(fieldsByName.get(name));
  }

  /** The record-ID field: the dictionary's first field. */
  public Field recordIdField() {
    return fields.get(0);
  }

  /** Instruments in project order. */
  public List<Instrument> instruments() {
    return instruments;
  }

  public Optional<Instrument> instrument(String name) {
    return Optional.ofNullable(instrumentsByName.get(name));
  }

  /** Events in project order; empty for a classic project. */
  public List<Event> events() {
    return events;
  }

  public Optional<Event> event(String uniqueName) {
    return Optional.ofNullable(eventsByName.get(uniqueName));
  }

  /** Arms as given (REDCap does not export an arm without events); empty for classic projects. */
  public List<Arm> arms() {
    return arms;
  }

  public List<FormEventMapping> formEventMappings() {
    return formEventMappings;
  }

  /** Whether the project has events (then every row has a {@code redcap_event_name}). */
  public boolean isLongitudinal() {
    return !eventsByName.isEmpty();
  }

  /** Whether any instrument or event repeats (then exports have the two repeat columns). */
  public boolean hasRepeatingInstrumentsOrEvents() {
    return repeating;
  }

  public List<DataAccessGroup> dataAccessGroups() {
    return dataAccessGroups;
  }

  /** Whether the project has data access groups, as far as the caller can see. */
  public boolean hasDataAccessGroups() {
    return !dataAccessGroups.isEmpty();
  }

  /** Whether the caller is in a DAG (and so sees only its records and no DAG column). */
  public boolean isCallerInDataAccessGroup() {
    return callerInDataAccessGroup;
  }

  /** Whether tables have a {@code redcap_data_access_group} column. */
  public boolean hasDataAccessGroupColumn() {
    if (dataAccessGroupColumn != null) {
      return dataAccessGroupColumn;
    }
    return hasDataAccessGroups() && !callerInDataAccessGroup;
  }

  /** Whether new records get their ID from REDCap ({@code record_autonumbering_enabled}). */
  public boolean isRecordAutonumbering() {
    return Rows.isYes(info("record_autonumbering_enabled"));
  }

  public boolean hasSurveys() {
    return Rows.isYes(info("surveys_enabled"));
  }

  public String projectTitle() {
    return info("project_title");
  }

  /** The project's missing-data codes ({@code UNK, Unknown | NASK, Not asked}); often none. */
  public List<Choice> missingDataCodes() {
    return missingDataCodes;
  }

  /** The project info export as given (every key kept, values as text). */
  public Map<String, String> projectInfo() {
    return projectInfo;
  }

  /**
   * The columns of a flat export apart from pseudo-columns, in export order, with the field and
   * choice each comes from: REDCap's {@code exportFieldNames}, except that file fields are listed
   * too, since flat exports have a column for them.
   */
  public List<ExportFieldName> exportFieldNames() {
    return exportFieldNames;
  }

  /** Where an export column comes from: {@code race____99} gives field {@code race}, code {@code -99}. */
  public Optional<ExportFieldName> exportFieldName(String exportName) {
    return Optional.ofNullable(exportFieldNamesByName.get(exportName));
  }

  /** The label companion's name for a coded field, when it has one (see {@link LayoutOptions}). */
  public Optional<String> labelColumnName(String fieldName) {
    return Optional.ofNullable(labelColumnNames.get(fieldName));
  }

  Map<String, String> missingDataCodeLabels() {
    return missingDataCodeLabels;
  }

  // ---------------------------------------------------------------- layouts

  /** The {@code records} table: REDCap's flat export layout. */
  public TableLayout recordsLayout(LayoutOptions options) {
    return layouts(options).records;
  }

  /** One instrument's table, if the project has an instrument of that unique name. */
  public Optional<TableLayout> instrumentLayout(String form, LayoutOptions options) {
    return Optional.ofNullable(layouts(options).instruments.get(form));
  }

  /** Every instrument's table, in instrument order. */
  public List<TableLayout> instrumentLayouts(LayoutOptions options) {
    return List.copyOf(layouts(options).instruments.values());
  }

  private Layouts layouts(LayoutOptions options) {
    requireNonNull(options, "options");
    return layouts.computeIfAbsent(options, o -> {
      TableLayouts builder = new TableLayouts(this, o);
      Map<String, TableLayout> byForm = new LinkedHashMap<>();
      for (Instrument i : instruments) {
        byForm.put(i.name(), builder.instrument(i));
      }
      return new Layouts(builder.records(), Collections.unmodifiableMap(byForm));
    });
  }

  private record Layouts(TableLayout records, Map<String, TableLayout> instruments) {
  }

  /**
   * The names to send as {@code fields[]} to export these columns: the record-ID field first
   * (REDCap drops it, and the event and repeat columns with it, when it is not named), then each
   * column's {@link Column#exportRequestField()} once, in column order.
   */
  public List<String> exportRequestFields(Iterable<Column> columns) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    names.add(recordIdField().name());
    for (Column c : columns) {
      c.exportRequestField().ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  @Override public String toString() {
    return "ProjectModel{" + (projectTitle().isEmpty() ? "" : "'" + projectTitle() + "', ")
        + fields.size() + " fields, " + instruments.size() + " instruments, "
        + eventsByName.size() + " events" + (repeating ? ", repeating" : "")
        + (hasDataAccessGroups() ? ", " + dataAccessGroups.size() + " DAGs" : "") + "}";
  }

  // ---------------------------------------------------------------- builder

  /**
   * Collects the API exports a model is built from. Only {@link #metadata} is required; every
   * other export defaults to empty. Rows are copied, so the caller may reuse its lists.
   */
  public static final class Builder {
    private List<Map<String, String>> metadata = List.of();
    private List<Map<String, String>> instruments = List.of();
    private List<Map<String, String>> events = List.of();
    private List<Map<String, String>> arms = List.of();
    private List<Map<String, String>> formEventMappings = List.of();
    private List<Map<String, String>> repeatingFormsEvents = List.of();
    private List<Map<String, String>> dataAccessGroups = List.of();
    private boolean callerInDataAccessGroup;
    private Boolean dataAccessGroupColumn;
    private Map<String, String> projectInfo = Map.of();

    private Builder() {
    }

    /** {@code content=metadata}: {@code field_name} … {@code field_annotation}; row 0 is the record ID. */
    public Builder metadata(List<? extends Map<String, ?>> rows) {
      this.metadata = Rows.copy(requireNonNull(rows, "rows"), "data dictionary");
      return this;
    }

    /** {@code content=instrument}: {@code instrument_name, instrument_label}. */
    public Builder instruments(List<? extends Map<String, ?>> rows) {
      this.instruments = Rows.copy(requireNonNull(rows, "rows"), "instruments");
      return this;
    }

    /** {@code content=event}: {@code event_name, arm_num, unique_event_name, custom_event_label, event_id}. */
    public Builder events(List<? extends Map<String, ?>> rows) {
      this.events = Rows.copy(requireNonNull(rows, "rows"), "events");
      return this;
    }

    /** {@code content=arm}: {@code arm_num, name}. */
    public Builder arms(List<? extends Map<String, ?>> rows) {
      this.arms = Rows.copy(requireNonNull(rows, "rows"), "arms");
      return this;
    }

    /** {@code content=formEventMapping}: {@code arm_num, unique_event_name, form}. */
    public Builder formEventMappings(List<? extends Map<String, ?>> rows) {
      this.formEventMappings = Rows.copy(requireNonNull(rows, "rows"), "form-event mappings");
      return this;
    }

    /**
     * {@code content=repeatingFormsEvents}: {@code event_name} (longitudinal only; the unique
     * event name), {@code form_name} (blank for a repeating event), {@code custom_form_label}.
     */
    public Builder repeatingFormsEvents(List<? extends Map<String, ?>> rows) {
      this.repeatingFormsEvents = Rows.copy(requireNonNull(rows, "rows"), "repeating setup");
      return this;
    }

    /** {@code content=dag}: {@code data_access_group_name, unique_group_name, data_access_group_id}. */
    public Builder dataAccessGroups(List<? extends Map<String, ?>> rows) {
      this.dataAccessGroups = Rows.copy(requireNonNull(rows, "rows"), "data access groups");
      return this;
    }

    /** Whether the caller is in a DAG: it then sees no {@code redcap_data_access_group} column. */
    public Builder callerInDataAccessGroup(boolean inGroup) {
      this.callerInDataAccessGroup = inGroup;
      return this;
    }

    /**
     * Says outright whether exports show the caller a {@code redcap_data_access_group} column,
     * instead of deriving it from the DAG list. For callers REDCap refuses the DAG list (no Data
     * Access Groups right) but still gives the column in record exports.
     */
    public Builder dataAccessGroupColumn(boolean visible) {
      this.dataAccessGroupColumn = visible;
      return this;
    }

    /** {@code content=project}: one object; unknown keys are kept and ignored. */
    public Builder projectInfo(Map<String, ?> info) {
      this.projectInfo = Rows.copyRow(requireNonNull(info, "info"));
      return this;
    }

    /** @throws IllegalArgumentException when the exports are incomplete or do not agree */
    public ProjectModel build() {
      return new ProjectModel(this);
    }
  }
}
