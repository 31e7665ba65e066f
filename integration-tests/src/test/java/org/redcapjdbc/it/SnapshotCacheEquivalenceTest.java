package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redcapjdbc.client.FileAddress;
import org.redcapjdbc.client.OverwriteBehavior;
import org.redcapjdbc.client.RecordImportRequest;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/**
 * The snapshot cache's promise (docs/snapshot-cache.md): a statement read from the cache returns
 * exactly what the same statement returns with {@code cache=off} at that moment, whatever another
 * client did in between. Seeded random sequences of raw API changes (value edits and blanks, new
 * records, record deletes, event and instance deletes, new repeat instances, DAG reassignment,
 * renames, file uploads) sent by a separate client, interleaved with queries compared between a
 * cached and a live connection, on a longitudinal project with repeating instruments and DAGs;
 * the server runs in the JVM's zone, in a zone far from it (with the cache told its zone, and not
 * told it).
 */
class SnapshotCacheEquivalenceTest {
  private static final String SPEC =
      "records=25,fields=26,events=3,repeating=2,dags=2,checkboxes=2,seed=";

  static Stream<Arguments> servers() {
    return Stream.of(
        Arguments.of(null, null, 11L),
        Arguments.of("Pacific/Kiritimati", null, 12L), // UTC+14: the cache must not know it
        Arguments.of("America/Adak", "America/Adak", 13L), // UTC-10/-9, named to the cache
        Arguments.of("Etc/GMT+12", null, 14L)); // UTC-12, the earliest local time anywhere
  }

  @ParameterizedTest(name = "server zone {0}, serverTimeZone {1}")
  @MethodSource("servers")
  void cachedStatementsEqualLiveOnesThroughRandomChanges(String zone, String told, long seed)
      throws Exception {
    RedcapEmulator.Builder b = RedcapEmulator.builder();
    if (zone != null) {
      b.timeZone(ZoneId.of(zone));
    }
    try (RedcapEmulator emulator = b.build().start()) {
      EmulatedProject p = emulator.generate(SPEC + seed, null);
      List<String> cacheProps = new ArrayList<>(List.of("cache=memory"));
      if (told != null) {
        cacheProps.add("serverTimeZone=" + told);
      }
      try (Connection live = Jdbc.connect(emulator, p);
          Connection cached = Jdbc.connect(emulator, p, cacheProps.toArray(new String[0]))) {
        Changes changes = new Changes(emulator, p, live, new Random(seed));
        List<String> queries = queries(live);
        compare(live, cached, queries, "before any change");
        for (int step = 0; step < 30; step++) {
          String what = changes.randomChange();
          compare(live, cached, queries, "step " + step + ": " + what);
        }
      }
    }
  }

  private static List<String> queries(Connection live) throws SQLException {
    List<String> q = new ArrayList<>();
    q.add("SELECT * FROM records");
    for (List<Object> row :
        Jdbc.rows(live, "SELECT DISTINCT instrument_name FROM meta.instruments")) {
      q.add("SELECT * FROM \"" + row.get(0) + "\"");
    }
    q.add(
        "SELECT redcap_event_name, redcap_data_access_group, COUNT(*), COUNT(DISTINCT record_id)"
            + " FROM records GROUP BY redcap_event_name, redcap_data_access_group"
            + " ORDER BY 1, 2");
    return q;
  }

  private static void compare(Connection live, Connection cached, List<String> queries, String when)
      throws SQLException {
    for (String sql : queries) {
      List<List<Object>> expected = Jdbc.rows(live, sql);
      List<List<Object>> actual = Jdbc.rows(cached, sql);
      assertThat(actual).as(sql + " after " + when).isEqualTo(expected);
    }
  }

  /** Raw API changes by another client: never through the cached connection. */
  static final class Changes {
    private final RedcapEmulator emulator;
    private final EmulatedProject project;
    private final RedcapClient client;
    private final Random random;
    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> formOf = new HashMap<>();
    private final List<String> dags = new ArrayList<>();
    private final String idField;
    private int created;

    Changes(RedcapEmulator emulator, EmulatedProject project, Connection live, Random random)
        throws SQLException {
      this.emulator = emulator;
      this.project = project;
      this.random = random;
      this.client = RedcapClient.builder().url(emulator.url()).token(project.token()).build();
      List<List<Object>> fields =
          Jdbc.rows(live, "SELECT field_name, field_type, form_name FROM meta.metadata");
      idField = (String) fields.get(0).get(0);
      for (List<Object> f : fields) {
        types.put((String) f.get(0), (String) f.get(1));
        formOf.put((String) f.get(0), (String) f.get(2));
      }
      for (List<Object> d : Jdbc.rows(live, "SELECT unique_group_name FROM meta.dags")) {
        dags.add((String) d.get(0));
      }
    }

    String randomChange() {
      List<Map<String, String>> rows = RawRecords.export(emulator, project);
      Map<String, List<Map<String, String>>> byRecord = new TreeMap<>();
      for (Map<String, String> r : rows) {
        byRecord.computeIfAbsent(r.get(idField), k -> new ArrayList<>()).add(r);
      }
      List<String> records = new ArrayList<>(byRecord.keySet());
      Map<String, String> row = rows.get(random.nextInt(rows.size()));
      String record = row.get(idField);
      int kind = random.nextInt(12);
      switch (kind) {
        case 0, 1, 2 -> {
          // Edit a value to one another row holds for the same column.
          String column = valueColumn(row, true);
          if (column == null) {
            return "nothing (no value to edit)";
          }
          String donor = rows.get(random.nextInt(rows.size())).get(column);
          if (donor == null || donor.isEmpty()) {
            donor = row.get(column);
          }
          if (column.contains("___")) {
            donor = "1".equals(row.get(column)) ? "0" : "1";
          } else if (column.endsWith("_complete")) {
            donor = String.valueOf(random.nextInt(3));
          }
          importRow(keys(row, column, donor), OverwriteBehavior.NORMAL);
          return "edit " + record + "." + column + " = " + donor;
        }
        case 3 -> {
          String column = valueColumn(row, false);
          if (column == null || column.contains("___") || column.endsWith("_complete")) {
            return "nothing (no value to blank)";
          }
          importRow(keys(row, column, ""), OverwriteBehavior.OVERWRITE);
          return "blank " + record + "." + column;
        }
        case 4 -> {
          String id = "n" + (++created) + "x" + random.nextInt(1000);
          List<Map<String, String>> sent = new ArrayList<>();
          for (Map<String, String> r : byRecord.get(record)) {
            Map<String, String> copy = importable(r);
            copy.put(idField, id);
            sent.add(copy);
          }
          client
              .records()
              .importRecords(
                  RecordImportRequest.builder()
                      .rows(sent)
                      .overwriteBehavior(OverwriteBehavior.NORMAL)
                      .build());
          return "new record " + id + " like " + record;
        }
        case 5 -> {
          client.records().deleteRecords(List.of(record));
          return "delete record " + record;
        }
        case 6 -> {
          String event = row.get("redcap_event_name");
          client.records().deleteRecords(List.of(record), null, null, event, null);
          return "delete event " + event + " of " + record;
        }
        case 7 -> {
          String form = row.get("redcap_repeat_instrument");
          if (form == null || form.isEmpty()) {
            return "nothing (not a repeat row)";
          }
          int instance = Integer.parseInt(row.get("redcap_repeat_instance"));
          client
              .records()
              .deleteRecords(List.of(record), null, form, row.get("redcap_event_name"), instance);
          return "delete instance " + form + "#" + instance + " of " + record;
        }
        case 8 -> {
          String form = row.get("redcap_repeat_instrument");
          if (form == null || form.isEmpty()) {
            return "nothing (not a repeat row)";
          }
          int max = 0;
          for (Map<String, String> r : byRecord.get(record)) {
            if (form.equals(r.get("redcap_repeat_instrument"))
                && r.get("redcap_event_name").equals(row.get("redcap_event_name"))) {
              max = Math.max(max, Integer.parseInt(r.get("redcap_repeat_instance")));
            }
          }
          Map<String, String> copy = importable(row);
          copy.put("redcap_repeat_instance", String.valueOf(max + 1));
          importRow(copy, OverwriteBehavior.NORMAL);
          return "new instance " + form + "#" + (max + 1) + " of " + record;
        }
        case 9 -> {
          String dag = random.nextInt(4) == 0 ? "" : dags.get(random.nextInt(dags.size()));
          Map<String, String> r = new LinkedHashMap<>();
          r.put(idField, record);
          r.put("redcap_event_name", byRecord.get(record).get(0).get("redcap_event_name"));
          r.put("redcap_data_access_group", dag);
          importRow(r, OverwriteBehavior.OVERWRITE);
          return "move " + record + " to DAG '" + dag + "'";
        }
        case 10 -> {
          String to = record + "r" + random.nextInt(100);
          if (records.contains(to)) {
            return "nothing (name taken)";
          }
          client.records().renameRecord(record, to, null);
          return "rename " + record + " to " + to;
        }
        default -> {
          String field = null;
          for (String name : row.keySet()) {
            if ("file".equals(types.get(name))) {
              field = name;
            }
          }
          String repeat = row.get("redcap_repeat_instrument");
          if (field == null
              || (repeat != null && !repeat.isEmpty() && !repeat.equals(formOf.get(field)))) {
            return "nothing (no file field on this row)";
          }
          String instance = row.get("redcap_repeat_instance");
          String name = "f" + random.nextInt(1000) + ".txt";
          try {
            client
                .files()
                .importFile(
                    FileAddress.of(
                        record,
                        field,
                        row.get("redcap_event_name"),
                        instance == null || instance.isEmpty() ? null : Integer.valueOf(instance)),
                    name,
                    "content".getBytes(StandardCharsets.UTF_8),
                    "text/plain");
          } catch (org.redcapjdbc.client.RedcapException e) {
            return "nothing (file refused: " + e.getMessage() + ")";
          }
          return "upload " + name + " to " + record + "." + field;
        }
      }
    }

    /** A column of the row that holds (or may hold) a value the API lets a client import. */
    private String valueColumn(Map<String, String> row, boolean anyNonBlank) {
      List<String> candidates = new ArrayList<>();
      for (Map.Entry<String, String> e : row.entrySet()) {
        String name = e.getKey();
        String base = name.contains("___") ? name.substring(0, name.indexOf("___")) : name;
        String type = types.get(base);
        boolean status = name.endsWith("_complete");
        if ((type == null && !status)
            || name.equals(idField)
            || "calc".equals(type)
            || "file".equals(type)
            || e.getValue() == null
            || e.getValue().isEmpty()) {
          continue;
        }
        candidates.add(name);
      }
      return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static Map<String, String> keys(Map<String, String> row, String column, String value) {
      Map<String, String> r = new LinkedHashMap<>();
      for (String k :
          List.of(
              row.keySet().iterator().next(),
              "redcap_event_name",
              "redcap_repeat_instrument",
              "redcap_repeat_instance")) {
        if (row.containsKey(k)) {
          r.put(k, row.get(k));
        }
      }
      r.put(column, value);
      return r;
    }

    /** The row without what an import refuses: calculated fields, files, the DAG column. */
    private Map<String, String> importable(Map<String, String> row) {
      Map<String, String> copy = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : row.entrySet()) {
        String type = types.get(e.getKey());
        if ("calc".equals(type)
            || "file".equals(type)
            || e.getKey().equals("redcap_data_access_group")) {
          continue;
        }
        copy.put(e.getKey(), e.getValue());
      }
      return copy;
    }

    private void importRow(Map<String, String> row, OverwriteBehavior overwrite) {
      client
          .records()
          .importRecords(
              RecordImportRequest.builder()
                  .rows(List.of(row))
                  .overwriteBehavior(overwrite)
                  .build());
    }
  }
}
