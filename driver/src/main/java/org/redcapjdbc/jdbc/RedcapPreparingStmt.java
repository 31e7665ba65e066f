package org.redcapjdbc.jdbc;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.ViewExpanders;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation, except that {@code SELECT * FROM t} on one of our tables
 * ({@link StarSelect}) goes straight to the table's scan instead of through the validator and
 * SQL-to-rel conversion, whose work is quadratic in the column count. The rest is Calcite's own
 * path for a statement given as a relational expression: type flattening, field trimming, the
 * optimizer with our rules, code generation. The validated type and the column origins that
 * JDBC metadata reads are set to what the validator gives for that statement.
 */
final class RedcapPreparingStmt extends CalcitePrepareImpl.CalcitePreparingStmt {
  private final RelOptCluster cluster;
  private @Nullable List<List<String>> starOrigins;

  RedcapPreparingStmt(
      CalcitePrepareImpl prepare,
      CalcitePrepare.Context context,
      Prepare.CatalogReader catalogReader,
      RelDataTypeFactory typeFactory,
      EnumerableRel.Prefer prefer,
      RelOptCluster cluster,
      Convention resultConvention,
      SqlRexConvertletTable convertletTable) {
    super(
        prepare,
        context,
        catalogReader,
        typeFactory,
        context.getRootSchema(),
        prefer,
        cluster,
        resultConvention,
        convertletTable);
    this.cluster = cluster;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public PreparedResult prepareSql(
      SqlNode sqlQuery,
      Class runtimeContextClass,
      SqlValidator validator,
      boolean needsValidation) {
    Prepare.PreparingTable table = StarSelect.table(sqlQuery, catalogReader);
    if (table == null) {
      return super.prepareSql(sqlQuery, runtimeContextClass, validator, needsValidation);
    }
    // Calcite's caller asks the validator for the statement's row type afterwards.
    validator.setValidatedNodeType(sqlQuery, table.getRowType());
    starOrigins = StarSelect.origins(table);
    RelNode scan = table.toRel(ViewExpanders.toRelContext(this, cluster));
    return prepareRel(scan);
  }

  @Override
  protected PreparedResult implement(RelRoot root) {
    if (starOrigins != null) {
      // prepareRel knows no origins (it sets none); those of SELECT * are the table's columns.
      fieldOrigins = starOrigins;
    }
    return super.implement(root);
  }
}
