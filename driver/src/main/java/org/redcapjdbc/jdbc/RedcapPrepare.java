package org.redcapjdbc.jdbc;

import java.lang.reflect.Type;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.util.TryThreadLocal;
import org.redcapjdbc.plan.RedcapRules;

/**
 * Calcite's statement preparation with five REDCap needs: IN lists stay filters (below), the
 * JDBC {@code {oj ...}} escape is accepted ({@link OuterJoinEscape}), the DML rule is on every
 * planner, {@code SELECT *} on a wide table is planned in time linear in its columns ({@link
 * RedcapPreparingStmt}), and a query run again on a connection reuses its plan ({@link
 * PlanCache}). The adapter registers its rules itself when a query scans one of
 * its tables ({@code RedcapRules.scan}); only {@link RedcapRules#TABLE_MODIFY} is added here too.
 */
final class RedcapPrepare extends CalcitePrepareImpl {

  /**
   * Keeps every IN list a filter, however long. Calcite turns a list of 20 values or more into a
   * join with a VALUES table, so {@code WHERE record_id IN ('1', ..., '25')} was no longer a
   * filter on the scan: it read the whole project, batch by batch, instead of sending those 25
   * IDs as {@code records[]}. The threshold is a thread-local, set for this preparation only.
   */
  @Override
  public <T> CalciteSignature<T> prepareSql(
      CalcitePrepare.Context context,
      CalcitePrepare.Query<T> query,
      Type elementType,
      long maxRowCount) {
    // Report tools wrap outer joins in JDBC's {oj ...} escape, which Calcite's parser rejects.
    if (query.sql != null) {
      String sql = OuterJoinEscape.strip(query.sql);
      if (!sql.equals(query.sql)) {
        query = CalcitePrepare.Query.of(sql);
      }
    }
    PlanCache cache = null;
    PlanCache.Key key = null;
    if (query.sql != null) {
      cache = PlanCache.of(context);
      key = PlanCache.key(context, query.sql, elementType, maxRowCount);
      @SuppressWarnings("unchecked")
      CalciteSignature<T> plan = (CalciteSignature<T>) cache.get(key);
      if (plan != null) {
        return plan;
      }
    }
    CalciteSignature<T> signature;
    try (TryThreadLocal.Memo ignored =
        Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
      signature = super.prepareSql(context, query, elementType, maxRowCount);
    }
    if (cache != null
        && signature.statementType == Meta.StatementType.SELECT
        && signature.parameters.isEmpty()) {
      cache.put(key, signature);
    }
    return signature;
  }

  /** Calcite's preparation of one statement, with {@code SELECT *} planned directly. */
  @Override
  protected CalcitePreparingStmt getPreparingStmt(
      CalcitePrepare.Context context,
      Type elementType,
      CalciteCatalogReader catalogReader,
      RelOptPlanner planner) {
    // As Calcite's own: an array row type for Object[] results, Enumerable code (Calcite's
    // Hook.ENABLE_BINDABLE, which would choose the interpreter, is for Calcite's own tests).
    JavaTypeFactory typeFactory = context.getTypeFactory();
    return new RedcapPreparingStmt(
        this,
        context,
        catalogReader,
        typeFactory,
        elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM,
        createCluster(planner, new RexBuilder(typeFactory)),
        EnumerableConvention.INSTANCE,
        createConvertletTable());
  }

  @Override
  protected RelOptPlanner createPlanner(
      CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext,
      RelOptCostFactory costFactory) {
    // "Context" alone would name CalcitePrepare.Context, a member type this class inherits.
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    // INSERT ... VALUES scans none of our tables, so the adapter's own registration (from its
    // tables' scans) never sees that planner, and LogicalTableModify is Calcite's node, with no
    // register() of ours. Without this rule such an INSERT would find no way to write.
    planner.addRule(RedcapRules.TABLE_MODIFY);
    return planner;
  }
}
