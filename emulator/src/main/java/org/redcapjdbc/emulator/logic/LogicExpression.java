package org.redcapjdbc.emulator.logic;

import java.util.List;
import java.util.Set;

/**
 * A parsed REDCap logic expression. Immutable and safe to share between threads; {@link
 * #toString()} is its canonical logic text.
 */
public interface LogicExpression {
  /** Bare field names referenced ({@code [x]}, {@code [x(code)]}, {@code [ev][x]}). */
  Set<String> referencedFields();

  /** Unique event names used as {@code [ev][x]}. */
  Set<String> referencedEvents();

  /**
   * REDCap truthiness of the whole expression: a comparison's result, or for a bare value,
   * false when blank or zero and true otherwise.
   */
  boolean test(LogicContext ctx);

  /**
   * Value as REDCap would store it ({@code ""} when blank or on error); for calc fields. A number
   * with at most 14 significant digits and no exponent ({@code 22.1}, {@code 20}, {@code
   * 0.33333333333333}); a true/false result is {@code 1}/{@code 0}; text that is not a number
   * gives {@code ""}, as a calc never stores text.
   */
  String evaluate(LogicContext ctx);

  /**
   * Every field reference with its event and checkbox code, in order of appearance (duplicates
   * kept), so a server can reject unknown fields, events or checkbox codes before evaluating.
   */
  default List<FieldReference> fieldReferences() {
    throw new UnsupportedOperationException(getClass().getName() + " lists no references");
  }
}
