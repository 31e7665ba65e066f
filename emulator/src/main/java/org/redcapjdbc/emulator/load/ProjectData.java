package org.redcapjdbc.emulator.load;

import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/** The records of a project being loaded, replayed into a sink (possibly generated on the fly). */
@FunctionalInterface
public interface ProjectData {
  void writeTo(RecordSink sink) throws Exception;

  ProjectData NONE = sink -> {};

  /**
   * These records without the values of {@code def}'s calc fields. REDCap keeps none when it
   * creates a project from an XML file: live, PyCap's simple project (calcs {@code age} and
   * {@code bmi}, with values in its XML) exports them blank once created (docs/redcap-api.md §2.2).
   */
  default ProjectData withoutCalcValues(ProjectDefinition def) {
    return sink ->
        writeTo(
            new RecordSink() {
              @Override
              public void record(String record, String dag, String surveyIdentifier)
                  throws Exception {
                sink.record(record, dag, surveyIdentifier);
              }

              @Override
              public void value(
                  String record, String event, String field, int instance, String value)
                  throws Exception {
                Field f = def.field(field);
                if (f == null || f.type() != FieldType.CALC) {
                  sink.value(record, event, field, instance, value);
                }
              }

              @Override
              public void file(
                  String record,
                  String event,
                  String field,
                  int instance,
                  String name,
                  String mimeType,
                  byte[] content)
                  throws Exception {
                sink.file(record, event, field, instance, name, mimeType, content);
              }

              @Override
              public void surveyTimestamp(
                  String record, String event, String form, int instance, String value)
                  throws Exception {
                sink.surveyTimestamp(record, event, form, instance, value);
              }
            });
  }
}
