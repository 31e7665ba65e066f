package org.redcapjdbc.schema;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.model.SqlTypeMapping;

/**
 * Calcite's default type system with DECIMAL widened to what REDCap stores: a plain
 * {@code number} field keeps up to {@value SqlTypeMapping#NUMBER_SCALE} decimals, so its column is
 * {@code DECIMAL(38,16)}, and Calcite's default maximum precision of 19 would silently cut it
 * down. The driver installs it as the {@code typeSystem} connection property.
 */
public final class RedcapTypeSystem extends RelDataTypeSystemImpl {
  /** The instance the {@code typeSystem} property names ({@code ...RedcapTypeSystem#INSTANCE}). */
  public static final RelDataTypeSystem INSTANCE = new RedcapTypeSystem();

  private RedcapTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL
        ? SqlTypeMapping.MAX_DECIMAL_PRECISION
        : super.getMaxPrecision(typeName);
  }

  /**
   * A CASE or UNION whose branches are string literals of different lengths gives VARCHAR, as in
   * other databases, rather than CHAR padded with spaces to the longest ({@code 'bp'} and
   * {@code 'lab'} would otherwise come back as {@code "bp "}).
   */
  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    // As wide as the precision, so that arithmetic on DECIMAL(38,16) keeps its decimals.
    return typeName == SqlTypeName.DECIMAL
        ? SqlTypeMapping.MAX_DECIMAL_PRECISION
        : super.getMaxScale(typeName);
  }
}
