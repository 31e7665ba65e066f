package org.redcapjdbc.emulator.logic;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * The data an expression is evaluated against: one record row (record, event, instance) and the
 * same record's other events. Field and event names arrive in lower case.
 */
public interface LogicContext {
  /** Raw stored value; {@code event} null = the row's own event; {@code ""} when blank. */
  String value(String event, String field);

  /** {@code "1"} or {@code "0"}; only asked for fields where {@link #isCheckbox} is true. */
  String checkbox(String event, String field, String code);

  /**
   * Whether {@code field} is a checkbox. A bare {@code [field]} reference to a checkbox, and a
   * {@code [field(code)]} reference to anything else, read as blank.
   */
  boolean isCheckbox(String field);

  String recordId();

  /** Unique event name, null in classic projects. */
  String currentEvent();

  /** Null when the row is not a repeat row. */
  Integer currentInstance();

  /** The moment {@code 'today'} and {@code 'now'} refer to. */
  LocalDateTime now();

  /**
   * Whether {@code field} is validated as a {@code *_comma_decimal} number, whose stored {@code
   * 1,54} logic and calcs read as 1.54. Defaults to false.
   */
  default boolean isCommaDecimal(String field) {
    return false;
  }

  /** The project's missing-data codes (such as {@code UNK}); none by default. */
  default Set<String> missingDataCodes() {
    return Set.of();
  }
}
