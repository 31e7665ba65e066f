package org.redcapjdbc.emulator.logic;

/** Short helpers for tests: parse-and-test, parse-and-evaluate, parse-and-fail. */
final class Eval {
  private Eval() {}

  static LogicExpression parse(String logic) {
    try {
      return Logic.parse(logic);
    } catch (LogicException e) {
      throw new AssertionError("expected " + logic + " to parse but: " + e.getMessage(), e);
    }
  }

  static boolean test(String logic, LogicContext ctx) {
    return parse(logic).test(ctx);
  }

  static boolean test(String logic) {
    return test(logic, MapContext.row());
  }

  static String evaluate(String logic, LogicContext ctx) {
    return parse(logic).evaluate(ctx);
  }

  static String evaluate(String logic) {
    return evaluate(logic, MapContext.row());
  }
}
