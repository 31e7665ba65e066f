package org.redcapjdbc.plan;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.interpreter.Interpreter;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.runtime.FlatLists;

/**
 * Calcite's {@link EnumerableInterpreter} for inputs that have no columns: their rows reach the
 * Enumerable operators as the empty lists those expect. Calcite 1.42 passes on the interpreter's
 * {@code Object[0]} rows although its physical type for a row of no columns is a list, so that
 * {@code SELECT COUNT(*) FROM (SELECT * FROM t LIMIT 25) x}, whose scan then projects no column,
 * failed with a ClassCastException.
 */
public final class ColumnlessInterpreter extends EnumerableInterpreter {
  private ColumnlessInterpreter(RelNode input) {
    super(
        input.getCluster(),
        input.getTraitSet().replace(EnumerableConvention.INSTANCE),
        input,
        0.5d);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ColumnlessInterpreter(sole(inputs));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    Expression interpreter =
        builder.append(
            "interpreter",
            Expressions.new_(
                Interpreter.class,
                implementor.getRootExpression(),
                implementor.stash(getInput(), RelNode.class)));
    builder.add(Expressions.call(ColumnlessInterpreter.class, "emptyRows", interpreter));
    return implementor.result(physType, builder.toBlock());
  }

  /** Each row as the empty list that stands for a row of no columns (public: generated code). */
  public static Enumerable<List<Object>> emptyRows(Enumerable<Object[]> rows) {
    return rows.select(row -> FlatLists.of());
  }

  /**
   * Converts Bindable relational expressions to Enumerable ones as Calcite's
   * {@code EnumerableRules.TO_INTERPRETER} does, with a {@link ColumnlessInterpreter} for those
   * without columns and a {@link DirectScan} for a scan without filters. It replaces that rule (the driver's prepare step removes it).
   */
  static final class Rule extends ConverterRule {
    static final Config CONFIG =
        Config.INSTANCE
            .withConversion(
                RelNode.class,
                BindableConvention.INSTANCE,
                EnumerableConvention.INSTANCE,
                "RedcapInterpreterRule")
            .withRuleFactory(Rule::new);

    private Rule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      if (rel.getRowType().getFieldCount() == 0) {
        return new ColumnlessInterpreter(rel);
      }
      DirectScan direct = DirectScan.of(rel);
      return direct != null ? direct : EnumerableInterpreter.create(rel, 0.5d);
    }
  }
}
