package org.redcapjdbc.emulator.logic;

/** Entry point: parses REDCap logic (filterLogic, branching logic, calc equations). */
public final class Logic {
  private Logic() {}

  /**
   * Parses {@code text} into an immutable, thread-safe expression.
   *
   * @throws LogicException when the text is not in the supported subset; the message names the
   *     construct and its position
   */
  public static LogicExpression parse(String text) throws LogicException {
    throw new LogicException("REDCap logic parser is not implemented yet");
  }
}
