package org.redcapjdbc.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.redcapjdbc.model.LayoutOptions;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.TableLayout;

/**
 * The default schema, {@code redcap}: {@code records} and one table per instrument, named by the
 * instrument's unique name. The table map is built once from the connection's snapshot; Calcite
 * asks for it several times per statement, and it never calls REDCap.
 *
 * <p>An instrument whose unique name is {@code records} would collide with the flat table, which
 * keeps its name (every other part of the driver and its documentation refers to it): that
 * instrument's table is called {@code records_form} (or {@code records_form_2} ..., should that be
 * taken too).
 */
final class RedcapDataSchema extends AbstractSchema {
  /** What an instrument named like the flat table is called instead. */
  static final String RENAMED_INSTRUMENT = ProjectModel.RECORDS_TABLE + "_form";

  private final Map<String, Table> tables;
  private final Map<String, String> tableOfForm;

  RedcapDataSchema(ProjectSession session) {
    ProjectModel model = session.model();
    LayoutOptions options = session.layoutOptions();
    Map<String, Table> map = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    map.put(ProjectModel.RECORDS_TABLE, new RecordsTable(session, model.recordsLayout(options)));
    for (TableLayout layout : model.instrumentLayouts(options)) {
      String name = layout.name();
      if (name.equalsIgnoreCase(ProjectModel.RECORDS_TABLE)) {
        name = RENAMED_INSTRUMENT;
        for (int n = 2; contains(map, name) || model.instrument(name).isPresent(); n++) {
          name = RENAMED_INSTRUMENT + "_" + n;
        }
      }
      map.put(name, new InstrumentTable(session, layout));
      names.put(layout.name(), name);
    }
    this.tables = Collections.unmodifiableMap(map);
    this.tableOfForm = Collections.unmodifiableMap(names);
  }

  private static boolean contains(Map<String, Table> map, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String key : map.keySet()) {
      if (key.toLowerCase(Locale.ROOT).equals(lower)) {
        return true;
      }
    }
    return false;
  }

  /** Each instrument's table name (its unique name, except a renamed {@code records}). */
  Map<String, String> tableOfForm() {
    return tableOfForm;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
