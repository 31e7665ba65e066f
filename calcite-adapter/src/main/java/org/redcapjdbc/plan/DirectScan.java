package org.redcapjdbc.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.util.BuiltInMethod;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A scan that projects columns and has no filter, handed to the Enumerable operators as the rows
 * the table's {@link ProjectableFilterableTable#scan} returns. Calcite's {@link
 * EnumerableInterpreter} would build an interpreter for it on every execution (optimizing and
 * compiling the scan again) and copy each row into a {@code Row} and back: for a three-column
 * read of a whole project, that was a third of the driver's client CPU over the raw JSON walk
 * (docs/benchmarks.md, section 8). A scan with filters keeps the interpreter, which re-applies
 * the filters the table leaves to Calcite.
 */
public final class DirectScan extends EnumerableInterpreter {
  private DirectScan(RelNode scan) {
    super(scan.getCluster(), scan.getTraitSet().replace(EnumerableConvention.INSTANCE), scan, 0.5d);
  }

  /** This bridge for {@code rel}, or null where Calcite's interpreter must run it. */
  static @Nullable DirectScan of(RelNode rel) {
    if (!(rel instanceof Bindables.BindableTableScan scan)
        || !scan.filters.isEmpty()
        || scan.getRowType().getFieldCount() == 0
        || scan.getTable().unwrap(ProjectableFilterableTable.class) == null) {
      return null;
    }
    return new DirectScan(scan);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new DirectScan(sole(inputs));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Bindables.BindableTableScan scan = (Bindables.BindableTableScan) getInput();
    ProjectableFilterableTable table = scan.getTable().unwrap(ProjectableFilterableTable.class);
    // As Calcite's interpreter asks: no projection when every column is read in table order.
    int[] projects =
        scan.projects.equals(TableScan.identity(scan.getTable()))
            ? null
            : scan.projects.toIntArray();
    BlockBuilder builder = new BlockBuilder();
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    Expression tableExpression = implementor.stash(table, ProjectableFilterableTable.class);
    Expression projectsExpression =
        projects == null
            ? Expressions.constant(null, int[].class)
            : implementor.stash(projects, int[].class);
    Expression rows =
        Expressions.call(
            DirectScan.class,
            "rows",
            implementor.getRootExpression(),
            tableExpression,
            projectsExpression);
    // As Calcite's interpreter bridge: a row of one column is handed on as the value itself.
    builder.add(
        getRowType().getFieldCount() == 1
            ? Expressions.call(BuiltInMethod.SLICE0.method, rows)
            : rows);
    return implementor.result(physType, builder.toBlock());
  }

  /** The table's rows for one execution (public: generated code calls it). */
  public static Enumerable<Object[]> rows(
      DataContext root, ProjectableFilterableTable table, int @Nullable [] projects) {
    List<RexNode> noFilters = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Enumerable<Object[]> rows =
        (Enumerable<Object[]>)
            (Enumerable<?>) table.scan(root, noFilters, projects == null ? null : projects.clone());
    return rows;
  }
}
