package org.redcapjdbc.plan;

import java.util.List;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SELECT COUNT(*) FROM records} asks REDCap for the record-ID field only.
 *
 * <p>Calcite plans a count with no grouping over a table scan that reads every column (a one-column
 * projection is pruned away again, docs/calcite-workarounds.md §2.1), so the export would carry the
 * whole project. This rule matches an aggregate of only {@code COUNT()}s without arguments,
 * grouping or filters directly over a scan of a table that
 * {@link CountableTable#countColumn() names} a cheap column, and puts the same aggregate over a
 * scan of just that column (keeping any filters the scan already carries).
 */
public final class CountStarRule extends RelRule<CountStarRule.Config> {

  /** A table whose rows can be counted by reading one column, and which one. */
  public interface CountableTable {
    /** The index of the column whose export yields exactly the table's rows. */
    int countColumn();
  }

  CountStarRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    TableScan scan = call.rel(1);
    RelOptTable table = scan.getTable();
    CountableTable countable = table.unwrap(CountableTable.class);
    if (countable == null) {
      return;
    }
    List<RexNode> filters =
        scan instanceof Bindables.BindableTableScan bindable ? bindable.filters : List.of();
    List<Integer> columns = List.of(countable.countColumn());
    if (scan instanceof Bindables.BindableTableScan bindable && bindable.projects.equals(columns)) {
      return; // already narrowed
    }
    TableScan narrow =
        Bindables.BindableTableScan.create(scan.getCluster(), table, filters, columns);
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), List.of(narrow)));
  }

  /** Only {@code COUNT()}s: no grouping, no arguments, no DISTINCT, no FILTER. */
  static boolean countsRowsOnly(Aggregate aggregate) {
    if (!aggregate.getGroupSet().isEmpty() || aggregate.getAggCallList().isEmpty()) {
      return false;
    }
    for (AggregateCall c : aggregate.getAggCallList()) {
      if (c.getAggregation().getKind() != SqlKind.COUNT
          || !c.getArgList().isEmpty()
          || c.isDistinct()
          || c.hasFilter()) {
        return false;
      }
    }
    return true;
  }

  /** The rule's configuration, written by hand (no annotation processor in this build). */
  public static final class Config implements RelRule.Config {
    public static final Config DEFAULT =
        new Config(RelFactories.LOGICAL_BUILDER, "RedcapCountStarRule");

    private final RelBuilderFactory relBuilderFactory;
    private final @Nullable String description;

    private Config(RelBuilderFactory relBuilderFactory, @Nullable String description) {
      this.relBuilderFactory = relBuilderFactory;
      this.description = description;
    }

    @Override
    public CountStarRule toRule() {
      return new CountStarRule(this);
    }

    @Override
    public RelBuilderFactory relBuilderFactory() {
      return relBuilderFactory;
    }

    @Override
    public Config withRelBuilderFactory(RelBuilderFactory factory) {
      return new Config(factory, description);
    }

    @Override
    public @Nullable String description() {
      return description;
    }

    @Override
    public Config withDescription(@Nullable String description) {
      return new Config(relBuilderFactory, description);
    }

    @Override
    public OperandTransform operandSupplier() {
      // Logical nodes only: the new aggregate is converted like any other, and its Bindable
      // input gets the interpreter bridge to the Enumerable convention.
      return b0 ->
          b0.operand(LogicalAggregate.class)
              .predicate(CountStarRule::countsRowsOnly)
              .oneInput(
                  b1 ->
                      b1.operand(TableScan.class)
                          .predicate(
                              scan ->
                                  (scan instanceof LogicalTableScan
                                          || scan instanceof Bindables.BindableTableScan)
                                      && scan.getTable().unwrap(CountableTable.class) != null)
                          .noInputs());
    }

    @Override
    public Config withOperandSupplier(OperandTransform transform) {
      throw new UnsupportedOperationException("The operands of " + description + " are fixed");
    }
  }
}
