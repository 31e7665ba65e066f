package org.redcapjdbc.emulator.api.record;

import java.io.OutputStream;
import java.net.URLConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UserRights;
import org.redcapjdbc.emulator.store.DataWriter;
import org.redcapjdbc.emulator.store.DocumentStore;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=file}: export, import and delete the file of a record's file field
 * (docs/redcap-api.md §2.12), addressed by {@code record}, {@code field}, {@code event}
 * (longitudinal projects) and {@code repeat_instance} (default 1). Export answers the bytes with
 * {@code Content-Type: <mime>; name="<file>"} ({@code ; charset=UTF-8} after it for text files);
 * import and delete answer an empty body.
 */
public final class FileMethods {
  private FileMethods() {}

  /** Where a file goes or comes from. */
  private record Target(Field field, Event event, int instance) {}

  private static Target target(ProjectDefinition def, Params p) throws ApiException {
    String record = p.get("record");
    if (record == null) {
      throw ApiException.badRequest(
          "The parameter \"record\" is missing: name the record of the file.");
    }
    String name = p.get("field", "");
    Field field = def.field(name);
    if (field == null || field.type() != FieldType.FILE) {
      throw ApiException.badRequest(
          "The field '" + name + "' does not exist or is not a 'file' field");
    }
    Event event;
    if (def.isLongitudinal()) {
      String e = p.get("event");
      if (e == null) {
        throw ApiException.badRequest(
            "The parameter \"event\" is missing: a longitudinal project needs the unique"
                + " event name of the file.");
      }
      event = def.event(e);
      if (event == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"event\" is not valid: '"
                + e
                + "' is not a unique event name of this project.");
      }
    } else {
      event = def.firstEvent();
    }
    if (!def.isDesignated(event, field.formName())) {
      throw ApiException.badRequest(
          "The field '"
              + name
              + "' is on the instrument '"
              + field.formName()
              + "', which is not designated for the event '"
              + event.uniqueName()
              + "'.");
    }
    int instance = 1;
    String i = p.get("repeat_instance");
    if (i != null) {
      try {
        instance = Integer.parseInt(i.strip());
      } catch (NumberFormatException e) {
        instance = 0;
      }
      if (instance < 1) {
        throw ApiException.badRequest(
            "The value of the parameter \"repeat_instance\" is not valid: it must be a"
                + " positive integer.");
      }
    }
    return new Target(field, event, instance);
  }

  /** The stored record, unless it is missing or in another DAG than the caller's. */
  private static Optional<RecordHeader> visible(ApiCall call, Connection c, String record)
      throws SQLException {
    Optional<RecordHeader> h = RecordStore.header(c, call.definition().id(), record);
    if (h.isPresent() && call.user().inDag() && !call.user().groupId().equals(h.get().groupId())) {
      return Optional.empty();
    }
    return h;
  }

  private static String missingRecord(String record) {
    return "The record \"" + record + "\" does not exist";
  }

  /** {@code text/plain; name="notes.txt"; charset=UTF-8}, {@code image/jpeg; name="mugshot-1.jpg"}. */
  public static String contentType(String mime, String fileName) {
    String type = mime == null || mime.isBlank() ? "application/octet-stream" : mime.strip();
    String base = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type;
    String quoted = fileName.replace("\"", "");
    return base + "; name=\"" + quoted + "\"" + (base.startsWith("text/") ? "; charset=UTF-8" : "");
  }

  /** The MIME type of an upload: the part's own, else guessed from the name. */
  public static String mimeOf(Params.Upload upload) {
    String type = upload.contentType();
    if (type != null && !type.isBlank()) {
      return type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type.strip();
    }
    String guessed = URLConnection.guessContentTypeFromName(upload.fileName());
    return guessed == null ? "application/octet-stream" : guessed;
  }

  /** Export: the file's bytes. */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Target t = target(def, call.params());
      int rightOnForm = call.user().exportRight(t.field().formName());
      if (rightOnForm == UserRights.EXPORT_NONE
          || (t.field().identifier() && rightOnForm != UserRights.EXPORT_FULL)) {
        throw ApiException.forbidden(
            "You do not have export rights to the field '"
                + t.field().name()
                + "', so its file cannot be exported.");
      }
      String record = call.params().get("record");
      Object result =
          call.database()
              .read(
                  c -> {
                    Optional<RecordHeader> h = visible(call, c, record);
                    if (h.isEmpty()) {
                      return missingRecord(record);
                    }
                    RecordData data = RecordStore.load(c, def.id(), List.of(h.get())).get(record);
                    String doc = data.value(t.event().id(), t.instance(), t.field().name());
                    Optional<DocumentStore.Document> d = Optional.empty();
                    try {
                      d =
                          doc.isEmpty()
                              ? d
                              : DocumentStore.document(c, def.id(), Integer.parseInt(doc));
                    } catch (NumberFormatException e) {
                      // A file name kept verbatim from a project file, with no bytes behind it.
                    }
                    return d.isPresent() ? d.get() : "There is no file to download for this record";
                  });
      if (result instanceof String problem) {
        throw ApiException.badRequest(problem);
      }
      DocumentStore.Document d = (DocumentStore.Document) result;
      try (OutputStream out = call.stream(contentType(d.mimeType(), d.name()))) {
        out.write(d.content());
      }
    }
  }

  /**
   * Import: the multipart part {@code file} becomes the field's file (replacing one stored there);
   * a record that does not exist is created (in the caller's DAG), as REDCap does.
   */
  public static final class Import extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Target t = target(def, call.params());
      if ("signature".equals(t.field().validation())) {
        throw ApiException.badRequest(
            "The field '"
                + t.field().name()
                + "' is a signature field: a signature can"
                + " only be captured in the web interface, not imported.");
      }
      Params.Upload upload = call.params().upload("file");
      if (upload == null) {
        throw ApiException.badRequest(
            "No file was uploaded: send the file as a multipart part named 'file'.");
      }
      String record = call.params().get("record");
      if (!def.isRepeatingForm(t.event(), t.field().formName())
          && !def.isRepeatingEvent(t.event())
          && t.instance() != 1) {
        throw ApiException.badRequest(
            "The value of the parameter \"repeat_instance\" is not valid: the field '"
                + t.field().name()
                + "' is not on a repeating instrument or event.");
      }
      String problem =
          call.database()
              .inTransaction(
                  c -> {
                    Optional<RecordHeader> stored = RecordStore.header(c, def.id(), record);
                    if (stored.isPresent() && visible(call, c, record).isEmpty()) {
                      return "This record exists in a data access group other than yours, so you cannot import a file into it.";
                    }
                    RecordData existing =
                        stored.isPresent()
                            ? RecordStore.load(c, def.id(), List.of(stored.get())).get(record)
                            : null;
                    WorkingRecord w = new WorkingRecord(def, record, existing);
                    if (w.isNew() && call.user().inDag()) {
                      w.groupId(call.user().groupId());
                    }
                    int docId =
                        RecordStore.storeDocument(
                            c, def.id(), upload.fileName(), mimeOf(upload), upload.content());
                    String old = w.value(t.event().id(), t.instance(), t.field().name());
                    setFile(def, w, t, String.valueOf(docId));
                    write(call, c, def, w, old);
                    return null;
                  });
      if (problem != null) {
        throw ApiException.badRequest(problem);
      }
    }
  }

  /** Delete: removes the field's file (the field becomes blank). */
  public static final class Delete extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      Target t = target(def, call.params());
      String record = call.params().get("record");
      String problem =
          call.database()
              .inTransaction(
                  c -> {
                    Optional<RecordHeader> h = visible(call, c, record);
                    if (h.isEmpty()) {
                      return missingRecord(record);
                    }
                    RecordData existing =
                        RecordStore.load(c, def.id(), List.of(h.get())).get(record);
                    WorkingRecord w = new WorkingRecord(def, record, existing);
                    String old = w.value(t.event().id(), t.instance(), t.field().name());
                    if (old.isEmpty()) {
                      return "There is no file to delete for this record";
                    }
                    w.remove(t.event().id(), t.instance(), t.field().name());
                    write(call, c, def, w, old);
                    return null;
                  });
      if (problem != null) {
        throw ApiException.badRequest(problem);
      }
    }
  }

  private static void setFile(ProjectDefinition def, WorkingRecord w, Target t, String docId) {
    int event = t.event().id();
    w.ensureEvent(event);
    w.set(event, t.instance(), t.field().name(), docId);
    String status = t.field().formName() + "_complete";
    if (!w.has(event, t.instance(), status)) {
      // A form saved for the first time gets status 0 (Incomplete).
      w.set(event, t.instance(), status, "0");
    }
  }

  /** Stores the record's changes, drops the replaced document's bytes and logs the change. */
  private static void write(
      ApiCall call, Connection c, ProjectDefinition def, WorkingRecord w, String oldDoc)
      throws SQLException {
    LocalDateTime now = org.redcapjdbc.emulator.ServerTime.now().withNano(0);
    try (DataWriter writer = new DataWriter(c, def.id())) {
      if (w.isNew()) {
        RecordHeader h = RecordStore.insertRecord(c, def.id(), w.headerForWrite(now));
        w.assignPk(h.pk());
        writer.newRecord(h.pk());
      } else {
        RecordStore.updateRecord(c, w.headerForWrite(now));
      }
      String details = w.changeDetails();
      w.writeChanges(writer);
      writer.flush();
      call.log(
          c,
          w.isNew() ? LogEntry.RECORD_ADD : LogEntry.RECORD_EDIT,
          (w.isNew() ? "Create record (API) " : "Update record (API) ") + w.record(),
          details,
          w.record());
    }
    if (!oldDoc.isEmpty()) {
      try {
        DocumentStore.deleteDocument(c, Integer.parseInt(oldDoc));
      } catch (NumberFormatException e) {
        // A file name without stored bytes: nothing to remove.
      }
    }
  }
}
