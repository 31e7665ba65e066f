package org.redcapjdbc.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * The constant side of a comparison: a literal, or a {@code ?} parameter whose value the
 * statement's data context holds at scan time ({@code root.get("?0")}), in Calcite's internal
 * representation or as the caller set it. Converts it to the Java type a column kind compares
 * with; anything it does not recognise is "not a constant" and the predicate is not pushed.
 */
final class FilterValues {
  /** Marks "this node is not a constant we can read" (null itself is SQL NULL). */
  static final Object NOT_CONSTANT = new Object();

  private final Function<String, Object> parameters;

  FilterValues(Function<String, Object> parameters) {
    this.parameters = parameters;
  }

  /** The node's value, null for SQL NULL, or {@link #NOT_CONSTANT}. */
  Object valueOf(RexNode node) {
    if (node instanceof RexLiteral literal) {
      return literalValue(literal);
    }
    if (node instanceof RexDynamicParam param) {
      return parameters.apply("?" + param.getIndex());
    }
    if (node.getKind() == SqlKind.CAST && node instanceof RexCall call) {
      // A cast of a constant: read the constant itself; the column type decides how it compares.
      return valueOf(call.getOperands().get(0));
    }
    return NOT_CONSTANT;
  }

  /**
   * A literal's value in the form this class reads: {@code getValue()} would give a Calendar for
   * dates and times, so each family is asked for its own representation.
   */
  private static Object literalValue(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    switch (literal.getTypeName().getFamily() == null
        ? SqlTypeFamily.ANY
        : literal.getTypeName().getFamily()) {
      case CHARACTER:
        return literal.getValueAs(String.class);
      case NUMERIC:
        return literal.getValueAs(BigDecimal.class);
      case DATE:
        return literal.getValueAs(DateString.class);
      case TIME:
        return literal.getValueAs(TimeString.class);
      case TIMESTAMP:
        return literal.getValueAs(TimestampString.class);
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      default:
        return NOT_CONSTANT;
    }
  }

  static Optional<String> text(Object value) {
    if (value instanceof NlsString s) {
      return Optional.ofNullable(s.getValue());
    }
    if (value instanceof CharSequence s) {
      return Optional.of(s.toString());
    }
    if (value instanceof Character c) {
      return Optional.of(c.toString());
    }
    return Optional.empty();
  }

  /** A record ID given as text or as a whole number (a parameter set with setInt). */
  static Optional<String> identifier(Object value) {
    Optional<String> text = text(value);
    if (text.isPresent()) {
      return text;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Optional.of(value.toString());
    }
    // A whole-number literal (an id column compared with 42); text columns compared with a
    // number are cast by Calcite, so they never reach here as a plain column.
    if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      return Optional.of(d.toBigInteger().toString());
    }
    return Optional.empty();
  }

  static Optional<BigDecimal> number(Object value) {
    if (value instanceof BigDecimal d) {
      return Optional.of(d);
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
    }
    return Optional.empty();
  }

  static Optional<LocalDate> date(Object value) {
    try {
      if (value instanceof DateString d) {
        return Optional.of(LocalDate.ofEpochDay(d.getDaysSinceEpoch()));
      }
      if (value instanceof Integer days) {
        return Optional.of(LocalDate.ofEpochDay(days));
      }
      if (value instanceof LocalDate d) {
        return Optional.of(d);
      }
      if (value instanceof java.sql.Date d) {
        return Optional.of(d.toLocalDate());
      }
      Optional<String> text = text(value);
      return text.map(t -> LocalDate.parse(t.trim()));
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  static Optional<LocalDateTime> timestamp(Object value) {
    try {
      if (value instanceof TimestampString t) {
        return Optional.of(fromMillis(t.getMillisSinceEpoch()));
      }
      if (value instanceof Long millis) {
        return Optional.of(fromMillis(millis));
      }
      if (value instanceof LocalDateTime t) {
        return Optional.of(t);
      }
      if (value instanceof java.sql.Timestamp t) {
        return Optional.of(t.toLocalDateTime());
      }
      Optional<String> text = text(value);
      return text.map(t -> LocalDateTime.parse(t.trim().replace(' ', 'T')));
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  static Optional<LocalTime> time(Object value) {
    try {
      if (value instanceof TimeString t) {
        return Optional.of(LocalTime.ofNanoOfDay(t.getMillisOfDay() * 1_000_000L));
      }
      if (value instanceof Integer millis) {
        return Optional.of(LocalTime.ofNanoOfDay(millis * 1_000_000L));
      }
      if (value instanceof LocalTime t) {
        return Optional.of(t);
      }
      if (value instanceof java.sql.Time t) {
        return Optional.of(t.toLocalTime());
      }
      Optional<String> text = text(value);
      return text.map(t -> LocalTime.parse(t.trim()));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  static Optional<Boolean> bool(Object value) {
    return value instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  /** Calcite's TIMESTAMP: milliseconds of the local date-time read as UTC. */
  private static LocalDateTime fromMillis(long millis) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(millis, 1000L),
        (int) Math.floorMod(millis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }
}
