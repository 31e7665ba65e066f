package org.redcapjdbc.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * DOUBLE columns (calc fields). The text is checked by hand first (sign, digits, one point, an
 * optional exponent), so {@link Double#parseDouble} never throws and never accepts Java-only
 * forms such as {@code NaN}, {@code 0x1p3} or {@code 1d}.
 */
final class DoubleConverter extends WireConverter {
  DoubleConverter(String column, Map<String, String> missingDataCodes) {
    super(column, SqlType.DOUBLE, missingDataCodes);
  }

  @Override
  public Object fromWire(String wire, ValueProblemSink problems) {
    if (wire == null || wire.isEmpty()) {
      return null;
    }
    if (!isDecimalNumber(wire)) {
      return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, "is not a number");
    }
    double value = Double.parseDouble(wire);
    if (Double.isInfinite(value)) {
      return reject(wire, problems, ValueProblem.Kind.OUT_OF_RANGE, "is too large for DOUBLE");
    }
    return value;
  }

  /** {@code [+-]? digits* (. digits*)? ([eE] [+-]? digits+)?} with at least one mantissa digit. */
  static boolean isDecimalNumber(String s) {
    int length = s.length();
    int i = 0;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      i++;
    }
    int mantissaDigits = 0;
    boolean point = false;
    for (; i < length; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissaDigits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (mantissaDigits == 0) {
      return false;
    }
    if (i == length) {
      return true;
    }
    char e = s.charAt(i);
    if (e != 'e' && e != 'E') {
      return false;
    }
    i++;
    if (i < length && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int exponentDigits = 0;
    for (; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      exponentDigits++;
    }
    return exponentDigits > 0;
  }

  @Override
  public String toWire(Object value) {
    if (value == null) {
      return "";
    }
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof CharSequence text) {
      Object parsed = parseForWrite(text.toString());
      if (parsed == null) {
        return "";
      }
      d = (Double) parsed;
    } else {
      throw cannotWrite(value, "it takes a number");
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw cannotWrite(value, "REDCap stores finite numbers only");
    }
    if (d == 0) {
      return "0";
    }
    // Plain digits: REDCap's logic does not read 1.0E10.
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
