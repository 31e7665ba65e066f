package org.redcapjdbc.emulator.load;

/**
 * Receives the records of a project being loaded, in any order. Events are unique event names;
 * instance is 1 for non-repeating data; a checkbox option is a value whose field is the bare
 * checkbox name and whose value is the checked code.
 */
public interface RecordSink {
  /** Declares a record, its DAG (unique name, or null) and survey identifier (or ""). */
  void record(String record, String dagUniqueName, String surveyIdentifier) throws Exception;

  void value(String record, String event, String field, int instance, String value)
      throws Exception;

  /** A file-field value with the file's bytes (the stored value becomes the new doc id). */
  void file(
      String record,
      String event,
      String field,
      int instance,
      String name,
      String mimeType,
      byte[] content)
      throws Exception;

  void surveyTimestamp(String record, String event, String form, int instance, String value)
      throws Exception;
}
