package org.apache.calcite.jdbc;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.redcapjdbc.jdbc.RowTap;
import org.redcapjdbc.schema.RedcapTableInfo;

/**
 * Calcite's JDBC metadata and transaction plumbing, adjusted for REDCap.
 *
 * <p>It lives in Calcite's package on purpose: the constructor it must call takes the
 * package-private {@code CalciteConnectionImpl}. That works on the class path (DBeaver, plain
 * applications), which is where JDBC drivers live.
 *
 * <ul>
 *   <li>REDCap has no transactions: every statement is applied when it runs. So auto-commit is on
 *       and stays on, and {@code commit()}/{@code rollback()} succeed doing nothing, where stock
 *       Calcite reports auto-commit off yet throws from both, which breaks DBeaver's manual-commit
 *       mode and connection pools.</li>
 *   <li>{@code getPrimaryKeys} reports each table's key ({@link RedcapTableInfo#primaryKey()});
 *       stock Calcite always answers empty, and DBeaver then asks to use all columns as a key.</li>
 * </ul>
 */
public final class RedcapMetaImpl extends CalciteMetaImpl {

  private final CalciteMetaTableFactory tableFactory;

  RedcapMetaImpl(
      CalciteConnectionImpl connection,
      CalciteMetaTableFactory tableFactory,
      CalciteMetaColumnFactory columnFactory) {
    super(connection, tableFactory, columnFactory);
    this.tableFactory = tableFactory;
    this.connProps.setAutoCommit(true);
    this.connProps.setDirty(false);
  }

  /** Creates the Meta for a connection made by {@link RedcapJdbcFactory}. */
  public static RedcapMetaImpl create(
      org.apache.calcite.avatica.AvaticaConnection connection,
      CalciteMetaTableFactory tableFactory,
      CalciteMetaColumnFactory columnFactory) {
    return new RedcapMetaImpl((CalciteConnectionImpl) connection, tableFactory, columnFactory);
  }

  /**
   * Statement ids come from a plain counter ({@code statementCount++} in Avatica's
   * {@code MetaImpl}) and Calcite asserts each is new: two threads creating statements on one
   * connection at once (a tool browsing metadata while a query streams; every
   * {@code DatabaseMetaData} call makes a statement) could get the same id, and one of them then
   * fails with "no statement". So statements of a connection are made one at a time; the
   * connection's statement map itself is made concurrent by {@code RedcapConnection}.
   */
  @Override
  public synchronized StatementHandle createStatement(ConnectionHandle ch) {
    return super.createStatement(ch);
  }

  /** Per statement id: the rows of its latest execution, until its result set takes them. */
  private final Map<Integer, RowTap> taps = new ConcurrentHashMap<>();

  /**
   * Rows of array style pass through a {@link RowTap}, which the execution's result set takes
   * ({@link #takeRowTap}) to read values straight from the current row.
   */
  @Override
  public Iterable<Object> createIterable(
      StatementHandle h,
      QueryState state,
      Signature signature,
      List<TypedValue> parameters,
      Frame firstFrame) {
    Iterable<Object> rows = super.createIterable(h, state, signature, parameters, firstFrame);
    if (signature == null
        || signature.cursorFactory == null
        || signature.cursorFactory.style != Style.ARRAY) {
      taps.remove(h.id);
      return rows;
    }
    RowTap tap = new RowTap(rows);
    taps.put(h.id, tap);
    return tap;
  }

  /** The rows of the statement's latest execution, once; null when they are not tapped. */
  RowTap takeRowTap(StatementHandle h) {
    return taps.remove(h.id);
  }

  @Override
  public void closeStatement(StatementHandle h) {
    taps.remove(h.id);
    super.closeStatement(h);
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    if (Boolean.FALSE.equals(props.isAutoCommit())) {
      // No transactions to manage: keep reporting the truth (every statement commits at once).
      ConnectionPropertiesImpl copy =
          new ConnectionPropertiesImpl(
              true,
              props.isReadOnly(),
              props.getTransactionIsolation(),
              props.getCatalog(),
              props.getSchema());
      return super.connectionSync(ch, copy);
    }
    return super.connectionSync(ch, props);
  }

  @Override
  public void commit(ConnectionHandle ch) {
    // Each statement was applied by REDCap when it ran; there is nothing pending.
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    // Nothing is pending, so there is nothing to undo (and nothing can be undone).
  }

  @Override
  public MetaResultSet getPrimaryKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    List<PrimaryKeyRow> rows = new ArrayList<>();
    CalciteSchema root = getConnection().rootSchema;
    LikePattern schemaPattern = new LikePattern(schema == null ? "%" : schema);
    LikePattern tablePattern = new LikePattern(table == null ? "%" : table);
    for (String schemaName : root.subSchemas().getNames(schemaPattern)) {
      CalciteSchema sub = root.getSubSchema(schemaName, true);
      if (sub == null) {
        continue;
      }
      for (String tableName : sub.getTableNames(tablePattern)) {
        CalciteSchema.TableEntry entry = sub.getTable(tableName, true);
        Table t = entry == null ? null : entry.getTable();
        if (!(t instanceof RedcapTableInfo)) {
          continue;
        }
        List<String> key = ((RedcapTableInfo) t).primaryKey();
        short seq = 1;
        for (String column : key) {
          rows.add(
              new PrimaryKeyRow(catalog, schemaName, tableName, column, seq++, "pk_" + tableName));
        }
      }
    }
    rows.sort(
        (a, b) -> {
          int c = a.tableSchem.compareTo(b.tableSchem);
          if (c == 0) {
            c = a.tableName.compareTo(b.tableName);
          }
          return c != 0 ? c : Short.compare(a.keySeq, b.keySeq);
        });
    return namedResultSet(
        rows,
        PrimaryKeyRow.class,
        List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
  }

  /**
   * JDBC orders {@code getTables} by type, catalog, schema and name; Calcite returns schema
   * order. Tools that binary-search or merge the listing rely on the documented order.
   */
  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      List<String> typeList) {
    List<MetaTable> rows = new ArrayList<>();
    for (MetaSchema schema : schemas(catalog, new LikePattern(schemaPattern.s))) {
      for (MetaTable table : tables(schema, new LikePattern(tableNamePattern.s))) {
        if (typeList == null || typeList.contains(table.tableType)) {
          rows.add(table);
        }
      }
    }
    rows.sort(
        Comparator.comparing((MetaTable t) -> t.tableType)
            .thenComparing(t -> t.tableCat == null ? "" : t.tableCat)
            .thenComparing(t -> t.tableSchem == null ? "" : t.tableSchem)
            .thenComparing(t -> t.tableName));
    return namedResultSet(rows, tableFactory.getMetaTableClass(), tableFactory.getColumnNames());
  }

  /** A result set of one VARCHAR column (generated keys): one row per value. */
  MetaResultSet textColumn(String name, List<String> values) {
    List<Object> rows = new ArrayList<>(values.size());
    for (String v : values) {
      rows.add(new Object[] {v});
    }
    return createResultSet(
        Collections.emptyMap(),
        List.of(columnMetaData(name, 0, String.class, false)),
        Meta.CursorFactory.ARRAY,
        new Meta.Frame(0, true, rows));
  }

  /**
   * A result set over rows of {@code clazz}, one JDBC column per name, read from the public field
   * of the camel-case name (the subclass's own field wins, as in Calcite's private equivalent).
   */
  private MetaResultSet namedResultSet(List<?> rows, Class<?> clazz, List<String> names) {
    List<ColumnMetaData> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    for (String name : names) {
      String fieldName = AvaticaUtils.toCamelCase(name);
      Field field;
      try {
        field = clazz.getField(fieldName);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(clazz + " has no public field " + fieldName, e);
      }
      columns.add(
          columnMetaData(name, columns.size(), field.getType(), getColumnNullability(field)));
      fields.add(field);
      fieldNames.add(fieldName);
    }
    @SuppressWarnings("unchecked")
    Iterable<Object> iterable = (Iterable<Object>) (Iterable<?>) rows;
    return createResultSet(
        Collections.emptyMap(),
        columns,
        Meta.CursorFactory.record(clazz, fields, fieldNames),
        new Meta.Frame(0, true, iterable));
  }

  /** One row of {@code getPrimaryKeys}; Avatica maps public fields to JDBC column names. */
  public static final class PrimaryKeyRow {
    public final String tableCat;
    @MetaImpl.ColumnNoNulls public final String tableSchem;
    @MetaImpl.ColumnNoNulls public final String tableName;
    @MetaImpl.ColumnNoNulls public final String columnName;
    public final short keySeq;
    public final String pkName;

    PrimaryKeyRow(
        String tableCat,
        String tableSchem,
        String tableName,
        String columnName,
        short keySeq,
        String pkName) {
      this.tableCat = tableCat;
      this.tableSchem = tableSchem;
      this.tableName = tableName;
      this.columnName = columnName;
      this.keySeq = keySeq;
      this.pkName = pkName;
    }
  }
}
