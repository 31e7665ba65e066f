package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.redcapjdbc.plan.InsertDefaults;
import org.redcapjdbc.plan.RuleRegisteringTable;
import org.redcapjdbc.plan.TableWriter;
import org.redcapjdbc.plan.WritableTable;

/**
 * A table of the {@code meta} schema: a fixed list of columns, and rows that come either from the
 * connection's project snapshot (dictionary, events, arms ...: no API call) or from one API call
 * per scan (users, roles, DAGs: always current). Immutable.
 */
final class SystemTable extends AbstractTable
    implements ScannableTable, RuleRegisteringTable, RedcapTableInfo, WritableTable {
  /** One column: name, type, nullability, REMARKS. */
  record SystemColumn(String name, SqlTypeName type, boolean nullable, String remarks) {
    SystemColumn {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      requireNonNull(remarks, "remarks");
    }

    static SystemColumn key(String name, String remarks) {
      return new SystemColumn(name, SqlTypeName.VARCHAR, false, remarks);
    }

    static SystemColumn text(String name, String remarks) {
      return new SystemColumn(name, SqlTypeName.VARCHAR, true, remarks);
    }

    static SystemColumn integer(String name, boolean nullable, String remarks) {
      return new SystemColumn(name, SqlTypeName.INTEGER, nullable, remarks);
    }
  }

  private final String remarks;
  private final List<SystemColumn> columns;
  private final List<String> primaryKey;
  private final Function<DataContext, List<Object[]>> rows;
  private final Double rowCount;

  /** How INSERT, UPDATE and DELETE change the table; null when they are refused. */
  private final SystemWrites writes;

  /** The table's qualified name and why it cannot be changed (when {@code writes} is null). */
  private final String name;

  private final String readOnlyReason;

  private SystemTable(
      String remarks,
      List<SystemColumn> columns,
      List<String> primaryKey,
      Function<DataContext, List<Object[]>> rows,
      Double rowCount,
      SystemWrites writes,
      String name,
      String readOnlyReason) {
    this.remarks = requireNonNull(remarks, "remarks");
    this.columns = List.copyOf(columns);
    this.primaryKey = List.copyOf(primaryKey);
    this.rows = requireNonNull(rows, "rows");
    this.rowCount = rowCount;
    this.writes = writes;
    this.name = name;
    this.readOnlyReason = readOnlyReason;
  }

  private SystemTable(
      String remarks,
      List<SystemColumn> columns,
      List<String> primaryKey,
      Function<DataContext, List<Object[]>> rows,
      Double rowCount) {
    this(
        remarks,
        columns,
        primaryKey,
        rows,
        rowCount,
        null,
        "meta table",
        "it cannot be changed through SQL");
  }

  /** This table, changed through {@code writes}. */
  SystemTable writable(SystemWrites writes) {
    return new SystemTable(
        remarks, columns, primaryKey, rows, rowCount, requireNonNull(writes, "writes"), name, null);
  }

  /** This table, named {@code name} in messages, refusing changes because {@code why}. */
  SystemTable readOnly(String name, String why) {
    return new SystemTable(
        remarks,
        columns,
        primaryKey,
        rows,
        rowCount,
        null,
        requireNonNull(name, "name"),
        requireNonNull(why, "why"));
  }

  List<SystemColumn> columns() {
    return columns;
  }

  @Override
  public List<Integer> matchedRowColumns() {
    return writes != null ? writes.matchedRowColumns() : List.of(0);
  }

  @Override
  public TableWriter writer(TableModify.Operation operation, List<String> updateColumns) {
    if (writes != null) {
      return writes.writer(operation, updateColumns);
    }
    return new RefusedWrite(
        operation + " on " + name, name + " is read-only: " + readOnlyReason, "0A000");
  }

  @Override
  public <C> C unwrap(Class<C> type) {
    if (writes != null && type == InitializerExpressionFactory.class) {
      return type.cast(new InsertDefaults(writes.insertDefaults()));
    }
    return super.unwrap(type);
  }

  /** A table whose rows are known now (from the snapshot). */
  static SystemTable fixed(
      String remarks, List<SystemColumn> columns, List<String> primaryKey, List<Object[]> rows) {
    List<Object[]> copy = List.copyOf(rows);
    return new SystemTable(remarks, columns, primaryKey, root -> copy, (double) copy.size());
  }

  /** A table whose rows are fetched by each scan. */
  static SystemTable live(
      String remarks,
      List<SystemColumn> columns,
      List<String> primaryKey,
      Supplier<List<Object[]>> rows) {
    return new SystemTable(remarks, columns, primaryKey, root -> rows.get(), null);
  }

  /**
   * Rows of text maps (an API export) laid out as {@code columns}: each value read by column
   * name, blank as NULL, unknown keys ignored, missing ones NULL; INTEGER and BIGINT columns parse
   * the text (a value that does not parse is NULL).
   */
  static List<Object[]> fromMaps(List<Map<String, String>> maps, List<SystemColumn> columns) {
    List<Object[]> out = new ArrayList<>(maps.size());
    for (Map<String, String> map : maps) {
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = value(map.get(columns.get(i).name()), columns.get(i).type());
      }
      out.add(row);
    }
    return out;
  }

  static Object value(String text, SqlTypeName type) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      switch (type) {
        case INTEGER:
          return Integer.valueOf(text.trim());
        case BIGINT:
          return Long.valueOf(text.trim());
        case BOOLEAN:
          return "1".equals(text.trim());
        default:
          return text;
      }
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (SystemColumn c : columns) {
      b.add(
          c.name(),
          factory.createTypeWithNullability(factory.createSqlType(c.type()), c.nullable()));
    }
    return b.build();
  }

  /**
   * The row count only, no keys (see {@code RecordExportTable#getStatistic}: Calcite misreads
   * keys once a scan projects columns); JDBC clients get the key from {@link #primaryKey()}.
   */
  @Override
  public Statistic getStatistic() {
    // Live tables (users, DAGs) are small; Calcite's own default guess is 100 rows.
    return Statistics.of(rowCount == null ? 100d : rowCount, List.of());
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }

  /** Rows are fetched when first enumerated, not when the plan is built around the scan. */
  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return new AbstractEnumerable<Object[]>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return Linq4j.enumerator(rows.apply(root));
      }
    };
  }

  @Override
  public String remarks() {
    return remarks;
  }

  @Override
  public String columnRemarks(String columnName) {
    for (SystemColumn c : columns) {
      if (c.name().equalsIgnoreCase(columnName)) {
        return c.remarks();
      }
    }
    return null;
  }

  @Override
  public List<String> primaryKey() {
    return primaryKey;
  }
}
