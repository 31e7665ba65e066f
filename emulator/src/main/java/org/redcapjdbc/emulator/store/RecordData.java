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
  // event id -> instance -> field -> value (a String, or a List<String> for several checked codes)
  private final Map<Integer, TreeMap<Integer, Map<String, Object>>> index = new LinkedHashMap<>();
  private Map<String, String> timestamps = Map.of();

  public RecordData(
      RecordHeader header, List<DataValue> values, List<SurveyTimestamp> surveyTimestamps) {
    this.header = requireNonNull(header, "header");
    this.values = Collections.unmodifiableList(values);
    int lastEvent = Integer.MIN_VALUE;
    int lastInstance = Integer.MIN_VALUE;
    Map<String, Object> fields = null;
    for (DataValue v : values) {
      if (v.eventId() != lastEvent || v.instance() != lastInstance) {
        fields =
            index
                .computeIfAbsent(v.eventId(), k -> new TreeMap<>())
                .computeIfAbsent(v.instance(), k -> new HashMap<>());
        lastEvent = v.eventId();
        lastInstance = v.instance();
      }
      Object old = fields.putIfAbsent(v.field(), v.value());
      if (old != null) {
        List<String> list;
        if (old instanceof String s) {
          list = new ArrayList<>(2);
          list.add(s);
          fields.put(v.field(), list);
        } else {
          @SuppressWarnings("unchecked")
          List<String> l = (List<String>) old;
          list = l;
        }
        list.add(v.value());
      }
    }
    if (!surveyTimestamps.isEmpty()) {
      timestamps = new HashMap<>();
      for (SurveyTimestamp t : surveyTimestamps) {
        timestamps.put(key(t.eventId(), t.form(), t.instance()), t.value());
      }
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
    TreeMap<Integer, Map<String, Object>> m = index.get(eventId);
    return m == null ? Set.of() : m.keySet();
  }

  /** Fields with data at one event and instance. */
  public Set<String> fieldsAt(int eventId, int instance) {
    Map<String, Object> m = fieldMap(eventId, instance);
    return m == null ? Set.of() : m.keySet();
  }

  private Map<String, Object> fieldMap(int eventId, int instance) {
    TreeMap<Integer, Map<String, Object>> m = index.get(eventId);
    return m == null ? null : m.get(instance);
  }

  /** The stored value, or "" when blank (the first one for a checkbox). */
  public String value(int eventId, int instance, String field) {
    Map<String, Object> m = fieldMap(eventId, instance);
    Object v = m == null ? null : m.get(field);
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) v;
    return list.get(0);
  }

  public boolean has(int eventId, int instance, String field) {
    Map<String, Object> m = fieldMap(eventId, instance);
    return m != null && m.containsKey(field);
  }

  /** Whether a checkbox option is checked (stored as a row holding its code). */
  public boolean checked(int eventId, int instance, String field, String code) {
    Map<String, Object> m = fieldMap(eventId, instance);
    Object v = m == null ? null : m.get(field);
    if (v == null) {
      return false;
    }
    return v instanceof String s ? s.equals(code) : ((List<?>) v).contains(code);
  }

  /** Checked codes of a checkbox, in storage order. */
  public List<String> checkedCodes(int eventId, int instance, String field) {
    Map<String, Object> m = fieldMap(eventId, instance);
    Object v = m == null ? null : m.get(field);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) v;
    return Collections.unmodifiableList(list);
  }

  public String surveyTimestamp(int eventId, String form, int instance) {
    return timestamps.isEmpty() ? "" : timestamps.getOrDefault(key(eventId, form, instance), "");
  }
}
