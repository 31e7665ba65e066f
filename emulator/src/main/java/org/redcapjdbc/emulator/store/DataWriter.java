package org.redcapjdbc.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Batched writes to {@code redcap_data} and {@code redcap_survey_timestamps} on one connection.
 * New rows of a record take the next keys of its key range, so storage order is insertion order.
 * Pending deletes run before updates, and updates before inserts, when {@link #flush()} is called
 * (also automatically every {@value #BATCH} rows).
 */
public final class DataWriter implements AutoCloseable {
  private static final int BATCH = 5000;

  private final Connection connection;
  private final PreparedStatement insert;
  private final PreparedStatement update;
  private final PreparedStatement deleteField;
  private final PreparedStatement deleteValue;
  private final PreparedStatement mergeTimestamp;
  private final Map<Integer, Long> nextKey = new HashMap<>();
  private int pending;
  private long inserted;

  /** A writer on {@code c}; rows carry their record in their key, so the project is implied. */
  public DataWriter(Connection c, int projectId) throws SQLException {
    this.connection = c;
    this.insert =
        c.prepareStatement(
            "INSERT INTO redcap_data (data_key, event_id, field_name, instance, data_value)"
                + " VALUES (?, ?, ?, ?, ?)");
    this.update =
        c.prepareStatement(
            "UPDATE redcap_data SET data_value = ? WHERE data_key >= ? AND data_key < ?"
                + " AND event_id = ? AND field_name = ? AND instance = ?");
    this.deleteField =
        c.prepareStatement(
            "DELETE FROM redcap_data WHERE data_key >= ? AND data_key < ?"
                + " AND event_id = ? AND field_name = ? AND instance = ?");
    this.deleteValue =
        c.prepareStatement(
            "DELETE FROM redcap_data WHERE data_key >= ? AND data_key < ?"
                + " AND event_id = ? AND field_name = ? AND instance = ? AND data_value = ?");
    this.mergeTimestamp =
        c.prepareStatement(
            "MERGE INTO redcap_survey_timestamps (record_pk, event_id, form_name,"
                + " instance, completion_time) KEY (record_pk, event_id, form_name, instance) VALUES (?, ?, ?, ?, ?)");
  }

  /** Declares a record that has no stored rows yet, so its keys start without a look-up. */
  public void newRecord(int recordPk) {
    nextKey.put(recordPk, RecordStore.firstKey(recordPk));
  }

  private long nextKey(int recordPk) throws SQLException {
    Long next = nextKey.get(recordPk);
    if (next == null) {
      next = RecordStore.firstKey(recordPk);
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT MAX(data_key) FROM redcap_data WHERE data_key >= ? AND data_key < ?")) {
        ps.setLong(1, RecordStore.firstKey(recordPk));
        ps.setLong(2, RecordStore.firstKey(recordPk + 1));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            long max = rs.getLong(1);
            if (!rs.wasNull()) {
              next = max + 1;
            }
          }
        }
      }
    }
    if (next >= RecordStore.firstKey(recordPk + 1)) {
      throw new SQLException("Record key range " + recordPk + " is full");
    }
    nextKey.put(recordPk, next + 1);
    return next;
  }

  public void insert(int eventId, int recordPk, String field, int instance, String value)
      throws SQLException {
    insert.setLong(1, nextKey(recordPk));
    insert.setInt(2, eventId);
    insert.setString(3, field);
    insert.setInt(4, instance);
    insert.setString(5, value);
    insert.addBatch();
    inserted++;
    added();
  }

  public void update(int eventId, int recordPk, String field, int instance, String value)
      throws SQLException {
    update.setString(1, value);
    bindKey(update, 2, eventId, recordPk, field, instance);
    update.addBatch();
    added();
  }

  /** Removes every row of a field at one event and instance (all checked codes of a checkbox). */
  public void delete(int eventId, int recordPk, String field, int instance) throws SQLException {
    bindKey(deleteField, 1, eventId, recordPk, field, instance);
    deleteField.addBatch();
    added();
  }

  /** Removes one checked code of a checkbox. */
  public void deleteValue(int eventId, int recordPk, String field, int instance, String value)
      throws SQLException {
    bindKey(deleteValue, 1, eventId, recordPk, field, instance);
    deleteValue.setString(6, value);
    deleteValue.addBatch();
    added();
  }

  public void timestamp(int eventId, int recordPk, String form, int instance, String value)
      throws SQLException {
    mergeTimestamp.setInt(1, recordPk);
    mergeTimestamp.setInt(2, eventId);
    mergeTimestamp.setString(3, form);
    mergeTimestamp.setInt(4, instance);
    mergeTimestamp.setString(5, value);
    mergeTimestamp.addBatch();
    added();
  }

  private static void bindKey(
      PreparedStatement ps, int first, int eventId, int recordPk, String field, int instance)
      throws SQLException {
    ps.setLong(first, RecordStore.firstKey(recordPk));
    ps.setLong(first + 1, RecordStore.firstKey(recordPk + 1));
    ps.setInt(first + 2, eventId);
    ps.setString(first + 3, field);
    ps.setInt(first + 4, instance);
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
