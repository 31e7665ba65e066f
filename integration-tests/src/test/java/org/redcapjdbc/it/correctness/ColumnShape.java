package org.redcapjdbc.it.correctness;

import static java.util.Objects.requireNonNull;

import java.sql.Types;

/**
 * A column as the driver's {@code DatabaseMetaData.getColumns} presents it: the shape the H2 copy
 * takes over (values never come from the driver).
 *
 * @param dataType a {@link java.sql.Types} code
 * @param size {@code COLUMN_SIZE} (the precision of a DECIMAL)
 * @param scale {@code DECIMAL_DIGITS}
 */
record ColumnShape(String name, int dataType, String typeName, int size, int scale,
    boolean nullable, String remarks) {
  ColumnShape {
    requireNonNull(name, "name");
    requireNonNull(typeName, "typeName");
  }

  /** The column's type in H2's DDL. */
  String h2Type() {
    switch (dataType) {
      case Types.VARCHAR: case Types.CHAR: case Types.LONGVARCHAR:
        return "VARCHAR";
      case Types.BIGINT:
        return "BIGINT";
      case Types.INTEGER:
        return "INTEGER";
      case Types.SMALLINT:
        return "SMALLINT";
      case Types.TINYINT:
        return "TINYINT";
      case Types.BOOLEAN: case Types.BIT:
        return "BOOLEAN";
      case Types.DOUBLE: case Types.FLOAT:
        return "DOUBLE PRECISION";
      case Types.REAL:
        return "REAL";
      case Types.DECIMAL: case Types.NUMERIC:
        return "NUMERIC(" + size + ", " + scale + ")";
      case Types.DATE:
        return "DATE";
      case Types.TIME:
        return "TIME";
      case Types.TIMESTAMP:
        return "TIMESTAMP";
      case Types.VARBINARY: case Types.BINARY: case Types.LONGVARBINARY:
        return "VARBINARY";
      default:
        throw new AssertionError("Column " + name + " has type " + typeName + " (" + dataType
            + "), which the H2 copy does not know how to hold");
    }
  }
}
