package org.redcapjdbc.plan;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/**
 * What an INSERT puts in the NOT NULL columns it leaves out, for columns REDCap fills in itself:
 * the record ID of an auto-numbered record, a new repeat instance, the unique name of a new event
 * or DAG. Calcite's validator otherwise refuses such an INSERT ("Column 'record_id' has no default
 * value and does not allow NULLs"). Each default is a value the table's writer reads as "REDCap
 * assigns it" (an empty string, 0, false); nullable columns default to NULL as usual.
 */
public final class InsertDefaults extends NullInitializerExpressionFactory {
  private final Map<Integer, Object> defaults;

  /**
   * @param defaults column index to its default: a {@code String}, {@code Integer} or
   *     {@code Boolean}
   */
  public InsertDefaults(Map<Integer, Object> defaults) {
    this.defaults = Map.copyOf(defaults);
  }

  @Override
  public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
    return defaults.containsKey(iColumn)
        ? ColumnStrategy.DEFAULT
        : super.generationStrategy(table, iColumn);
  }

  @Override
  public RexNode newColumnDefaultValue(RelOptTable table, int iColumn, InitializerContext context) {
    Object value = defaults.get(iColumn);
    if (value == null) {
      return super.newColumnDefaultValue(table, iColumn, context);
    }
    RexBuilder rex = context.getRexBuilder();
    RelDataType type = table.getRowType().getFieldList().get(iColumn).getType();
    Object literal = value instanceof Integer i ? BigDecimal.valueOf(i) : value;
    return rex.makeLiteral(literal, type, false);
  }
}
