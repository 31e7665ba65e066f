package org.redcapjdbc.it.correctness;

import static java.util.Objects.requireNonNull;

/**
 * A column as the driver's {@code DatabaseMetaData.getColumns} presents it: the shape the H2 copy
 * takes over (values never come from the driver).
 *
 * @param dataType a {@link java.sql.Types} code
 * @param size {@code COLUMN_SIZE} (the precision of a DECIMAL)
 * @param scale {@code DECIMAL_DIGITS}
 */
record ColumnShape(
    String name,
    int dataType,
    String typeName,
    int size,
    int scale,
    boolean nullable,
    String remarks) {
  ColumnShape {
    requireNonNull(name, "name");
    requireNonNull(typeName, "typeName");
  }

  /** The column's type in H2's DDL. */
  String h2Type() {
    return H2Types.ddlType(dataType, size, scale)
        .orElseThrow(
            () ->
                new AssertionError(
                    "Column "
                        + name
                        + " has type "
                        + typeName
                        + " ("
                        + dataType
                        + "), which the H2 copy does not know how to hold"));
  }
}
