package org.redcapjdbc.schema;

import java.util.List;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.filter.ExportFilter;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.ColumnKind;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.TableLayout;
import org.redcapjdbc.plan.CountStarRule;

/**
 * {@code records}: REDCap's flat export, one row per record, event and repeat instance. Projected
 * columns become {@code fields[]} (none when every field is wanted); a read of the record ID and
 * pseudo-columns alone is one request, never batched, which is what {@code COUNT(*)} becomes.
 */
final class RecordsTable extends RecordExportTable implements CountStarRule.CountableTable {
  private final List<String> allFields;

  RecordsTable(ProjectSession session, TableLayout layout) {
    super(session, layout);
    this.allFields = session.model().exportRequestFields(layout.columns());
  }

  @Override
  double rowCountEstimate() {
    return Math.max(1, session.snapshot().rowEstimate());
  }

  @Override
  public int countColumn() {
    return layout.indexOf(session.model().recordIdField().name());
  }

  @Override
  boolean shape(
      ScanSpec.Builder spec,
      RecordExportRequest.Builder request,
      List<Column> output,
      ExportFilter filter) {
    if (!session.config().pushdown()) {
      return true; // every field of every record; Calcite filters
    }
    ProjectModel model = session.model();
    List<String> fields = model.exportRequestFields(output);
    if (!fields.equals(allFields)) {
      request.fields(fields);
    }
    boolean onlyKeys = true;
    for (Column c : output) {
      if (c.kind() != ColumnKind.RECORD_ID && c.kind() != ColumnKind.PSEUDO) {
        onlyKeys = false;
      }
    }
    // Rows are the same whatever fields are asked for (the record-ID field brings them all), and
    // an export of IDs alone is small: batching it would only add the ID pass.
    spec.singleRequest = onlyKeys;
    return true;
  }
}
