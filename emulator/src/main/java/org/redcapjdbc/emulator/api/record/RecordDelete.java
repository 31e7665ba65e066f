package org.redcapjdbc.emulator.api.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ApiMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.api.Right;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.DataWriter;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=record&action=delete} (docs/redcap-api.md §2.3): whole records, or only an arm's,
 * an event's, an instrument's or one instance's data. All-or-nothing: if any record is missing,
 * nothing is deleted and the 400 lists the missing ones. The answer is the bare number of
 * records, whatever {@code returnFormat} says.
 */
public final class RecordDelete implements ApiMethod {
  @Override
  public List<Right> rights() {
    return List.of(Right.RECORD_DELETE);
  }

  @Override
  public boolean writes() {
    return true;
  }

  @Override
  public void handle(ApiCall call) throws Exception {
    ProjectDefinition def = call.definition();
    Params p = call.params();
    List<String> records = p.namesToDelete("records", "records");
    Arm arm = null;
    if (p.get("arm") != null && def.isLongitudinal()) {
      try {
        arm = def.arm(Integer.parseInt(p.get("arm").strip()));
      } catch (NumberFormatException e) {
        arm = null;
      }
      if (arm == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"arm\" is not valid: '"
                + p.get("arm")
                + "' is not an arm number of this project.");
      }
    }
    Form instrument = null;
    if (p.get("instrument") != null) {
      instrument = def.form(p.get("instrument"));
      if (instrument == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"instrument\" is not valid: '"
                + p.get("instrument")
                + "' is not an instrument of this project.");
      }
    }
    Event event = null;
    if (p.get("event") != null && def.isLongitudinal()) {
      event = def.event(p.get("event"));
      if (event == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"event\" is not valid: '"
                + p.get("event")
                + "' is not a unique event name of this project.");
      }
    }
    if (instrument != null && def.isLongitudinal() && event == null) {
      throw ApiException.badRequest(
          "The parameter \"event\" is required when \"instrument\" is given in a"
              + " longitudinal project.");
    }
    Integer instance = null;
    if (p.get("repeat_instance") != null) {
      try {
        instance = Integer.parseInt(p.get("repeat_instance").strip());
      } catch (NumberFormatException e) {
        instance = -1;
      }
      if (instance < 1) {
        throw ApiException.badRequest(
            "The value of the parameter \"repeat_instance\" is not valid: it must be a"
                + " positive integer.");
      }
    }
    Arm armFinal = arm;
    Form formFinal = instrument;
    Event eventFinal = event;
    Integer instanceFinal = instance;
    int deleted;
    try {
      deleted =
          call.database()
              .inTransaction(
                  c -> {
                    List<String> missing = new ArrayList<>();
                    List<RecordHeader> headers = new ArrayList<>();
                    for (String r : records) {
                      Optional<RecordHeader> h = RecordStore.header(c, def.id(), r);
                      if (h.isEmpty()
                          || (call.user().inDag()
                              && !call.user().groupId().equals(h.get().groupId()))) {
                        missing.add(r);
                      } else {
                        headers.add(h.get());
                      }
                    }
                    if (!missing.isEmpty()) {
                      throw new MissingRecords(missing);
                    }
                    boolean whole =
                        armFinal == null
                            && formFinal == null
                            && eventFinal == null
                            && instanceFinal == null;
                    String recordId = def.recordIdField().name();
                    if (whole) {
                      for (RecordHeader h : headers) {
                        RecordStore.deleteRecord(c, h);
                        call.log(
                            c,
                            LogEntry.RECORD_DELETE,
                            "Delete record (API) " + h.record(),
                            recordId + " = '" + h.record() + "'",
                            h.record());
                      }
                      return headers.size();
                    }
                    deletePartly(c, def, headers, armFinal, formFinal, eventFinal, instanceFinal);
                    List<String> what = new ArrayList<>();
                    if (armFinal != null) {
                      what.add("arm = '" + armFinal.number() + "'");
                    }
                    if (formFinal != null) {
                      what.add("instrument = '" + formFinal.name() + "'");
                    }
                    if (eventFinal != null) {
                      what.add("event = '" + eventFinal.uniqueName() + "'");
                    }
                    if (instanceFinal != null) {
                      what.add("instance = '" + instanceFinal + "'");
                    }
                    for (RecordHeader h : headers) {
                      call.log(
                          c,
                          LogEntry.RECORD_DELETE,
                          "Delete record (API) " + h.record(),
                          recordId + " = '" + h.record() + "', " + String.join(", ", what),
                          h.record());
                    }
                    return headers.size();
                  });
    } catch (MissingRecords m) {
      throw missing(m.records);
    }
    call.sendPlain(String.valueOf(deleted));
  }

  /** Signals missing records out of the transaction, which then rolls back. */
  private static final class MissingRecords extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final List<String> records;

    MissingRecords(List<String> records) {
      super(null, null, false, false);
      this.records = records;
    }
  }

  private static void deletePartly(
      Connection c,
      ProjectDefinition def,
      List<RecordHeader> headers,
      Arm arm,
      Form instrument,
      Event event,
      Integer instance)
      throws SQLException {
    Map<String, RecordData> data = RecordStore.load(c, def.id(), headers);
    String recordId = def.recordIdField().name();
    try (DataWriter writer = new DataWriter(c, def.id())) {
      for (RecordData d : data.values()) {
        WorkingRecord w = new WorkingRecord(def, d.record(), d);
        for (Event e : def.events()) {
          if (!d.hasEvent(e.id())
              || (arm != null && e.armNumber() != arm.number())
              || (event != null && e != event)) {
            continue;
          }
          for (int i : new ArrayList<>(d.instances(e.id()))) {
            if (instance != null && i != instance) {
              continue;
            }
            for (String field : d.fieldsAt(e.id(), i)) {
              if (instrument == null) {
                if (!field.equals(recordId)) {
                  w.remove(e.id(), i, field);
                }
              } else if (instrument.name().equals(RecordRows.formOf(def, field))
                  && !field.equals(recordId)) {
                w.remove(e.id(), i, field);
              }
            }
          }
          // An event left with nothing but the record-ID row no longer exists for the record.
          RecordData after = w.snapshot();
          boolean onlyId = true;
          for (int i : after.instances(e.id())) {
            for (String f : after.fieldsAt(e.id(), i)) {
              if (!f.equals(recordId)) {
                onlyId = false;
              }
            }
          }
          if (onlyId) {
            w.removeEvent(e.id(), null);
          }
        }
        w.writeChanges(writer);
      }
    }
    RecordStore.deleteEmptyRecords(c, def.id());
  }

  /** Converts the transaction's signal into REDCap's error. */
  static ApiException missing(List<String> records) {
    return ApiException.badRequest(
        "One or more of the records provided cannot be deleted because they do not exist"
            + " in the project. The following records do not exist: "
            + String.join(", ", records));
  }
}
