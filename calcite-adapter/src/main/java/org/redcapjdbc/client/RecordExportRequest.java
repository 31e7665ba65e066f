package org.redcapjdbc.client;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An export-records request (REDCap {@code content=record}): every parameter of the API, immutable.
 * Unset parameters are not sent. Build with {@link #builder()}; derive with {@link #toBuilder()}.
 *
 * <p>Wire rules applied when it is sent ({@link #toParams}):
 * <ul>
 *   <li>When {@code fields} or {@code forms} is given, the record-ID field is added to
 *       {@code fields}: since REDCap 6.0 the record ID, event and repeat columns come back only if
 *       it is requested. Set it with {@link Builder#recordIdField}; if unset, the client asks
 *       the server for it (metadata row 0, one extra request).
 *   <li>Pseudo-fields ({@code redcap_event_name}, {@code redcap_repeat_instrument},
 *       {@code redcap_repeat_instance}, {@code redcap_data_access_group},
 *       {@code redcap_survey_identifier}) are removed from {@code fields}: REDCap ≥ 13.4.10
 *       rejects them, and they come along with the record-ID field anyway.
 *   <li>Checkbox export names ({@code race___1}) are mapped to their field ({@code race}):
 *       {@code fields} takes field names, and REDCap field names never contain {@code ___}.
 *       {@code <form>_complete} is a valid field and is kept.
 * </ul>
 */
public final class RecordExportRequest {
  /** Columns REDCap adds itself; never valid in {@code fields}. */
  public static final Set<String> PSEUDO_FIELDS =
      Set.of(
          "redcap_event_name",
          "redcap_repeat_instrument",
          "redcap_repeat_instance",
          "redcap_data_access_group",
          "redcap_survey_identifier");

  private static final DateTimeFormatter DATE_RANGE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ExportType type;
  private final List<String> records;
  private final List<String> fields;
  private final List<String> forms;
  private final List<String> events;
  private final RawOrLabel rawOrLabel;
  private final RawOrLabel rawOrLabelHeaders;
  private final Boolean exportCheckboxLabel;
  private final Boolean exportSurveyFields;
  private final Boolean exportDataAccessGroups;
  private final String filterLogic;
  private final String dateRangeBegin;
  private final String dateRangeEnd;
  private final Boolean exportBlankForGrayFormStatus;
  private final Boolean combineCheckboxOptions;
  private final CsvDelimiter csvDelimiter;
  private final DecimalCharacter decimalCharacter;
  private final String recordIdField;

  private RecordExportRequest(Builder b) {
    type = b.type;
    records = List.copyOf(b.records);
    fields = List.copyOf(b.fields);
    forms = List.copyOf(b.forms);
    events = List.copyOf(b.events);
    rawOrLabel = b.rawOrLabel;
    rawOrLabelHeaders = b.rawOrLabelHeaders;
    exportCheckboxLabel = b.exportCheckboxLabel;
    exportSurveyFields = b.exportSurveyFields;
    exportDataAccessGroups = b.exportDataAccessGroups;
    filterLogic = b.filterLogic;
    dateRangeBegin = b.dateRangeBegin;
    dateRangeEnd = b.dateRangeEnd;
    exportBlankForGrayFormStatus = b.exportBlankForGrayFormStatus;
    combineCheckboxOptions = b.combineCheckboxOptions;
    csvDelimiter = b.csvDelimiter;
    decimalCharacter = b.decimalCharacter;
    recordIdField = b.recordIdField;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every record, every field. */
  public static RecordExportRequest all() {
    return builder().build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.type = type;
    b.records = new ArrayList<>(records);
    b.fields = new ArrayList<>(fields);
    b.forms = new ArrayList<>(forms);
    b.events = new ArrayList<>(events);
    b.rawOrLabel = rawOrLabel;
    b.rawOrLabelHeaders = rawOrLabelHeaders;
    b.exportCheckboxLabel = exportCheckboxLabel;
    b.exportSurveyFields = exportSurveyFields;
    b.exportDataAccessGroups = exportDataAccessGroups;
    b.filterLogic = filterLogic;
    b.dateRangeBegin = dateRangeBegin;
    b.dateRangeEnd = dateRangeEnd;
    b.exportBlankForGrayFormStatus = exportBlankForGrayFormStatus;
    b.combineCheckboxOptions = combineCheckboxOptions;
    b.csvDelimiter = csvDelimiter;
    b.decimalCharacter = decimalCharacter;
    b.recordIdField = recordIdField;
    return b;
  }

  public ExportType type() {
    return type;
  }

  public List<String> records() {
    return records;
  }

  public List<String> fields() {
    return fields;
  }

  public List<String> forms() {
    return forms;
  }

  public List<String> events() {
    return events;
  }

  public RawOrLabel rawOrLabel() {
    return rawOrLabel;
  }

  public RawOrLabel rawOrLabelHeaders() {
    return rawOrLabelHeaders;
  }

  public Boolean exportCheckboxLabel() {
    return exportCheckboxLabel;
  }

  public Boolean exportSurveyFields() {
    return exportSurveyFields;
  }

  public Boolean exportDataAccessGroups() {
    return exportDataAccessGroups;
  }

  public String filterLogic() {
    return filterLogic;
  }

  public String dateRangeBegin() {
    return dateRangeBegin;
  }

  public String dateRangeEnd() {
    return dateRangeEnd;
  }

  public Boolean exportBlankForGrayFormStatus() {
    return exportBlankForGrayFormStatus;
  }

  public Boolean combineCheckboxOptions() {
    return combineCheckboxOptions;
  }

  public CsvDelimiter csvDelimiter() {
    return csvDelimiter;
  }

  public DecimalCharacter decimalCharacter() {
    return decimalCharacter;
  }

  /** The project's record-ID field, or null if the client should look it up. */
  public String recordIdField() {
    return recordIdField;
  }

  /** True if {@code fields} or {@code forms} restrict the columns (so the record ID is added). */
  public boolean restrictsColumns() {
    return !fields.isEmpty() || !forms.isEmpty();
  }

  /**
   * The parameters sent. {@code recordIdField} must be known when columns are restricted.
   *
   * @param format {@code json} or {@code csv}
   */
  FormParams toParams(String format) {
    FormParams p =
        FormParams.content("record")
            .add("format", format)
            .add("returnFormat", "json")
            .add("type", type.wire());
    p.addArray("records", records);
    if (restrictsColumns()) {
      if (recordIdField == null) {
        throw new IllegalStateException("the record-ID field must be known to restrict columns");
      }
      p.addArray("fields", wireFields(fields, recordIdField));
    }
    p.addArray("forms", forms);
    p.addArray("events", events);
    p.add("rawOrLabel", rawOrLabel == null ? null : rawOrLabel.wire());
    p.add("rawOrLabelHeaders", rawOrLabelHeaders == null ? null : rawOrLabelHeaders.wire());
    p.addBool("exportCheckboxLabel", exportCheckboxLabel);
    p.addBool("exportSurveyFields", exportSurveyFields);
    p.addBool("exportDataAccessGroups", exportDataAccessGroups);
    p.add("filterLogic", filterLogic);
    p.add("dateRangeBegin", dateRangeBegin);
    p.add("dateRangeEnd", dateRangeEnd);
    p.addBool("exportBlankForGrayFormStatus", exportBlankForGrayFormStatus);
    p.addBool("combineCheckboxOptions", combineCheckboxOptions);
    p.add("csvDelimiter", csvDelimiter == null ? null : csvDelimiter.wire());
    p.add("decimalCharacter", decimalCharacter == null ? null : decimalCharacter.wire());
    return p;
  }

  /**
   * The {@code fields[]} REDCap is sent: record-ID field first, pseudo-fields dropped, checkbox
   * export names mapped to their field, duplicates removed.
   */
  public static List<String> wireFields(List<String> fields, String recordIdField) {
    Set<String> out = new LinkedHashSet<>();
    out.add(Objects.requireNonNull(recordIdField, "recordIdField"));
    for (String f : fields) {
      if (PSEUDO_FIELDS.contains(f)) {
        continue;
      }
      int checkbox = f.indexOf("___");
      out.add(checkbox > 0 ? f.substring(0, checkbox) : f);
    }
    return new ArrayList<>(out);
  }

  @Override
  public String toString() {
    return "RecordExportRequest{type="
        + type
        + ", records="
        + records.size()
        + ", fields="
        + fields
        + ", forms="
        + forms
        + ", events="
        + events
        + ", filterLogic="
        + filterLogic
        + "}";
  }

  /** Builder for {@link RecordExportRequest}. */
  public static final class Builder {
    private ExportType type = ExportType.FLAT;
    private List<String> records = new ArrayList<>();
    private List<String> fields = new ArrayList<>();
    private List<String> forms = new ArrayList<>();
    private List<String> events = new ArrayList<>();
    private RawOrLabel rawOrLabel;
    private RawOrLabel rawOrLabelHeaders;
    private Boolean exportCheckboxLabel;
    private Boolean exportSurveyFields;
    private Boolean exportDataAccessGroups;
    private String filterLogic;
    private String dateRangeBegin;
    private String dateRangeEnd;
    private Boolean exportBlankForGrayFormStatus;
    private Boolean combineCheckboxOptions;
    private CsvDelimiter csvDelimiter;
    private DecimalCharacter decimalCharacter;
    private String recordIdField;

    private Builder() {}

    public Builder type(ExportType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    public Builder records(List<String> records) {
      this.records = noNulls(records, "records");
      return this;
    }

    public Builder fields(List<String> fields) {
      this.fields = noNulls(fields, "fields");
      return this;
    }

    public Builder forms(List<String> forms) {
      this.forms = noNulls(forms, "forms");
      return this;
    }

    /** Unique event names ({@code baseline_arm_1}). */
    public Builder events(List<String> events) {
      this.events = noNulls(events, "events");
      return this;
    }

    public Builder rawOrLabel(RawOrLabel v) {
      this.rawOrLabel = v;
      return this;
    }

    /** Label headers apply to CSV exports only. */
    public Builder rawOrLabelHeaders(RawOrLabel v) {
      this.rawOrLabelHeaders = v;
      return this;
    }

    public Builder exportCheckboxLabel(Boolean v) {
      this.exportCheckboxLabel = v;
      return this;
    }

    public Builder exportSurveyFields(Boolean v) {
      this.exportSurveyFields = v;
      return this;
    }

    public Builder exportDataAccessGroups(Boolean v) {
      this.exportDataAccessGroups = v;
      return this;
    }

    /** REDCap logic, e.g. {@code [age] >= 61}; null or blank for none. */
    public Builder filterLogic(String logic) {
      this.filterLogic = logic == null || logic.isBlank() ? null : logic;
      return this;
    }

    /** {@code YYYY-MM-DD HH:MM:SS}, server time: records created or modified since then. */
    public Builder dateRangeBegin(String v) {
      this.dateRangeBegin = v;
      return this;
    }

    public Builder dateRangeBegin(LocalDateTime v) {
      return dateRangeBegin(v == null ? null : v.format(DATE_RANGE));
    }

    public Builder dateRangeEnd(String v) {
      this.dateRangeEnd = v;
      return this;
    }

    public Builder dateRangeEnd(LocalDateTime v) {
      return dateRangeEnd(v == null ? null : v.format(DATE_RANGE));
    }

    public Builder exportBlankForGrayFormStatus(Boolean v) {
      this.exportBlankForGrayFormStatus = v;
      return this;
    }

    /** Newer servers: join checked labels into one value in label exports. */
    public Builder combineCheckboxOptions(Boolean v) {
      this.combineCheckboxOptions = v;
      return this;
    }

    public Builder csvDelimiter(CsvDelimiter v) {
      this.csvDelimiter = v;
      return this;
    }

    public Builder decimalCharacter(DecimalCharacter v) {
      this.decimalCharacter = v;
      return this;
    }

    /** The project's record-ID field (metadata row 0); saves a lookup when columns are restricted. */
    public Builder recordIdField(String v) {
      this.recordIdField = v;
      return this;
    }

    public RecordExportRequest build() {
      return new RecordExportRequest(this);
    }

    private static List<String> noNulls(List<String> list, String what) {
      Objects.requireNonNull(list, what);
      List<String> copy = new ArrayList<>(list.size());
      for (String s : list) {
        copy.add(Objects.requireNonNull(s, what + " element"));
      }
      return copy;
    }
  }
}
