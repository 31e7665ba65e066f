package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column's SQL type: Calcite's type name plus precision and scale where they matter
 * ({@code DECIMAL(38,16)}). Precision and scale use Calcite's "not specified" markers otherwise.
 */
public record SqlType(SqlTypeName typeName, int precision, int scale) {
  public static final SqlType VARCHAR = of(SqlTypeName.VARCHAR);
  public static final SqlType BIGINT = of(SqlTypeName.BIGINT);
  public static final SqlType INTEGER = of(SqlTypeName.INTEGER);
  public static final SqlType SMALLINT = of(SqlTypeName.SMALLINT);
  public static final SqlType DOUBLE = of(SqlTypeName.DOUBLE);
  public static final SqlType BOOLEAN = of(SqlTypeName.BOOLEAN);
  public static final SqlType DATE = of(SqlTypeName.DATE);
  public static final SqlType TIME = of(SqlTypeName.TIME);
  public static final SqlType TIMESTAMP = of(SqlTypeName.TIMESTAMP);

  public SqlType {
    requireNonNull(typeName, "typeName");
  }

  private static SqlType of(SqlTypeName name) {
    return new SqlType(name, RelDataType.PRECISION_NOT_SPECIFIED, RelDataType.SCALE_NOT_SPECIFIED);
  }

  /** {@code DECIMAL(precision, scale)}. */
  public static SqlType decimal(int precision, int scale) {
    if (precision < 1 || scale < 0 || scale > precision) {
      throw new IllegalArgumentException("No DECIMAL(" + precision + ", " + scale + ")");
    }
    return new SqlType(SqlTypeName.DECIMAL, precision, scale);
  }

  /**
   * This type in {@code factory}, with the given nullability.
   *
   * @throws IllegalStateException when the factory's type system cannot hold this precision or
   *     scale (Calcite's default system stops at DECIMAL precision 19 and would silently cut
   *     {@code DECIMAL(38,16)} down): install a type system that allows
   *     {@link SqlTypeMapping#MAX_DECIMAL_PRECISION}
   */
  public RelDataType toRelDataType(RelDataTypeFactory factory, boolean nullable) {
    RelDataType type;
    if (precision == RelDataType.PRECISION_NOT_SPECIFIED) {
      type = factory.createSqlType(typeName);
    } else {
      RelDataTypeSystem system = factory.getTypeSystem();
      if (precision > system.getMaxPrecision(typeName)
          || (scale != RelDataType.SCALE_NOT_SPECIFIED && scale > system.getMaxScale(typeName))) {
        throw new IllegalStateException("The type system allows " + typeName + " precision "
            + system.getMaxPrecision(typeName) + " and scale " + system.getMaxScale(typeName)
            + ", too little for " + this + ": install a RelDataTypeSystem whose maximum "
            + typeName + " precision is at least " + SqlTypeMapping.MAX_DECIMAL_PRECISION
            + " and maximum scale at least " + SqlTypeMapping.MAX_DECIMAL_SCALE);
      }
      type = scale == RelDataType.SCALE_NOT_SPECIFIED
          ? factory.createSqlType(typeName, precision)
          : factory.createSqlType(typeName, precision, scale);
    }
    return factory.createTypeWithNullability(type, nullable);
  }

  @Override public String toString() {
    if (precision == RelDataType.PRECISION_NOT_SPECIFIED) {
      return typeName.getName();
    }
    if (scale == RelDataType.SCALE_NOT_SPECIFIED) {
      return typeName.getName() + "(" + precision + ")";
    }
    return typeName.getName() + "(" + precision + "," + scale + ")";
  }
}
