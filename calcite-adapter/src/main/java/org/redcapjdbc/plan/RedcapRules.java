package org.redcapjdbc.plan;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalTableScan;

/**
 * Holder of the REDCap adapter's planner rules (Calcite asks that a rule holder not be a rule
 * itself). The adapter registers them itself, as Calcite's adapters do from their scans: every
 * table of ours turns into a scan through {@link #scan}, which {@linkplain #register registers}
 * {@link #ALL} on the planner of the query being converted. A statement that scans none of our
 * tables (INSERT ... VALUES) never reaches that hook, so the driver's prepare step also adds
 * {@link #TABLE_MODIFY} to every planner.
 */
public final class RedcapRules {
  private RedcapRules() {}

  /** {@code COUNT(*)} over {@code records} reads only the record-ID field. */
  public static final RelOptRule COUNT_STAR = CountStarRule.Config.DEFAULT.toRule();

  /**
   * Bindable to Enumerable conversion: a table scan without filters as the table's own rows ({@link DirectScan}),
   * rows of no columns as empty lists ({@link ColumnlessInterpreter}), anything else through
   * Calcite's interpreter. It replaces Calcite's {@code EnumerableRules.TO_INTERPRETER}, which
   * the planner must not keep beside it.
   */
  public static final RelOptRule INTERPRETER = ColumnlessInterpreter.Rule.CONFIG.toRule();

  /**
   * INSERT, UPDATE and DELETE on REDCap tables become API calls ({@link RedcapTableModify});
   * Calcite's own rule needs a Java collection behind the table.
   */
  public static final RelOptRule TABLE_MODIFY = RedcapTableModify.Rule.CONFIG.toRule();

  /** Every rule the adapter adds to Calcite's defaults. */
  public static final List<RelOptRule> ALL = List.of(COUNT_STAR, INTERPRETER, TABLE_MODIFY);

  /**
   * Adds {@link #ALL} to a planner and takes out {@code EnumerableRules.TO_INTERPRETER}, which
   * {@link #INTERPRETER} replaces. Idempotent: a planner ignores a rule it already has.
   */
  public static void register(RelOptPlanner planner) {
    planner.removeRule(EnumerableRules.TO_INTERPRETER);
    for (RelOptRule rule : ALL) {
      planner.addRule(rule);
    }
  }

  /**
   * The scan of one of our tables, for {@code TranslatableTable.toRel}: the same
   * {@link LogicalTableScan} Calcite makes for any other table (so the Bindable rules push
   * projections and filters as before), made after {@linkplain #register registering} the rules
   * on the planner of the query being converted, the one that will optimise it. This is the
   * adapter's counterpart of an adapter scan's {@code register(RelOptPlanner)}: our tables keep
   * Calcite's own scan node, so the hook is where that node is made.
   */
  public static TableScan scan(RelOptTable.ToRelContext context, RelOptTable table) {
    register(context.getCluster().getPlanner());
    return LogicalTableScan.create(context.getCluster(), table, context.getTableHints());
  }
}
