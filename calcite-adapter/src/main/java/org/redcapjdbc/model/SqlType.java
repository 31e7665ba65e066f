package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.sql.JDBCType;

/**
 * A column's SQL type: the JDBC type plus precision and scale where they matter
 * ({@code DECIMAL(38,16)}); {@link #NO_PRECISION} and {@link #NO_SCALE} otherwise. Plain data, so
 * that the model needs no Calcite; the schema side turns it into Calcite's type
 * ({@code schema.RelTypes}).
 */
public record SqlType(JDBCType typeName, int precision, int scale) {
  /** Precision not specified (the value Calcite uses for it). */
  public static final int NO_PRECISION = -1;

  /** Scale not specified (the value Calcite uses for it). */
  public static final int NO_SCALE = Integer.MIN_VALUE;

  public static final SqlType VARCHAR = of(JDBCType.VARCHAR);
  public static final SqlType BIGINT = of(JDBCType.BIGINT);
  public static final SqlType INTEGER = of(JDBCType.INTEGER);
  public static final SqlType SMALLINT = of(JDBCType.SMALLINT);
  public static final SqlType DOUBLE = of(JDBCType.DOUBLE);
  public static final SqlType BOOLEAN = of(JDBCType.BOOLEAN);
  public static final SqlType DATE = of(JDBCType.DATE);
  public static final SqlType TIME = of(JDBCType.TIME);
  public static final SqlType TIMESTAMP = of(JDBCType.TIMESTAMP);

  public SqlType {
    requireNonNull(typeName, "typeName");
  }

  private static SqlType of(JDBCType name) {
    return new SqlType(name, NO_PRECISION, NO_SCALE);
  }

  /** {@code DECIMAL(precision, scale)}. */
  public static SqlType decimal(int precision, int scale) {
    if (precision < 1 || scale < 0 || scale > precision) {
      throw new IllegalArgumentException("No DECIMAL(" + precision + ", " + scale + ")");
    }
    return new SqlType(JDBCType.DECIMAL, precision, scale);
  }

  @Override
  public String toString() {
    if (precision == NO_PRECISION) {
      return typeName.getName();
    }
    if (scale == NO_SCALE) {
      return typeName.getName() + "(" + precision + ")";
    }
    return typeName.getName() + "(" + precision + "," + scale + ")";
  }
}
