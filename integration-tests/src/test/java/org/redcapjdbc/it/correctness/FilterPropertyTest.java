package org.redcapjdbc.it.correctness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.redcapjdbc.emulator.EmulatorStats;

/**
 * Random filter predicates over the generated project (2,000 records, two events, a repeating
 * instrument, checkboxes) through the driver, with pushdown, against H2 on the independent copy:
 * the filterLogic translation is tried on thousands of shapes. Each try is a batch of eight
 * predicates on one table, each ANDed with its own window of 25 random record IDs, which keeps
 * every export small (the windows move over the whole project), and selecting the row key, which
 * is what a filter decides. A batch runs as eight statements on two threads with a connection
 * each: planning, not REDCap, is the cost, and a UNION ALL of eight filtered scans plans more
 * slowly than eight statements. The seed is fixed so that a run is repeatable; change it to
 * explore other shapes.
 */
class FilterPropertyTest {
  private static final int PER_BATCH = 8;
  private static final int LANES = 2;
  private static final int WINDOW = 25;
  private static final List<String> TABLES = List.of("records", "instrument_1", "instrument_2");
  private static final AtomicInteger CHECKED = new AtomicInteger();
  private static final AtomicInteger PUSHED = new AtomicInteger();
  private static final Map<String, int[]> PER_TABLE = new ConcurrentHashMap<>();
  private static long started;

  private static Map<String, Predicates> generators;
  private static Map<String, String> keys;
  private static Connection[] drivers;
  private static ExecutorService lanes;

  /** A predicate and the records it is tried on. */
  record Check(List<String> recordIds, String predicate) {
    String statement(String table) {
      return "SELECT "
          + keys.get(table)
          + " FROM \""
          + table
          + "\" t WHERE t.\"record_id\" IN ("
          + recordIds.stream().map(Predicates::quote).collect(Collectors.joining(", "))
          + ") AND ("
          + predicate
          + ")";
    }
  }

  /** One try's worth of predicates, all on one table. */
  record Batch(String table, List<Check> checks) {
    @Override
    public String toString() {
      return table + " " + checks.stream().map(Check::predicate).toList();
    }
  }

  @Property(
      tries = 250,
      shrinking = ShrinkingMode.OFF,
      edgeCases = EdgeCasesMode.NONE,
      seed = "20240611")
  void driverWithPushdownAgreesWithH2(@ForAll("batches") Batch batch) throws Exception {
    SharedProjects.emulator().resetStats();
    List<Future<List<String>>> running = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      int l = lane;
      running.add(lanes().submit(() -> runLane(batch, l)));
    }
    List<String> failures = new ArrayList<>();
    for (Future<List<String>> f : running) {
      failures.addAll(f.get(5, TimeUnit.MINUTES));
    }
    // Each predicate's window is its own, so its export is recognised by its records[].
    Map<Set<String>, String> logicByWindow = new HashMap<>();
    for (EmulatorStats.RecordedRequest r :
        SharedProjects.emulator().stats().requests("record/export")) {
      logicByWindow.merge(
          new HashSet<>(r.values("records")),
          String.valueOf(r.param("filterLogic")),
          (x, y) -> x + " | " + y);
    }
    int[] counts = PER_TABLE.computeIfAbsent(batch.table(), t -> new int[2]);
    for (Check c : batch.checks()) {
      String logic = logicByWindow.get(new HashSet<>(c.recordIds()));
      counts[0]++;
      if (logic != null && !logic.equals("null") && !logic.isEmpty()) {
        PUSHED.incrementAndGet();
        counts[1]++;
      }
    }
    if (!failures.isEmpty()) {
      StringBuilder m = new StringBuilder();
      for (String f : failures) {
        m.append(f).append("\n");
      }
      for (Check c : batch.checks()) {
        if (m.indexOf(c.predicate()) >= 0) {
          m.append("  filterLogic sent for ")
              .append(c.predicate())
              .append(": ")
              .append(logicByWindow.get(new HashSet<>(c.recordIds())))
              .append("\n");
        }
      }
      throw new AssertionError(m.toString());
    }
    CHECKED.addAndGet(batch.checks().size());
  }

  /** The batch's checks of one lane, on that lane's connections; the failures, if any. */
  private static List<String> runLane(Batch batch, int lane) throws SQLException {
    List<String> failures = new ArrayList<>();
    SharedProjects.Loaded project = SharedProjects.get(ComparedProject.GENERATED);
    try (Connection h2 = project.h2().connect()) {
      for (int i = lane; i < batch.checks().size(); i += LANES) {
        String sql = batch.checks().get(i).statement(batch.table());
        QueryResult expected = QueryResult.run(h2, sql, List.of());
        QueryResult actual = QueryResult.run(driver(lane), sql, List.of());
        try {
          Comparison.assertSame("predicate", sql, expected, actual, false);
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    return failures;
  }

  @Provide
  Arbitrary<Batch> batches() {
    Map<String, Predicates> g = generators();
    Arbitrary<List<String>> window =
        Arbitraries.integers()
            .between(1, 2000)
            .map(String::valueOf)
            .list()
            .uniqueElements()
            .ofSize(WINDOW);
    // Fields of the repeating instrument_2 are never pushed (see LogicTranslator); its
    // predicates check that nothing wrong is, and most tries go where the translation works.
    Arbitrary<String> tables =
        Arbitraries.frequency(
            net.jqwik.api.Tuple.of(3, "instrument_1"),
            net.jqwik.api.Tuple.of(2, "records"),
            net.jqwik.api.Tuple.of(1, "instrument_2"));
    return tables.flatMap(
        table ->
            Combinators.combine(window, g.get(table).predicate())
                .as(Check::new)
                .list()
                .ofSize(PER_BATCH)
                .map(checks -> new Batch(table, checks)));
  }

  /** Each table's columns with the values the H2 copy holds, read once. */
  private static synchronized Map<String, Predicates> generators() {
    if (generators == null) {
      started = System.nanoTime();
      SharedProjects.Loaded project = SharedProjects.get(ComparedProject.GENERATED);
      Map<String, Predicates> map = new LinkedHashMap<>();
      Map<String, String> keyColumns = new LinkedHashMap<>();
      try (Connection h2 = project.h2().connect()) {
        for (String table : TABLES) {
          TableShape shape =
              project.shapes().stream()
                  .filter(t -> t.schema().equals("redcap") && t.name().equals(table))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("The driver shows no table " + table));
          List<Predicates.Sampled> sampled = new ArrayList<>();
          for (ColumnShape c : shape.columns()) {
            sampled.add(new Predicates.Sampled(c, distinct(h2, table, c.name())));
          }
          map.put(table, new Predicates(sampled));
          keyColumns.put(
              table,
              shape.primaryKey().stream()
                  .map(k -> "t.\"" + k + "\"")
                  .collect(Collectors.joining(", ")));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Could not sample the H2 copy: " + e.getMessage(), e);
      }
      generators = map;
      keys = keyColumns;
    }
    return generators;
  }

  private static List<Object> distinct(Connection h2, String table, String column)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    try (Statement s = h2.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT \""
                    + column
                    + "\" FROM \""
                    + table
                    + "\" WHERE \""
                    + column
                    + "\" IS NOT NULL")) {
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
    }
    return values;
  }

  private static synchronized Connection driver(int lane) throws SQLException {
    if (drivers == null) {
      drivers = new Connection[LANES];
    }
    if (drivers[lane] == null) {
      drivers[lane] =
          SharedProjects.connect(SharedProjects.get(ComparedProject.GENERATED).project());
    }
    return drivers[lane];
  }

  private static synchronized ExecutorService lanes() {
    if (lanes == null) {
      lanes = Executors.newFixedThreadPool(LANES);
    }
    return lanes;
  }

  @AfterContainer
  static void report() throws SQLException {
    System.out.printf(
        "Filter property: %d random predicates agreed with H2 (%d of them sent"
            + " filterLogic) in %.1f s%n",
        CHECKED.get(), PUSHED.get(), (System.nanoTime() - started) / 1e9);
    PER_TABLE.forEach(
        (table, counts) ->
            System.out.printf(
                "  %-14s %5d predicates, %5d sent" + " filterLogic%n",
                table, counts[0], counts[1]));
    if (drivers != null) {
      for (Connection c : drivers) {
        if (c != null) {
          c.close();
        }
      }
      drivers = null;
    }
    if (lanes != null) {
      lanes.shutdownNow();
      lanes = null;
    }
    // Most predicates have a part REDCap can evaluate; if none reached it, the test would have
    // checked Calcite against H2 and not the translation.
    if (CHECKED.get() > 0 && PUSHED.get() * 5 < CHECKED.get()) {
      throw new AssertionError(
          "Only "
              + PUSHED.get()
              + " of "
              + CHECKED.get()
              + " predicates sent filterLogic: the property no longer tests the translation");
    }
  }
}
