package org.redcapjdbc.emulator.api.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UniqueNames;
import org.redcapjdbc.emulator.store.AccessStore;
import org.redcapjdbc.emulator.store.ProjectStore;
import org.redcapjdbc.emulator.store.StoredUser;

/**
 * {@code content=dag}: export, import, delete and switch (docs/redcap-api.md §2.10,
 * docs/redcap-wire-samples.md §17). Export, import and delete are refused to users inside a DAG,
 * with REDCap's text, and need the Data Access Groups right.
 */
public final class DagMethods {
  private DagMethods() {}

  /** Export: {@code data_access_group_name, unique_group_name, data_access_group_id} (a number). */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.notInDag(call);
      Access.require(call, "data_access_groups", "API Export", "Data Access Groups");
      TableWriter w =
          call.table(
              List.of("data_access_group_name", "unique_group_name", "data_access_group_id"));
      for (Dag d : call.definition().dags()) {
        w.row(new Object[] {d.name(), d.uniqueName(), d.id()});
      }
      w.finish();
    }
  }

  /**
   * Import: {@code data_access_group_name, unique_group_name}; a blank unique name creates a group
   * whose unique name is derived from its name ({@code New DAG} → {@code new_dag}); a known one
   * renames that group. Answers the number of rows.
   */
  public static final class Import extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.notInDag(call);
      Access.require(call, "data_access_groups", "API Import/Update", "Data Access Groups");
      ProjectDefinition def = call.definition();
      List<Map<String, String>> rows = Imports.rows(call);
      Map<String, Dag> dags = new LinkedHashMap<>();
      for (Dag d : def.dags()) {
        dags.put(d.uniqueName(), d);
      }
      List<String[]> logs = new ArrayList<>();
      for (Map<String, String> row : rows) {
        String name = Imports.cell(row, "data_access_group_name");
        String unique = Imports.cell(row, "unique_group_name");
        if (name.isEmpty()) {
          throw ApiException.badRequest(
              "The value of \"data_access_group_name\" is missing: every data access group"
                  + " needs a name.");
        }
        if (unique.isEmpty()) {
          String created = UniqueNames.dag(name, dags.keySet());
          dags.put(created, new Dag(0, created, name));
          logs.add(new String[] {"Create data access group", "group = '" + name + "'"});
        } else {
          Dag d = dags.get(unique);
          if (d == null) {
            throw UserMethods.invalid("unique_group_name", List.of(unique));
          }
          dags.put(unique, new Dag(d.id(), unique, name));
          logs.add(new String[] {"Rename data access group", "group = '" + name + "'"});
        }
      }
      save(call, def.toBuilder().dags(new ArrayList<>(dags.values())).build(), logs, List.of());
      call.sendPlain(String.valueOf(rows.size()));
    }
  }

  /** Delete: {@code dags[]} of unique group names; their users and records leave the group. */
  public static final class Delete extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.notInDag(call);
      Access.require(call, "data_access_groups", "API Import/Update", "Data Access Groups");
      ProjectDefinition def = call.definition();
      List<String> names = call.params().namesToDelete("dags", "data access groups");
      Map<String, Dag> dags = new LinkedHashMap<>();
      for (Dag d : def.dags()) {
        dags.put(d.uniqueName(), d);
      }
      List<String> missing = names.stream().filter(n -> !dags.containsKey(n)).toList();
      if (!missing.isEmpty()) {
        throw UserMethods.invalid("dags", missing);
      }
      List<Integer> deleted = new ArrayList<>();
      List<String[]> logs = new ArrayList<>();
      for (String n : names) {
        Dag d = dags.remove(n);
        deleted.add(d.id());
        logs.add(new String[] {"Delete data access group", "group = '" + d.name() + "'"});
      }
      save(call, def.toBuilder().dags(new ArrayList<>(dags.values())).build(), logs, deleted);
      call.sendPlain(String.valueOf(names.size()));
    }
  }

  private static void save(
      ApiCall call, ProjectDefinition changed, List<String[]> logs, List<Integer> deletedGroups) {
    ProjectDefinition stored =
        call.database()
            .inTransaction(
                c -> {
                  for (int g : deletedGroups) {
                    AccessStore.clearGroup(c, changed.id(), g);
                  }
                  ProjectDefinition s = ProjectStore.replaceGroupsAndRoles(c, changed);
                  for (String[] l : logs) {
                    call.log(c, LogEntry.MANAGE, LogEntry.MANAGE_DESIGN, l[0] + ": " + l[1], "");
                  }
                  return s;
                });
    call.project().update(stored);
  }

  /**
   * Switch: {@code dag} names a group the caller was given through the DAG Switcher (users in a DAG
   * may switch: that is what the method is for). Answers {@code 1}.
   */
  public static final class Switch extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      String unique = call.params().get("dag");
      if (unique == null) {
        throw ApiException.badRequest(
            "The parameter \"dag\" is missing: name the unique group name of the data"
                + " access group to switch to.");
      }
      Dag dag = def.dag(unique);
      if (dag == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"dag\" is not valid: '"
                + unique
                + "' is not the unique group name of a data access group in the project.");
      }
      String username = call.user().username();
      Set<Integer> allowed =
          new LinkedHashSet<>(
              call.database().read(c -> AccessStore.switchableGroups(c, def.id(), username)));
      if (!allowed.contains(dag.id())) {
        throw ApiException.forbidden(
            "You do not have permission to switch to the data access group '"
                + unique
                + "': you have not been assigned to it in the DAG Switcher.");
      }
      call.database()
          .inTransaction(
              c -> {
                StoredUser u = AccessStore.user(c, def.id(), username).orElseThrow();
                AccessStore.saveUser(c, def.id(), u.withGroup(dag.id()));
                call.log(
                    c,
                    LogEntry.USER,
                    "Switch data access group",
                    "user = '" + username + "', group = '" + dag.uniqueName() + "'",
                    "");
                return null;
              });
      call.sendPlain("1");
    }
  }
}
