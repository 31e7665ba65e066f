package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What every column converter shares: the column name for messages, the project's missing-data
 * codes (so that {@code UNK} in a date field is reported as a missing-data code, not as garbage),
 * and the error paths. The fast paths live in the subclasses.
 */
abstract class WireConverter implements ValueConverter {
  final String column;
  private final SqlType sqlType;
  private final Map<String, String> missingDataCodes;

  WireConverter(String column, SqlType sqlType, Map<String, String> missingDataCodes) {
    this.column = requireNonNull(column, "column");
    this.sqlType = requireNonNull(sqlType, "sqlType");
    this.missingDataCodes = requireNonNull(missingDataCodes, "missingDataCodes");
  }

  @Override
  public final SqlType sqlType() {
    return sqlType;
  }

  /** Reports {@code value} to {@code problems} and returns null, the value it reads as. */
  final Object reject(
      String value, ValueProblemSink problems, ValueProblem.Kind kind, String reason) {
    String missingLabel = missingDataCodes.get(value);
    if (missingLabel != null) {
      problems.report(
          new ValueProblem(
              column,
              value,
              ValueProblem.Kind.MISSING_DATA_CODE,
              "is the project's missing-data code for '"
                  + missingLabel
                  + "', not a "
                  + sqlType
                  + " value"));
    } else {
      problems.report(new ValueProblem(column, value, kind, reason));
    }
    return null;
  }

  /**
   * Parses a string given for a write with this converter's read rules.
   *
   * @throws IllegalArgumentException with the read problem's message when it is not valid
   */
  final Object parseForWrite(String text) {
    ValueProblem[] problem = new ValueProblem[1];
    Object value = fromWire(text, p -> problem[0] = p);
    if (problem[0] != null) {
      throw new IllegalArgumentException(problem[0].message() + ", so it cannot be written");
    }
    return value;
  }

  final IllegalArgumentException cannotWrite(Object value, String why) {
    String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    return new IllegalArgumentException(
        "Column '"
            + column
            + "' ("
            + sqlType
            + ") cannot store "
            + shown
            + " ("
            + value.getClass().getSimpleName()
            + "): "
            + why);
  }
}
