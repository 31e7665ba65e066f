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
import org.redcapjdbc.emulator.model.UserRights;

/** Users of projects, their rights, and the API tokens that identify them. */
public final class AccessStore {
  /** The user every loaded project gets, with full rights. */
  public static final String DEFAULT_USER = "emulator_admin";

  /** User-rights keys in the order REDCap's user export lists them. */
  public static final List<String> RIGHTS = UserRights.KEYS;

  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessStore() {}

  /** Full rights, as a project creator has them (the three rights REDCap leaves off stay 0). */
  public static Map<String, Integer> fullRights() {
    return new LinkedHashMap<>(UserRights.full().flags());
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

  public static void createUser(
      Connection c, int projectId, String username, Integer groupId, Map<String, Integer> rights)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
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

  public static void createToken(Connection c, String token, int projectId, String username)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_tokens (api_token, project_id, username) VALUES (?, ?, ?)")) {
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
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT u.project_id, u.username, u.group_id, u.rights_json, u.forms_json, u.forms_export_json,"
                + " r.attributes_json FROM redcap_tokens t"
                + " JOIN redcap_users u ON u.project_id = t.project_id AND u.username = t.username"
                + " LEFT JOIN redcap_user_roles r ON r.project_id = u.project_id AND r.unique_role_name = u.unique_role_name"
                + " WHERE t.api_token = ?")) {
      ps.setString(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int group = rs.getInt(3);
        Integer groupId = rs.wasNull() ? null : group;
        String roleJson = rs.getString(7);
        UserRights rights =
            roleJson != null
                ? UserRights.fromRoleAttributes(Json.readStrings(roleJson))
                : rights(rs.getString(4), rs.getString(5), rs.getString(6));
        return Optional.of(
            new ApiUser(
                rs.getInt(1),
                rs.getString(2),
                groupId,
                rights.flags(),
                rights.forms(),
                rights.formsExport()));
      }
    }
  }

  private static UserRights rights(String flagsJson, String formsJson, String exportJson) {
    return new UserRights(numbers(flagsJson), numbers(formsJson), numbers(exportJson));
  }

  private static Map<String, Integer> numbers(String json) {
    Map<String, Integer> m = new LinkedHashMap<>();
    if (json == null) {
      return m;
    }
    Json.read(json)
        .forEach(
            (k, v) -> {
              if (v instanceof Number n) {
                m.put(k, n.intValue());
              } else if (v != null) {
                try {
                  m.put(k, Integer.parseInt(String.valueOf(v).strip()));
                } catch (NumberFormatException e) {
                  m.put(k, 0);
                }
              }
            });
    return m;
  }

  // ---------------------------------------------------------------- users

  private static final String USER_COLUMNS =
      "username, email, firstname, lastname, expiration, group_id,"
          + " unique_role_name, rights_json, forms_json, forms_export_json";

  /** The users of a project, sorted by user name (as REDCap lists them). */
  public static List<StoredUser> users(Connection c, int projectId) throws SQLException {
    List<StoredUser> list = new java.util.ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + USER_COLUMNS
                + " FROM redcap_users WHERE project_id = ? ORDER BY username")) {
      ps.setInt(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          list.add(user(rs));
        }
      }
    }
    return list;
  }

  public static Optional<StoredUser> user(Connection c, int projectId, String username)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + USER_COLUMNS
                + " FROM redcap_users WHERE project_id = ? AND username = ?")) {
      ps.setInt(1, projectId);
      ps.setString(2, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(user(rs)) : Optional.empty();
      }
    }
  }

  private static StoredUser user(ResultSet rs) throws SQLException {
    int g = rs.getInt(6);
    Integer group = rs.wasNull() ? null : g;
    return new StoredUser(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        group,
        rs.getString(7),
        rights(rs.getString(8), rs.getString(9), rs.getString(10)));
  }

  /** Inserts or replaces a user. */
  public static void saveUser(Connection c, int projectId, StoredUser u) throws SQLException {
    boolean exists = user(c, projectId, u.username()).isPresent();
    String sql =
        exists
            ? "UPDATE redcap_users SET email = ?, firstname = ?, lastname = ?, expiration = ?, group_id = ?,"
                + " unique_role_name = ?, rights_json = ?, forms_json = ?, forms_export_json = ?"
                + " WHERE project_id = ? AND username = ?"
            : "INSERT INTO redcap_users (email, firstname, lastname, expiration, group_id, unique_role_name, rights_json,"
                + " forms_json, forms_export_json, project_id, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, u.email());
      ps.setString(2, u.firstname());
      ps.setString(3, u.lastname());
      ps.setString(4, u.expiration());
      if (u.groupId() == null) {
        ps.setNull(5, java.sql.Types.INTEGER);
      } else {
        ps.setInt(5, u.groupId());
      }
      ps.setString(6, u.roleName());
      ps.setString(7, Json.write(u.rights().flags()));
      ps.setString(8, Json.write(u.rights().forms()));
      ps.setString(9, Json.write(u.rights().formsExport()));
      ps.setInt(10, projectId);
      ps.setString(11, u.username());
      ps.executeUpdate();
    }
  }

  /** Deletes a user with its tokens and DAG-switcher assignments. */
  public static void deleteUser(Connection c, int projectId, String username) throws SQLException {
    for (String table :
        new String[] {"redcap_tokens", "redcap_data_access_groups_users", "redcap_users"}) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM " + table + " WHERE project_id = ? AND username = ?")) {
        ps.setInt(1, projectId);
        ps.setString(2, username);
        ps.executeUpdate();
      }
    }
  }

  /** The API token of a user, if it has one. */
  public static Optional<String> tokenOf(Connection c, int projectId, String username)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT api_token FROM redcap_tokens WHERE project_id = ?"
                + " AND username = ? ORDER BY created_seq")) {
      ps.setInt(1, projectId);
      ps.setString(2, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Removes users from a role (the role was deleted): they keep their own rights. */
  public static void clearRole(Connection c, int projectId, String roleName) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE redcap_users SET unique_role_name = NULL"
                + " WHERE project_id = ? AND unique_role_name = ?")) {
      ps.setInt(1, projectId);
      ps.setString(2, roleName);
      ps.executeUpdate();
    }
  }

  /** Takes users and records out of a deleted DAG. */
  public static void clearGroup(Connection c, int projectId, int groupId) throws SQLException {
    for (String sql :
        new String[] {
          "UPDATE redcap_users SET group_id = NULL WHERE project_id = ? AND group_id = ?",
          "UPDATE redcap_records SET group_id = NULL WHERE project_id = ? AND group_id = ?",
          "DELETE FROM redcap_data_access_groups_users WHERE project_id = ? AND group_id = ?"
        }) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setInt(1, projectId);
        ps.setInt(2, groupId);
        ps.executeUpdate();
      }
    }
  }

  /** The DAGs a user may switch to (REDCap's DAG Switcher), by group id. */
  public static List<Integer> switchableGroups(Connection c, int projectId, String username)
      throws SQLException {
    List<Integer> out = new java.util.ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT group_id FROM redcap_data_access_groups_users"
                + " WHERE project_id = ? AND username = ? ORDER BY group_id")) {
      ps.setInt(1, projectId);
      ps.setString(2, username);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
    }
    return out;
  }

  public static void allowGroup(Connection c, int projectId, String username, int groupId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "MERGE INTO redcap_data_access_groups_users (project_id, username,"
                + " group_id) KEY (project_id, username, group_id) VALUES (?, ?, ?)")) {
      ps.setInt(1, projectId);
      ps.setString(2, username);
      ps.setInt(3, groupId);
      ps.executeUpdate();
    }
  }

  /** Tokens of a project, oldest first. */
  public static List<String> tokensOf(Connection c, int projectId) throws SQLException {
    List<String> list = new java.util.ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT api_token FROM redcap_tokens WHERE project_id = ? ORDER BY created_seq")) {
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
    try (PreparedStatement ps =
        c.prepareStatement("SELECT project_id FROM redcap_tokens WHERE api_token = ?")) {
      ps.setString(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }
}
