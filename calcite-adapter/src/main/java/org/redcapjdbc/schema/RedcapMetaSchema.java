package org.redcapjdbc.schema;

import java.util.Collections;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The system schema, {@code meta}: the project's dictionary, structure, users and files as tables
 * (see {@link SystemTables}). Kept apart from the data tables so that an instrument named
 * {@code users} can never collide with a system table.
 */
final class RedcapMetaSchema extends AbstractSchema {
  private final Map<String, Table> tables;

  RedcapMetaSchema(ProjectSession session, Map<String, String> dataTableOfForm) {
    this.tables = Collections.unmodifiableMap(SystemTables.all(session, dataTableOfForm));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
