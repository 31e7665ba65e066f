package org.redcapjdbc.emulator.api.record;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.DataValue;
import org.redcapjdbc.emulator.store.DataWriter;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;

/**
 * A mutable copy of one record's data, changed by an import or a partial delete and then written
 * back as the difference from what is stored. Values keep storage order; new values go last.
 */
final class WorkingRecord {
  private final ProjectDefinition def;
  private final String record;
  private final RecordHeader original;
  private final Map<String, Map<String, List<String>>> cells = new LinkedHashMap<>();
  private final Map<String, Map<String, List<String>>> before = new LinkedHashMap<>();
  private Integer groupId;
  private String surveyIdentifier;
  private int pk;

  WorkingRecord(ProjectDefinition def, String record, RecordData existing) {
    this.def = def;
    this.record = record;
    this.original = existing == null ? null : existing.header();
    this.groupId = existing == null ? null : existing.header().groupId();
    this.surveyIdentifier = existing == null ? "" : existing.header().surveyIdentifier();
    this.pk = existing == null ? 0 : existing.header().pk();
    if (existing != null) {
      for (DataValue v : existing.values()) {
        add(cells, key(v.eventId(), v.instance()), v.field(), v.value());
        add(before, key(v.eventId(), v.instance()), v.field(), v.value());
      }
    }
  }

  private static void add(
      Map<String, Map<String, List<String>>> m, String key, String field, String value) {
    m.computeIfAbsent(key, k -> new LinkedHashMap<>())
        .computeIfAbsent(field, k -> new ArrayList<>(1))
        .add(value);
  }

  private static String key(int eventId, int instance) {
    return eventId + ":" + instance;
  }

  String record() {
    return record;
  }

  boolean isNew() {
    return original == null;
  }

  /** Gives a new record the key the store assigned it. */
  void assignPk(int newPk) {
    this.pk = newPk;
  }

  Integer groupId() {
    return groupId;
  }

  void groupId(Integer g) {
    groupId = g;
  }

  String value(int eventId, int instance, String field) {
    Map<String, List<String>> m = cells.get(key(eventId, instance));
    List<String> v = m == null ? null : m.get(field);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  boolean has(int eventId, int instance, String field) {
    Map<String, List<String>> m = cells.get(key(eventId, instance));
    return m != null && m.containsKey(field);
  }

  boolean checked(int eventId, int instance, String field, String code) {
    Map<String, List<String>> m = cells.get(key(eventId, instance));
    List<String> v = m == null ? null : m.get(field);
    return v != null && v.contains(code);
  }

  /** Makes sure the record-ID row of the event exists, before any other value of the event. */
  void ensureEvent(int eventId) {
    String recordId = def.recordIdField().name();
    String k = key(eventId, 1);
    Map<String, List<String>> m = cells.get(k);
    if (m != null && m.containsKey(recordId)) {
      return;
    }
    Map<String, List<String>> rebuilt = new LinkedHashMap<>();
    rebuilt.put(recordId, new ArrayList<>(List.of(record)));
    if (m != null) {
      rebuilt.putAll(m);
    }
    cells.put(k, rebuilt);
  }

  /** Sets a single-valued field; returns whether the stored value changed. */
  boolean set(int eventId, int instance, String field, String value) {
    Map<String, List<String>> m =
        cells.computeIfAbsent(key(eventId, instance), k -> new LinkedHashMap<>());
    List<String> current = m.get(field);
    if (current != null && current.size() == 1 && current.get(0).equals(value)) {
      return false;
    }
    if (current == null) {
      m.put(field, new ArrayList<>(List.of(value)));
    } else {
      current.clear();
      current.add(value);
    }
    return true;
  }

  /** Removes a field (all checked codes of a checkbox); returns whether anything was stored. */
  boolean remove(int eventId, int instance, String field) {
    Map<String, List<String>> m = cells.get(key(eventId, instance));
    return m != null && m.remove(field) != null;
  }

  boolean check(int eventId, int instance, String field, String code) {
    List<String> v =
        cells
            .computeIfAbsent(key(eventId, instance), k -> new LinkedHashMap<>())
            .computeIfAbsent(field, k -> new ArrayList<>());
    if (v.contains(code)) {
      return false;
    }
    v.add(code);
    return true;
  }

  boolean uncheck(int eventId, int instance, String field, String code) {
    Map<String, List<String>> m = cells.get(key(eventId, instance));
    List<String> v = m == null ? null : m.get(field);
    if (v == null || !v.remove(code)) {
      return false;
    }
    if (v.isEmpty()) {
      m.remove(field);
    }
    return true;
  }

  /** Removes every value of an event (and instance, when not null); returns whether anything went. */
  boolean removeEvent(int eventId, Integer instance) {
    boolean any = false;
    for (Map.Entry<String, Map<String, List<String>>> e : cells.entrySet()) {
      String[] k = e.getKey().split(":");
      if (Integer.parseInt(k[0]) == eventId
          && (instance == null || Integer.parseInt(k[1]) == instance)
          && !e.getValue().isEmpty()) {
        e.getValue().clear();
        any = true;
      }
    }
    return any;
  }

  /** Highest instance (1 if none) at which the event has a value for which {@code matches} holds. */
  int maxInstance(int eventId, java.util.function.Predicate<String> matches) {
    int max = 0;
    for (Map.Entry<String, Map<String, List<String>>> e : cells.entrySet()) {
      String[] k = e.getKey().split(":");
      if (Integer.parseInt(k[0]) != eventId) {
        continue;
      }
      for (String field : e.getValue().keySet()) {
        if (matches.test(field)) {
          max = Math.max(max, Integer.parseInt(k[1]));
          break;
        }
      }
    }
    return max;
  }

  boolean isEmpty() {
    for (Map<String, List<String>> m : cells.values()) {
      if (!m.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The current state, as the export and logic code read records. */
  RecordData snapshot() {
    List<DataValue> list = new ArrayList<>();
    long seq = 0;
    for (Map.Entry<String, Map<String, List<String>>> e : cells.entrySet()) {
      String[] k = e.getKey().split(":");
      for (Map.Entry<String, List<String>> f : e.getValue().entrySet()) {
        for (String v : f.getValue()) {
          list.add(
              new DataValue(Integer.parseInt(k[0]), f.getKey(), Integer.parseInt(k[1]), v, seq++));
        }
      }
    }
    return new RecordData(header(original == null ? null : original.modified()), list, List.of());
  }

  private RecordHeader header(LocalDateTime modified) {
    return new RecordHeader(
        pk,
        record,
        groupId,
        surveyIdentifier,
        original == null ? modified : original.created(),
        modified);
  }

  /** Whether data or the record's DAG differ from what is stored. */
  boolean changed() {
    return !Objects.equals(normalize(cells), normalize(before))
        || (original != null && !Objects.equals(original.groupId(), groupId));
  }

  private static Map<String, Map<String, List<String>>> normalize(
      Map<String, Map<String, List<String>>> m) {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            Map<String, List<String>> copy = new java.util.TreeMap<>();
            v.forEach(
                (f, vals) -> {
                  List<String> sorted = new ArrayList<>(vals);
                  java.util.Collections.sort(sorted);
                  copy.put(f, sorted);
                });
            out.put(k, copy);
          }
        });
    return new java.util.TreeMap<>(out);
  }

  /** The header to store, stamped {@code now} as its modification (and, if new, creation) time. */
  RecordHeader headerForWrite(LocalDateTime now) {
    return header(now);
  }

  /** Writes the difference between the working state and what was stored. */
  void writeChanges(DataWriter writer) throws SQLException {
    // Deletions and updates first, against what was stored.
    for (Map.Entry<String, Map<String, List<String>>> e : before.entrySet()) {
      String[] k = e.getKey().split(":");
      int event = Integer.parseInt(k[0]);
      int instance = Integer.parseInt(k[1]);
      Map<String, List<String>> now = cells.getOrDefault(e.getKey(), Map.of());
      for (Map.Entry<String, List<String>> f : e.getValue().entrySet()) {
        List<String> newValues = now.get(f.getKey());
        if (newValues == null || newValues.isEmpty()) {
          writer.delete(event, pk, f.getKey(), instance);
        } else if (isCheckbox(f.getKey())) {
          for (String old : f.getValue()) {
            if (!newValues.contains(old)) {
              writer.deleteValue(event, pk, f.getKey(), instance, old);
            }
          }
        } else if (!newValues.get(0).equals(f.getValue().get(0))) {
          writer.update(event, pk, f.getKey(), instance, newValues.get(0));
        }
      }
    }
    // Then insertions, in working order (so calculated values land after the others).
    for (Map.Entry<String, Map<String, List<String>>> e : cells.entrySet()) {
      String[] k = e.getKey().split(":");
      int event = Integer.parseInt(k[0]);
      int instance = Integer.parseInt(k[1]);
      Map<String, List<String>> old = before.getOrDefault(e.getKey(), Map.of());
      for (Map.Entry<String, List<String>> f : e.getValue().entrySet()) {
        List<String> oldValues = old.get(f.getKey());
        if (oldValues == null || oldValues.isEmpty()) {
          for (String v : f.getValue()) {
            writer.insert(event, pk, f.getKey(), instance, v);
          }
        } else if (isCheckbox(f.getKey())) {
          for (String v : f.getValue()) {
            if (!oldValues.contains(v)) {
              writer.insert(event, pk, f.getKey(), instance, v);
            }
          }
        }
      }
    }
  }

  /**
   * What changed, as REDCap's log details it: {@code field = 'value'} for values set or blanked,
   * {@code field(code) = checked} / {@code unchecked} for checkboxes, instances after the first
   * prefixed {@code [instance = n]}, and a changed DAG as {@code redcap_data_access_group = 'name'}.
   */
  String changeDetails() {
    List<String> parts = new ArrayList<>();
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(cells.keySet());
    keys.addAll(before.keySet());
    for (String k : keys) {
      Map<String, List<String>> now = cells.getOrDefault(k, Map.of());
      Map<String, List<String>> old = before.getOrDefault(k, Map.of());
      java.util.Set<String> fields = new java.util.LinkedHashSet<>(now.keySet());
      fields.addAll(old.keySet());
      int instance = Integer.parseInt(k.split(":")[1]);
      List<String> local = new ArrayList<>();
      for (String f : fields) {
        List<String> a = old.getOrDefault(f, List.of());
        List<String> b = now.getOrDefault(f, List.of());
        if (isCheckbox(f)) {
          for (String code : b) {
            if (!a.contains(code)) {
              local.add(f + "(" + code + ") = checked");
            }
          }
          for (String code : a) {
            if (!b.contains(code)) {
              local.add(f + "(" + code + ") = unchecked");
            }
          }
        } else {
          String was = a.isEmpty() ? "" : a.get(0);
          String is = b.isEmpty() ? "" : b.get(0);
          if (!was.equals(is)) {
            local.add(f + " = '" + is + "'");
          }
        }
      }
      if (!local.isEmpty()) {
        parts.add(
            (instance > 1 ? "[instance = " + instance + "] " : "") + String.join(", ", local));
      }
    }
    if (original != null && !Objects.equals(original.groupId(), groupId)) {
      org.redcapjdbc.emulator.model.Dag dag = groupId == null ? null : def.dag(groupId);
      parts.add("redcap_data_access_group = '" + (dag == null ? "" : dag.uniqueName()) + "'");
    }
    return String.join(", ", parts);
  }

  private boolean isCheckbox(String field) {
    Field f = def.field(field);
    return f != null && f.isCheckbox();
  }
}
