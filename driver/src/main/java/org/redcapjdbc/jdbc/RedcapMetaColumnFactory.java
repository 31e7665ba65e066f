package org.redcapjdbc.jdbc;

import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.schema.RedcapTableInfo;

/**
 * Shapes {@code DatabaseMetaData.getColumns} rows for JDBC tools: REMARKS carry the REDCap field
 * label, and TYPE_NAME is the plain type name ({@code VARCHAR}, not Calcite's full type string
 * {@code VARCHAR NOT NULL}) so that it matches {@code getTypeInfo} and
 * {@code ResultSetMetaData.getColumnTypeName}, which DBeaver compares.
 */
public final class RedcapMetaColumnFactory implements CalciteMetaColumnFactory {
  public static final RedcapMetaColumnFactory INSTANCE = new RedcapMetaColumnFactory();

  private RedcapMetaColumnFactory() {}

  @Override
  public MetaColumn createColumn(
      Table table,
      String tableCat,
      String tableSchem,
      String tableName,
      String columnName,
      int dataType,
      String typeName,
      Integer columnSize,
      Integer decimalDigits,
      int numPrecRadix,
      int nullable,
      Integer charOctetLength,
      int ordinalPosition,
      String isNullable) {
    String remarks =
        table instanceof RedcapTableInfo
            ? ((RedcapTableInfo) table).columnRemarks(columnName)
            : null;
    Integer size = columnSize == null || columnSize < 0 ? null : columnSize;
    return new RedcapMetaColumn(
        tableCat,
        tableSchem,
        tableName,
        columnName,
        dataType,
        plainTypeName(dataType, typeName),
        size,
        decimalDigits,
        numPrecRadix,
        nullable,
        size,
        ordinalPosition,
        isNullable,
        remarks);
  }

  @Override
  public Class<? extends MetaColumn> getMetaColumnClass() {
    return RedcapMetaColumn.class;
  }

  /** The {@code SqlTypeName} for the JDBC type code; falls back to the text before any modifier. */
  static String plainTypeName(int jdbcType, String fullTypeString) {
    SqlTypeName name = SqlTypeName.getNameForJdbcType(jdbcType);
    if (name != null) {
      return name.getName();
    }
    String s = fullTypeString == null ? "" : fullTypeString;
    int cut = s.length();
    for (char c : new char[] {'(', ' '}) {
      int i = s.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return s.substring(0, cut);
  }

  /**
   * A column row of {@code getColumns}. Avatica reads result columns by public field name, so this
   * field hides {@code MetaColumn.remarks}, which is always null.
   */
  public static final class RedcapMetaColumn extends MetaColumn {
    public final String remarks;

    RedcapMetaColumn(
        String tableCat,
        String tableSchem,
        String tableName,
        String columnName,
        int dataType,
        String typeName,
        Integer columnSize,
        Integer decimalDigits,
        int numPrecRadix,
        int nullable,
        Integer charOctetLength,
        int ordinalPosition,
        String isNullable,
        String remarks) {
      super(
          tableCat,
          tableSchem,
          tableName,
          columnName,
          dataType,
          typeName,
          columnSize,
          decimalDigits,
          numPrecRadix,
          nullable,
          charOctetLength,
          ordinalPosition,
          isNullable);
      this.remarks = remarks;
    }
  }
}
