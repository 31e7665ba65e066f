package org.redcapjdbc.schema;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.util.Collections;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The system schema, {@code meta}: the project's dictionary, structure, users and files as tables
 * (see {@link SystemTables}). Kept apart from the data tables so that an instrument named
 * {@code users} can never collide with a system table. Its functions:
 * {@code record_id_partitions(n)} splits the records into partitions for parallel readers, and
 * {@code report(id)} reads a REDCap report ({@link ReportFunction}), and
 * {@code survey_participants(instrument[, event])} a survey's participants
 * ({@link SurveyParticipantsFunction}).
 */
final class RedcapMetaSchema extends AbstractSchema {
  private final ProjectSession session;
  private final Map<String, Table> tables;
  private final Multimap<String, Function> functions;

  /**
   * @param main whether this is the connection's own project's {@code meta} schema; only that
   *     one has {@code record_id_partitions}, whose generated code finds its project by the
   *     schema name {@code meta}
   */
  RedcapMetaSchema(ProjectSession session, Map<String, String> dataTableOfForm, boolean main) {
    this.session = session;
    ImmutableMultimap.Builder<String, Function> f = ImmutableMultimap.builder();
    if (main) {
      f.put(RecordIdPartitionsFunction.NAME, RecordIdPartitionsFunction.create());
    }
    this.functions =
        f.put(ReportFunction.NAME, new ReportFunction(session))
            .putAll(SurveyParticipantsFunction.NAME, SurveyParticipantsFunction.both(session))
            .build();
    this.tables = Collections.unmodifiableMap(SystemTables.all(session, dataTableOfForm));
  }

  /** The connection's project, for the functions (which Calcite's generated code calls). */
  ProjectSession session() {
    return session;
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return functions;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
