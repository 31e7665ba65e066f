package org.redcapjdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** All stored values of one record, indexed by event, instance and field. */
public final class RecordData {
  private final RecordHeader header;
  private final List<DataValue> values;
  private final Map<Integer, TreeMap<Integer, Map<String, List<String>>>> index = new LinkedHashMap<>();
  private final Map<String, String> timestamps = new HashMap<>();

  public RecordData(RecordHeader header, List<DataValue> values, List<SurveyTimestamp> surveyTimestamps) {
    this.header = requireNonNull(header, "header");
    this.values = List.copyOf(values);
    for (DataValue v : values) {
      index.computeIfAbsent(v.eventId(), k -> new TreeMap<>())
          .computeIfAbsent(v.instance(), k -> new HashMap<>())
          .computeIfAbsent(v.field(), k -> new ArrayList<>(1))
          .add(v.value());
    }
    for (SurveyTimestamp t : surveyTimestamps) {
      timestamps.put(key(t.eventId(), t.form(), t.instance()), t.value());
    }
  }

  private static String key(int eventId, String form, int instance) {
    return eventId + "|" + form + "|" + instance;
  }

  public String record() {
    return header.record();
  }

  public RecordHeader header() {
    return header;
  }

  /** Stored rows in storage (insertion) order, as EAV exports list them. */
  public List<DataValue> values() {
    return values;
  }

  /** Event ids in which the record has any data. */
  public Set<Integer> eventIds() {
    return Collections.unmodifiableSet(index.keySet());
  }

  public boolean hasEvent(int eventId) {
    return index.containsKey(eventId);
  }

  /** Instances with data in the event, ascending. */
  public Set<Integer> instances(int eventId) {
    TreeMap<Integer, Map<String, List<String>>> m = index.get(eventId);
    return m == null ? Set.of() : m.keySet();
  }

  /** Fields with data at one event and instance. */
  public Set<String> fieldsAt(int eventId, int instance) {
    Map<String, List<String>> m = fieldMap(eventId, instance);
    return m == null ? Set.of() : m.keySet();
  }

  private Map<String, List<String>> fieldMap(int eventId, int instance) {
    TreeMap<Integer, Map<String, List<String>>> m = index.get(eventId);
    return m == null ? null : m.get(instance);
  }

  /** The stored value, or "" when blank. */
  public String value(int eventId, int instance, String field) {
    Map<String, List<String>> m = fieldMap(eventId, instance);
    if (m == null) {
      return "";
    }
    List<String> v = m.get(field);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  public boolean has(int eventId, int instance, String field) {
    Map<String, List<String>> m = fieldMap(eventId, instance);
    return m != null && m.containsKey(field);
  }

  /** Whether a checkbox option is checked (stored as a row holding its code). */
  public boolean checked(int eventId, int instance, String field, String code) {
    Map<String, List<String>> m = fieldMap(eventId, instance);
    if (m == null) {
      return false;
    }
    List<String> v = m.get(field);
    return v != null && v.contains(code);
  }

  /** Checked codes of a checkbox, in storage order. */
  public List<String> checkedCodes(int eventId, int instance, String field) {
    Map<String, List<String>> m = fieldMap(eventId, instance);
    List<String> v = m == null ? null : m.get(field);
    return v == null ? List.of() : Collections.unmodifiableList(v);
  }

  public String surveyTimestamp(int eventId, String form, int instance) {
    return timestamps.getOrDefault(key(eventId, form, instance), "");
  }
}
