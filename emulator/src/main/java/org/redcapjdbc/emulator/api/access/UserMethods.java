package org.redcapjdbc.emulator.api.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redcapjdbc.emulator.api.Access;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Imports;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UserRights;
import org.redcapjdbc.emulator.model.UserRole;
import org.redcapjdbc.emulator.store.AccessStore;
import org.redcapjdbc.emulator.store.StoredUser;

/**
 * {@code content=user}: export, import and delete (docs/redcap-api.md §2.9,
 * docs/redcap-wire-samples.md §16.1).
 */
public final class UserMethods {
  private UserMethods() {}

  static final List<String> HEAD =
      List.of(
          "username",
          "email",
          "firstname",
          "lastname",
          "expiration",
          "data_access_group",
          "data_access_group_id",
          "data_access_group_label");

  /**
   * Export: one row per user sorted by user name; rights as numbers, {@code forms} and
   * {@code forms_export} as objects (CSV: {@code form:level,…}); a user in a role shows the
   * role's rights.
   */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      List<StoredUser> users = call.database().read(c -> AccessStore.users(c, def.id()));
      List<String> columns = new ArrayList<>(HEAD);
      columns.addAll(UserRights.KEYS);
      columns.add("forms");
      columns.add("forms_export");
      // Since REDCap 6.11 the XML user export has a <users> root.
      TableWriter w = call.table(columns, "users");
      for (StoredUser u : users) {
        UserRights r = effective(def, u);
        Object[] cells = new Object[columns.size()];
        int i = 0;
        cells[i++] = u.username();
        cells[i++] = u.email();
        cells[i++] = u.firstname();
        cells[i++] = u.lastname();
        cells[i++] = u.expiration();
        Dag dag = u.groupId() == null ? null : def.dag(u.groupId());
        cells[i++] = dag == null ? "" : dag.uniqueName();
        cells[i++] = dag == null ? "" : (Object) dag.id();
        cells[i++] = dag == null ? "" : dag.name();
        for (String k : UserRights.KEYS) {
          cells[i++] = r.flag(k);
        }
        cells[i++] = r.formsOf(def.forms());
        cells[i] = r.exportsOf(def.forms());
        w.row(cells);
      }
      w.finish();
    }
  }

  /** The rights a user has: its role's when it is in one. */
  static UserRights effective(ProjectDefinition def, StoredUser u) {
    if (u.roleName() != null) {
      for (UserRole role : def.roles()) {
        if (role.uniqueRoleName().equals(u.roleName())) {
          return UserRights.fromRoleAttributes(role.attributes());
        }
      }
    }
    return u.rights();
  }

  /**
   * Import: adds users or changes the rights they are given. A new user gets no rights except
   * those sent; an existing one keeps what is not sent. {@code data_access_group} takes a unique
   * group name (blank: none). Answers the number of users.
   */
  public static final class Import extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "user_rights", "API Import/Update", "User Rights");
      ProjectDefinition def = call.definition();
      List<Map<String, String>> rows = Imports.rows(call);
      Map<String, StoredUser> changed = new LinkedHashMap<>();
      Set<String> added = new LinkedHashSet<>();
      for (Map<String, String> row : rows) {
        String username = Imports.cell(row, "username");
        if (username.isEmpty()) {
          throw ApiException.badRequest(
              "The value of \"username\" is missing: every user must have a username.");
        }
        Optional<StoredUser> stored =
            changed.containsKey(username)
                ? Optional.of(changed.get(username))
                : call.database().read(c -> AccessStore.user(c, def.id(), username));
        if (stored.isEmpty()) {
          added.add(username);
        }
        StoredUser base =
            stored.orElse(
                new StoredUser(username, "", "", "", "", null, null, RightsColumns.minimum(def)));
        changed.put(username, apply(def, base, row));
      }
      call.database()
          .inTransaction(
              c -> {
                for (StoredUser u : changed.values()) {
                  AccessStore.saveUser(c, def.id(), u);
                  call.log(
                      c,
                      LogEntry.USER,
                      added.contains(u.username()) ? "Add user" : "Edit user",
                      "user = '" + u.username() + "'",
                      "");
                }
                return null;
              });
      call.sendPlain(String.valueOf(changed.size()));
    }

    private static StoredUser apply(ProjectDefinition def, StoredUser base, Map<String, String> row)
        throws ApiException {
      String who = "user '" + base.username() + "'";
      Integer group = base.groupId();
      if (row.containsKey("data_access_group")) {
        String unique = Imports.cell(row, "data_access_group");
        if (unique.isEmpty()) {
          group = null;
        } else {
          Dag dag = def.dag(unique);
          if (dag == null) {
            throw ApiException.badRequest(
                "The value of \"data_access_group\" for "
                    + who
                    + " is not valid: '"
                    + unique
                    + "' is not the unique group name of a data access group in the project.");
          }
          group = dag.id();
        }
      }
      return new StoredUser(
          base.username(),
          pick(row, "email", base.email()),
          pick(row, "firstname", base.firstname()),
          pick(row, "lastname", base.lastname()),
          pick(row, "expiration", base.expiration()),
          group,
          base.roleName(),
          RightsColumns.apply(def, base.rights(), row, who));
    }

    private static String pick(Map<String, String> row, String column, String fallback) {
      return row.containsKey(column) ? Imports.cell(row, column) : fallback;
    }
  }

  /** Delete: {@code users[]}; every one must exist. Answers the number deleted. */
  public static final class Delete extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "user_rights", "API Import/Update", "User Rights");
      ProjectDefinition def = call.definition();
      List<String> users = call.params().namesToDelete("users", "users");
      List<String> missing = new ArrayList<>();
      call.database()
          .read(
              c -> {
                for (String u : users) {
                  if (AccessStore.user(c, def.id(), u).isEmpty()) {
                    missing.add(u);
                  }
                }
                return null;
              });
      if (!missing.isEmpty()) {
        throw invalid("users", missing);
      }
      call.database()
          .inTransaction(
              c -> {
                for (String u : users) {
                  AccessStore.deleteUser(c, def.id(), u);
                  call.log(c, LogEntry.USER, "Delete user", "user = '" + u + "'", "");
                }
                return null;
              });
      call.sendPlain(String.valueOf(users.size()));
    }
  }

  /** {@code The following values in the parameter "x" are not valid: 'a', 'b'}. */
  static ApiException invalid(String parameter, List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(n).append('\'');
    }
    return ApiException.badRequest(
        "The following values in the parameter \"" + parameter + "\" are not valid: " + sb);
  }
}
