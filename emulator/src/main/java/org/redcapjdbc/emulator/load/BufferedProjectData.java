package org.redcapjdbc.emulator.load;

import java.util.ArrayList;
import java.util.List;

/** Project data read from a file and held in memory until it is stored. */
final class BufferedProjectData implements ProjectData, RecordSink {
  private interface Item {
    void replay(RecordSink sink) throws Exception;
  }

  private final List<Item> items = new ArrayList<>();

  @Override
  public void record(String record, String dag, String surveyIdentifier) {
    items.add(s -> s.record(record, dag, surveyIdentifier));
  }

  @Override
  public void value(String record, String event, String field, int instance, String value) {
    items.add(s -> s.value(record, event, field, instance, value));
  }

  @Override
  public void file(String record, String event, String field, int instance, String name, String mime, byte[] content) {
    items.add(s -> s.file(record, event, field, instance, name, mime, content));
  }

  @Override
  public void surveyTimestamp(String record, String event, String form, int instance, String value) {
    items.add(s -> s.surveyTimestamp(record, event, form, instance, value));
  }

  @Override
  public void writeTo(RecordSink sink) throws Exception {
    for (Item i : items) {
      i.replay(sink);
    }
  }
}
