package org.redcapjdbc.it.correctness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * predicates on one table, each run as its own statement ANDed with a window of 25 random record
 * IDs, which keeps every export small (the windows move over the whole project), and selecting the
 * row key, which is what a filter decides. (One statement per predicate is the cheapest batching:
 * Calcite plans a UNION ALL of eight filtered scans more slowly than eight statements.) The seed
 * is fixed so that a run is repeatable; change it to explore other shapes.
 */
class FilterPropertyTest {
  private static final int PER_BATCH = 8;
  private static final int WINDOW = 25;
  private static final List<String> TABLES = List.of("records", "instrument_1", "instrument_2");
  private static final AtomicInteger CHECKED = new AtomicInteger();
  private static final AtomicInteger PUSHED = new AtomicInteger();
  private static final Map<String, int[]> PER_TABLE = new ConcurrentHashMap<>();
  private static long started;

  private static Map<String, Predicates> generators;
  private static Map<String, String> keys;
  private static Connection driver;

  /** One try's worth of predicates. */
  record Batch(String table, List<String> recordIds, List<String> predicates) {
    String statement(int i) {
      return "SELECT " + keys.get(table) + " FROM \"" + table + "\" t WHERE t.\"record_id\" IN ("
          + recordIds.stream().map(Predicates::quote).collect(Collectors.joining(", "))
          + ") AND (" + predicates.get(i) + ")";
    }

    @Override public String toString() {
      return table + " " + predicates;
    }
  }

  @Property(tries = 250, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
      seed = "20240611")
  void driverWithPushdownAgreesWithH2(@ForAll("batches") Batch batch) throws SQLException {
    SharedProjects.Loaded project = SharedProjects.get(ComparedProject.GENERATED);
    try (Connection h2 = project.h2().connect()) {
      for (int i = 0; i < batch.predicates().size(); i++) {
        String sql = batch.statement(i);
        QueryResult expected = QueryResult.run(h2, sql, List.of());
        SharedProjects.emulator().resetStats();
        QueryResult actual = QueryResult.run(driver(), sql, List.of());
        List<String> logic = new ArrayList<>();
        for (EmulatorStats.RecordedRequest r : SharedProjects.emulator().stats()
            .requests("record/export")) {
          logic.add(r.param("filterLogic"));
        }
        int[] counts = PER_TABLE.computeIfAbsent(batch.table(), t -> new int[2]);
        counts[0]++;
        if (logic.stream().anyMatch(l -> l != null && !l.isEmpty())) {
          PUSHED.incrementAndGet();
          counts[1]++;
        }
        try {
          Comparison.assertSame("predicate", sql, expected, actual, false);
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "\n  filterLogic sent: " + logic, e);
        }
        CHECKED.incrementAndGet();
      }
    }
  }

  @Provide Arbitrary<Batch> batches() {
    Map<String, Predicates> g = generators();
    Arbitrary<List<String>> window = Arbitraries.integers().between(1, 2000)
        .map(String::valueOf).list().ofSize(WINDOW);
    // Fields of the repeating instrument_2 are never pushed (see LogicTranslator); its
    // predicates check that nothing wrong is, and most tries go where the translation works.
    Arbitrary<String> tables = Arbitraries.frequency(net.jqwik.api.Tuple.of(3, "instrument_1"),
        net.jqwik.api.Tuple.of(2, "records"), net.jqwik.api.Tuple.of(1, "instrument_2"));
    return tables.flatMap(table -> Combinators.combine(window,
        g.get(table).predicate().list().ofSize(PER_BATCH))
        .as((ids, predicates) -> new Batch(table, ids, predicates)));
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
          TableShape shape = project.shapes().stream()
              .filter(t -> t.schema().equals("redcap") && t.name().equals(table)).findFirst()
              .orElseThrow(() -> new AssertionError("The driver shows no table " + table));
          List<Predicates.Sampled> sampled = new ArrayList<>();
          for (ColumnShape c : shape.columns()) {
            sampled.add(new Predicates.Sampled(c, distinct(h2, table, c.name())));
          }
          map.put(table, new Predicates(sampled));
          keyColumns.put(table, shape.primaryKey().stream().map(k -> "t.\"" + k + "\"")
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
    try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT \""
        + column + "\" FROM \"" + table + "\" WHERE \"" + column + "\" IS NOT NULL")) {
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
    }
    return values;
  }

  private static synchronized Connection driver() throws SQLException {
    if (driver == null) {
      driver = SharedProjects.connect(SharedProjects.get(ComparedProject.GENERATED).project());
    }
    return driver;
  }

  @AfterContainer static void report() throws SQLException {
    System.out.printf("Filter property: %d random predicates agreed with H2 (%d of them sent"
        + " filterLogic) in %.1f s%n", CHECKED.get(), PUSHED.get(),
        (System.nanoTime() - started) / 1e9);
    PER_TABLE.forEach((table, counts) -> System.out.printf("  %-14s %5d predicates, %5d sent"
        + " filterLogic%n", table, counts[0], counts[1]));
    if (driver != null) {
      driver.close();
      driver = null;
    }
    // Most predicates have a part REDCap can evaluate; if none reached it, the test would have
    // checked Calcite against H2 and not the translation.
    if (CHECKED.get() > 0 && PUSHED.get() * 5 < CHECKED.get()) {
      throw new AssertionError("Only " + PUSHED.get() + " of " + CHECKED.get()
          + " predicates sent filterLogic: the property no longer tests the translation");
    }
  }
}
