package org.redcapjdbc.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * Holder of the REDCap adapter's planner rules (Calcite asks that a rule holder not be a rule
 * itself). The driver's prepare step registers {@link #ALL} on every planner it creates, which
 * covers statements with no table scan (INSERT ... VALUES) where a scan's register() would not run.
 */
public final class RedcapRules {
  private RedcapRules() {
  }

  /** {@code COUNT(*)} over {@code records} reads only the record-ID field. */
  public static final RelOptRule COUNT_STAR = CountStarRule.Config.DEFAULT.toRule();

  /**
   * Bindable to Enumerable conversion that also handles rows of no columns; it replaces Calcite's
   * {@code EnumerableRules.TO_INTERPRETER}, which the planner must not keep beside it (see
   * {@link ColumnlessInterpreter}).
   */
  public static final RelOptRule INTERPRETER = ColumnlessInterpreter.Rule.CONFIG.toRule();

  /**
   * INSERT, UPDATE and DELETE on REDCap tables become API calls ({@link RedcapTableModify});
   * Calcite's own rule needs a Java collection behind the table.
   */
  public static final RelOptRule TABLE_MODIFY = RedcapTableModify.Rule.CONFIG.toRule();

  /** Every rule the adapter adds to Calcite's defaults. */
  public static final List<RelOptRule> ALL = List.of(COUNT_STAR, INTERPRETER, TABLE_MODIFY);
}
