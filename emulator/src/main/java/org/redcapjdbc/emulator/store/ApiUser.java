package org.redcapjdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.redcapjdbc.emulator.model.UserRights;

/**
 * The user an API token belongs to: project, user name, DAG (null when in none) and effective
 * rights ({@code api_export}, {@code api_import}, {@code record_delete}… as 0/1/2 numbers, plus
 * per-form data-entry and export rights; a user in a role has the role's rights).
 */
public record ApiUser(
    int projectId,
    String username,
    Integer groupId,
    Map<String, Integer> rights,
    Map<String, Integer> forms,
    Map<String, Integer> formsExport) {
  public ApiUser {
    requireNonNull(username, "username");
    rights = Map.copyOf(rights);
    forms = Map.copyOf(forms);
    formsExport = Map.copyOf(formsExport);
  }

  /** A user with full rights on every form. */
  public ApiUser(int projectId, String username, Integer groupId, Map<String, Integer> rights) {
    this(projectId, username, groupId, rights, Map.of(), Map.of());
  }

  public boolean can(String right) {
    Integer v = rights.get(right);
    return v != null && v != 0;
  }

  public boolean inDag() {
    return groupId != null;
  }

  /** Data-entry rights on a form: 0 none, 2 read only, 1 view and edit, 3 edit survey responses. */
  public int formRight(String form) {
    return forms.getOrDefault(form, 1);
  }

  /** Export rights on a form: 0 none, 1 full, 2 de-identified, 3 identifiers removed. */
  public int exportRight(String form) {
    return formsExport.getOrDefault(form, UserRights.EXPORT_FULL);
  }

  /** Whether every form's export is full (nothing to strip from exports). */
  public boolean fullExport() {
    for (int v : formsExport.values()) {
      if (v != UserRights.EXPORT_FULL) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ApiUser[" + username + " in project " + projectId + "]";
  }
}
