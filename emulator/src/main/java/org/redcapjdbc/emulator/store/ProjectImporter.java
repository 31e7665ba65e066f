package org.redcapjdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.redcapjdbc.emulator.load.LoadedProject;
import org.redcapjdbc.emulator.load.ProjectLoadException;
import org.redcapjdbc.emulator.load.RecordSink;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/**
 * Stores a loaded or generated project: its definition, a default user with full rights and an
 * API token for it, and its records, written in batches. A failure removes what was written.
 */
public final class ProjectImporter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int COMMIT_EVERY = 20_000;

  private ProjectImporter() {}

  /** The stored project and the token that opens it. */
  public record StoredProject(ProjectHandle handle, String token) {}

  public static StoredProject store(ProjectRegistry registry, LoadedProject loaded, String token) {
    requireNonNull(loaded, "loaded");
    String apiToken = token == null ? AccessStore.newToken() : token;
    Database db = registry.database();
    ProjectDefinition def = loaded.definition();
    if (def.info().creationTime().isEmpty()) {
      def =
          def.toBuilder()
              .info(
                  def.info().toBuilder()
                      .creationTime(org.redcapjdbc.emulator.ServerTime.now().format(TIME))
                      .build())
              .build();
    }
    ProjectDefinition withDefinition = def;
    ProjectDefinition stored =
        db.inTransaction(
            c -> {
              if (AccessStore.projectOfToken(c, apiToken).isPresent()) {
                throw new ProjectLoadException(
                    "The API token given for project '"
                        + withDefinition.title()
                        + "' is already in use by another project");
              }
              ProjectDefinition s = ProjectStore.insert(c, withDefinition);
              AccessStore.createUser(
                  c, s.id(), AccessStore.DEFAULT_USER, null, AccessStore.fullRights());
              AccessStore.createToken(c, apiToken, s.id(), AccessStore.DEFAULT_USER);
              return s;
            });
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try (Loader loader = new Loader(c, stored)) {
        loaded.data().writeTo(loader);
      }
      c.commit();
    } catch (Exception e) {
      deleteProject(db, stored.id());
      if (e instanceof ProjectLoadException ple) {
        throw ple;
      }
      throw new ProjectLoadException(
          "Could not store the records of project '" + stored.title() + "': " + e.getMessage(), e);
    }
    return new StoredProject(registry.add(stored), apiToken);
  }

  private static void deleteProject(Database db, int projectId) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM redcap_survey_timestamps WHERE record_pk IN"
                      + " (SELECT record_pk FROM redcap_records WHERE project_id = ?)")) {
            ps.setInt(1, projectId);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM redcap_data WHERE event_id IN"
                      + " (SELECT event_id FROM redcap_events WHERE project_id = ?)")) {
            ps.setInt(1, projectId);
            ps.executeUpdate();
          }
          String[] byProject = {
            "redcap_records",
            "redcap_edocs",
            "redcap_tokens",
            "redcap_users",
            "redcap_forms",
            "redcap_metadata",
            "redcap_arms",
            "redcap_surveys",
            "redcap_reports",
            "redcap_user_roles",
            "redcap_data_access_groups",
            "redcap_data_access_groups_users",
            "redcap_log_event",
            "redcap_docs_folders",
            "redcap_docs",
            "redcap_surveys_participants",
            "redcap_surveys_queue_hashes"
          };
          for (String t : new String[] {"redcap_event_forms", "redcap_repeat"}) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "DELETE FROM "
                        + t
                        + " WHERE event_id IN (SELECT event_id FROM redcap_events WHERE project_id = ?)")) {
              ps.setInt(1, projectId);
              ps.executeUpdate();
            }
          }
          for (String t : byProject) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + t + " WHERE project_id = ?")) {
              ps.setInt(1, projectId);
              ps.executeUpdate();
            }
          }
          for (String t : new String[] {"redcap_events", "redcap_projects"}) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + t + " WHERE project_id = ?")) {
              ps.setInt(1, projectId);
              ps.executeUpdate();
            }
          }
          return null;
        });
  }

  /** Writes records as the loaded project replays them. */
  private static final class Loader implements RecordSink, AutoCloseable {
    private final Connection connection;
    private final ProjectDefinition def;
    private final DataWriter writer;
    private final PreparedStatement insertRecord;
    private final Map<String, Integer> records = new HashMap<>();
    private final Set<Long> recordEvents = new HashSet<>();
    private String lastRecord;
    private int lastPk;
    private int lastEvent;
    private final String recordIdField;
    private long sinceCommit;
    private int pendingRecords;

    Loader(Connection c, ProjectDefinition def) throws SQLException {
      this.connection = c;
      this.def = def;
      this.writer = new DataWriter(c, def.id());
      this.insertRecord =
          c.prepareStatement(
              "INSERT INTO redcap_records (record_pk, project_id, record, sort_key,"
                  + " group_id, survey_identifier, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      this.recordIdField = def.recordIdField().name();
    }

    @Override
    public void record(String record, String dagUniqueName, String surveyIdentifier)
        throws SQLException {
      if (records.containsKey(record)) {
        return;
      }
      int pk = RecordStore.newRecordPk(connection);
      records.put(record, pk);
      writer.newRecord(pk);
      Integer group = null;
      if (dagUniqueName != null) {
        Dag dag = def.dag(dagUniqueName);
        if (dag == null) {
          throw new ProjectLoadException(
              "Record '"
                  + record
                  + "' is in data access group '"
                  + dagUniqueName
                  + "', which the project does not define");
        }
        group = dag.id();
      }
      // Records that come with a project file have no creation time, as REDCap's log has none.
      RecordStore.bindHeader(
          insertRecord,
          def.id(),
          new RecordHeader(pk, record, group, surveyIdentifier, null, null));
      insertRecord.addBatch();
      if (++pendingRecords >= 5000) {
        insertRecord.executeBatch();
        pendingRecords = 0;
      }
    }

    private Event event(String record, String eventName) {
      Event e = def.event(eventName);
      if (e == null) {
        throw new ProjectLoadException(
            "Record '"
                + record
                + "' has data in event '"
                + eventName
                + "', which the project does not define");
      }
      return e;
    }

    private int ensureRecordRow(String record, Event event) throws SQLException {
      // Loaders send a record's values together, so the last record-event is the common case.
      if (record.equals(lastRecord) && event.id() == lastEvent) {
        return lastPk;
      }
      record(record, null, "");
      int pk = records.get(record);
      if (recordEvents.add(((long) pk << 32) | event.id())) {
        writer.insert(event.id(), pk, recordIdField, 1, record);
        counted();
      }
      lastRecord = record;
      lastPk = pk;
      lastEvent = event.id();
      return pk;
    }

    @Override
    public void value(String record, String eventName, String field, int instance, String value)
        throws SQLException {
      Event event = event(record, eventName);
      int pk = ensureRecordRow(record, event);
      if (field.equals(recordIdField)) {
        return;
      }
      Field f = def.field(field);
      if (f == null && def.formOfCompleteField(field) == null) {
        throw new ProjectLoadException(
            "Record '"
                + record
                + "' has a value for '"
                + field
                + "', which is not a field of the project");
      }
      writer.insert(event.id(), pk, field, instance, value);
      counted();
    }

    @Override
    public void file(
        String record,
        String eventName,
        String field,
        int instance,
        String name,
        String mime,
        byte[] content)
        throws SQLException {
      Event event = event(record, eventName);
      int pk = ensureRecordRow(record, event);
      int docId = RecordStore.storeDocument(connection, def.id(), name, mime, content);
      writer.insert(event.id(), pk, field, instance, String.valueOf(docId));
      counted();
    }

    @Override
    public void surveyTimestamp(
        String record, String eventName, String form, int instance, String value)
        throws SQLException {
      Event event = event(record, eventName);
      int pk = ensureRecordRow(record, event);
      writer.timestamp(event.id(), pk, form, instance, value);
      counted();
    }

    private void counted() throws SQLException {
      if (++sinceCommit >= COMMIT_EVERY) {
        insertRecord.executeBatch();
        pendingRecords = 0;
        writer.flush();
        connection.commit();
        sinceCommit = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      insertRecord.executeBatch();
      insertRecord.close();
      writer.close();
    }
  }
}
