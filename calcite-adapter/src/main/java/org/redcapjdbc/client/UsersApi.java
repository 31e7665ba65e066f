package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Users and their rights, user roles, role assignments, data access groups (DAGs) and DAG
 * assignments. Obtain through {@link RedcapClient#users()}. Rows are text maps as described in
 * {@link ProjectApi}; {@code forms} and {@code forms_export} come as {@code form_a:1,form_b:0}, and
 * imports accept that form back (it is turned into the JSON object REDCap expects).
 */
public final class UsersApi {
  private static final List<String> FORM_RIGHTS = List.of("forms", "forms_export");

  private final Api api;

  UsersApi(Api api) {
    this.api = api;
  }

  public List<Map<String, String>> exportUsers() {
    return api.rows(FormParams.content("user"));
  }

  /** Adds or updates users; returns the count. */
  public int importUsers(List<? extends Map<String, ?>> rows) {
    return importRows(FormParams.content("user"), withFormRightsObjects(rows));
  }

  public int deleteUsers(List<String> usernames) {
    return delete(FormParams.content("user"), "users", usernames);
  }

  public List<Map<String, String>> exportUserRoles() {
    return api.rows(FormParams.content("userRole"));
  }

  /** Adds or updates roles; a blank {@code unique_role_name} creates one. */
  public int importUserRoles(List<? extends Map<String, ?>> rows) {
    return importRows(FormParams.content("userRole"), withFormRightsObjects(rows));
  }

  /** Deletes roles by unique role name ({@code U-942MC93HH8}). */
  public int deleteUserRoles(List<String> uniqueRoleNames) {
    return delete(FormParams.content("userRole"), "roles", uniqueRoleNames);
  }

  public List<Map<String, String>> exportUserRoleMappings() {
    return api.rows(FormParams.content("userRoleMapping"));
  }

  /** Rows {@code username, unique_role_name}. */
  public int importUserRoleMappings(List<? extends Map<String, ?>> rows) {
    return importRows(FormParams.content("userRoleMapping").add("action", "import"), rows);
  }

  /** {@code data_access_group_name, unique_group_name[, data_access_group_id]}. */
  public List<Map<String, String>> exportDags() {
    return api.rows(FormParams.content("dag"));
  }

  /** Adds or renames DAGs; a blank {@code unique_group_name} creates one. */
  public int importDags(List<? extends Map<String, ?>> rows) {
    return importRows(FormParams.content("dag").add("action", "import"), rows);
  }

  public int deleteDags(List<String> uniqueGroupNames) {
    return delete(FormParams.content("dag"), "dags", uniqueGroupNames);
  }

  /** Switches the calling user to another of their DAGs; returns 1. */
  public int switchDag(String uniqueGroupName) {
    if (uniqueGroupName == null || uniqueGroupName.isBlank()) {
      throw new IllegalArgumentException("switchDag needs a DAG's unique group name");
    }
    return api.writeCount(
        FormParams.content("dag")
            .add("action", "switch")
            .add("dag", uniqueGroupName)
            .add("format", "json")
            .add("returnFormat", "json"));
  }

  /** {@code username, redcap_data_access_group}. */
  public List<Map<String, String>> exportUserDagMappings() {
    return api.rows(FormParams.content("userDagMapping"));
  }

  public int importUserDagMappings(List<? extends Map<String, ?>> rows) {
    return importRows(FormParams.content("userDagMapping").add("action", "import"), rows);
  }

  private int importRows(FormParams params, List<? extends Map<String, ?>> rows) {
    Objects.requireNonNull(rows, "rows");
    return api.writeCount(
        params
            .add("format", "json")
            .add("returnFormat", "json")
            .add("data", RecordImportRequest.toJsonArray(rows)));
  }

  private int delete(FormParams params, String arrayName, List<String> names) {
    ProjectApi.requireNonEmpty(names, arrayName);
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("A blank name in " + arrayName);
      }
    }
    return api.writeCount(
        params
            .add("action", "delete")
            .add("format", "json")
            .add("returnFormat", "json")
            .addArray(arrayName, names));
  }

  /** Turns {@code "form_a:1,form_b:0"} back into {@code {"form_a":1,"form_b":0}}. */
  static List<Map<String, Object>> withFormRightsObjects(List<? extends Map<String, ?>> rows) {
    Objects.requireNonNull(rows, "rows");
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, ?> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      for (String key : FORM_RIGHTS) {
        Object v = copy.get(key);
        if (v instanceof String && !((String) v).isBlank()) {
          Map<String, Object> rights = new LinkedHashMap<>();
          for (String pair : ((String) v).split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0) {
              throw new IllegalArgumentException(
                  key + " must look like form_a:1,form_b:0, was '" + v + "'");
            }
            String code = pair.substring(colon + 1).strip();
            rights.put(
                pair.substring(0, colon).strip(),
                code.matches("-?\\d+") ? (Object) Integer.valueOf(code) : code);
          }
          copy.put(key, rights);
        }
      }
      out.add(copy);
    }
    return out;
  }
}
