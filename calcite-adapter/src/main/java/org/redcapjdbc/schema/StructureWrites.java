package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.core.TableModify;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.plan.TableWriter;
import org.redcapjdbc.schema.SystemTable.SystemColumn;

/**
 * The {@code meta} tables that INSERT, UPDATE and DELETE change through REDCap's own methods, one
 * call per statement: {@code arms}, {@code events}, {@code dags}, {@code users} (import and
 * delete), and {@code form_event_mapping} (whose import replaces every mapping, so an INSERT or
 * DELETE reads the current mappings and imports them with the rows added or removed). A change to
 * the project's structure is seen by connections opened afterwards: this one keeps the structure
 * it opened with, and the shared project cache is cleared.
 */
final class StructureWrites {
  private StructureWrites() {}

  /** {@code meta.arms (arm_num, name)}: import, rename (UPDATE of name), delete. */
  static SystemWrites arms(ProjectSession session, List<SystemColumn> columns) {
    RedcapClient client = session.client();
    return new Spec(session, "arms", columns, List.of(0, 1), Map.of(), Set.of("name"), true) {
      @Override
      long insert(List<Object[]> rows) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object[] row : rows) {
          data.add(map("arm_num", row[0], "name", required(row[1], "name", "the arm's name")));
        }
        client.project().importArms(data, false);
        return rows.size();
      }

      @Override
      long update(List<Object[]> rows, List<String> columns) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object[] row : rows) {
          data.add(map("arm_num", row[0], "name", required(row[2], "name", "the arm's name")));
        }
        client.project().importArms(data, false);
        return rows.size();
      }

      @Override
      long delete(List<Object[]> rows) {
        List<Integer> arms = new ArrayList<>();
        for (Object[] row : rows) {
          arms.add(((Number) row[0]).intValue());
        }
        client.project().deleteArms(arms);
        return rows.size();
      }
    };
  }

  /**
   * {@code meta.events}: an INSERT gives {@code event_name} and {@code arm_num} (REDCap makes the
   * unique name; one given is refused); UPDATE renames ({@code event_name},
   * {@code custom_event_label}); DELETE removes events with their data.
   */
  static SystemWrites events(ProjectSession session, List<SystemColumn> columns) {
    RedcapClient client = session.client();
    return new Spec(
        session,
        "events",
        columns,
        List.of(2, 0, 1, 3),
        Map.of(2, "", 5, false),
        Set.of("event_name", "custom_event_label"),
        true) {
      @Override
      long insert(List<Object[]> rows) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object[] row : rows) {
          refuseGiven(row[4], "event_id", "REDCap assigns it");
          if (Boolean.TRUE.equals(row[5])) {
            throw new IllegalArgumentException(
                "repeating cannot be set here: which events"
                    + " repeat is part of the project's repeating setup, which SQL does not change");
          }
          Map<String, Object> m =
              map(
                  "event_name",
                  required(row[0], "event_name", "the event's name"),
                  "arm_num",
                  row[1]);
          if (row[2] != null && !row[2].toString().isBlank()) {
            // REDCap takes a unique name that is an event's as an update of that event, and
            // ignores any other (docs/redcap-api.md §2.7): neither is what an INSERT means.
            throw new IllegalArgumentException(
                "unique_event_name cannot be given: REDCap makes"
                    + " it from event_name and arm_num (to rename an event, UPDATE "
                    + session.metaSchema()
                    + ".events)");
          }
          if (row[3] != null) {
            m.put("custom_event_label", row[3]);
          }
          data.add(m);
        }
        client.project().importEvents(data, false);
        return rows.size();
      }

      @Override
      long update(List<Object[]> rows, List<String> columns) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object[] row : rows) {
          Map<String, Object> m =
              map(
                  "event_name",
                  row[1],
                  "arm_num",
                  row[2],
                  "unique_event_name",
                  row[0],
                  "custom_event_label",
                  row[3] == null ? "" : row[3]);
          for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), row[4 + i] == null ? "" : row[4 + i]);
          }
          required(m.get("event_name"), "event_name", "the event's name");
          data.add(m);
        }
        client.project().importEvents(data, false);
        return rows.size();
      }

      @Override
      long delete(List<Object[]> rows) {
        List<String> events = new ArrayList<>();
        for (Object[] row : rows) {
          events.add(row[0].toString());
        }
        client.project().deleteEvents(events);
        return rows.size();
      }
    };
  }

  /** {@code meta.dags}: create (a blank unique name lets REDCap make it), rename, delete. */
  static SystemWrites dags(ProjectSession session, List<SystemColumn> columns) {
    RedcapClient client = session.client();
    return new Spec(
        session,
        "dags",
        columns,
        List.of(1, 0),
        Map.of(1, ""),
        Set.of("data_access_group_name"),
        true) {
      @Override
      long insert(List<Object[]> rows) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object[] row : rows) {
          refuseGiven(row[2], "data_access_group_id", "REDCap assigns it");
          data.add(
              map(
                  "data_access_group_name",
                  required(row[0], "data_access_group_name", "the group's name"),
                  "unique_group_name",
                  row[1] == null ? "" : row[1]));
        }
        client.users().importDags(data);
        return rows.size();
      }

      @Override
      long update(List<Object[]> rows, List<String> columns) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object[] row : rows) {
          data.add(
              map(
                  "data_access_group_name",
                  required(row[2], "data_access_group_name", "the group's name"),
                  "unique_group_name",
                  row[0]));
        }
        client.users().importDags(data);
        return rows.size();
      }

      @Override
      long delete(List<Object[]> rows) {
        List<String> dags = new ArrayList<>();
        for (Object[] row : rows) {
          dags.add(row[0].toString());
        }
        client.users().deleteDags(dags);
        return rows.size();
      }
    };
  }

  /**
   * {@code meta.users}: INSERT adds users with the columns given (REDCap gives the others their
   * minimum), UPDATE changes the SET columns of each matched user, DELETE removes users.
   */
  static SystemWrites users(ProjectSession session, List<SystemColumn> columns) {
    RedcapClient client = session.client();
    Set<String> updatable = new LinkedHashSet<>();
    for (SystemColumn c : columns) {
      if (!c.name().equals("username") && !c.name().equals("data_access_group_id")) {
        updatable.add(c.name());
      }
    }
    return new Spec(session, "users", columns, List.of(0), Map.of(), updatable, true) {
      @Override
      long insert(List<Object[]> rows) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object[] row : rows) {
          Map<String, Object> m = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            if (row[i] != null) {
              if (columns.get(i).name().equals("data_access_group_id")) {
                refuseGiven(
                    row[i],
                    "data_access_group_id",
                    "give the group's unique name in data_access_group");
              }
              m.put(columns.get(i).name(), row[i]);
            }
          }
          data.add(m);
        }
        client.users().importUsers(data);
        return rows.size();
      }

      @Override
      long update(List<Object[]> rows, List<String> set) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Object[] row : rows) {
          Map<String, Object> m = map("username", row[0]);
          for (int i = 0; i < set.size(); i++) {
            m.put(set.get(i), row[1 + i] == null ? "" : row[1 + i]);
          }
          data.add(m);
        }
        client.users().importUsers(data);
        return rows.size();
      }

      @Override
      long delete(List<Object[]> rows) {
        List<String> users = new ArrayList<>();
        for (Object[] row : rows) {
          users.add(row[0].toString());
        }
        client.users().deleteUsers(users);
        return rows.size();
      }
    };
  }

  /**
   * {@code meta.form_event_mapping}: REDCap's import replaces every mapping, so INSERT and DELETE
   * export the current mappings (one call) and import them with the rows added or removed.
   */
  static SystemWrites formEventMapping(ProjectSession session, List<SystemColumn> columns) {
    RedcapClient client = session.client();
    return new Spec(
        session, "form_event_mapping", columns, List.of(0, 1, 2), Map.of(), Set.of(), true) {
      @Override
      long insert(List<Object[]> rows) {
        Set<List<String>> all = current();
        for (Object[] row : rows) {
          all.add(List.of(text(row[0]), text(row[1]), text(row[2])));
        }
        replace(all);
        return rows.size();
      }

      @Override
      long delete(List<Object[]> rows) {
        Set<List<String>> all = current();
        for (Object[] row : rows) {
          all.remove(List.of(text(row[0]), text(row[1]), text(row[2])));
        }
        replace(all);
        return rows.size();
      }

      private Set<List<String>> current() {
        Set<List<String>> all = new LinkedHashSet<>();
        for (Map<String, String> m : client.project().exportFormEventMappings(List.of())) {
          all.add(
              List.of(
                  m.getOrDefault("arm_num", ""),
                  m.getOrDefault("unique_event_name", ""),
                  m.getOrDefault("form", "")));
        }
        return all;
      }

      private void replace(Set<List<String>> all) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (List<String> m : all) {
          data.add(map("arm_num", m.get(0), "unique_event_name", m.get(1), "form", m.get(2)));
        }
        client.project().importFormEventMappings(data);
      }
    };
  }

  /** A table's statements: subclasses say what each operation sends. */
  private abstract static class Spec implements SystemWrites {
    final ProjectSession session;
    final String table;
    final List<SystemColumn> columns;
    private final List<Integer> matched;
    private final Map<Integer, Object> defaults;
    private final Set<String> updatable;
    private final boolean structural;

    Spec(
        ProjectSession session,
        String table,
        List<SystemColumn> columns,
        List<Integer> matched,
        Map<Integer, Object> defaults,
        Set<String> updatable,
        boolean structural) {
      this.session = session;
      this.table = session.metaSchema() + "." + table;
      this.columns = columns;
      this.matched = matched;
      this.defaults = defaults;
      this.updatable = updatable;
      this.structural = structural;
    }

    abstract long insert(List<Object[]> rows);

    long update(List<Object[]> rows, List<String> columns) {
      throw new IllegalStateException("no update");
    }

    abstract long delete(List<Object[]> rows);

    @Override
    public List<Integer> matchedRowColumns() {
      return matched;
    }

    @Override
    public Map<Integer, Object> insertDefaults() {
      return defaults;
    }

    @Override
    public TableWriter writer(TableModify.Operation operation, List<String> updateColumns) {
      switch (operation) {
        case INSERT:
          return new StructureWrite(session, "INSERT into " + table, this::insert, structural);
        case DELETE:
          return new StructureWrite(session, "DELETE from " + table, this::delete, structural);
        case UPDATE:
          {
            String what = "UPDATE of " + table;
            List<String> set = new ArrayList<>();
            for (String c : updateColumns) {
              String lower = c.toLowerCase(Locale.ROOT);
              if (!updatable.contains(lower)) {
                return new RefusedWrite(
                    what,
                    updatable.isEmpty()
                        ? "its rows are changed by DELETE and INSERT."
                        : "UPDATE can change "
                            + String.join(", ", updatable)
                            + " here, not "
                            + lower
                            + ".",
                    "0A000");
              }
              set.add(lower);
            }
            return new StructureWrite(session, what, rows -> update(rows, set), structural);
          }
        default:
          return new RefusedWrite(
              operation + " on " + table,
              "only INSERT, UPDATE and DELETE" + " are supported",
              "0A000");
      }
    }
  }

  /** One statement on a structure table: one (or, for mappings, two) calls. */
  private static final class StructureWrite extends StatementWrite {
    private final Function<List<Object[]>, Long> action;
    private final boolean structural;

    StructureWrite(
        ProjectSession session,
        String what,
        Function<List<Object[]>, Long> action,
        boolean structural) {
      super(session, what);
      this.action = action;
      this.structural = structural;
    }

    @Override
    long run(DataContext root, Enumerable<Object[]> rows) {
      WriteBatch batch = sendBufferedRowsFirst(root);
      List<Object[]> input = readAll(rows);
      if (input.isEmpty()) {
        return 0;
      }
      long count;
      try {
        count = action.apply(input);
      } catch (IllegalArgumentException e) {
        throw badRow(0, 1, e.getMessage());
      } catch (RedcapException e) {
        boolean refused =
            e.kind() == RedcapException.Kind.VALIDATION || e.kind() == RedcapException.Kind.AUTH;
        throw new RedcapWriteException(
            what
                + " failed: "
                + e.getMessage()
                + (RecordImporter.endsWithStop(e.getMessage()) ? " " : ". ")
                + (refused
                    ? "Nothing was changed."
                    : "Whether REDCap applied it is unknown: check" + " the project."),
            0,
            SqlErrors.writeState(e),
            e);
      } finally {
        if (structural) {
          ProjectCache.SHARED.forgetProject(session.config().projectKey());
        }
        RecordCopies.SHARED.changed(session.config());
      }
      if (batch != null) {
        batch.ranImmediately();
      }
      return count;
    }
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static Object required(Object value, String column, String what) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(column + " is required: " + what);
    }
    return value;
  }

  static void refuseGiven(Object value, String column, String why) {
    if (value != null) {
      throw new IllegalArgumentException(column + " cannot be given: " + why);
    }
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
