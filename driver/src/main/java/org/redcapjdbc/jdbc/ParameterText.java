package org.redcapjdbc.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses text bound to a typed prepared-statement parameter (see {@code setString}). Public only
 * for the prepared statements, which live in {@code org.apache.calcite.jdbc}
 * (docs/architecture.md §1.2); it needs no Calcite access itself.
 */
public final class ParameterText {
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSS]");

  private ParameterText() {}

  /** Whether text for a parameter of this {@link Types} code is parsed. */
  public static boolean converts(int type) {
    switch (type) {
      case Types.DATE:
      case Types.TIME:
      case Types.TIMESTAMP:
      case Types.BOOLEAN:
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.DECIMAL:
      case Types.NUMERIC:
      case Types.DOUBLE:
      case Types.FLOAT:
      case Types.REAL:
        return true;
      default:
        return false;
    }
  }

  /**
   * The value of {@code text} for a parameter of {@code type}, or null for blank text.
   *
   * @throws SQLDataException when it does not parse
   */
  public static Object parse(int index, int type, String text) throws SQLDataException {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      switch (type) {
        case Types.DATE:
          return Date.valueOf(LocalDate.parse(t));
        case Types.TIME:
          return Time.valueOf(LocalTime.parse(t));
        case Types.TIMESTAMP:
          return Timestamp.valueOf(
              t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, SQL_TIMESTAMP));
        case Types.BOOLEAN:
          {
            String b = t.toLowerCase(Locale.ROOT);
            if (b.equals("true") || b.equals("1")) {
              return Boolean.TRUE;
            }
            if (b.equals("false") || b.equals("0")) {
              return Boolean.FALSE;
            }
            throw new IllegalArgumentException(t);
          }
        case Types.TINYINT:
          return Byte.valueOf(t);
        case Types.SMALLINT:
          return Short.valueOf(t);
        case Types.INTEGER:
          return Integer.valueOf(t);
        case Types.BIGINT:
          return Long.valueOf(t);
        case Types.DOUBLE:
        case Types.FLOAT:
        case Types.REAL:
          return Double.valueOf(t);
        default:
          return new BigDecimal(t);
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      boolean temporal = type == Types.DATE || type == Types.TIME || type == Types.TIMESTAMP;
      throw new SQLDataException(
          "Parameter "
              + index
              + " is a "
              + name(type)
              + ", and '"
              + text
              + "' is not one: "
              + form(type)
              + ".",
          temporal ? "22007" : "22018",
          e);
    }
  }

  private static String name(int type) {
    switch (type) {
      case Types.DATE:
        return "DATE";
      case Types.TIME:
        return "TIME";
      case Types.TIMESTAMP:
        return "TIMESTAMP";
      case Types.BOOLEAN:
        return "BOOLEAN";
      case Types.DOUBLE:
      case Types.FLOAT:
      case Types.REAL:
        return "DOUBLE";
      case Types.DECIMAL:
      case Types.NUMERIC:
        return "DECIMAL";
      default:
        return "whole number";
    }
  }

  private static String form(int type) {
    switch (type) {
      case Types.DATE:
        return "give a valid date as YYYY-MM-DD";
      case Types.TIME:
        return "give a time as HH:MM or HH:MM:SS";
      case Types.TIMESTAMP:
        return "give a valid date and time as YYYY-MM-DD HH:MM[:SS]";
      case Types.BOOLEAN:
        return "give true, false, 1 or 0";
      default:
        return "give a number in digits, with a dot for decimals";
    }
  }
}
