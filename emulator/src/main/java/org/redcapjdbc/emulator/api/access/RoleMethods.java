package org.redcapjdbc.emulator.api.access;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redcapjdbc.emulator.api.Access;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Imports;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UserRights;
import org.redcapjdbc.emulator.model.UserRole;
import org.redcapjdbc.emulator.store.AccessStore;
import org.redcapjdbc.emulator.store.ProjectStore;

/**
 * {@code content=userRole}: export, import and delete (docs/redcap-api.md §2.9,
 * docs/redcap-wire-samples.md §16.2).
 */
public final class RoleMethods {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

  private RoleMethods() {}

  /** Export: rights as strings ({@code "0"}), {@code forms}/{@code forms_export} as objects of numbers. */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      List<String> columns = new ArrayList<>(List.of("unique_role_name", "role_label"));
      columns.addAll(UserRights.ROLE_KEYS);
      columns.add("forms");
      columns.add("forms_export");
      TableWriter w = call.table(columns);
      for (UserRole role : def.roles()) {
        UserRights r = UserRights.fromRoleAttributes(role.attributes());
        Object[] cells = new Object[columns.size()];
        int i = 0;
        cells[i++] = role.uniqueRoleName();
        cells[i++] = role.label();
        for (String k : UserRights.ROLE_KEYS) {
          cells[i++] = String.valueOf(r.flag(k));
        }
        cells[i++] = r.formsOf(def.forms());
        cells[i] = r.exportsOf(def.forms());
        w.row(cells);
      }
      w.finish();
    }
  }

  /**
   * Import: a row with a known {@code unique_role_name} changes that role (what is not sent stays);
   * a blank or absent one creates a role ({@code U-} and ten characters) with no rights but those
   * sent. Answers the number of roles.
   */
  public static final class Import extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "user_rights", "API Import/Update", "User Rights");
      ProjectDefinition def = call.definition();
      List<Map<String, String>> rows = Imports.rows(call);
      Map<String, UserRole> roles = new LinkedHashMap<>();
      for (UserRole r : def.roles()) {
        roles.put(r.uniqueRoleName(), r);
      }
      List<String[]> logs = new ArrayList<>();
      for (Map<String, String> row : rows) {
        String unique = Imports.cell(row, "unique_role_name");
        UserRole existing = unique.isEmpty() ? null : roles.get(unique);
        if (!unique.isEmpty() && existing == null) {
          throw UserMethods.invalid("unique_role_name", List.of(unique));
        }
        String label =
            row.containsKey("role_label")
                ? Imports.cell(row, "role_label")
                : existing == null ? "" : existing.label();
        if (label.isEmpty()) {
          throw ApiException.badRequest(
              "The value of \"role_label\" is missing: every user role needs a label.");
        }
        String name = existing == null ? newRoleName(roles.keySet()) : unique;
        UserRights base =
            existing == null
                ? RightsColumns.minimum(def)
                : UserRights.fromRoleAttributes(existing.attributes());
        UserRights rights = RightsColumns.apply(def, base, row, "role '" + label + "'");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (existing != null) {
          attributes.putAll(existing.attributes());
        }
        attributes.put("role_name", label);
        attributes.put("unique_role_name", name);
        attributes.putAll(rights.toRoleAttributes());
        roles.put(name, new UserRole(name, label, attributes));
        logs.add(
            new String[] {
              existing == null ? "Add user role" : "Edit user role", "role = '" + label + "'"
            });
      }
      ProjectDefinition changed = def.toBuilder().roles(new ArrayList<>(roles.values())).build();
      ProjectDefinition stored =
          call.database()
              .inTransaction(
                  c -> {
                    ProjectDefinition s = ProjectStore.replaceGroupsAndRoles(c, changed);
                    for (String[] l : logs) {
                      call.log(c, LogEntry.USER, l[0], l[1], "");
                    }
                    return s;
                  });
      call.project().update(stored);
      call.sendPlain(String.valueOf(rows.size()));
    }
  }

  /** Delete: {@code roles[]} of unique role names; their users keep their own rights. */
  public static final class Delete extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "user_rights", "API Import/Update", "User Rights");
      ProjectDefinition def = call.definition();
      List<String> names = call.params().namesToDelete("roles", "user roles");
      Map<String, UserRole> roles = new LinkedHashMap<>();
      for (UserRole r : def.roles()) {
        roles.put(r.uniqueRoleName(), r);
      }
      List<String> missing = names.stream().filter(n -> !roles.containsKey(n)).toList();
      if (!missing.isEmpty()) {
        throw UserMethods.invalid("roles", missing);
      }
      List<UserRole> deleted = new ArrayList<>();
      for (String n : names) {
        deleted.add(roles.remove(n));
      }
      ProjectDefinition changed = def.toBuilder().roles(new ArrayList<>(roles.values())).build();
      ProjectDefinition stored =
          call.database()
              .inTransaction(
                  c -> {
                    ProjectDefinition s = ProjectStore.replaceGroupsAndRoles(c, changed);
                    for (UserRole r : deleted) {
                      AccessStore.clearRole(c, def.id(), r.uniqueRoleName());
                      call.log(
                          c, LogEntry.USER, "Delete user role", "role = '" + r.label() + "'", "");
                    }
                    return s;
                  });
      call.project().update(stored);
      call.sendPlain(String.valueOf(names.size()));
    }
  }

  /** {@code U-} and ten upper-case letters and digits, like REDCap's {@code U-942MC93HH8}. */
  static String newRoleName(Set<String> taken) {
    Set<String> used = new HashSet<>(taken);
    while (true) {
      StringBuilder sb = new StringBuilder("U-");
      for (int i = 0; i < 10; i++) {
        sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      if (used.add(sb.toString())) {
        return sb.toString();
      }
    }
  }
}
