package org.redcapjdbc.emulator.api.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.logic.Logic;
import org.redcapjdbc.emulator.logic.LogicException;
import org.redcapjdbc.emulator.logic.LogicExpression;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.ApiUser;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * The row-selecting parameters shared by record and project-XML exports: {@code records},
 * {@code events}, {@code filterLogic}, {@code dateRangeBegin}/{@code dateRangeEnd}, and the
 * caller's DAG.
 *
 * <p>filterLogic is evaluated per record (classic) or per record-event (longitudinal). A
 * record-event with repeating instruments or a repeating event is kept when the logic is true on
 * any of its rows (the base row or one instance), and then all its rows come back: the
 * documented unit of selection is the record-event, never a single instance.
 */
public final class RecordFilter {
  private static final DateTimeFormatter[] RANGE_FORMATS = {
    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
  };

  private final ProjectDefinition def;
  private final Set<String> records;
  private final Set<Integer> events;
  private final LogicExpression logic;
  private final LocalDateTime rangeBegin;
  private final LocalDateTime rangeEnd;
  private final Integer group;
  private final LocalDateTime now = org.redcapjdbc.emulator.ServerTime.now();

  private RecordFilter(
      ProjectDefinition def,
      Set<String> records,
      Set<Integer> events,
      LogicExpression logic,
      LocalDateTime rangeBegin,
      LocalDateTime rangeEnd,
      Integer group) {
    this.def = def;
    this.records = records;
    this.events = events;
    this.logic = logic;
    this.rangeBegin = rangeBegin;
    this.rangeEnd = rangeEnd;
    this.group = group;
  }

  public static RecordFilter parse(ProjectDefinition def, Params p, ApiUser user)
      throws ApiException {
    List<String> recordList = p.list("records");
    Set<String> records = recordList.isEmpty() ? null : new HashSet<>(recordList);
    Set<Integer> events = null;
    List<String> eventList = p.list("events");
    // A classic project ignores event names (REDCapR #492).
    if (!eventList.isEmpty() && def.isLongitudinal()) {
      events = new HashSet<>();
      Set<String> invalid = new LinkedHashSet<>();
      for (String name : eventList) {
        Event e = def.event(name);
        if (e == null) {
          invalid.add(name);
        } else {
          events.add(e.id());
        }
      }
      if (!invalid.isEmpty()) {
        throw ApiException.badRequest(ColumnPlan.invalidList("events", invalid));
      }
    }
    LogicExpression logic = parseLogic(def, p.get("filterLogic"));
    return new RecordFilter(
        def,
        records,
        events,
        logic,
        parseTime(p, "dateRangeBegin"),
        parseTime(p, "dateRangeEnd"),
        user.groupId());
  }

  static LogicExpression parseLogic(ProjectDefinition def, String text) throws ApiException {
    if (text == null || text.isBlank()) {
      return null;
    }
    LogicExpression logic;
    try {
      logic = Logic.parse(text);
    } catch (LogicException e) {
      throw ApiException.badRequest(
          "The parameter \"filterLogic\" is not valid: " + e.getMessage());
    }
    Set<String> unknown = new LinkedHashSet<>();
    for (String f : logic.referencedFields()) {
      if (def.field(f) == null && def.formOfCompleteField(f) == null) {
        unknown.add(f);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "The parameter \"filterLogic\" is not valid: it refers to fields that do not"
              + " exist in the project: "
              + String.join(", ", unknown));
    }
    Set<String> unknownEvents = new LinkedHashSet<>();
    for (String e : logic.referencedEvents()) {
      if (!def.isLongitudinal() || def.event(e) == null) {
        unknownEvents.add(e);
      }
    }
    if (!unknownEvents.isEmpty()) {
      throw ApiException.badRequest(
          "The parameter \"filterLogic\" is not valid: it refers to events that do not"
              + " exist in the project: "
              + String.join(", ", unknownEvents));
    }
    return logic;
  }

  private static LocalDateTime parseTime(Params p, String name) throws ApiException {
    String v = p.get(name);
    if (v == null) {
      return null;
    }
    for (DateTimeFormatter f : RANGE_FORMATS) {
      try {
        return LocalDateTime.parse(v.strip(), f);
      } catch (DateTimeParseException e) {
        // try the next pattern
      }
    }
    try {
      return java.time.LocalDate.parse(v.strip()).atStartOfDay();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "The value of the parameter \""
              + name
              + "\" is not a valid date and time"
              + " (YYYY-MM-DD HH:MM:SS)");
    }
  }

  Set<Integer> events() {
    return events;
  }

  /**
   * Records selected by {@code records}, the date range and the caller's DAG, in export order,
   * read from the store: only the named ones when {@code records} names any.
   */
  public List<RecordHeader> select(Connection c, int projectId) throws SQLException {
    List<RecordHeader> all =
        records == null
            ? RecordStore.listRecords(c, projectId)
            : RecordStore.listRecords(c, projectId, records);
    if (rangeBegin == null && rangeEnd == null) {
      return select(all);
    }
    // REDCap selects by its log: records with a creation or change (an import, a file, a
    // rename, a partial delete) logged in the range, in server local time. A record deleted
    // whole is gone, so it is never listed; records that came with a project file have no entry.
    Set<String> logged = new HashSet<>();
    for (org.redcapjdbc.emulator.model.LogEntry e :
        org.redcapjdbc.emulator.store.LogStore.read(
            c,
            projectId,
            new org.redcapjdbc.emulator.store.LogStore.Query(
                RECORD_LOG_TYPES, null, null, null, rangeBegin, rangeEnd))) {
      logged.add(e.record());
    }
    List<RecordHeader> out = new ArrayList<>();
    for (RecordHeader h : all) {
      if ((records == null || records.contains(h.record()))
          && (group == null || group.equals(h.groupId()))
          && logged.contains(h.record())) {
        out.add(h);
      }
    }
    return out;
  }

  private static final Set<String> RECORD_LOG_TYPES =
      Set.of(
          org.redcapjdbc.emulator.model.LogEntry.RECORD_ADD,
          org.redcapjdbc.emulator.model.LogEntry.RECORD_EDIT,
          org.redcapjdbc.emulator.model.LogEntry.RECORD_DELETE);

  /** Records selected by {@code records}, the date range and the caller's DAG, in export order. */
  public List<RecordHeader> select(List<RecordHeader> all) {
    List<RecordHeader> out = new ArrayList<>();
    for (RecordHeader h : all) {
      if (records != null && !records.contains(h.record())) {
        continue;
      }
      if (group != null && !group.equals(h.groupId())) {
        continue;
      }
      if (rangeBegin != null || rangeEnd != null) {
        // Records that came with a project file have no log entry, so no date range matches them.
        LocalDateTime t = h.modified() != null ? h.modified() : h.created();
        if (t == null
            || (rangeBegin != null && t.isBefore(rangeBegin))
            || (rangeEnd != null && t.isAfter(rangeEnd))) {
          continue;
        }
      }
      out.add(h);
    }
    return out;
  }

  /** The record's row groups (one per record-event) that pass the events filter and filterLogic. */
  public List<List<RecordRows.Row>> groups(RecordData data) {
    List<List<RecordRows.Row>> groups = RecordRows.groups(def, data, events);
    if (logic == null) {
      return groups;
    }
    List<List<RecordRows.Row>> kept = new ArrayList<>();
    for (List<RecordRows.Row> g : groups) {
      if (test(data, g)) {
        kept.add(g);
      }
    }
    // Classic projects select whole records: their single event is the record.
    return kept;
  }

  private boolean test(RecordData data, List<RecordRows.Row> group) {
    for (RecordRows.Row row : group) {
      try {
        if (logic.test(new RowLogicContext(def, data, row, now))) {
          return true;
        }
      } catch (RuntimeException e) {
        // An evaluation error counts as false for that row, as REDCap treats unevaluable logic.
      }
    }
    return false;
  }
}
