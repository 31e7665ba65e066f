package org.redcapjdbc.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An import-records request ({@code content=record} with {@code data}). The data is either rows
 * (serialised as a JSON array with Jackson; values may be strings, numbers, booleans or null,
 * null being sent as {@code ""}) or a raw CSV document. REDCap accepts raw codes only, validates
 * the whole payload first and writes all or nothing.
 */
public final class RecordImportRequest {
  private final String data;
  private final String format;
  private final ExportType type;
  private final OverwriteBehavior overwriteBehavior;
  private final Boolean forceAutoNumber;
  private final DateFormat dateFormat;
  private final ReturnContent returnContent;
  private final CsvDelimiter csvDelimiter;
  private final int rowCount;

  private RecordImportRequest(Builder b) {
    if (b.data == null) {
      throw new IllegalArgumentException("An import needs data: call rows(…) or csv(…)");
    }
    data = b.data;
    format = b.format;
    type = b.type;
    overwriteBehavior = b.overwriteBehavior;
    forceAutoNumber = b.forceAutoNumber;
    dateFormat = b.dateFormat;
    returnContent = b.returnContent;
    csvDelimiter = b.csvDelimiter;
    rowCount = b.rowCount;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ReturnContent returnContent() {
    return returnContent;
  }

  /** Rows supplied through {@link Builder#rows}; -1 for raw CSV. */
  public int rowCount() {
    return rowCount;
  }

  FormParams toParams() {
    return FormParams.content("record")
        .add("format", format)
        .add("type", type.wire())
        .add("overwriteBehavior", overwriteBehavior.wire())
        .addBool("forceAutoNumber", forceAutoNumber)
        .add("dateFormat", dateFormat == null ? null : dateFormat.wire())
        .add("returnContent", returnContent.wire())
        .add("csvDelimiter", csvDelimiter == null ? null : csvDelimiter.wire())
        .add("returnFormat", "json")
        .add("data", data);
  }

  /** Serialises rows as a JSON array: the shape REDCap needs (a bare object imports nothing). */
  static String toJsonArray(List<? extends Map<String, ?>> rows) {
    Objects.requireNonNull(rows, "rows");
    List<Map<String, Object>> clean = new ArrayList<>(rows.size());
    for (Map<String, ?> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<String, ?> e : Objects.requireNonNull(row, "row").entrySet()) {
        copy.put(
            Objects.requireNonNull(e.getKey(), "column name"),
            e.getValue() == null ? "" : e.getValue());
      }
      clean.add(copy);
    }
    try {
      return Jsons.MAPPER.writeValueAsString(clean);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Rows cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "RecordImportRequest{format="
        + format
        + ", rows="
        + rowCount
        + ", overwrite="
        + overwriteBehavior
        + ", returnContent="
        + returnContent
        + "}";
  }

  /** Builder for {@link RecordImportRequest}. */
  public static final class Builder {
    private String data;
    private String format;
    private ExportType type = ExportType.FLAT;
    private OverwriteBehavior overwriteBehavior = OverwriteBehavior.NORMAL;
    private Boolean forceAutoNumber;
    private DateFormat dateFormat;
    private ReturnContent returnContent = ReturnContent.COUNT;
    private CsvDelimiter csvDelimiter;
    private int rowCount = -1;

    private Builder() {}

    /** The rows to import, column name to value. */
    public Builder rows(List<? extends Map<String, ?>> rows) {
      this.data = toJsonArray(rows);
      this.format = "json";
      this.rowCount = rows.size();
      return this;
    }

    /** A CSV document (header line, then rows), sent as is. */
    public Builder csv(String csv) {
      this.data = Objects.requireNonNull(csv, "csv");
      this.format = "csv";
      this.rowCount = -1;
      return this;
    }

    public Builder type(ExportType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    public Builder overwriteBehavior(OverwriteBehavior v) {
      this.overwriteBehavior = Objects.requireNonNull(v, "overwriteBehavior");
      return this;
    }

    /** Let REDCap assign record IDs; with {@link ReturnContent#AUTO_IDS} it reports them. */
    public Builder forceAutoNumber(Boolean v) {
      this.forceAutoNumber = v;
      return this;
    }

    public Builder dateFormat(DateFormat v) {
      this.dateFormat = v;
      return this;
    }

    public Builder returnContent(ReturnContent v) {
      this.returnContent = Objects.requireNonNull(v, "returnContent");
      return this;
    }

    public Builder csvDelimiter(CsvDelimiter v) {
      this.csvDelimiter = v;
      return this;
    }

    public RecordImportRequest build() {
      return new RecordImportRequest(this);
    }
  }
}
