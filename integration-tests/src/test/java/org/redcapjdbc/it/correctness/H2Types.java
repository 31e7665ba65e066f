package org.redcapjdbc.it.correctness;

import java.sql.Types;
import java.util.Optional;

/**
 * The H2 column type that holds what a driver column of a given {@link Types} code holds: one
 * mapping for the comparison suite's copies and the benchmarks' mirrors, so both agree.
 */
public final class H2Types {
  private H2Types() {}

  /** H2's DDL type for {@code jdbcType}; {@code precision} and {@code scale} matter for DECIMAL. */
  public static Optional<String> ddlType(int jdbcType, int precision, int scale) {
    switch (jdbcType) {
      case Types.VARCHAR:
      case Types.CHAR:
      case Types.LONGVARCHAR:
        return Optional.of("VARCHAR");
      case Types.BIGINT:
        return Optional.of("BIGINT");
      case Types.INTEGER:
        return Optional.of("INTEGER");
      case Types.SMALLINT:
        return Optional.of("SMALLINT");
      case Types.TINYINT:
        return Optional.of("TINYINT");
      case Types.BOOLEAN:
      case Types.BIT:
        return Optional.of("BOOLEAN");
      case Types.DOUBLE:
      case Types.FLOAT:
        return Optional.of("DOUBLE PRECISION");
      case Types.REAL:
        return Optional.of("REAL");
      case Types.DECIMAL:
      case Types.NUMERIC:
        return Optional.of("NUMERIC(" + precision + ", " + scale + ")");
      case Types.DATE:
        return Optional.of("DATE");
      case Types.TIME:
        return Optional.of("TIME");
      case Types.TIMESTAMP:
        return Optional.of("TIMESTAMP");
      case Types.VARBINARY:
      case Types.BINARY:
      case Types.LONGVARBINARY:
        return Optional.of("VARBINARY");
      default:
        return Optional.empty();
    }
  }
}
