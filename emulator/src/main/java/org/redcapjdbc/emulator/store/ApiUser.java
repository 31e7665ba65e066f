package org.redcapjdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The user an API token belongs to: project, user name, DAG (null when in none) and rights
 * ({@code api_export}, {@code api_import}, {@code record_delete}… as 0/1/2 numbers).
 */
public record ApiUser(int projectId, String username, Integer groupId, Map<String, Integer> rights) {
  public ApiUser {
    requireNonNull(username, "username");
    rights = Map.copyOf(rights);
  }

  public boolean can(String right) {
    Integer v = rights.get(right);
    return v != null && v != 0;
  }

  public boolean inDag() {
    return groupId != null;
  }

  @Override
  public String toString() {
    return "ApiUser[" + username + " in project " + projectId + "]";
  }
}
