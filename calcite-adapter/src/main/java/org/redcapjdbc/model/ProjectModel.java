package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable snapshot of a REDCap project's structure: data dictionary, instruments, events,
 * arms, instrument–event mappings, repeating setup, data access groups and project info, and the
 * SQL tables derived from them ({@link #recordsLayout}, {@link #instrumentLayout}).
 *
 * <p>Built from the rows REDCap's API exports, keyed by the API's column names, with
 * {@link #builder()}; {@link ProjectModelParser} reads and cross-checks them. It makes no API
 * calls and does not depend on the client, so anything can feed it: the client, tests, the
 * data-dictionary CSV ({@link DataDictionaryCsv}). Rows are read by column name: extra columns
 * are ignored and missing optional ones read as blank. A classic project has no events, arms or
 * mappings (REDCap answers 400 for them): pass nothing.
 *
 * <p>Inconsistent input, which happens when the project changes between the calls that fetched
 * it, fails with an {@link IllegalArgumentException} saying what does not match, rather than
 * giving tables that misread the data.
 */
public final class ProjectModel {
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

  /** Called by {@link ProjectModelParser} with parsed, cross-checked parts; builds the indexes. */
  ProjectModel(
      List<Field> fields,
      List<Instrument> instruments,
      List<Event> events,
      List<Arm> arms,
      List<FormEventMapping> formEventMappings,
      boolean repeating,
      List<DataAccessGroup> dataAccessGroups,
      boolean callerInDataAccessGroup,
      Boolean dataAccessGroupColumn,
      Map<String, String> projectInfo,
      List<Choice> missingDataCodes,
      List<ExportFieldName> exportFieldNames,
      Map<String, String> labelColumnNames) {
    this.fields = fields;
    Map<String, Field> byName = new HashMap<>();
    for (Field f : fields) {
      byName.put(f.name(), f);
    }
    this.fieldsByName = Map.copyOf(byName);
    this.instruments = instruments;
    Map<String, Instrument> instrumentIndex = new LinkedHashMap<>();
    for (Instrument i : instruments) {
      instrumentIndex.put(i.name(), i);
    }
    this.instrumentsByName = Collections.unmodifiableMap(instrumentIndex);
    this.events = events;
    this.eventsByName = indexEvents(events);
    this.arms = arms;
    this.formEventMappings = formEventMappings;
    this.repeating = repeating;
    this.dataAccessGroups = dataAccessGroups;
    this.callerInDataAccessGroup = callerInDataAccessGroup;
    this.dataAccessGroupColumn = dataAccessGroupColumn;
    this.projectInfo = projectInfo;
    this.missingDataCodes = missingDataCodes;
    Map<String, String> codeLabels = new HashMap<>();
    for (Choice c : missingDataCodes) {
      codeLabels.put(c.code(), c.label());
    }
    this.missingDataCodeLabels = Map.copyOf(codeLabels);
    this.exportFieldNames = exportFieldNames;
    Map<String, ExportFieldName> exportIndex = new HashMap<>();
    for (ExportFieldName e : exportFieldNames) {
      exportIndex.put(e.exportName(), e);
    }
    this.exportFieldNamesByName = Map.copyOf(exportIndex);
    this.labelColumnNames = labelColumnNames;
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

  /** For each form, the dictionary index of its last field (descriptive fields count). */
  Map<String, Integer> lastFieldIndexByForm() {
    return lastFieldIndexByForm(fields);
  }

  static Map<String, Integer> lastFieldIndexByForm(List<Field> fields) {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      last.put(fields.get(i).form(), i);
    }
    return last;
  }

  // ---------------------------------------------------------------- accessors

  private String info(String key) {
    return Rows.get(projectInfo, key);
  }

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
    return layouts.computeIfAbsent(
        options,
        o -> {
          TableLayouts builder = new TableLayouts(this, o);
          Map<String, TableLayout> byForm = new LinkedHashMap<>();
          for (Instrument i : instruments) {
            byForm.put(i.name(), builder.instrument(i));
          }
          return new Layouts(builder.records(), Collections.unmodifiableMap(byForm));
        });
  }

  private record Layouts(TableLayout records, Map<String, TableLayout> instruments) {}

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

  @Override
  public String toString() {
    return "ProjectModel{"
        + (projectTitle().isEmpty() ? "" : "'" + projectTitle() + "', ")
        + fields.size()
        + " fields, "
        + instruments.size()
        + " instruments, "
        + eventsByName.size()
        + " events"
        + (repeating ? ", repeating" : "")
        + (hasDataAccessGroups() ? ", " + dataAccessGroups.size() + " DAGs" : "")
        + "}";
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

    private Builder() {}

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
      return ProjectModelParser.parse(
          new ProjectModelParser.ApiRows(
              metadata,
              instruments,
              events,
              arms,
              formEventMappings,
              repeatingFormsEvents,
              dataAccessGroups,
              callerInDataAccessGroup,
              dataAccessGroupColumn,
              projectInfo));
    }
  }
}
