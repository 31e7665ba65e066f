package org.redcapjdbc.jdbc;

import java.lang.reflect.Type;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.util.TryThreadLocal;
import org.redcapjdbc.plan.RedcapRules;

/**
 * Calcite's statement preparation with the REDCap adapter's rules added to every planner. Rules
 * are registered here rather than in a scan's {@code register()} so that statements without a
 * table scan (INSERT ... VALUES) see them too.
 */
final class RedcapPrepare extends CalcitePrepareImpl {

  /**
   * Keeps every IN list a filter, however long. Calcite turns a list of 20 values or more into a
   * join with a VALUES table, so {@code WHERE record_id IN ('1', ..., '25')} was no longer a
   * filter on the scan: it read the whole project, batch by batch, instead of sending those 25
   * IDs as {@code records[]}. The threshold is a thread-local, set for this preparation only.
   */
  @Override public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context,
      CalcitePrepare.Query<T> query, Type elementType, long maxRowCount) {
    try (TryThreadLocal.Memo ignored = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(
        Integer.MAX_VALUE)) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
  }

  @Override protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext, RelOptCostFactory costFactory) {
    // "Context" alone would name CalcitePrepare.Context, a member type this class inherits.
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    // RedcapRules.INTERPRETER takes over this conversion (rows of no columns crashed it).
    planner.removeRule(EnumerableRules.TO_INTERPRETER);
    for (RelOptRule rule : RedcapRules.ALL) {
      planner.addRule(rule);
    }
    return planner;
  }
}
