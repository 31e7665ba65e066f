package org.redcapjdbc.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * BIGINT ({@code integer} fields), INTEGER (sliders, {@code redcap_repeat_instance}) and SMALLINT
 * ({@code <form>_complete}) columns. Reads digits with an optional sign; a fraction of zeros only
 * ({@code 3.0}, legacy data) is accepted since nothing is lost.
 */
final class IntegralConverter extends WireConverter {
  private final long min;
  private final long max;
  private final String rangeReason;

  private IntegralConverter(
      String column,
      SqlType type,
      long min,
      long max,
      String rangeReason,
      Map<String, String> missingDataCodes) {
    super(column, type, missingDataCodes);
    this.min = min;
    this.max = max;
    this.rangeReason = rangeReason;
  }

  static IntegralConverter bigint(String column, Map<String, String> missingDataCodes) {
    return new IntegralConverter(
        column,
        SqlType.BIGINT,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        "is outside the range of BIGINT",
        missingDataCodes);
  }

  static IntegralConverter integer(String column, Map<String, String> missingDataCodes) {
    return new IntegralConverter(
        column,
        SqlType.INTEGER,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        "is outside the range of INTEGER",
        missingDataCodes);
  }

  /** {@code <form>_complete}: 0 Incomplete, 1 Unverified, 2 Complete. */
  static IntegralConverter formStatus(String column) {
    return new IntegralConverter(
        column,
        SqlType.SMALLINT,
        0,
        2,
        "is not a form status (0 Incomplete, 1 Unverified, 2 Complete)",
        Map.of());
  }

  @Override
  public Object fromWire(String wire, ValueProblemSink problems) {
    if (wire == null || wire.isEmpty()) {
      return null;
    }
    int length = wire.length();
    int i = 0;
    boolean negative = false;
    char first = wire.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      i = 1;
    }
    // Accumulate negatively so that Long.MIN_VALUE parses.
    long accumulated = 0;
    int digits = 0;
    boolean overflow = false;
    for (; i < length; i++) {
      char c = wire.charAt(i);
      if (c >= '0' && c <= '9') {
        int d = c - '0';
        if (!overflow) {
          if (accumulated < (Long.MIN_VALUE + d) / 10) {
            overflow = true;
          } else {
            accumulated = accumulated * 10 - d;
          }
        }
        digits++;
      } else if (c == '.' && digits > 0 && onlyZerosAfter(wire, i + 1)) {
        break;
      } else {
        return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, "is not a whole number");
      }
    }
    if (digits == 0) {
      return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, "is not a whole number");
    }
    if (overflow || (!negative && accumulated == Long.MIN_VALUE)) {
      return reject(wire, problems, ValueProblem.Kind.OUT_OF_RANGE, rangeReason);
    }
    long value = negative ? accumulated : -accumulated;
    if (value < min || value > max) {
      return reject(wire, problems, ValueProblem.Kind.OUT_OF_RANGE, rangeReason);
    }
    return box(value);
  }

  private static boolean onlyZerosAfter(String wire, int from) {
    for (int j = from; j < wire.length(); j++) {
      if (wire.charAt(j) != '0') {
        return false;
      }
    }
    return true;
  }

  private Object box(long value) {
    switch (sqlType().typeName()) {
      case SMALLINT:
        return Short.valueOf((short) value);
      case INTEGER:
        return Integer.valueOf((int) value);
      default:
        return Long.valueOf(value);
    }
  }

  @Override
  public String toWire(Object value) {
    if (value == null) {
      return "";
    }
    long v;
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      v = ((Number) value).longValue();
    } else if (value instanceof BigInteger big && big.bitLength() < 64) {
      v = big.longValue();
    } else if (value instanceof BigDecimal decimal) {
      v = exactLong(decimal, value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isInfinite(d) || Double.isNaN(d)) {
        throw cannotWrite(value, "it takes a whole number");
      }
      v = exactLong(BigDecimal.valueOf(d), value);
    } else if (value instanceof CharSequence text) {
      Object parsed = parseForWrite(text.toString());
      if (parsed == null) {
        return "";
      }
      v = ((Number) parsed).longValue();
    } else {
      throw cannotWrite(value, "it takes a whole number");
    }
    if (v < min || v > max) {
      throw cannotWrite(value, "it " + rangeReason);
    }
    return Long.toString(v);
  }

  private long exactLong(BigDecimal decimal, Object original) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 19) {
      throw cannotWrite(original, "it takes a whole number");
    }
    try {
      return stripped.longValueExact();
    } catch (ArithmeticException e) {
      throw cannotWrite(original, "it " + rangeReason);
    }
  }
}
