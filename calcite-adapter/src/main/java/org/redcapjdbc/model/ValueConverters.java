package org.redcapjdbc.model;

import java.util.Map;

/** Picks the converter for a column from its SQL type and its field's validation. */
final class ValueConverters {
  private ValueConverters() {}

  /**
   * The converter of a column of type {@code type} holding values of a field with
   * {@code validation} ({@link Validation#NONE} when not a text field).
   */
  static ValueConverter forType(
      String column, SqlType type, Validation validation, Map<String, String> missingDataCodes) {
    switch (type.typeName()) {
      case VARCHAR:
        return new TextConverter(column);
      case BOOLEAN:
        return new BooleanConverter(column, missingDataCodes);
      case BIGINT:
        return IntegralConverter.bigint(column, missingDataCodes);
      case INTEGER:
        return IntegralConverter.integer(column, missingDataCodes);
      case DECIMAL:
        return new DecimalConverter(
            column,
            type,
            validation.isCommaDecimal(),
            validation.decimalPlaces() >= 0,
            missingDataCodes);
      case DOUBLE:
        return new DoubleConverter(column, missingDataCodes);
      case DATE:
        return new DateConverter(column, missingDataCodes);
      case TIME:
        return new TimeConverter(
            column, validation.kind() != Validation.Kind.TIME, missingDataCodes);
      case TIMESTAMP:
        return new TimestampConverter(
            column, validation.kind() != Validation.Kind.DATETIME, missingDataCodes);
      default:
        throw new IllegalArgumentException("No converter for " + type + " (column " + column + ")");
    }
  }

  static ValueConverter text(String column) {
    return new TextConverter(column);
  }

  static ValueConverter formStatus(String column) {
    return IntegralConverter.formStatus(column);
  }

  static ValueConverter label(String column, Field source, Map<String, String> missingDataCodes) {
    return new LabelConverter(column, source, missingDataCodes);
  }
}
