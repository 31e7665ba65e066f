package org.redcapjdbc.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.redcapjdbc.emulator.model.LogEntry;

/** A project's log ({@code redcap_log_event}): written by every change, read by {@code content=log}. */
public final class LogStore {
  private LogStore() {}

  /** What a log export asks for; null members do not filter. */
  public record Query(
      Set<String> types,
      String username,
      String record,
      Integer groupId,
      LocalDateTime begin,
      LocalDateTime end) {
    public static final Query ALL = new Query(null, null, null, null, null, null);
  }

  /** Appends an entry stamped now (to the second). */
  public static void write(
      Connection c,
      int projectId,
      String username,
      Integer groupId,
      String type,
      String action,
      String details,
      String record)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_log_event (log_id, project_id, ts, username,"
                + " log_type, action, details, record, group_id) VALUES (NEXT VALUE FOR redcap_log_seq, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, projectId);
      ps.setTimestamp(2, Timestamp.valueOf(org.redcapjdbc.emulator.ServerTime.now().withNano(0)));
      ps.setString(3, username);
      ps.setString(4, type);
      ps.setString(5, action);
      // Line breaks in logged values become spaces, as in REDCap's log.
      ps.setString(6, details == null ? "" : details.replace("\r", " ").replace("\n", " "));
      ps.setString(7, record == null ? "" : record);
      if (groupId == null) {
        ps.setNull(8, Types.INTEGER);
      } else {
        ps.setInt(8, groupId);
      }
      ps.executeUpdate();
    }
  }

  /** Moves every entry of a project by {@code by} (tests that need a history). */
  public static void shift(Connection c, int projectId, java.time.Duration by) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE redcap_log_event SET ts = DATEADD(SECOND, ?, ts) WHERE project_id = ?")) {
      ps.setLong(1, by.toSeconds());
      ps.setInt(2, projectId);
      ps.executeUpdate();
    }
  }

  /** Entries matching {@code q}, oldest first. */
  public static List<LogEntry> read(Connection c, int projectId, Query q) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT log_id, ts, username, log_type, action, details, record, group_id"
                + " FROM redcap_log_event WHERE project_id = ?");
    List<Object> args = new ArrayList<>();
    args.add(projectId);
    if (q.types() != null) {
      sql.append(" AND log_type IN (");
      boolean first = true;
      for (String t : q.types()) {
        sql.append(first ? "?" : ", ?");
        args.add(t);
        first = false;
      }
      sql.append(')');
    }
    if (q.username() != null) {
      sql.append(" AND username = ?");
      args.add(q.username());
    }
    if (q.record() != null) {
      sql.append(" AND record = ?");
      args.add(q.record());
    }
    if (q.groupId() != null) {
      sql.append(" AND group_id = ?");
      args.add(q.groupId());
    }
    if (q.begin() != null) {
      sql.append(" AND ts >= ?");
      args.add(Timestamp.valueOf(q.begin()));
    }
    if (q.end() != null) {
      sql.append(" AND ts <= ?");
      args.add(Timestamp.valueOf(q.end()));
    }
    // Oldest first, as live servers list a project's log (its creation comes first).
    sql.append(" ORDER BY log_id");
    List<LogEntry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int g = rs.getInt(8);
          Integer group = rs.wasNull() ? null : g;
          out.add(
              new LogEntry(
                  rs.getLong(1),
                  rs.getTimestamp(2).toLocalDateTime(),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  group));
        }
      }
    }
    return out;
  }
}
