package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.SqlType;
import org.redcapjdbc.model.SqlTypeMapping;

/**
 * Calcite's types for the model's columns. The model describes types as plain data
 * ({@link SqlType}) so that it needs no Calcite; this is the one place that turns them into
 * {@link RelDataType}s. Public because the filter translation's tests build typed column
 * references with it.
 */
public final class RelTypes {
  private RelTypes() {}

  /** The column's type, with its nullability, in {@code factory}. */
  public static RelDataType of(Column column, RelDataTypeFactory factory) {
    return of(column.type(), factory, column.isNullable());
  }

  /**
   * {@code type} in {@code factory}, with the given nullability.
   *
   * @throws IllegalStateException when the factory's type system cannot hold this precision or
   *     scale (Calcite's default system stops at DECIMAL precision 19 and would silently cut
   *     {@code DECIMAL(38,16)} down): install a type system that allows
   *     {@link SqlTypeMapping#MAX_DECIMAL_PRECISION}
   */
  /** A nullable column of plain SQL type {@code type} (the system tables' optional values). */
  static RelDataType nullable(RelDataTypeFactory factory, SqlTypeName type) {
    return factory.createTypeWithNullability(factory.createSqlType(type), true);
  }

  public static RelDataType of(SqlType type, RelDataTypeFactory factory, boolean nullable) {
    SqlTypeName typeName =
        requireNonNull(
            SqlTypeName.getNameForJdbcType(type.typeName().getVendorTypeNumber()), type::toString);
    RelDataType rel;
    if (type.precision() == SqlType.NO_PRECISION) {
      rel = factory.createSqlType(typeName);
    } else {
      RelDataTypeSystem system = factory.getTypeSystem();
      if (type.precision() > system.getMaxPrecision(typeName)
          || (type.scale() != SqlType.NO_SCALE && type.scale() > system.getMaxScale(typeName))) {
        throw new IllegalStateException(
            "The type system allows "
                + typeName
                + " precision "
                + system.getMaxPrecision(typeName)
                + " and scale "
                + system.getMaxScale(typeName)
                + ", too little for "
                + type
                + ": install a RelDataTypeSystem whose maximum "
                + typeName
                + " precision is at least "
                + SqlTypeMapping.MAX_DECIMAL_PRECISION
                + " and maximum scale at least "
                + SqlTypeMapping.MAX_DECIMAL_SCALE);
      }
      rel =
          type.scale() == SqlType.NO_SCALE
              ? factory.createSqlType(typeName, type.precision())
              : factory.createSqlType(typeName, type.precision(), type.scale());
    }
    return factory.createTypeWithNullability(rel, nullable);
  }
}
