package org.redcapjdbc.emulator.logic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Numeric text recognition, calc-value formatting and REDCap's rounding functions. */
final class Numbers {
  /**
   * What counts as a number: optional sign, digits with an optional decimal point (or a leading
   * point, {@code .5}), optional exponent. No surrounding spaces, no thousands separators.
   */
  private static final Pattern NUMERIC =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /**
   * Calc values are stored with 14 significant digits, as PHP prints floats (the REDCap server
   * recomputes calcs on import), e.g. {@code 12.938129834911}.
   */
  private static final MathContext STORED_PRECISION = new MathContext(14, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /** The value of numeric text, or null when {@code s} is not numeric. */
  static Double parse(String s) {
    if (s.isEmpty() || s.length() > 400 || !NUMERIC.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isFinite(d) ? d : null;
  }

  static boolean isNumeric(String s) {
    return parse(s) != null;
  }

  static boolean isIntegerText(String s) {
    return INTEGER.matcher(s).matches();
  }

  /**
   * Formats a finite number the way a calc field stores it: at most 14 significant digits, no
   * trailing zeros, no trailing point, no exponent ({@code 20.0} is {@code 20}).
   */
  static String format(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + d);
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(d).round(STORED_PRECISION).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  /**
   * Rounds {@code d} to {@code places} decimals (negative places round to tens, hundreds...).
   * Starts from the shortest decimal text of the double, so {@code round(1.005, 2)} is 1.01 as
   * a person (and PHP's pre-rounding) expects, not 1.00 as the binary value would give.
   */
  static double round(double d, int places, RoundingMode mode) {
    return BigDecimal.valueOf(d).setScale(places, mode).doubleValue();
  }
}
