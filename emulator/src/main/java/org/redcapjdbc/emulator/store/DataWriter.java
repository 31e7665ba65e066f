package org.redcapjdbc.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Batched writes to {@code redcap_data} and {@code redcap_survey_timestamps} on one connection.
 * Pending deletes run before updates, and updates before inserts, when {@link #flush()} is called
 * (also automatically every {@value #BATCH} rows).
 */
public final class DataWriter implements AutoCloseable {
  private static final int BATCH = 5000;

  private final int projectId;
  private final PreparedStatement insert;
  private final PreparedStatement update;
  private final PreparedStatement deleteField;
  private final PreparedStatement deleteValue;
  private final PreparedStatement mergeTimestamp;
  private int pending;
  private long inserted;

  public DataWriter(Connection c, int projectId) throws SQLException {
    this.projectId = projectId;
    this.insert = c.prepareStatement("INSERT INTO redcap_data (project_id, event_id, record, field_name, instance,"
        + " data_value) VALUES (?, ?, ?, ?, ?, ?)");
    this.update = c.prepareStatement("UPDATE redcap_data SET data_value = ? WHERE project_id = ? AND event_id = ?"
        + " AND record = ? AND field_name = ? AND instance = ?");
    this.deleteField = c.prepareStatement("DELETE FROM redcap_data WHERE project_id = ? AND event_id = ?"
        + " AND record = ? AND field_name = ? AND instance = ?");
    this.deleteValue = c.prepareStatement("DELETE FROM redcap_data WHERE project_id = ? AND event_id = ?"
        + " AND record = ? AND field_name = ? AND instance = ? AND data_value = ?");
    this.mergeTimestamp = c.prepareStatement("MERGE INTO redcap_survey_timestamps (project_id, record, event_id,"
        + " form_name, instance, completion_time) KEY (project_id, record, event_id, form_name, instance)"
        + " VALUES (?, ?, ?, ?, ?, ?)");
  }

  public void insert(int eventId, String record, String field, int instance, String value) throws SQLException {
    insert.setInt(1, projectId);
    insert.setInt(2, eventId);
    insert.setString(3, record);
    insert.setString(4, field);
    insert.setInt(5, instance);
    insert.setString(6, value);
    insert.addBatch();
    inserted++;
    added();
  }

  public void update(int eventId, String record, String field, int instance, String value) throws SQLException {
    update.setString(1, value);
    update.setInt(2, projectId);
    update.setInt(3, eventId);
    update.setString(4, record);
    update.setString(5, field);
    update.setInt(6, instance);
    update.addBatch();
    added();
  }

  /** Removes every row of a field at one event and instance (all checked codes of a checkbox). */
  public void delete(int eventId, String record, String field, int instance) throws SQLException {
    bindKey(deleteField, eventId, record, field, instance);
    deleteField.addBatch();
    added();
  }

  /** Removes one checked code of a checkbox. */
  public void deleteValue(int eventId, String record, String field, int instance, String value) throws SQLException {
    bindKey(deleteValue, eventId, record, field, instance);
    deleteValue.setString(6, value);
    deleteValue.addBatch();
    added();
  }

  public void timestamp(int eventId, String record, String form, int instance, String value) throws SQLException {
    mergeTimestamp.setInt(1, projectId);
    mergeTimestamp.setString(2, record);
    mergeTimestamp.setInt(3, eventId);
    mergeTimestamp.setString(4, form);
    mergeTimestamp.setInt(5, instance);
    mergeTimestamp.setString(6, value);
    mergeTimestamp.addBatch();
    added();
  }

  private void bindKey(PreparedStatement ps, int eventId, String record, String field, int instance)
      throws SQLException {
    ps.setInt(1, projectId);
    ps.setInt(2, eventId);
    ps.setString(3, record);
    ps.setString(4, field);
    ps.setInt(5, instance);
  }

  private void added() throws SQLException {
    if (++pending >= BATCH) {
      flush();
    }
  }

  public void flush() throws SQLException {
    if (pending == 0) {
      return;
    }
    deleteField.executeBatch();
    deleteValue.executeBatch();
    update.executeBatch();
    insert.executeBatch();
    mergeTimestamp.executeBatch();
    pending = 0;
  }

  /** Rows inserted so far. */
  public long inserted() {
    return inserted;
  }

  @Override
  public void close() throws SQLException {
    flush();
    insert.close();
    update.close();
    deleteField.close();
    deleteValue.close();
    mergeTimestamp.close();
  }
}
