package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.List;

/** Options of the project XML (CDISC ODM) export ({@code content=project_xml}). */
public final class ProjectXmlRequest {
  private final Boolean returnMetadataOnly;
  private final List<String> records;
  private final List<String> fields;
  private final List<String> events;
  private final String filterLogic;
  private final Boolean exportSurveyFields;
  private final Boolean exportDataAccessGroups;
  private final Boolean exportFiles;

  private ProjectXmlRequest(Builder b) {
    returnMetadataOnly = b.returnMetadataOnly;
    records = List.copyOf(b.records);
    fields = List.copyOf(b.fields);
    events = List.copyOf(b.events);
    filterLogic = b.filterLogic;
    exportSurveyFields = b.exportSurveyFields;
    exportDataAccessGroups = b.exportDataAccessGroups;
    exportFiles = b.exportFiles;
  }

  public static Builder builder() {
    return new Builder();
  }

  FormParams toParams() {
    return FormParams.content("project_xml")
        .add("format", "xml")
        .add("returnFormat", "json")
        .addBool("returnMetadataOnly", returnMetadataOnly)
        .addArray("records", records)
        .addArray("fields", fields)
        .addArray("events", events)
        .add("filterLogic", filterLogic)
        .addBool("exportSurveyFields", exportSurveyFields)
        .addBool("exportDataAccessGroups", exportDataAccessGroups)
        .addBool("exportFiles", exportFiles);
  }

  /** Builder for {@link ProjectXmlRequest}. */
  public static final class Builder {
    private Boolean returnMetadataOnly;
    private List<String> records = new ArrayList<>();
    private List<String> fields = new ArrayList<>();
    private List<String> events = new ArrayList<>();
    private String filterLogic;
    private Boolean exportSurveyFields;
    private Boolean exportDataAccessGroups;
    private Boolean exportFiles;

    private Builder() {}

    public Builder returnMetadataOnly(Boolean v) {
      this.returnMetadataOnly = v;
      return this;
    }

    public Builder records(List<String> v) {
      this.records = new ArrayList<>(v);
      return this;
    }

    public Builder fields(List<String> v) {
      this.fields = new ArrayList<>(v);
      return this;
    }

    public Builder events(List<String> v) {
      this.events = new ArrayList<>(v);
      return this;
    }

    public Builder filterLogic(String v) {
      this.filterLogic = v;
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

    /** Include uploaded files as base64 (large). */
    public Builder exportFiles(Boolean v) {
      this.exportFiles = v;
      return this;
    }

    public ProjectXmlRequest build() {
      return new ProjectXmlRequest(this);
    }
  }
}
