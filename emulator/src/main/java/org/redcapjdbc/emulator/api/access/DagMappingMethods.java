package org.redcapjdbc.emulator.api.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redcapjdbc.emulator.api.Access;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Imports;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.AccessStore;
import org.redcapjdbc.emulator.store.StoredUser;

/**
 * {@code content=userDagMapping}: export and import of user-DAG assignments
 * (docs/redcap-wire-samples.md §17).
 */
public final class DagMappingMethods {
  private DagMappingMethods() {}

  /** Export: {@code username, redcap_data_access_group} (blank when in none), sorted by user name. */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.notInDag(call);
      Access.require(call, "data_access_groups", "API Export", "Data Access Groups");
      ProjectDefinition def = call.definition();
      List<StoredUser> users = call.database().read(c -> AccessStore.users(c, def.id()));
      TableWriter w = call.table(List.of("username", "redcap_data_access_group"));
      for (StoredUser u : users) {
        Dag dag = u.groupId() == null ? null : def.dag(u.groupId());
        w.row(new Object[] {u.username(), dag == null ? "" : dag.uniqueName()});
      }
      w.finish();
    }
  }

  /**
   * Import: {@code username, redcap_data_access_group}; a blank or missing group takes the user out
   * of every group. Answers the number of rows.
   */
  public static final class Import extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.notInDag(call);
      Access.require(call, "data_access_groups", "API Import/Update", "Data Access Groups");
      ProjectDefinition def = call.definition();
      Map<String, StoredUser> changed = new LinkedHashMap<>();
      for (Map<String, String> row : Imports.rows(call)) {
        String username = Imports.cell(row, "username");
        Optional<StoredUser> user =
            call.database().read(c -> AccessStore.user(c, def.id(), username));
        if (user.isEmpty()) {
          throw UserMethods.invalid("username", List.of(username));
        }
        String unique = Imports.cell(row, "redcap_data_access_group");
        Integer group = null;
        if (!unique.isEmpty()) {
          Dag dag = def.dag(unique);
          if (dag == null) {
            throw UserMethods.invalid("redcap_data_access_group", List.of(unique));
          }
          group = dag.id();
        }
        changed.put(username, user.get().withGroup(group));
      }
      call.database()
          .inTransaction(
              c -> {
                for (StoredUser u : changed.values()) {
                  AccessStore.saveUser(c, def.id(), u);
                  Dag dag = u.groupId() == null ? null : def.dag(u.groupId());
                  call.log(
                      c,
                      LogEntry.USER,
                      "Assign user to data access group",
                      "user = '"
                          + u.username()
                          + "', group = '"
                          + (dag == null ? "" : dag.uniqueName())
                          + "'",
                      "");
                }
                return null;
              });
      call.sendPlain(String.valueOf(changed.size()));
    }
  }
}
