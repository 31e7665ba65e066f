package org.redcapjdbc.plan;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.BuiltInMethod;

/**
 * INSERT, UPDATE and DELETE on a REDCap table. Calcite 1.42's own {@code EnumerableTableModify}
 * cannot serve: it needs a Java collection behind the table, throws on UPDATE and deletes nothing
 * from rows of arrays (docs/calcite-workarounds.md §3). This node hands the rows to the table's
 * {@link TableWriter}, which turns them into API calls, and returns its count as the statement's
 * single ROWCOUNT row.
 *
 * <p>For UPDATE and DELETE its input is narrowed (by {@link Rule}) to the columns the table needs
 * from each matched row ({@link WritableTable#matchedRowColumns()}) and UPDATE's new values, so
 * that the scan beneath asks REDCap for those columns only.
 */
public final class RedcapTableModify extends TableModify implements EnumerableRel {
  private static final Method WRITE =
      Types.lookupMethod(TableWriter.class, "write", DataContext.class, Enumerable.class);

  RedcapTableModify(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      Prepare.CatalogReader catalogReader,
      RelNode input,
      Operation operation,
      List<String> updateColumns,
      List<RexNode> sourceExpressions,
      boolean flattened) {
    super(
        cluster,
        traits,
        table,
        catalogReader,
        input,
        operation,
        updateColumns,
        sourceExpressions,
        flattened);
    requireNonNull(table.unwrap(WritableTable.class), "not a REDCap table: " + table);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RedcapTableModify(
        getCluster(),
        traitSet,
        getTable(),
        getCatalogReader(),
        sole(inputs),
        getOperation(),
        getUpdateColumnList(),
        getSourceExpressionList(),
        isFlattened());
  }

  /** The input is narrowed (see the class comment): whatever the rule made it. */
  @Override
  public RelDataType getExpectedInputRowType(int ordinalInParent) {
    return getInput().getRowType();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression rows = builder.append("rows", input.block);
    // One column comes as scalars; the writer takes Object[] rows whatever the width.
    Expression arrays =
        builder.append("arrays", input.physType.convertTo(rows, JavaRowFormat.ARRAY));
    TableWriter writer =
        requireNonNull(getTable().unwrap(WritableTable.class), "table")
            .writer(getOperation(), getUpdateColumnList());
    Expression target = implementor.stash(writer, TableWriter.class);
    builder.add(
        Expressions.return_(
            null,
            Expressions.call(
                BuiltInMethod.SINGLETON_ENUMERABLE.method,
                Expressions.call(target, WRITE, implementor.getRootExpression(), arrays))));
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.SCALAR);
    return implementor.result(physType, builder.toBlock());
  }

  /**
   * Converts a logical INSERT, UPDATE or DELETE on a {@link WritableTable} into a
   * {@link RedcapTableModify}. MERGE is left alone (Calcite then reports that it cannot plan it).
   */
  static final class Rule extends ConverterRule {
    static final Config CONFIG =
        Config.INSTANCE
            .withConversion(
                LogicalTableModify.class,
                Convention.NONE,
                EnumerableConvention.INSTANCE,
                "RedcapTableModifyRule")
            .withRuleFactory(Rule::new);

    private Rule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      LogicalTableModify modify = (LogicalTableModify) rel;
      WritableTable table = modify.getTable().unwrap(WritableTable.class);
      if (table == null) {
        return null;
      }
      RelNode input = modify.getInput();
      List<RexNode> sources = null;
      switch (modify.getOperation()) {
        case INSERT:
          break;
        case UPDATE:
        case DELETE:
          {
            RelBuilder b = RelFactories.LOGICAL_BUILDER.create(modify.getCluster(), null);
            b.push(input);
            List<RexNode> columns = new ArrayList<>();
            for (int c : table.matchedRowColumns()) {
              columns.add(b.field(c));
            }
            int width = modify.getTable().getRowType().getFieldCount();
            if (modify.isUpdate()) {
              int count = modify.getUpdateColumnList().size();
              sources = new ArrayList<>();
              for (int i = 0; i < count; i++) {
                sources.add(
                    new RexInputRef(
                        columns.size(),
                        input.getRowType().getFieldList().get(width + i).getType()));
                columns.add(b.field(width + i));
              }
            }
            input = b.project(columns).build();
            break;
          }
        default:
          return null;
      }
      RelNode enumerableInput =
          convert(input, input.getTraitSet().replace(EnumerableConvention.INSTANCE));
      return new RedcapTableModify(
          modify.getCluster(),
          modify.getTraitSet().replace(EnumerableConvention.INSTANCE),
          modify.getTable(),
          modify.getCatalogReader(),
          enumerableInput,
          modify.getOperation(),
          modify.getUpdateColumnList(),
          sources,
          modify.isFlattened());
    }
  }
}
