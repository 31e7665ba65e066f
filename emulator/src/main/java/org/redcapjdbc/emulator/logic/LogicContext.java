package org.redcapjdbc.emulator.logic;

import java.time.LocalDateTime;

/** The data an expression is evaluated against: one record row and its neighbours. */
public interface LogicContext {
  /** Raw stored value; {@code event} null = the row's own event; {@code ""} when blank. */
  String value(String event, String field);

  /** {@code "1"} or {@code "0"}. */
  String checkbox(String event, String field, String code);

  boolean isCheckbox(String field);

  String recordId();

  /** Unique event name, null in classic projects. */
  String currentEvent();

  /** Null when the row is not a repeat row. */
  Integer currentInstance();

  /** The moment {@code 'today'} and {@code 'now'} refer to. */
  LocalDateTime now();
}
