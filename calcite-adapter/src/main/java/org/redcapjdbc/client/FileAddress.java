package org.redcapjdbc.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a file lives on a record: record, file field, and for longitudinal or repeating projects
 * the unique event name and repeat instance. Validated before any request is sent: a blank record
 * or field is an {@link IllegalArgumentException}, and {@link #checkFileField} checks the field
 * against the caller's metadata rows.
 */
public final class FileAddress {
  private final String record;
  private final String field;
  private final String event;
  private final Integer repeatInstance;

  private FileAddress(String record, String field, String event, Integer repeatInstance) {
    this.record = record;
    this.field = field;
    this.event = event;
    this.repeatInstance = repeatInstance;
  }

  /**
   * @throws IllegalArgumentException if record or field is blank, or the instance is below 1
   */
  public static FileAddress of(String record, String field, String event, Integer repeatInstance) {
    if (record == null || record.isBlank()) {
      throw new IllegalArgumentException("A file call needs a record ID; it was empty");
    }
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("A file call needs the file field's name; it was empty");
    }
    if (repeatInstance != null && repeatInstance < 1) {
      throw new IllegalArgumentException("repeat_instance starts at 1, was " + repeatInstance);
    }
    return new FileAddress(
        record, field, event == null || event.isBlank() ? null : event, repeatInstance);
  }

  public static FileAddress of(String record, String field) {
    return of(record, field, null, null);
  }

  /**
   * Checks, against metadata rows as {@code ProjectApi.exportMetadata} returns them, that the
   * field exists and is a {@code file} field (signature fields are file fields too).
   *
   * @return this address
   * @throws IllegalArgumentException if it is not: REDCap would answer 400 anyway
   */
  public FileAddress checkFileField(List<Map<String, String>> metadata) {
    Objects.requireNonNull(metadata, "metadata");
    for (Map<String, String> row : metadata) {
      if (field.equals(row.get("field_name"))) {
        if (!"file".equals(row.get("field_type"))) {
          throw new IllegalArgumentException(
              "The field '"
                  + field
                  + "' is a '"
                  + row.get("field_type")
                  + "' field, not a 'file' field: file calls need a file"
                  + " upload field");
        }
        return this;
      }
    }
    throw new IllegalArgumentException(
        "The field '"
            + field
            + "' is not in the project's data"
            + " dictionary; file calls need the name of a file upload field");
  }

  public String record() {
    return record;
  }

  public String field() {
    return field;
  }

  public String event() {
    return event;
  }

  public Integer repeatInstance() {
    return repeatInstance;
  }

  FormParams addTo(FormParams p) {
    return p.add("record", record)
        .add("field", field)
        .add("event", event)
        .add("repeat_instance", repeatInstance);
  }

  @Override
  public String toString() {
    return "FileAddress{record="
        + record
        + ", field="
        + field
        + ", event="
        + event
        + ", repeatInstance="
        + repeatInstance
        + "}";
  }
}
