package org.redcapjdbc.jdbc;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.redcapjdbc.plan.RedcapRules;

/**
 * Calcite's statement preparation with the REDCap adapter's rules added to every planner. Rules
 * are registered here rather than in a scan's {@code register()} so that statements without a
 * table scan (INSERT ... VALUES) see them too.
 */
final class RedcapPrepare extends CalcitePrepareImpl {

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
