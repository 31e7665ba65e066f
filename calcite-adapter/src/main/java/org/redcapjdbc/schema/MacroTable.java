package org.redcapjdbc.schema;

import java.util.List;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.redcapjdbc.plan.RedcapRules;

/**
 * A table returned by one of the adapter's table functions ({@code meta.report},
 * {@code meta.survey_participants}). Such a table is in no schema, so Calcite's generated code
 * could not find it by name when the statement runs (an enumerable scan looks its table up in its
 * schema); it is planned as a bindable scan, which the interpreter reads from the instance in the
 * plan.
 */
abstract class MacroTable extends AbstractTable
    implements ProjectableFilterableTable, TranslatableTable {
  final ProjectSession session;

  MacroTable(ProjectSession session) {
    this.session = session;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RedcapRules.register(context.getCluster().getPlanner());
    return Bindables.BindableTableScan.create(context.getCluster(), relOptTable);
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(Math.max(1, session.snapshot().rowEstimate()), List.of());
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }

  /** The columns a scan reads: Calcite's projection, or every column when it passes none. */
  static int[] selected(int[] projects, int width) {
    if (projects != null) {
      return projects;
    }
    int[] all = new int[width];
    for (int i = 0; i < width; i++) {
      all[i] = i;
    }
    return all;
  }
}
