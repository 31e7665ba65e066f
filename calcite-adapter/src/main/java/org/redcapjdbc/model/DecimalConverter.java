package org.redcapjdbc.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * DECIMAL columns ({@code number}, {@code number_Ndp} and their comma-decimal variants). Values
 * are returned with exactly the column's scale, so that {@code 1.0} and {@code 1.00} are one value
 * for GROUP BY and joins, as SQL requires. A value needing more digits or decimals than the column
 * holds reads as null with a problem: it is never rounded.
 */
final class DecimalConverter extends WireConverter {
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    long p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private final int precision;
  private final int scale;
  private final boolean commaDecimal;
  private final boolean fixedDecimals;
  private final String notANumber;

  /**
   * @param fixedDecimals whether the field's validation fixes the number of decimals
   *     ({@code number_Ndp}), so writes must show exactly {@code scale} of them
   */
  DecimalConverter(
      String column,
      SqlType type,
      boolean commaDecimal,
      boolean fixedDecimals,
      Map<String, String> missingDataCodes) {
    super(column, type, missingDataCodes);
    this.precision = type.precision();
    this.scale = type.scale();
    this.commaDecimal = commaDecimal;
    this.fixedDecimals = fixedDecimals;
    this.notANumber =
        commaDecimal
            ? "is not a number (this field stores decimals with a comma, e.g. 1,54)"
            : "is not a number (this field stores decimals with a point, e.g. 1.54)";
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
    long unscaled = 0;
    boolean fitsLong = true;
    int digits = 0;
    int decimals = -1;
    for (; i < length; i++) {
      char c = wire.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (decimals >= 0) {
          decimals++;
        }
        if (fitsLong) {
          if (unscaled > (Long.MAX_VALUE - 9) / 10) {
            fitsLong = false;
          } else {
            unscaled = unscaled * 10 + (c - '0');
          }
        }
      } else if (isDecimalMark(c) && decimals < 0) {
        decimals = 0;
      } else if ((c == 'e' || c == 'E') && digits > 0) {
        return withExponent(wire, i, problems);
      } else {
        return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, notANumber);
      }
    }
    if (digits == 0) {
      return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, notANumber);
    }
    int wireScale = Math.max(decimals, 0);
    if (fitsLong) {
      // Drop trailing zeros beyond the column's scale: they lose nothing.
      while (wireScale > scale && unscaled % 10 == 0) {
        unscaled /= 10;
        wireScale--;
      }
      if (wireScale > scale) {
        return tooManyDecimals(wire, problems);
      }
      int shift = scale - wireScale;
      if (shift < POWERS_OF_TEN.length && unscaled <= Long.MAX_VALUE / POWERS_OF_TEN[shift]) {
        long atScale = unscaled * POWERS_OF_TEN[shift];
        // At most 19 digits, so it fits any precision >= 19 (the model uses 38).
        if (precision >= 19 || atScale < POWERS_OF_TEN[precision]) {
          return BigDecimal.valueOf(negative ? -atScale : atScale, scale);
        }
      }
      return fit(BigDecimal.valueOf(negative ? -unscaled : unscaled, wireScale), wire, problems);
    }
    return fit(new BigDecimal(normalized(wire)), wire, problems);
  }

  private boolean isDecimalMark(char c) {
    // Comma-decimal fields can still hold a point (legacy data, decimalCharacter exports); a
    // point-decimal field never holds a comma that means a decimal mark, so that is rejected.
    return c == '.' || (commaDecimal && c == ',');
  }

  /** Slow path for {@code 1.5e3}: checked by hand, then parsed by BigDecimal, which cannot fail. */
  private Object withExponent(String wire, int e, ValueProblemSink problems) {
    int i = e + 1;
    if (i < wire.length() && (wire.charAt(i) == '-' || wire.charAt(i) == '+')) {
      i++;
    }
    int exponentDigits = 0;
    for (; i < wire.length(); i++) {
      char c = wire.charAt(i);
      if (c < '0' || c > '9') {
        return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, notANumber);
      }
      exponentDigits++;
    }
    if (exponentDigits == 0 || exponentDigits > 9) {
      return reject(
          wire,
          problems,
          exponentDigits == 0 ? ValueProblem.Kind.UNPARSABLE : ValueProblem.Kind.OUT_OF_RANGE,
          notANumber);
    }
    return fit(new BigDecimal(normalized(wire)), wire, problems);
  }

  private String normalized(String wire) {
    return commaDecimal ? wire.replace(',', '.') : wire;
  }

  private Object fit(BigDecimal value, String wire, ValueProblemSink problems) {
    BigDecimal v = value;
    if (v.scale() > scale) {
      v = v.stripTrailingZeros();
      if (v.scale() > scale) {
        return tooManyDecimals(wire, problems);
      }
    }
    if (v.signum() != 0 && v.precision() - v.scale() > precision - scale) {
      return reject(
          wire,
          problems,
          ValueProblem.Kind.OUT_OF_RANGE,
          "has more than "
              + (precision - scale)
              + " digits before the decimal point, the most "
              + sqlType()
              + " holds");
    }
    return v.setScale(scale);
  }

  private Object tooManyDecimals(String wire, ValueProblemSink problems) {
    return reject(
        wire,
        problems,
        ValueProblem.Kind.OUT_OF_RANGE,
        "has more than "
            + scale
            + " decimal places, the most "
            + sqlType()
            + " holds; it is not rounded");
  }

  @Override
  public String toWire(Object value) {
    if (value == null) {
      return "";
    }
    BigDecimal decimal;
    if (value instanceof BigDecimal d) {
      decimal = d;
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      decimal = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger big) {
      decimal = new BigDecimal(big);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw cannotWrite(value, "REDCap stores finite numbers only");
      }
      decimal = BigDecimal.valueOf(d);
    } else if (value instanceof CharSequence text) {
      Object parsed = parseForWrite(text.toString());
      if (parsed == null) {
        return "";
      }
      decimal = (BigDecimal) parsed;
    } else {
      throw cannotWrite(value, "it takes a number");
    }
    BigDecimal v = decimal;
    if (v.scale() > scale) {
      v = v.stripTrailingZeros();
      if (v.scale() > scale) {
        throw cannotWrite(
            value,
            "it holds at most "
                + scale
                + " decimal places and a value is "
                + "never rounded; round it in SQL first");
      }
    }
    if (v.signum() != 0 && v.precision() - v.scale() > precision - scale) {
      throw cannotWrite(
          value, "it holds at most " + (precision - scale) + " digits before the decimal point");
    }
    String text =
        fixedDecimals
            ? v.setScale(scale).toPlainString()
            : (v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString());
    return commaDecimal ? text.replace('.', ',') : text;
  }
}
