package org.redcapjdbc.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.plan.RuleRegisteringTable;
import org.redcapjdbc.schema.RedcapConfig;
import org.redcapjdbc.schema.RedcapSchemas;
import org.redcapjdbc.schema.RedcapSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays Calcite's one-off cost while the first connection of a JVM waits for REDCap. The first
 * query in a JVM otherwise takes a second or more of loading and interpreting Calcite's parser,
 * validator, planner, metadata handlers and code generator (docs/calcite-workarounds.md §6), every
 * later one a few tens of milliseconds. So, once per JVM, the connecting thread runs two queries of
 * the shapes the driver's scans produce (filter and projection; GROUP BY, ORDER BY, LIMIT) through
 * this driver's own preparation, on a small in-memory table, while another thread fetches the
 * project's structure (see
 * {@link RedcapSchemas#attach(SchemaPlus, RedcapConfig, RedcapSchemas.WhileLoading)}). Against a
 * REDCap server, fetching the structure is mostly waiting, so the warm-up costs the connection
 * little and saves the first query most of its time; when both compete for a busy CPU the two
 * roughly cancel out.
 *
 * <p>It runs on the connecting thread, not in the background, so that no other thread
 * initialises Calcite's classes at the same time as the caller's next statement. It starts no
 * further statement once the project has loaded (or failed to), so it delays the connection by
 * at most the statement under way.
 */
final class ColdStartWarmUp implements RedcapSchemas.WhileLoading {
  private static final Logger LOG = LoggerFactory.getLogger(ColdStartWarmUp.class);
  private static final AtomicBoolean CLAIMED = new AtomicBoolean();

  /**
   * Not a credential: the warm-up project lives in this JVM and no request leaves it, but the
   * driver's settings insist on a token of REDCap's shape.
   */
  private static final String PLACEHOLDER_TOKEN = "0".repeat(32);

  /**
   * The shapes most first queries take: a scan with a filter and projection (the first statement
   * pays almost all of the one-off cost), then an aggregate with ORDER BY and LIMIT. More shapes
   * cost more CPU than the cold first query they replace (measured: about 0.15 s of thread and
   * 0.5 s of JIT time each), which on a busy machine delays the connection more than it saves.
   */
  private static final List<String> QUERIES =
      List.of(
          "SELECT record_id, age, dob, seen FROM warm_up WHERE record_id = '2' AND age > 20",
          "SELECT enrolled, COUNT(*) AS n, SUM(age), MAX(weight) FROM warm_up"
              + " WHERE dob >= DATE '1990-01-01' GROUP BY enrolled ORDER BY n DESC LIMIT 5");

  /** Use {@link #claim()}; tests make their own. */
  ColdStartWarmUp() {}

  /** The warm-up for the first connection in this JVM; null for every later one. */
  static ColdStartWarmUp claim() {
    return CLAIMED.compareAndSet(false, true) ? new ColdStartWarmUp() : null;
  }

  @Override
  public void run(BooleanSupplier loadFinished) {
    long start = System.nanoTime();
    try {
      int statements = runStatements(loadFinished);
      LOG.debug(
          "Warmed Calcite up with {} statements in {} ms",
          statements,
          (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      LOG.debug("A warm-up statement failed; the connection is not affected", e);
    }
  }

  /** Runs the warm-up statements until done or the load has finished; how many ran. */
  int runStatements(BooleanSupplier loadFinished) throws SQLException {
    int ran = 0;
    Properties info = new Properties();
    info.setProperty("password", PLACEHOLDER_TOKEN);
    try (Connection c = new InMemoryDriver().connect(InMemoryDriver.URL, info)) {
      for (String sql : QUERIES) {
        if (loadFinished.getAsBoolean()) {
          return ran;
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(sql)) {
          readAll(rs);
        }
        ran++;
      }
      return ran;
    }
  }

  private static void readAll(ResultSet rs) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      for (int i = 1; i <= n; i++) {
        rs.getObject(i);
      }
    }
  }

  /** This driver, serving one in-memory table instead of a REDCap project. */
  private static final class InMemoryDriver extends RedcapDriver {
    static final String URL = "jdbc:redcap:http://127.0.0.1:9/api/";

    @Override
    protected RedcapSession openSession(SchemaPlus root, RedcapConfig config) {
      root.add(
          RedcapSchemas.DATA_SCHEMA,
          new AbstractSchema() {
            @Override
            protected Map<String, Table> getTableMap() {
              return Map.of("warm_up", new WarmUpTable());
            }
          });
      root.add(RedcapSchemas.META_SCHEMA, new AbstractSchema());
      return new RedcapSession() {
        @Override
        public RedcapConfig config() {
          return config;
        }

        @Override
        public String serverVersion() {
          return "0";
        }

        @Override
        public boolean isReachable(Duration timeout) {
          return true;
        }

        @Override
        public void close() {}
      };
    }
  }

  /**
   * Three rows, scanned like a REDCap table: projected and filtered by Calcite's interpreter, and
   * planned with the adapter's rules, which its scans register as REDCap tables' scans do.
   */
  private static final class WarmUpTable extends AbstractTable
      implements ProjectableFilterableTable, RuleRegisteringTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("record_id", f.createSqlType(SqlTypeName.VARCHAR))
          .add("name", nullable(f, f.createSqlType(SqlTypeName.VARCHAR)))
          .add("age", nullable(f, f.createSqlType(SqlTypeName.BIGINT)))
          .add("weight", nullable(f, f.createSqlType(SqlTypeName.DECIMAL, 38, 2)))
          .add("dob", nullable(f, f.createSqlType(SqlTypeName.DATE)))
          .add("seen", nullable(f, f.createSqlType(SqlTypeName.TIMESTAMP)))
          .add("enrolled", nullable(f, f.createSqlType(SqlTypeName.BOOLEAN)))
          .build();
    }

    private static RelDataType nullable(RelDataTypeFactory f, RelDataType t) {
      return f.createTypeWithNullability(t, true);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Object[] full = {
          Integer.toString(i + 1),
          "Ada " + i,
          20L + i * 10,
          BigDecimal.valueOf(7012 + i, 2),
          7300 + i * 400,
          1_600_000_000_000L + i,
          i != 1
        };
        if (projects == null) {
          rows.add(full);
        } else {
          Object[] row = new Object[projects.length];
          for (int j = 0; j < projects.length; j++) {
            row[j] = full[projects[j]];
          }
          rows.add(row);
        }
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
