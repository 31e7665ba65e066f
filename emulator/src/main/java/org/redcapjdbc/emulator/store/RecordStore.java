package org.redcapjdbc.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads and writes records: {@code redcap_records}, {@code redcap_data} and survey timestamps.
 * A record's data rows are the key range {@link #firstKey(int)} to {@link #firstKey(int)} of the
 * next record (exclusive).
 */
public final class RecordStore {
  /** Data rows per record key range: 2^24. */
  static final int KEY_BITS = 24;

  private static final String HEADER_COLUMNS =
      "record_pk, record, group_id, survey_identifier, created_at, modified_at";

  private RecordStore() {}

  public static long firstKey(int recordPk) {
    return ((long) recordPk) << KEY_BITS;
  }

  /** Every record of the project, in export order (numeric-aware). */
  public static List<RecordHeader> listRecords(Connection c, int projectId) throws SQLException {
    List<RecordHeader> list = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + HEADER_COLUMNS
                + " FROM redcap_records WHERE project_id = ? ORDER BY sort_key")) {
      ps.setInt(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          list.add(header(rs));
        }
      }
    }
    return list;
  }

  /**
   * The named records that exist, in export order. One indexed lookup per name, so that an export
   * of a batch of records costs the batch, not a listing of the whole project.
   */
  public static List<RecordHeader> listRecords(
      Connection c, int projectId, Collection<String> names) throws SQLException {
    TreeMap<String, RecordHeader> bySortKey = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + HEADER_COLUMNS
                + ", sort_key FROM redcap_records WHERE project_id = ? AND record = ?")) {
      ps.setInt(1, projectId);
      for (String name : names) {
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            bySortKey.put(rs.getString(7), header(rs));
          }
        }
      }
    }
    return new ArrayList<>(bySortKey.values());
  }

  public static Optional<RecordHeader> header(Connection c, int projectId, String record)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + HEADER_COLUMNS
                + " FROM redcap_records WHERE project_id = ? AND record = ?")) {
      ps.setInt(1, projectId);
      ps.setString(2, record);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(header(rs)) : Optional.empty();
      }
    }
  }

  private static RecordHeader header(ResultSet rs) throws SQLException {
    int g = rs.getInt(3);
    Integer group = rs.wasNull() ? null : g;
    return new RecordHeader(
        rs.getInt(1),
        rs.getString(2),
        group,
        rs.getString(4),
        time(rs.getTimestamp(5)),
        time(rs.getTimestamp(6)));
  }

  private static LocalDateTime time(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }

  /** Loads the data and survey timestamps of stored records (one key-range read each), in the given order. */
  public static Map<String, RecordData> load(
      Connection c, int projectId, List<RecordHeader> headers) throws SQLException {
    Map<String, RecordData> out = new LinkedHashMap<>();
    try (PreparedStatement data =
            c.prepareStatement(
                "SELECT event_id, field_name, instance, data_value, data_key FROM redcap_data"
                    + " WHERE data_key >= ? AND data_key < ? ORDER BY data_key");
        PreparedStatement stamps =
            c.prepareStatement(
                "SELECT event_id, form_name, instance, completion_time FROM redcap_survey_timestamps"
                    + " WHERE record_pk = ?")) {
      boolean anyStamps = hasTimestamps(c, projectId);
      for (RecordHeader h : headers) {
        List<DataValue> values = new ArrayList<>();
        data.setLong(1, firstKey(h.pk()));
        data.setLong(2, firstKey(h.pk() + 1));
        try (ResultSet rs = data.executeQuery()) {
          while (rs.next()) {
            values.add(
                new DataValue(
                    rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5)));
          }
        }
        List<SurveyTimestamp> times = new ArrayList<>();
        if (anyStamps) {
          stamps.setInt(1, h.pk());
          try (ResultSet rs = stamps.executeQuery()) {
            while (rs.next()) {
              times.add(
                  new SurveyTimestamp(
                      rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
            }
          }
        }
        out.put(h.record(), new RecordData(h, values, times));
      }
    }
    return out;
  }

  private static boolean hasTimestamps(Connection c, int projectId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM redcap_survey_timestamps t JOIN redcap_records r"
                + " ON r.record_pk = t.record_pk WHERE r.project_id = ? LIMIT 1")) {
      ps.setInt(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** File names of stored documents, by doc id. */
  public static Map<Integer, String> docNames(Connection c, Collection<Integer> docIds)
      throws SQLException {
    Map<Integer, String> names = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT doc_name FROM redcap_edocs WHERE doc_id = ?")) {
      for (int id : docIds) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            names.put(id, rs.getString(1));
          }
        }
      }
    }
    return names;
  }

  /** A new record key from {@code redcap_record_seq}. */
  public static int newRecordPk(Connection c) throws SQLException {
    return ProjectStore.nextValue(c, "redcap_record_seq");
  }

  /** Stores a new record (giving it a key when it has none) and returns its header. */
  public static RecordHeader insertRecord(Connection c, int projectId, RecordHeader h)
      throws SQLException {
    RecordHeader withPk = h.pk() == 0 ? h.withPk(newRecordPk(c)) : h;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_records (record_pk, project_id, record, sort_key, group_id, survey_identifier,"
                + " created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      bindHeader(ps, projectId, withPk);
      ps.executeUpdate();
    }
    return withPk;
  }

  static void bindHeader(PreparedStatement ps, int projectId, RecordHeader h) throws SQLException {
    ps.setInt(1, h.pk());
    ps.setInt(2, projectId);
    ps.setString(3, h.record());
    ps.setString(4, RecordNames.sortKey(h.record()));
    if (h.groupId() == null) {
      ps.setNull(5, Types.INTEGER);
    } else {
      ps.setInt(5, h.groupId());
    }
    ps.setString(6, h.surveyIdentifier() == null ? "" : h.surveyIdentifier());
    ps.setTimestamp(7, h.created() == null ? null : Timestamp.valueOf(h.created()));
    ps.setTimestamp(8, h.modified() == null ? null : Timestamp.valueOf(h.modified()));
  }

  public static void updateRecord(Connection c, RecordHeader h) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE redcap_records SET group_id = ?, survey_identifier = ?, created_at = ?, modified_at = ?"
                + " WHERE record_pk = ?")) {
      if (h.groupId() == null) {
        ps.setNull(1, Types.INTEGER);
      } else {
        ps.setInt(1, h.groupId());
      }
      ps.setString(2, h.surveyIdentifier() == null ? "" : h.surveyIdentifier());
      ps.setTimestamp(3, h.created() == null ? null : Timestamp.valueOf(h.created()));
      ps.setTimestamp(4, h.modified() == null ? null : Timestamp.valueOf(h.modified()));
      ps.setInt(5, h.pk());
      ps.executeUpdate();
    }
  }

  /** Deletes a record with all its data. */
  public static void deleteRecord(Connection c, RecordHeader h) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM redcap_data WHERE data_key >= ? AND data_key < ?")) {
      ps.setLong(1, firstKey(h.pk()));
      ps.setLong(2, firstKey(h.pk() + 1));
      ps.executeUpdate();
    }
    for (String table : new String[] {"redcap_survey_timestamps", "redcap_records"}) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM " + table + " WHERE record_pk = ?")) {
        ps.setInt(1, h.pk());
        ps.executeUpdate();
      }
    }
  }

  /** Renames a record: its data are keyed by the record's internal key, so only the name changes. */
  public static void renameRecord(Connection c, RecordHeader h, String to) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE redcap_records SET record = ?, sort_key = ? WHERE record_pk = ?")) {
      ps.setString(1, to);
      ps.setString(2, RecordNames.sortKey(to));
      ps.setInt(3, h.pk());
      ps.executeUpdate();
    }
  }

  /** Deletes every data row and timestamp of a project in the given events (event or arm deletion). */
  public static void deleteEventData(Connection c, int projectId, Collection<Integer> eventIds)
      throws SQLException {
    if (eventIds.isEmpty()) {
      return;
    }
    for (int event : eventIds) {
      // Event ids are unique across projects.
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM redcap_data WHERE event_id = ?")) {
        ps.setInt(1, event);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM redcap_survey_timestamps WHERE event_id = ?")) {
        ps.setInt(1, event);
        ps.executeUpdate();
      }
    }
    deleteEmptyRecords(c, projectId);
  }

  /** Removes records left without any data row. */
  public static int deleteEmptyRecords(Connection c, int projectId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM redcap_records r WHERE r.project_id = ? AND NOT EXISTS (SELECT 1 FROM redcap_data d"
                + " WHERE d.data_key >= CAST(r.record_pk AS BIGINT) * "
                + (1L << KEY_BITS)
                + " AND d.data_key < (CAST(r.record_pk AS BIGINT) + 1) * "
                + (1L << KEY_BITS)
                + ")")) {
      ps.setInt(1, projectId);
      return ps.executeUpdate();
    }
  }

  /** Renames a field in stored data (the record-ID field renamed by a metadata import). */
  public static void renameField(Connection c, int projectId, String from, String to)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE redcap_data SET field_name = ? WHERE field_name = ?"
                + " AND event_id IN (SELECT event_id FROM redcap_events WHERE project_id = ?)")) {
      ps.setString(1, to);
      ps.setString(2, from);
      ps.setInt(3, projectId);
      ps.executeUpdate();
    }
  }

  /** Stores a file and returns its doc id. */
  public static int storeDocument(
      Connection c, int projectId, String name, String mime, byte[] content) throws SQLException {
    int id = ProjectStore.nextValue(c, "redcap_doc_seq");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_edocs (doc_id, project_id, doc_name, mime_type, doc_size, content, stored_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setInt(2, projectId);
      ps.setString(3, name);
      ps.setString(4, mime == null || mime.isEmpty() ? "application/octet-stream" : mime);
      ps.setLong(5, content.length);
      ps.setBytes(6, content);
      ps.setTimestamp(7, Timestamp.valueOf(org.redcapjdbc.emulator.ServerTime.now().withNano(0)));
      ps.executeUpdate();
    }
    return id;
  }
}
