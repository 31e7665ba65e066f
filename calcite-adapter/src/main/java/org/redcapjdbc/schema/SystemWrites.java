package org.redcapjdbc.schema;

import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.TableModify;
import org.redcapjdbc.plan.TableWriter;

/** How a {@code meta} table is changed: see {@link StructureWrites} for the tables that can be. */
interface SystemWrites {

  /** See {@link org.redcapjdbc.plan.WritableTable#matchedRowColumns()}. */
  List<Integer> matchedRowColumns();

  /** NOT NULL columns an INSERT may leave out (REDCap fills them in), with their defaults. */
  Map<Integer, Object> insertDefaults();

  /** The writer of one statement. */
  TableWriter writer(TableModify.Operation operation, List<String> updateColumns);
}
