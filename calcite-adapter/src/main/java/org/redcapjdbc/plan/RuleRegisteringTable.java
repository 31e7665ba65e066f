package org.redcapjdbc.plan;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.TranslatableTable;

/**
 * A table whose scans register the adapter's rules ({@link RedcapRules#scan}) on the planner of
 * every query that reads it, the way an adapter's own scan node does in its
 * {@code register(RelOptPlanner)}. Every REDCap table implements it, so the rules come with the
 * adapter rather than with the driver that prepares the statement; the scan itself stays
 * Calcite's {@code LogicalTableScan}, planned exactly as for a table without this interface.
 */
public interface RuleRegisteringTable extends TranslatableTable {
  @Override
  default RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return RedcapRules.scan(context, relOptTable);
  }
}
