package org.redcapjdbc.jdbc;

import java.util.Objects;
import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.jdbc.CalciteMetaImpl.CalciteMetaTable;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;
import org.redcapjdbc.schema.RedcapTableInfo;

/**
 * Gives {@code DatabaseMetaData.getTables} a REMARKS value (the instrument label), which the Table
 * SPI cannot carry. Installed through Calcite's {@code metaTableFactory} connection property.
 */
public final class RedcapMetaTableFactory implements CalciteMetaTableFactory {
  public static final RedcapMetaTableFactory INSTANCE = new RedcapMetaTableFactory();

  private RedcapMetaTableFactory() {}

  @Override
  public MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
    String remarks = table instanceof RedcapTableInfo ? ((RedcapTableInfo) table).remarks() : "";
    return new RedcapMetaTable(table, tableCat, tableSchem, tableName, remarks);
  }

  @Override
  public Class<? extends MetaTable> getMetaTableClass() {
    return RedcapMetaTable.class;
  }

  /**
   * A table row of {@code getTables}. Avatica reads result columns by public field name, so this
   * field hides {@code MetaTable.remarks}, which is always null.
   */
  public static final class RedcapMetaTable extends CalciteMetaTable {
    public final String remarks;

    RedcapMetaTable(
        Table table, String tableCat, String tableSchem, String tableName, String remarks) {
      super(table, tableCat, tableSchem, tableName);
      this.remarks = Objects.requireNonNullElse(remarks, "");
    }
  }
}
