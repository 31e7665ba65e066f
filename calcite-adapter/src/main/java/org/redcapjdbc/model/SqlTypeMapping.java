package org.redcapjdbc.model;

import java.util.Optional;

/**
 * The SQL type of a REDCap field, from the data dictionary only (docs/architecture.md §3):
 *
 * <table>
 *   <caption>REDCap to SQL</caption>
 *   <tr><th>REDCap</th><th>SQL</th></tr>
 *   <tr><td>record ID, text, notes, email, phone, zipcode, other validations, sql, file,
 *       radio and dropdown codes, {@code time_mm_ss}, unknown types</td><td>VARCHAR</td></tr>
 *   <tr><td>text {@code integer}</td><td>BIGINT</td></tr>
 *   <tr><td>text {@code number}, {@code *_comma_decimal}</td>
 *       <td>DECIMAL({@value #MAX_DECIMAL_PRECISION},{@value #NUMBER_SCALE})</td></tr>
 *   <tr><td>text {@code number_Ndp}</td><td>DECIMAL({@value #MAX_DECIMAL_PRECISION},N)</td></tr>
 *   <tr><td>calc</td><td>DOUBLE</td></tr>
 *   <tr><td>slider</td><td>INTEGER</td></tr>
 *   <tr><td>yesno, truefalse, each checkbox option</td><td>BOOLEAN</td></tr>
 *   <tr><td>{@code date_*}</td><td>DATE</td></tr>
 *   <tr><td>{@code datetime_*}, {@code datetime_seconds_*}</td><td>TIMESTAMP</td></tr>
 *   <tr><td>{@code time}, {@code time_hh_mm_ss}</td><td>TIME</td></tr>
 *   <tr><td>{@code <form>_complete}</td><td>SMALLINT</td></tr>
 *   <tr><td>{@code redcap_repeat_instance}</td><td>INTEGER</td></tr>
 *   <tr><td>descriptive</td><td>no column</td></tr>
 * </table>
 *
 * <p>A plain {@code number} declares no scale and REDCap stores what was typed
 * ({@code 12.938129834911}), so its DECIMAL keeps {@value #NUMBER_SCALE} decimal places and
 * {@value #MAX_DECIMAL_PRECISION} digits in all (22 before the point). A stored value with more
 * reads as NULL with a warning; it is never rounded.
 */
public final class SqlTypeMapping {
  /**
   * The DECIMAL precision the model uses. Calcite's default type system stops at 19: the SQL layer
   * must install a {@code RelDataTypeSystem} whose {@code getMaxPrecision(DECIMAL)} is at least
   * this.
   */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /** The scale of plain {@code number} fields. */
  public static final int NUMBER_SCALE = 16;

  /**
   * The largest DECIMAL scale the model uses ({@code number_Ndp} with N above it is given this
   * scale); the type system's {@code getMaxScale(DECIMAL)} must be at least this.
   */
  public static final int MAX_DECIMAL_SCALE = NUMBER_SCALE;

  /** The type of {@code <form>_complete} columns (0 Incomplete, 1 Unverified, 2 Complete). */
  public static final SqlType COMPLETE = SqlType.SMALLINT;

  /** The type of {@code redcap_repeat_instance}. */
  public static final SqlType REPEAT_INSTANCE = SqlType.INTEGER;

  private SqlTypeMapping() {}

  /**
   * The SQL type of a field's column; for a checkbox field, the type of each of its option
   * columns. Empty for descriptive fields, which give no column. The record-ID field is VARCHAR
   * whatever its validation: use {@link #forRecordId()}.
   */
  public static Optional<SqlType> forField(Field field) {
    switch (field.type()) {
      case DESCRIPTIVE:
        return Optional.empty();
      case TEXT:
        return Optional.of(forValidation(field.validation()));
      case CALC:
        return Optional.of(SqlType.DOUBLE);
      case SLIDER:
        return Optional.of(SqlType.INTEGER);
      case YESNO:
      case TRUEFALSE:
      case CHECKBOX:
        return Optional.of(SqlType.BOOLEAN);
      default:
        return Optional.of(SqlType.VARCHAR);
    }
  }

  /** Record IDs are strings ({@code 1}, {@code 331-1}, 32-hex hashes), whatever the validation. */
  public static SqlType forRecordId() {
    return SqlType.VARCHAR;
  }

  /** The SQL type of a text field with this validation. */
  public static SqlType forValidation(Validation validation) {
    switch (validation.kind()) {
      case INTEGER:
        return SqlType.BIGINT;
      case NUMBER:
        int places = validation.decimalPlaces();
        return SqlType.decimal(
            MAX_DECIMAL_PRECISION, places < 0 ? NUMBER_SCALE : Math.min(places, MAX_DECIMAL_SCALE));
      case DATE:
        return SqlType.DATE;
      case DATETIME:
      case DATETIME_SECONDS:
        return SqlType.TIMESTAMP;
      case TIME:
      case TIME_SECONDS:
        return SqlType.TIME;
      default:
        return SqlType.VARCHAR;
    }
  }
}
