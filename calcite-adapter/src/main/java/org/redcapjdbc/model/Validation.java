package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A text field's validation ({@code text_validation_type_or_show_slider_number}), classified by
 * what it means for the stored value's form. Sites can define their own validations; a name this
 * class does not know is {@link Kind#OTHER} and its values stay text.
 */
public final class Validation {
  /** What the stored value of a validated text field looks like on the wire. */
  public enum Kind {
    /** No validation. */
    NONE,
    /** {@code integer}: digits with an optional sign. */
    INTEGER,
    /** {@code number}, {@code number_Ndp}, and their {@code _comma_decimal} variants. */
    NUMBER,
    /** {@code date_ymd|mdy|dmy}: always {@code YYYY-MM-DD} on the wire. */
    DATE,
    /** {@code datetime_ymd|mdy|dmy}: {@code YYYY-MM-DD HH:MM}. */
    DATETIME,
    /** {@code datetime_seconds_ymd|mdy|dmy}: {@code YYYY-MM-DD HH:MM:SS}. */
    DATETIME_SECONDS,
    /** {@code time}: {@code HH:MM}. */
    TIME,
    /** {@code time_hh_mm_ss}: {@code HH:MM:SS}. */
    TIME_SECONDS,
    /** {@code time_mm_ss}: minutes and seconds, a duration rather than a time of day. */
    TIME_MINUTES_SECONDS,
    /** Anything else: email, phone, zipcode, postal codes, MRNs, site-defined validations. */
    OTHER
  }

  public static final Validation NONE = new Validation("", Kind.NONE, -1, false);

  private static final String COMMA_SUFFIX = "_comma_decimal";

  private final String name;
  private final Kind kind;
  private final int decimalPlaces;
  private final boolean commaDecimal;

  private Validation(String name, Kind kind, int decimalPlaces, boolean commaDecimal) {
    this.name = requireNonNull(name, "name");
    this.kind = requireNonNull(kind, "kind");
    this.decimalPlaces = decimalPlaces;
    this.commaDecimal = commaDecimal;
  }

  /**
   * Classifies a validation name as the data dictionary spells it. The ODM names {@code int}
   * and {@code float} are accepted as {@code integer} and {@code number}, because project XML
   * uses them.
   */
  public static Validation of(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.isEmpty()) {
      return NONE;
    }
    if (n.equals("integer") || n.equals("int")) {
      return new Validation(n, Kind.INTEGER, -1, false);
    }
    if (n.equals("float")) {
      return new Validation(n, Kind.NUMBER, -1, false);
    }
    if (n.startsWith("number")) {
      Validation number = number(n);
      if (number != null) {
        return number;
      }
    }
    if (n.startsWith("datetime_seconds_")) {
      return new Validation(n, Kind.DATETIME_SECONDS, -1, false);
    }
    if (n.startsWith("datetime_")) {
      return new Validation(n, Kind.DATETIME, -1, false);
    }
    if (n.startsWith("date_")) {
      return new Validation(n, Kind.DATE, -1, false);
    }
    switch (n) {
      case "time":
        return new Validation(n, Kind.TIME, -1, false);
      case "time_hh_mm_ss":
        return new Validation(n, Kind.TIME_SECONDS, -1, false);
      case "time_mm_ss":
        return new Validation(n, Kind.TIME_MINUTES_SECONDS, -1, false);
      default:
        return new Validation(n, Kind.OTHER, -1, false);
    }
  }

  /** {@code number}, {@code number_2dp}, {@code number_comma_decimal}, {@code number_2dp_comma_decimal}; null otherwise. */
  private static Validation number(String n) {
    boolean comma = n.endsWith(COMMA_SUFFIX);
    String core = comma ? n.substring(0, n.length() - COMMA_SUFFIX.length()) : n;
    if (core.equals("number")) {
      return new Validation(n, Kind.NUMBER, -1, comma);
    }
    if (core.startsWith("number_") && core.endsWith("dp")) {
      String digits = core.substring("number_".length(), core.length() - 2);
      if (!digits.isEmpty()
          && digits.length() <= 2
          && digits.chars().allMatch(Character::isDigit)) {
        return new Validation(n, Kind.NUMBER, Integer.parseInt(digits), comma);
      }
    }
    return null;
  }

  /** The validation name, lower-case, as the dictionary gives it; empty for none. */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** For {@code number_Ndp} validations, N; -1 when the validation fixes no scale. */
  public int decimalPlaces() {
    return decimalPlaces;
  }

  /** Whether REDCap stores the value with a comma as decimal mark ({@code *_comma_decimal}). */
  public boolean isCommaDecimal() {
    return commaDecimal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Validation v && v.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name.isEmpty() ? "(none)" : name;
  }
}
