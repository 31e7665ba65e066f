package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

/**
 * A stored value that could not be read as its column's type and was read as NULL instead:
 * which column, the value as REDCap sent it, and why. The SQL layer adds the record and turns it
 * into an {@code SQLWarning}, or into an error under {@code strictTypes=true}.
 */
public final class ValueProblem {
  /** Why a value was not read. */
  public enum Kind {
    /** Not in the form its type needs ({@code before validation 1} in a date field). */
    UNPARSABLE,
    /** Well-formed but not representable: too many digits or decimals, an impossible range. */
    OUT_OF_RANGE,
    /** One of the project's missing-data codes ({@code UNK}, {@code NASK}) in a typed field. */
    MISSING_DATA_CODE,
    /** A label companion's source field holds a code that is not among its choices. */
    UNKNOWN_CHOICE
  }

  private static final int MAX_SHOWN_VALUE = 100;

  private final String column;
  private final String value;
  private final Kind kind;
  private final String reason;

  public ValueProblem(String column, String value, Kind kind, String reason) {
    this.column = requireNonNull(column, "column");
    this.value = requireNonNull(value, "value");
    this.kind = requireNonNull(kind, "kind");
    this.reason = requireNonNull(reason, "reason");
  }

  /** The column whose value was not read. */
  public String column() {
    return column;
  }

  /** The value exactly as REDCap sent it. */
  public String value() {
    return value;
  }

  public Kind kind() {
    return kind;
  }

  /** Why, as a phrase that follows the value: {@code is not a date (YYYY-MM-DD)}. */
  public String reason() {
    return reason;
  }

  /** One sentence for a warning or exception, e.g. {@code Column 'dob': 'x' is not a date (YYYY-MM-DD)}. */
  public String message() {
    String shown =
        value.length() <= MAX_SHOWN_VALUE
            ? value
            : value.substring(0, MAX_SHOWN_VALUE) + "… (" + value.length() + " characters)";
    return "Column '" + column + "': '" + shown + "' " + reason;
  }

  @Override
  public String toString() {
    return kind + ": " + message();
  }
}
