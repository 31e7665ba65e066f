package org.redcapjdbc.schema;

import java.util.List;

/**
 * What JDBC metadata needs from a table and Calcite's Table SPI cannot carry: REMARKS and the
 * primary key. Every table of the REDCap schemas implements it; the driver's metadata plumbing
 * (REMARKS through {@code metaTableFactory}/{@code metaColumnFactory}, {@code getPrimaryKeys})
 * reads it.
 */
public interface RedcapTableInfo {

  /** Table REMARKS: the instrument label, or a sentence saying what a system table holds. */
  String remarks();

  /** Column REMARKS: the field label with HTML stripped, or null when the column has none. */
  String columnRemarks(String columnName);

  /** The primary-key columns in key order; empty when the table has no key. */
  List<String> primaryKey();
}
