package org.redcapjdbc.emulator.api.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.redcapjdbc.emulator.model.UserRole;
import org.redcapjdbc.emulator.store.AccessStore;
import org.redcapjdbc.emulator.store.StoredUser;

/**
 * {@code content=userRoleMapping}: export and import of user-role assignments
 * (docs/redcap-wire-samples.md §16.3).
 */
public final class RoleMappingMethods {
  private RoleMappingMethods() {}

  /** Export: {@code username, unique_role_name, data_access_group}, sorted by user name. */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      List<StoredUser> users = call.database().read(c -> AccessStore.users(c, def.id()));
      TableWriter w = call.table(List.of("username", "unique_role_name", "data_access_group"));
      for (StoredUser u : users) {
        Dag dag = u.groupId() == null ? null : def.dag(u.groupId());
        w.row(
            new Object[] {
              u.username(),
              u.roleName() == null ? "" : u.roleName(),
              dag == null ? "" : dag.uniqueName()
            });
      }
      w.finish();
    }
  }

  /** Import: {@code username, unique_role_name} (blank: no role); users and roles must exist. */
  public static final class Import extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "user_rights", "API Import/Update", "User Rights");
      ProjectDefinition def = call.definition();
      Map<String, StoredUser> changed = new LinkedHashMap<>();
      for (Map<String, String> row : Imports.rows(call)) {
        String username = Imports.cell(row, "username");
        Optional<StoredUser> user =
            call.database().read(c -> AccessStore.user(c, def.id(), username));
        if (user.isEmpty()) {
          throw UserMethods.invalid("username", List.of(username));
        }
        String role = Imports.cell(row, "unique_role_name");
        if (!role.isEmpty()
            && def.roles().stream().map(UserRole::uniqueRoleName).noneMatch(role::equals)) {
          throw ApiException.badRequest(
              "The following values in the parameter \"unique_role_name\" are not valid: '"
                  + role
                  + "'");
        }
        changed.put(username, user.get().withRole(role));
      }
      call.database()
          .inTransaction(
              c -> {
                for (StoredUser u : changed.values()) {
                  AccessStore.saveUser(c, def.id(), u);
                  call.log(
                      c,
                      LogEntry.USER,
                      "Assign user to role",
                      "user = '"
                          + u.username()
                          + "', role = '"
                          + (u.roleName() == null ? "" : u.roleName())
                          + "'",
                      "");
                }
                return null;
              });
      call.sendPlain(String.valueOf(changed.size()));
    }
  }
}
