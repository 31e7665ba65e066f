package org.redcapjdbc.emulator.logic;

import java.util.Objects;

/**
 * Entry point: parses REDCap logic (filterLogic, branching logic, calc equations) into an
 * expression that can be evaluated against many rows. See the package documentation for the
 * supported subset and its semantics.
 */
public final class Logic {
  private Logic() {}

  /**
   * Parses {@code text} into an immutable, thread-safe expression.
   *
   * @throws LogicException when the text is empty or not in the supported subset; the message
   *     names the construct and its 1-based position
   */
  public static LogicExpression parse(String text) throws LogicException {
    Objects.requireNonNull(text, "text");
    Parser.Result result = Parser.parse(text);
    return new ParsedExpression(result.root(), result.references());
  }
}
