package org.redcapjdbc.emulator.logic;

/**
 * The result of evaluating part of an expression. REDCap stores every value as text, so a
 * {@link Text} may or may not look like a number; {@link Num} and {@link Bool} are produced by
 * arithmetic, comparisons and functions. A blank (the empty string) is its own kind because
 * REDCap treats it as "no data", not as zero.
 */
sealed interface Value permits Value.Blank, Value.Text, Value.Num, Value.Bool {

  Value BLANK = new Blank();
  Value TRUE = new Bool(true);
  Value FALSE = new Bool(false);

  static Value text(String s) {
    return s == null || s.isEmpty() ? BLANK : new Text(s);
  }

  /** A number, or blank when the arithmetic failed (division by zero, overflow, NaN). */
  static Value number(double d) {
    return Double.isFinite(d) ? new Num(d) : BLANK;
  }

  static Value bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  default boolean isBlank() {
    return this instanceof Blank;
  }

  /** The numeric value, or null when blank or not numeric ({@code true}/{@code false} are 1/0). */
  Double asNumber();

  /** The text REDCap would show: blank is {@code ""}, numbers as stored, booleans 1/0. */
  String asText();

  /**
   * REDCap truthiness: true is true, blank is false, numbers are true unless zero, and any
   * other non-blank text is true.
   */
  boolean truthy();

  record Blank() implements Value {
    @Override
    public Double asNumber() {
      return null;
    }

    @Override
    public String asText() {
      return "";
    }

    @Override
    public boolean truthy() {
      return false;
    }
  }

  record Text(String value) implements Value {
    @Override
    public Double asNumber() {
      return Numbers.parse(value);
    }

    @Override
    public String asText() {
      return value;
    }

    @Override
    public boolean truthy() {
      Double d = asNumber();
      return d == null || d != 0;
    }
  }

  record Num(double value) implements Value {
    @Override
    public Double asNumber() {
      return value;
    }

    @Override
    public String asText() {
      return Numbers.format(value);
    }

    @Override
    public boolean truthy() {
      return value != 0;
    }
  }

  record Bool(boolean value) implements Value {
    @Override
    public Double asNumber() {
      return value ? 1.0 : 0.0;
    }

    @Override
    public String asText() {
      return value ? "1" : "0";
    }

    @Override
    public boolean truthy() {
      return value;
    }
  }
}
