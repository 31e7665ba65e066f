package org.redcapjdbc.schema;

import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The system schema, {@code meta}. */
final class RedcapMetaSchema extends AbstractSchema {
  private final Map<String, Table> tables;

  RedcapMetaSchema(ProjectSession session) {
    this.tables = Map.of();
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }
}
