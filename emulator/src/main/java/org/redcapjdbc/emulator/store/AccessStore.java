package org.redcapjdbc.emulator.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Users of projects, their rights, and the API tokens that identify them. */
public final class AccessStore {
  /** The user every loaded project gets, with full rights. */
  public static final String DEFAULT_USER = "emulator_admin";

  /** User-rights keys in the order REDCap's user export lists them. */
  public static final List<String> RIGHTS = List.of(
      "design", "alerts", "user_rights", "data_access_groups", "reports", "stats_and_charts",
      "manage_survey_participants", "calendar", "data_import_tool", "data_comparison_tool", "logging",
      "email_logging", "file_repository", "data_quality_create", "data_quality_execute", "api_export",
      "api_import", "api_modules", "mobile_app", "mobile_app_download_data", "record_create",
      "record_rename", "record_delete", "lock_records_all_forms", "lock_records", "lock_records_customization");

  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessStore() {}

  /** Full rights, as a project creator has them (the three rights REDCap leaves off stay 0). */
  public static Map<String, Integer> fullRights() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String r : RIGHTS) {
      boolean off = r.equals("email_logging") || r.equals("mobile_app_download_data")
          || r.equals("lock_records_customization");
      m.put(r, off ? 0 : 1);
    }
    return m;
  }

  /** 32 upper-case hexadecimal characters, as REDCap issues them. */
  public static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    StringBuilder sb = new StringBuilder(32);
    for (byte b : bytes) {
      sb.append(String.format(Locale.ROOT, "%02X", b));
    }
    return sb.toString();
  }

  public static void createUser(Connection c, int projectId, String username, Integer groupId,
      Map<String, Integer> rights) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO redcap_users (project_id, username, email, firstname, lastname, expiration, group_id,"
            + " unique_role_name, rights_json) VALUES (?, ?, '', '', '', '', ?, NULL, ?)")) {
      ps.setInt(1, projectId);
      ps.setString(2, username);
      if (groupId == null) {
        ps.setNull(3, java.sql.Types.INTEGER);
      } else {
        ps.setInt(3, groupId);
      }
      ps.setString(4, Json.write(rights));
      ps.executeUpdate();
    }
  }

  public static void createToken(Connection c, String token, int projectId, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO redcap_tokens (api_token, project_id, username) VALUES (?, ?, ?)")) {
      ps.setString(1, token);
      ps.setInt(2, projectId);
      ps.setString(3, username);
      ps.executeUpdate();
    }
  }

  /**
   * The user behind {@code token}. Tokens are compared exactly, then upper-cased, since clients
   * accept either case of REDCap's upper-case hex tokens.
   */
  public static Optional<ApiUser> lookup(Connection c, String token) throws SQLException {
    Optional<ApiUser> exact = lookupExact(c, token);
    if (exact.isPresent()) {
      return exact;
    }
    String upper = token.toUpperCase(Locale.ROOT);
    return upper.equals(token) ? Optional.empty() : lookupExact(c, upper);
  }

  private static Optional<ApiUser> lookupExact(Connection c, String token) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT u.project_id, u.username, u.group_id, u.rights_json FROM redcap_tokens t"
            + " JOIN redcap_users u ON u.project_id = t.project_id AND u.username = t.username"
            + " WHERE t.api_token = ?")) {
      ps.setString(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int group = rs.getInt(3);
        Integer groupId = rs.wasNull() ? null : group;
        Map<String, Integer> rights = new LinkedHashMap<>();
        Json.read(rs.getString(4)).forEach((k, v) -> rights.put(k, v instanceof Number n ? n.intValue() : 0));
        return Optional.of(new ApiUser(rs.getInt(1), rs.getString(2), groupId, rights));
      }
    }
  }

  /** Tokens of a project, oldest first. */
  public static List<String> tokensOf(Connection c, int projectId) throws SQLException {
    List<String> list = new java.util.ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT api_token FROM redcap_tokens WHERE project_id = ? ORDER BY created_seq")) {
      ps.setInt(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          list.add(rs.getString(1));
        }
      }
    }
    return list;
  }

  /** The project a token belongs to, or empty. */
  public static Optional<Integer> projectOfToken(Connection c, String token) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT project_id FROM redcap_tokens WHERE api_token = ?")) {
      ps.setString(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }
}
