package org.redcapjdbc.emulator.logic;

import java.util.Set;

/** A parsed REDCap logic expression. Immutable and safe to share between threads. */
public interface LogicExpression {
  /** Bare field names referenced ({@code [x]}, {@code [x(code)]}, {@code [ev][x]}). */
  Set<String> referencedFields();

  /** Unique event names used as {@code [ev][x]}. */
  Set<String> referencedEvents();

  /** REDCap truthiness of the whole expression. */
  boolean test(LogicContext ctx);

  /** Value as REDCap would store it ({@code ""} when blank or on error); for calc fields. */
  String evaluate(LogicContext ctx);
}
