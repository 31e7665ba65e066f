package org.redcapjdbc.emulator.store;

import java.sql.Array;
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

/** Reads and writes records: {@code redcap_records}, {@code redcap_data} and survey timestamps. */
public final class RecordStore {
  private RecordStore() {}

  /** Every record of the project, in export order (numeric-aware). */
  public static List<RecordHeader> listRecords(Connection c, int projectId) throws SQLException {
    List<RecordHeader> list = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT record, group_id, survey_identifier, created_at, modified_at FROM redcap_records"
            + " WHERE project_id = ? ORDER BY sort_key")) {
      ps.setInt(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          list.add(header(rs));
        }
      }
    }
    return list;
  }

  public static Optional<RecordHeader> header(Connection c, int projectId, String record) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT record, group_id, survey_identifier, created_at, modified_at FROM redcap_records"
            + " WHERE project_id = ? AND record = ?")) {
      ps.setInt(1, projectId);
      ps.setString(2, record);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(header(rs)) : Optional.empty();
      }
    }
  }

  private static RecordHeader header(ResultSet rs) throws SQLException {
    int g = rs.getInt(2);
    Integer group = rs.wasNull() ? null : g;
    return new RecordHeader(rs.getString(1), group, rs.getString(3), time(rs.getTimestamp(4)), time(rs.getTimestamp(5)));
  }

  private static LocalDateTime time(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }

  /** Loads the records' data and survey timestamps; records without a header are left out. */
  public static Map<String, RecordData> load(Connection c, int projectId, List<RecordHeader> headers)
      throws SQLException {
    List<String> names = new ArrayList<>(headers.size());
    for (RecordHeader h : headers) {
      names.add(h.record());
    }
    Map<String, List<DataValue>> values = new HashMap<>();
    Array array = c.createArrayOf("VARCHAR", names.toArray());
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT record, event_id, field_name, instance, data_value, seq FROM redcap_data"
            + " WHERE project_id = ? AND record = ANY(?) ORDER BY seq")) {
      ps.setInt(1, projectId);
      ps.setArray(2, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new DataValue(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getLong(6)));
        }
      }
    }
    Map<String, List<SurveyTimestamp>> stamps = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT record, event_id, form_name, instance, completion_time FROM redcap_survey_timestamps"
            + " WHERE project_id = ? AND record = ANY(?)")) {
      ps.setInt(1, projectId);
      ps.setArray(2, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stamps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new SurveyTimestamp(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
        }
      }
    }
    Map<String, RecordData> out = new LinkedHashMap<>();
    for (RecordHeader h : headers) {
      out.put(h.record(), new RecordData(h, values.getOrDefault(h.record(), List.of()),
          stamps.getOrDefault(h.record(), List.of())));
    }
    return out;
  }

  /** File names of stored documents, by doc id. */
  public static Map<Integer, String> docNames(Connection c, Collection<Integer> docIds) throws SQLException {
    Map<Integer, String> names = new HashMap<>();
    if (docIds.isEmpty()) {
      return names;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT doc_id, doc_name FROM redcap_edocs WHERE doc_id = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("INTEGER", docIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    return names;
  }

  public static void insertRecord(Connection c, int projectId, RecordHeader h) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO redcap_records (project_id, record, sort_key, group_id, survey_identifier, created_at,"
            + " modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      bindHeader(ps, projectId, h);
      ps.executeUpdate();
    }
  }

  static void bindHeader(PreparedStatement ps, int projectId, RecordHeader h) throws SQLException {
    ps.setInt(1, projectId);
    ps.setString(2, h.record());
    ps.setString(3, RecordNames.sortKey(h.record()));
    if (h.groupId() == null) {
      ps.setNull(4, Types.INTEGER);
    } else {
      ps.setInt(4, h.groupId());
    }
    ps.setString(5, h.surveyIdentifier() == null ? "" : h.surveyIdentifier());
    ps.setTimestamp(6, h.created() == null ? null : Timestamp.valueOf(h.created()));
    ps.setTimestamp(7, h.modified() == null ? null : Timestamp.valueOf(h.modified()));
  }

  public static void updateRecord(Connection c, int projectId, RecordHeader h) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE redcap_records SET group_id = ?, survey_identifier = ?, created_at = ?, modified_at = ?"
            + " WHERE project_id = ? AND record = ?")) {
      if (h.groupId() == null) {
        ps.setNull(1, Types.INTEGER);
      } else {
        ps.setInt(1, h.groupId());
      }
      ps.setString(2, h.surveyIdentifier() == null ? "" : h.surveyIdentifier());
      ps.setTimestamp(3, h.created() == null ? null : Timestamp.valueOf(h.created()));
      ps.setTimestamp(4, h.modified() == null ? null : Timestamp.valueOf(h.modified()));
      ps.setInt(5, projectId);
      ps.setString(6, h.record());
      ps.executeUpdate();
    }
  }

  /** Deletes a record with all its data. */
  public static void deleteRecord(Connection c, int projectId, String record) throws SQLException {
    for (String table : new String[] {"redcap_data", "redcap_survey_timestamps", "redcap_records"}) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE project_id = ? AND record = ?")) {
        ps.setInt(1, projectId);
        ps.setString(2, record);
        ps.executeUpdate();
      }
    }
  }

  /** Renames a record everywhere it is stored. */
  public static void renameRecord(Connection c, int projectId, String from, String to) throws SQLException {
    for (String table : new String[] {"redcap_data", "redcap_survey_timestamps"}) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE " + table + " SET record = ? WHERE project_id = ? AND record = ?")) {
        ps.setString(1, to);
        ps.setInt(2, projectId);
        ps.setString(3, from);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE redcap_records SET record = ?, sort_key = ? WHERE project_id = ? AND record = ?")) {
      ps.setString(1, to);
      ps.setString(2, RecordNames.sortKey(to));
      ps.setInt(3, projectId);
      ps.setString(4, from);
      ps.executeUpdate();
    }
  }

  /** Deletes every data row and timestamp of a project in the given events (event, arm or arm deletion). */
  public static void deleteEventData(Connection c, int projectId, Collection<Integer> eventIds) throws SQLException {
    if (eventIds.isEmpty()) {
      return;
    }
    Array ids = c.createArrayOf("INTEGER", eventIds.toArray());
    for (String table : new String[] {"redcap_data", "redcap_survey_timestamps"}) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM " + table + " WHERE project_id = ? AND event_id = ANY(?)")) {
        ps.setInt(1, projectId);
        ps.setArray(2, ids);
        ps.executeUpdate();
      }
    }
    deleteEmptyRecords(c, projectId);
  }

  /** Removes records left without any data row. */
  public static int deleteEmptyRecords(Connection c, int projectId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM redcap_records r WHERE r.project_id = ? AND NOT EXISTS"
            + " (SELECT 1 FROM redcap_data d WHERE d.project_id = r.project_id AND d.record = r.record)")) {
      ps.setInt(1, projectId);
      return ps.executeUpdate();
    }
  }

  /** Renames a field in stored data (the record-ID field renamed by a metadata import). */
  public static void renameField(Connection c, int projectId, String from, String to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE redcap_data SET field_name = ? WHERE project_id = ? AND field_name = ?")) {
      ps.setString(1, to);
      ps.setInt(2, projectId);
      ps.setString(3, from);
      ps.executeUpdate();
    }
  }

  /** Stores a file and returns its doc id. */
  public static int storeDocument(Connection c, int projectId, String name, String mime, byte[] content)
      throws SQLException {
    int id = ProjectStore.nextValue(c, "redcap_doc_seq");
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO redcap_edocs (doc_id, project_id, doc_name, mime_type, doc_size, content, stored_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setInt(2, projectId);
      ps.setString(3, name);
      ps.setString(4, mime == null || mime.isEmpty() ? "application/octet-stream" : mime);
      ps.setLong(5, content.length);
      ps.setBytes(6, content);
      ps.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now().withNano(0)));
      ps.executeUpdate();
    }
    return id;
  }
}
