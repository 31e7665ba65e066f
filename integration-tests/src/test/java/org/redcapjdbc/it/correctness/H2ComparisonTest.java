package org.redcapjdbc.it.correctness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The H2 comparison suite: every corpus query runs on each project it names through
 * {@code jdbc:redcap:} (with pushdown, then with {@code pushdown=false}) and through
 * {@code jdbc:h2:} on the project's independent copy; all three results must be equal. A query
 * that exposes a difference is fixed in the driver, never dropped from the corpus.
 */
class H2ComparisonTest {
  private static final List<Connection> OPEN = new ArrayList<>();
  private static final Map<ComparedProject, AtomicInteger> RAN =
      new EnumMap<>(ComparedProject.class);
  private static long started;

  @Test
  void corpusHasAtLeast150QueriesAndEveryProjectHasSome() {
    List<CorpusEntry> entries = Corpus.load();
    assertThat(entries).as("corpus entries").hasSizeGreaterThanOrEqualTo(150);
    for (ComparedProject p : ComparedProject.values()) {
      assertThat(entries.stream().filter(e -> e.projects().contains(p)).count())
          .as("queries on " + p.id())
          .isGreaterThanOrEqualTo(10);
    }
  }

  @TestFactory
  Stream<DynamicNode> corpus() {
    started = System.nanoTime();
    List<CorpusEntry> entries = Corpus.load();
    List<DynamicNode> perProject = new ArrayList<>();
    for (ComparedProject p : ComparedProject.values()) {
      List<CorpusEntry> mine = entries.stream().filter(e -> e.projects().contains(p)).toList();
      RAN.put(p, new AtomicInteger());
      Connections connections = new Connections(p);
      List<DynamicTest> tests = new ArrayList<>();
      for (CorpusEntry e : mine) {
        tests.add(
            DynamicTest.dynamicTest(
                e.id() + " (" + e.source() + ")", () -> compare(p, connections, e)));
      }
      perProject.add(DynamicContainer.dynamicContainer(p.id(), tests));
    }
    return perProject.stream();
  }

  private static void compare(ComparedProject p, Connections connections, CorpusEntry e)
      throws SQLException {
    QueryResult h2;
    try (Connection c = SharedProjects.get(p).h2().connect()) {
      h2 = QueryResult.run(c, e);
    } catch (SQLException ex) {
      throw new AssertionError(
          e.source()
              + ": H2 cannot run "
              + e.id()
              + ", so the query is not"
              + " portable; rewrite it in SQL both accept: "
              + ex.getMessage(),
          ex);
    }
    String where = p.id() + " " + e.id();
    // Both modes run before anything is asserted, so that a failure says whether it is the
    // pushdown or the query itself.
    List<String> failures = new ArrayList<>();
    check(failures, connections.pushdown(), e, h2, where + " (pushdown)");
    check(failures, connections.plain(), e, h2, where + " (pushdown=false)");
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
    RAN.get(p).incrementAndGet();
  }

  private static void check(
      List<String> failures, Connection c, CorpusEntry e, QueryResult h2, String where) {
    try {
      Comparison.assertSame(where, e.sql(), h2, QueryResult.run(c, e), e.ordered());
    } catch (SQLException ex) {
      failures.add(
          where
              + ": the driver failed where H2 answered: "
              + ex.getMessage()
              + (ex.getCause() != null ? "\n  caused by " + ex.getCause() : "")
              + "\n  "
              + e.sql());
    } catch (AssertionError ex) {
      failures.add(ex.getMessage());
    }
  }

  @AfterAll
  static void report() throws SQLException {
    StringBuilder m =
        new StringBuilder(
            "H2 comparison corpus, queries that ran and agreed (each"
                + " with and without pushdown):");
    int total = 0;
    for (Map.Entry<ComparedProject, AtomicInteger> e : RAN.entrySet()) {
      m.append("\n  ").append(String.format("%-20s %4d", e.getKey().id(), e.getValue().get()));
      total += e.getValue().get();
      if (e.getValue().get() > 0) {
        Map<String, Integer> rows = SharedProjects.get(e.getKey()).h2().rowCounts();
        m.append(
            String.format(
                "   (H2 copy: %d tables, %d rows)",
                rows.size(), rows.values().stream().mapToInt(Integer::intValue).sum()));
      }
    }
    m.append(
        String.format(
            "%n  %-20s %4d in %.1f s", "total", total, (System.nanoTime() - started) / 1e9));
    System.out.println(m);
    for (Connection c : OPEN) {
      c.close();
    }
    OPEN.clear();
  }

  /** The project's two driver connections, opened when its first query runs. */
  private static final class Connections {
    private final ComparedProject project;
    private Connection pushdown;
    private Connection plain;

    Connections(ComparedProject project) {
      this.project = project;
    }

    Connection pushdown() throws SQLException {
      if (pushdown == null) {
        pushdown = open();
      }
      return pushdown;
    }

    Connection plain() throws SQLException {
      if (plain == null) {
        plain = open("pushdown=false");
      }
      return plain;
    }

    private Connection open(String... properties) throws SQLException {
      Connection c = SharedProjects.connect(SharedProjects.get(project).project(), properties);
      OPEN.add(c);
      return c;
    }
  }
}
