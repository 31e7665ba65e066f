package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.redcapjdbc.client.ExportType;
import org.redcapjdbc.client.RawOrLabel;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RowCursor;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.ColumnKind;
import org.redcapjdbc.model.Event;
import org.redcapjdbc.model.Instrument;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.PseudoColumns;

/**
 * DELETE from {@code records} or an instrument table: the scan beneath reads the keys of the
 * matching rows; then REDCap's delete-records method removes exactly what those rows hold, in as
 * few calls as their kinds allow (one per kind of delete and {@code importBatchSize} records).
 *
 * <ul>
 *   <li>An instrument table's row is that instrument's data in the row's event and instance:
 *       {@code instrument}, {@code event}, {@code repeat_instance}.
 *   <li>{@code records}: a record all of whose rows match is deleted whole (in every arm). In a
 *       project with events or repeats that takes knowing all its rows, so one extra export reads
 *       the keys of the records concerned. Otherwise, where all of a record's rows in an event
 *       match, that event's data goes ({@code event}); a repeat row is its instance
 *       ({@code instrument} or the repeating event, {@code repeat_instance}); a base row alone is
 *       the data of the instruments it holds ({@code instrument} per instrument).
 * </ul>
 * The count is the number of rows matched. A failure says what earlier calls had deleted.
 */
final class RecordDelete extends StatementWrite {
  private final ProjectModel model;
  private final Instrument instrument;
  private final List<Column> keys;

  RecordDelete(ProjectSession session, String what, Instrument instrument, List<Column> keys) {
    super(session, what);
    this.model = session.model();
    this.instrument = instrument;
    this.keys = List.copyOf(keys);
  }

  /** One row's key, as text; blank parts are null. */
  record RowKey(String record, String event, String repeatInstrument, String instance) {}

  /** What one delete call removes: all null for whole records. */
  record Target(String instrument, String event, Integer instance) {
    boolean wholeRecords() {
      return instrument == null && event == null && instance == null;
    }
  }

  @Override
  long run(DataContext root, Enumerable<Object[]> rows) {
    WriteStop stop = WriteStop.of(root);
    WriteBatch batch = sendBufferedRowsFirst(root);
    List<RowKey> matched = new ArrayList<>();
    for (Object[] row : readAll(rows)) {
      matched.add(key(row));
    }
    Map<Target, Set<String>> calls =
        instrument != null ? instrumentDeletes(matched) : recordsDeletes(matched);
    send(calls, stop);
    if (batch != null) {
      batch.ranImmediately();
    }
    return matched.size();
  }

  private RowKey key(Object[] row) {
    String record = null;
    String event = null;
    String repeatInstrument = null;
    String instance = null;
    for (int k = 0; k < keys.size(); k++) {
      Column c = keys.get(k);
      String v = row[k] == null ? null : c.converter().toWire(row[k]);
      v = v == null || v.isEmpty() ? null : v;
      if (c.kind() == ColumnKind.RECORD_ID) {
        record = v;
      } else if (c.name().equals(PseudoColumns.EVENT_NAME)) {
        event = v;
      } else if (c.name().equals(PseudoColumns.REPEAT_INSTRUMENT)) {
        repeatInstrument = v;
      } else if (c.name().equals(PseudoColumns.REPEAT_INSTANCE)) {
        instance = v;
      }
    }
    return new RowKey(record, event, repeatInstrument, instance);
  }

  private Map<Target, Set<String>> instrumentDeletes(List<RowKey> matched) {
    Map<Target, Set<String>> calls = new LinkedHashMap<>();
    for (RowKey k : matched) {
      add(calls, new Target(instrument.name(), k.event(), instance(k)), k.record());
    }
    return calls;
  }

  private Map<Target, Set<String>> recordsDeletes(List<RowKey> matched) {
    Map<Target, Set<String>> calls = new LinkedHashMap<>();
    if (!model.isLongitudinal() && !model.hasRepeatingInstrumentsOrEvents()) {
      for (RowKey k : matched) {
        add(calls, new Target(null, null, null), k.record()); // a row is a record
      }
      return calls;
    }
    Map<String, Set<RowKey>> matchedByRecord = byRecord(matched);
    Map<String, Set<RowKey>> allByRecord = byRecord(allRows(matchedByRecord.keySet()));
    for (Map.Entry<String, Set<RowKey>> e : matchedByRecord.entrySet()) {
      String record = e.getKey();
      Set<RowKey> mine = e.getValue();
      Set<RowKey> all = allByRecord.getOrDefault(record, mine);
      if (mine.containsAll(all)) {
        add(calls, new Target(null, null, null), record);
        continue;
      }
      Map<String, List<RowKey>> mineByEvent = new LinkedHashMap<>();
      for (RowKey k : mine) {
        mineByEvent
            .computeIfAbsent(k.event() == null ? "" : k.event(), x -> new ArrayList<>())
            .add(k);
      }
      for (Map.Entry<String, List<RowKey>> ev : mineByEvent.entrySet()) {
        String event = ev.getKey().isEmpty() ? null : ev.getKey();
        if (event != null && ev.getValue().containsAll(inEvent(all, event))) {
          add(calls, new Target(null, event, null), record);
          continue;
        }
        for (RowKey k : ev.getValue()) {
          if (k.instance() == null) {
            for (String form : baseForms(event)) {
              add(calls, new Target(form, event, null), record);
            }
          } else {
            add(calls, new Target(k.repeatInstrument(), event, instance(k)), record);
          }
        }
      }
    }
    return calls;
  }

  /** The key of every row of these records (one export of the record-ID field per batch). */
  private List<RowKey> allRows(Set<String> records) {
    String idField = model.recordIdField().name();
    List<String> ids = new ArrayList<>(records);
    List<RowKey> rows = new ArrayList<>();
    int size = session.config().batchSize();
    for (int from = 0; from < ids.size(); from += size) {
      RecordExportRequest request =
          RecordExportRequest.builder()
              .type(ExportType.FLAT)
              .rawOrLabel(RawOrLabel.RAW)
              .recordIdField(idField)
              .fields(List.of(idField))
              .records(ids.subList(from, Math.min(ids.size(), from + size)))
              .build();
      try (RowCursor c = session.client().records().export(request)) {
        c.bind(
            List.of(
                idField,
                PseudoColumns.EVENT_NAME,
                PseudoColumns.REPEAT_INSTRUMENT,
                PseudoColumns.REPEAT_INSTANCE));
        while (c.next()) {
          rows.add(new RowKey(c.value(0), c.value(1), c.value(2), c.value(3)));
        }
      } catch (RedcapException e) {
        throw new RedcapWriteException(
            what
                + " failed before deleting anything: reading the"
                + " rows of the records concerned failed: "
                + e.getMessage(),
            0,
            SqlErrors.writeState(e),
            e);
      }
    }
    return rows;
  }

  /** The instruments whose data a base row of {@code event} holds. */
  private List<String> baseForms(String event) {
    List<String> forms = new ArrayList<>();
    for (Instrument i : model.instruments()) {
      boolean there =
          event == null
              || model.event(event).map(Event::forms).orElse(List.of()).contains(i.name());
      boolean ownRepeats =
          event == null ? i.repeatsAsInstrument() : i.repeatingInstrumentEvents().contains(event);
      if (there && !ownRepeats) {
        forms.add(i.name());
      }
    }
    return forms;
  }

  private void send(Map<Target, Set<String>> calls, WriteStop stop) {
    int size = session.config().importBatchSize();
    int total = 0;
    for (Set<String> records : calls.values()) {
      total += (records.size() + size - 1) / size;
    }
    int call = 0;
    Set<String> touched = new HashSet<>();
    for (Map.Entry<Target, Set<String>> e : calls.entrySet()) {
      Target t = e.getKey();
      List<String> records = new ArrayList<>(e.getValue());
      for (int from = 0; from < records.size(); from += size) {
        List<String> chunk = records.subList(from, Math.min(records.size(), from + size));
        String why = stop.reason();
        if (why != null) {
          throw new RedcapWriteException(
              what
                  + " stopped before its next call: "
                  + why
                  + ". "
                  + (call == 0
                      ? "Nothing was deleted."
                      : "Earlier calls deleted data of "
                          + touched.size()
                          + " records, which stays deleted; the other "
                          + (total - call)
                          + " delete calls were not sent."),
              0,
              "57014",
              null);
        }
        try {
          session
              .client()
              .records()
              .deleteRecords(chunk, null, t.instrument(), t.event(), t.instance());
        } catch (RedcapException ex) {
          throw failure(ex, call, total, t, touched.size());
        } finally {
          RecordCopies.SHARED.changed(session.config());
        }
        touched.addAll(chunk);
        call++;
      }
    }
  }

  private RedcapWriteException failure(
      RedcapException e, int call, int calls, Target t, int recordsTouched) {
    StringBuilder m = new StringBuilder(what).append(" failed");
    if (calls > 1) {
      m.append(" at delete call ").append(call + 1).append(" of ").append(calls);
    }
    m.append(" (").append(describe(t)).append("): ").append(e.getMessage());
    if (!RecordImporter.endsWithStop(m)) {
      m.append('.');
    }
    boolean refused =
        e.kind() == RedcapException.Kind.VALIDATION || e.kind() == RedcapException.Kind.AUTH;
    if (call == 0) {
      m.append(
          refused
              ? " Nothing was deleted."
              : " Whether REDCap applied this call is" + " unknown: check the project.");
    } else {
      m.append(" Earlier calls deleted data of ")
          .append(recordsTouched)
          .append(recordsTouched == 1 ? " record" : " records")
          .append(", which stays deleted (REDCap has no transactions across calls).");
    }
    return new RedcapWriteException(m.toString(), 0, SqlErrors.writeState(e), e);
  }

  private static String describe(Target t) {
    if (t.wholeRecords()) {
      return "whole records";
    }
    List<String> parts = new ArrayList<>();
    if (t.instrument() != null) {
      parts.add("instrument=" + t.instrument());
    }
    if (t.event() != null) {
      parts.add("event=" + t.event());
    }
    if (t.instance() != null) {
      parts.add("repeat_instance=" + t.instance());
    }
    return String.join(", ", parts);
  }

  private static Set<RowKey> inEvent(Set<RowKey> rows, String event) {
    Set<RowKey> out = new HashSet<>();
    for (RowKey k : rows) {
      if (Objects.equals(k.event(), event)) {
        out.add(k);
      }
    }
    return out;
  }

  private static Map<String, Set<RowKey>> byRecord(List<RowKey> rows) {
    Map<String, Set<RowKey>> map = new LinkedHashMap<>();
    for (RowKey k : rows) {
      map.computeIfAbsent(k.record(), x -> new LinkedHashSet<>()).add(k);
    }
    return map;
  }

  private static Integer instance(RowKey k) {
    return k.instance() == null ? null : Integer.valueOf(k.instance());
  }

  private static void add(Map<Target, Set<String>> calls, Target t, String record) {
    calls.computeIfAbsent(t, x -> new LinkedHashSet<>()).add(record);
  }
}
