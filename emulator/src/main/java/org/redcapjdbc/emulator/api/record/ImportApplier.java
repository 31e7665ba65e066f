package org.redcapjdbc.emulator.api.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.record.ImportValidator.Cell;
import org.redcapjdbc.emulator.api.record.ImportValidator.Row;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.DataWriter;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * The writing half of {@link RecordImport}: names the records ({@code forceAutoNumber}), applies
 * validated rows to each record, recomputes its calcs, stores the changes and logs one entry per
 * created or changed record.
 *
 * <p>Kept apart from {@link ImportValidator} because it runs only once every cell has passed,
 * inside the import's transaction, and cannot fail on the data any more.
 */
final class ImportApplier {
  /** Records loaded and written per round, so a large import does not hold every record at once. */
  private static final int CHUNK = 500;

  private ImportApplier() {}

  /**
   * The stored name of each sent record: itself, or with {@code forceAutoNumber} the next free
   * numbers in order of first appearance.
   */
  static Map<String, String> recordNames(
      Connection c,
      int projectId,
      List<String> sentOrder,
      boolean forceAutoNumber,
      Integer callerGroup)
      throws SQLException {
    Map<String, String> names = new LinkedHashMap<>();
    if (forceAutoNumber) {
      long next = nextRecordNumber(c, projectId, callerGroup);
      for (String sent : sentOrder) {
        // A user in a DAG gets DAG-prefixed names (331-1), as REDCap numbers them.
        names.put(sent, callerGroup == null ? String.valueOf(next++) : callerGroup + "-" + next++);
      }
    } else {
      for (String sent : sentOrder) {
        names.put(sent, sent);
      }
    }
    return names;
  }

  private static long nextRecordNumber(Connection c, int projectId, Integer group)
      throws SQLException {
    long max = 0;
    String prefix = group == null ? "" : group + "-";
    for (RecordHeader h : RecordStore.listRecords(c, projectId)) {
      String name = h.record();
      if (name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d{1,18}")) {
        max = Math.max(max, Long.parseLong(name.substring(prefix.length())));
      }
    }
    return max + 1;
  }

  /** Applies {@code rows} to the records {@code names} maps them to, in the caller's transaction. */
  static void apply(
      ApiCall call,
      Connection c,
      ProjectDefinition def,
      List<Row> rows,
      Map<String, String> names,
      boolean overwrite,
      Integer callerGroup)
      throws SQLException {
    Map<String, List<Row>> byRecord = new LinkedHashMap<>();
    for (Row r : rows) {
      byRecord.computeIfAbsent(names.get(r.record()), k -> new ArrayList<>()).add(r);
    }
    List<String> recordNames = new ArrayList<>(byRecord.keySet());
    Calculator calculator = new Calculator(def);
    LocalDateTime now = org.redcapjdbc.emulator.ServerTime.now().withNano(0);
    try (DataWriter writer = new DataWriter(c, def.id())) {
      for (int start = 0; start < recordNames.size(); start += CHUNK) {
        List<String> chunk =
            recordNames.subList(start, Math.min(recordNames.size(), start + CHUNK));
        Map<String, RecordData> existing = existing(c, def, chunk);
        for (String name : chunk) {
          WorkingRecord w = new WorkingRecord(def, name, existing.get(name));
          if (w.isNew() && callerGroup != null) {
            // A record created by a user in a DAG belongs to that DAG.
            w.groupId(callerGroup);
          }
          for (Row r : byRecord.get(name)) {
            applyRow(def, w, r, overwrite);
          }
          calculator.recompute(w, now);
          if (w.isNew()) {
            RecordHeader stored = RecordStore.insertRecord(c, def.id(), w.headerForWrite(now));
            w.assignPk(stored.pk());
            writer.newRecord(stored.pk());
            call.log(
                c, LogEntry.RECORD_ADD, "Create record (API) " + name, w.changeDetails(), name);
          } else if (w.changed()) {
            RecordStore.updateRecord(c, w.headerForWrite(now));
            call.log(
                c, LogEntry.RECORD_EDIT, "Update record (API) " + name, w.changeDetails(), name);
          }
          w.writeChanges(writer);
        }
        writer.flush();
      }
    }
  }

  /** Stored data of the records that exist, by name. */
  private static Map<String, RecordData> existing(
      Connection c, ProjectDefinition def, List<String> wanted) throws SQLException {
    List<RecordHeader> found = new ArrayList<>();
    for (String name : wanted) {
      Optional<RecordHeader> stored = RecordStore.header(c, def.id(), name);
      stored.ifPresent(found::add);
    }
    return found.isEmpty() ? new HashMap<>() : RecordStore.load(c, def.id(), found);
  }

  private static void applyRow(ProjectDefinition def, WorkingRecord w, Row r, boolean overwrite) {
    int event = r.event().id();
    w.ensureEvent(event);
    if (r.dag() != null) {
      w.groupId(r.dag().id());
    }
    int instance = 1;
    if (r.repeatForm() != null || def.isRepeatingEvent(r.event())) {
      if (r.instanceText().equalsIgnoreCase("new")) {
        String form = r.repeatForm() == null ? null : r.repeatForm().name();
        String recordId = def.recordIdField().name();
        instance =
            1
                + w.maxInstance(
                    event,
                    f ->
                        form == null
                            ? !f.equals(recordId)
                            : form.equals(RecordRows.formOf(def, f)));
      } else if (!r.instanceText().isEmpty()) {
        instance = Integer.parseInt(r.instanceText());
      }
    }
    Set<String> saved = new LinkedHashSet<>();
    Set<String> statusGiven = new LinkedHashSet<>();
    for (Cell cell : r.cells()) {
      String formName = cell.form().name();
      boolean changed;
      if (cell.field() == null) {
        // <form>_complete
        if (cell.value().isEmpty()) {
          changed = overwrite && w.remove(event, instance, cell.column());
        } else {
          changed = w.set(event, instance, cell.column(), cell.value());
          statusGiven.add(formName);
        }
      } else if (cell.checkboxChoice() != null) {
        String code = cell.checkboxChoice().code();
        if (cell.value().equals("1")) {
          changed = w.check(event, instance, cell.field().name(), code);
        } else if (cell.value().equals("0") || overwrite) {
          changed = w.uncheck(event, instance, cell.field().name(), code);
        } else {
          changed = false;
        }
      } else if (cell.value().isEmpty()) {
        changed = overwrite && w.remove(event, instance, cell.field().name());
      } else {
        changed = w.set(event, instance, cell.field().name(), cell.value());
      }
      if (changed) {
        saved.add(formName);
      }
    }
    // A form saved for the first time gets status 0 (Incomplete).
    for (String form : saved) {
      String status = form + "_complete";
      if (!statusGiven.contains(form) && !w.has(event, instance, status)) {
        w.set(event, instance, status, "0");
      }
    }
  }
}
