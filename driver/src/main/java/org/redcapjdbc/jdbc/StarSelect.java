package org.redcapjdbc.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.redcapjdbc.plan.RuleRegisteringTable;

/**
 * Recognises {@code SELECT * FROM t} on one of the adapter's tables, the statement DBeaver runs
 * when a table is opened, so that it can be planned without Calcite's validator.
 *
 * <p>Why: the validator expands {@code *} into one identifier per column and resolves each one
 * against the table's row type by a case-insensitive scan of every field name (twice: the lookup
 * and the ambiguity check), in several passes. That is quadratic in the column count: 10 s for
 * REDCapR's 3,004-column {@code super-wide-1}, whose names share a 29-character prefix, and
 * minutes at 20,000 fields. The statement needs none of that work: its result is the table's row
 * type and its plan is the table's scan (docs/architecture.md §6.1).
 */
final class StarSelect {
  private StarSelect() {}

  /**
   * The table that {@code node} selects every column of, or null if the statement is anything
   * else (a column list, {@code t.*}, an alias, WHERE, ORDER BY, LIMIT, DISTINCT, a join, a view,
   * a table that is not one of ours, or a name that does not resolve, whose error the validator
   * should report).
   */
  static Prepare.@Nullable PreparingTable table(SqlNode node, Prepare.CatalogReader catalog) {
    if (!(node instanceof SqlSelect)) {
      return null;
    }
    SqlSelect select = (SqlSelect) node;
    if (!((SqlNodeList) select.getOperandList().get(0)).isEmpty() // DISTINCT, STREAM, ...
        || select.getWhere() != null
        || select.getGroup() != null
        || select.getHaving() != null
        || select.getQualify() != null
        || !select.getWindowList().isEmpty()
        || select.getOrderList() != null
        || select.getOffset() != null
        || select.getFetch() != null
        || select.hasHints()) {
      return null;
    }
    SqlNodeList items = select.getSelectList();
    if (items.size() != 1
        || !(items.get(0) instanceof SqlIdentifier)
        || !((SqlIdentifier) items.get(0)).isStar()
        || ((SqlIdentifier) items.get(0)).names.size() != 1) {
      return null;
    }
    if (!(select.getFrom() instanceof SqlIdentifier)) {
      return null;
    }
    SqlIdentifier from = (SqlIdentifier) select.getFrom();
    if (from.isStar()) {
      return null;
    }
    Prepare.PreparingTable table = catalog.getTable(from.names);
    if (table == null || table.unwrap(RuleRegisteringTable.class) == null) {
      return null;
    }
    return table;
  }

  /**
   * Where each column comes from, as the validator reports it for the JDBC result-set metadata
   * (schema, table and column name): the table's qualified name and the column's.
   */
  static List<List<String>> origins(Prepare.PreparingTable table) {
    List<String> qualified = table.getQualifiedName();
    List<List<String>> origins = new ArrayList<>();
    for (RelDataTypeField field : table.getRowType().getFieldList()) {
      List<String> origin = new ArrayList<>(qualified.size() + 1);
      origin.addAll(qualified);
      origin.add(field.getName());
      origins.add(origin);
    }
    return origins;
  }
}
