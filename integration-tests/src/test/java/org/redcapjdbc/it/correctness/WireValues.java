package org.redcapjdbc.it.correctness;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The test's own reading of REDCap's wire text as a typed SQL value, written from the design's
 * type table and docs/redcap-api.md §3, and deliberately sharing nothing with the adapter's
 * converters: the empty string is NULL, and text that is not a well-formed value of the column's
 * type (legacy data, missing-data codes) is NULL too. Dates are {@code YYYY-MM-DD} and must exist;
 * date-times {@code YYYY-MM-DD HH:MM[:SS]}; times {@code HH:MM[:SS]}; integers digits with an
 * optional sign, and a fraction of zeros only ({@code 5.}, {@code 3.00}: legacy text that loses
 * nothing, which the driver documents as read); numbers plain decimals (a comma as the mark in
 * comma-decimal fields) that fit the column's precision and scale without rounding.
 */
final class WireValues {
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+(\\.0*)?");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+(\\.\\d+)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATETIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?");
  private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");

  private WireValues() {}

  /**
   * The value of {@code text} in a column of {@code column}'s type.
   *
   * @param commaDecimal whether the field stores a comma as its decimal mark
   */
  static Object typed(String text, ColumnShape column, boolean commaDecimal) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    switch (column.dataType()) {
      case Types.VARCHAR:
      case Types.CHAR:
      case Types.LONGVARCHAR:
        return text;
      case Types.BIGINT:
        return INTEGER.matcher(text).matches() ? longOrNull(text) : null;
      case Types.INTEGER:
      case Types.SMALLINT:
      case Types.TINYINT:
        {
          Long v = INTEGER.matcher(text).matches() ? longOrNull(text) : null;
          return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
        }
      case Types.BOOLEAN:
      case Types.BIT:
        return text.equals("1") ? Boolean.TRUE : text.equals("0") ? Boolean.FALSE : null;
      case Types.DOUBLE:
      case Types.FLOAT:
      case Types.REAL:
        {
          String t = commaDecimal ? text.replace(',', '.') : text;
          return DECIMAL.matcher(t).matches() ? Double.valueOf(t) : null;
        }
      case Types.DECIMAL:
      case Types.NUMERIC:
        return decimal(commaDecimal ? text.replace(',', '.') : text, column);
      case Types.DATE:
        return DATE.matcher(text).matches() ? date(text) : null;
      case Types.TIMESTAMP:
        return DATETIME.matcher(text).matches() ? timestamp(text) : null;
      case Types.TIME:
        return TIME.matcher(text).matches() ? time(text) : null;
      default:
        throw new AssertionError("No wire reading for " + column);
    }
  }

  private static Long longOrNull(String text) {
    int point = text.indexOf('.');
    String digits = point < 0 ? text : text.substring(0, point);
    try {
      return Long.valueOf(digits.startsWith("+") ? digits.substring(1) : digits);
    } catch (NumberFormatException e) {
      return null; // beyond BIGINT
    }
  }

  private static BigDecimal decimal(String text, ColumnShape column) {
    if (!DECIMAL.matcher(text).matches()) {
      return null;
    }
    BigDecimal v = new BigDecimal(text);
    BigDecimal exact = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    int scale = Math.max(exact.scale(), 0);
    int integerDigits = exact.precision() - exact.scale();
    if (scale > column.scale() || integerDigits > column.size() - column.scale()) {
      return null; // would need rounding or does not fit: never silently changed
    }
    return v.setScale(column.scale());
  }

  private static LocalDate date(String text) {
    try {
      LocalDate d = LocalDate.parse(text);
      return d.toString().equals(text) ? d : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDateTime timestamp(String text) {
    LocalDate d = date(text.substring(0, 10));
    LocalTime t = time(text.substring(11));
    return d == null || t == null ? null : LocalDateTime.of(d, t);
  }

  private static LocalTime time(String text) {
    int h = Integer.parseInt(text.substring(0, 2));
    int m = Integer.parseInt(text.substring(3, 5));
    int s = text.length() > 5 ? Integer.parseInt(text.substring(6, 8)) : 0;
    return h < 24 && m < 60 && s < 60 ? LocalTime.of(h, m, s) : null;
  }
}
