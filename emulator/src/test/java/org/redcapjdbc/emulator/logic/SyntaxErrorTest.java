package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text outside the supported subset fails with a message naming the construct and place. */
class SyntaxErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          [a] =                          | expected a value but the logic ends at position 6
          [a] = 'abc                     | text starting with ' is never closed; add the closing ' at position 7
          [a] = "abc                     | text starting with " is never closed; add the closing " at position 7
          [a = 1                         | '[' is never closed with ']' at position 1
          [a = [b]                       | '[' is never closed with ']' at position 1
          a] = 1                         | ']' has no matching '[' at position 2
          a = 1                          | unquoted text 'a'; put text values in quotes ('a') and field names in brackets ([a]) at position 1
          [a] = 1 ]                      | ']' has no matching '[' at position 9
          (1 = 1                         | '(' at position 1 is never closed with ')'; found end of text at position 7
          1 = 1)                         | ')' has no matching '(' at position 6
          ()                             | expected a value but found ')' at position 2
          foo(1)                         | unknown function 'foo'; supported functions: abs, age_at_date, concat, concat_ws, contains, datediff, day, dayoftheweek, ends_with, exponential, find, hasmissingcode, if, isblanknotmissingcode, isblankormissingcode, isinteger, ismissingcode, isnumber, left, length, log, lower, max, mean, median, mid, min, mod, month, not_contain, replace_text, right, round, rounddown, roundup, sqrt, starts_with, stdev, sum, trim, upper, year at position 1
          [a] = enrolled                 | unquoted text 'enrolled'; put text values in quotes ('enrolled') and field names in brackets ([enrolled]) at position 7
          not([a] = 1)                   | 'not' is not part of REDCap logic; invert the comparison instead (= and <>, < and >=, > and <=) at position 1
          ![a]                           | '!' (not) is not part of REDCap logic; invert the comparison instead (= and <>, < and >=, > and <=) at position 1
          1 < 2 < 3                      | comparisons cannot be chained (a < b < c); join them with and (a < b and b < c) at position 7
          [a] = 1 = 1                    | comparisons cannot be chained (a < b < c); join them with and (a < b and b < c) at position 9
          round()                        | round() takes 1 to 2 arguments but was given 0 at position 1
          if(1, 2)                       | if() takes 3 arguments but was given 2 at position 1
          sqrt(1, 2)                     | sqrt() takes 1 argument but was given 2 at position 1
          concat_ws(',')                 | concat_ws() takes at least 2 arguments but was given 1 at position 1
          1 + datediff([a],[b],'x')      | datediff() unit 'x' is not one of y, M, d, h, m, s (years, months, days, hours, minutes, seconds; case matters) at position 5
          datediff([a],[b],'D')          | datediff() unit 'D' is not one of y, M, d, h, m, s (years, months, days, hours, minutes, seconds; case matters) at position 1
          datediff([a],[b],'d','abc',true) | datediff() date format 'abc' is not one of ymd, mdy, dmy at position 1
          datediff([a],[b],'d','abc')    | datediff() 4th argument 'abc' is neither a date format (ymd, mdy, dmy) nor true/false at position 1
          round(1 2)                     | expected ',' or ')' in the arguments of round(); found number 2 at position 9
          sum(                           | expected a value but the logic ends at position 5
          [a][2] = 1                     | instance references such as [a][2] are not supported; a field always reads the row's own instance ([current-instance]) at position 4
          [ev_arm_1][a][last-instance] = 1 | instance references such as [a][last-instance] are not supported; a field always reads the row's own instance ([current-instance]) at position 14
          [a][previous-instance] = 1     | instance references such as [a][previous-instance] are not supported; a field always reads the row's own instance ([current-instance]) at position 4
          [previous-event-name][a] = 1   | smart variable [previous-event-name] is not supported; supported: [record-name], [event-name], [current-instance], [arm-number] at position 1
          [record-dag-name] = 'x'        | smart variable [record-dag-name] is not supported; supported: [record-name], [event-name], [current-instance], [arm-number] at position 1
          [record-name][a] = 1           | [record-name] cannot be followed by [a] at position 14
          [event-name][current-instance] = 1 | expected a field name after the event but found [current-instance] at position 13
          [a:label] = 'x'                | [a:label]: modifiers and parameters after ':' (such as :label or :value) are not supported in logic at position 1
          [ a ] = 1                      | [ a ] contains spaces; names in brackets have none at position 1
          [] = 1                         | empty brackets [] at position 1
          [1abc] = 1                     | [1abc] is not a field name; names are letters, digits and underscores starting with a letter, optionally followed by a checkbox code as in [field(code)] at position 1
          [ev(1)][x] = 1                 | [ev(1)] is not a unique event name, so it cannot come before [x] at position 1
          [a][b][c][d] = 1               | unexpected [d] after [b][c] at position 10
          [a] [b]                        | expected an operator (such as =, <>, +, and, or) or the end of the logic but found [b] at position 5
          [a], [b]                       | expected an operator (such as =, <>, +, and, or) or the end of the logic but found ',' at position 4
          [a] = 1 $                      | unexpected character '$' at position 9
          [a] = 1abc                     | '1abc' is neither a number nor a name; put text values in quotes at position 7
          and [a] = 1                    | 'and' needs a condition before it at position 1
          [a] = 1 and                    | expected a value but the logic ends at position 12
          [a] = 1 or or [b] = 1          | 'or' needs a condition before it at position 12
          [a] = * 2                      | expected a value but found '*' at position 7
          [a] = .                        | unexpected character '.' at position 7
          """)
  void rejectsWithAClearMessage(String logic, String message) {
    assertThatThrownBy(() -> Logic.parse(logic))
        .isInstanceOf(LogicException.class)
        .hasMessage(message);
  }

  @Test
  void emptyLogicIsAnError() {
    for (String blank : new String[] {"", "   ", "\n\t", "# only a comment\n// and another"}) {
      assertThatThrownBy(() -> Logic.parse(blank))
          .isInstanceOf(LogicException.class)
          .hasMessage("the logic is empty; send no filterLogic to export every row");
    }
  }

  @Test
  void exposesTheOneBasedPosition() throws Exception {
    LogicException e = parseFailure("[a] = 1 and [b] = ");
    assertThat(e.position()).isEqualTo(19);
    assertThat(new LogicException("no position").position()).isEqualTo(-1);
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    int depth = Parser.MAX_NESTING + 5;
    String logic = "(".repeat(depth) + "1" + ")".repeat(depth);
    assertThat(parseFailure(logic).getMessage())
        .startsWith("the logic is nested more than " + Parser.MAX_NESTING + " levels deep");
    String ok = "(".repeat(Parser.MAX_NESTING - 1) + "1" + ")".repeat(Parser.MAX_NESTING - 1);
    assertThat(Eval.evaluate(ok)).isEqualTo("1");
    assertThat(parseFailure("-".repeat(depth) + "1").getMessage())
        .startsWith("the logic is nested more than");
  }

  @Test
  void rejectsArithmeticChainsLongerThanTheLimit() {
    String logic = "1" + " + 1".repeat(Parser.MAX_CHAIN + 1);
    assertThat(parseFailure(logic).getMessage())
        .startsWith("more than " + Parser.MAX_CHAIN + " arithmetic operators in one chain");
  }

  @Test
  void acceptsCommentLinesAndLineBreaks() {
    String logic =
        "# Text can explain what the logic does.\n"
            + "if ([field1] = '1' and [field2] > 7,\n"
            + "  // This comment explains the next line.\n"
            + "  [score] * [factor],\n"
            + "  0\n"
            + ")";
    MapContext ctx =
        MapContext.row()
            .with("field1", "1")
            .with("field2", "8")
            .with("score", "3")
            .with("factor", "2");
    assertThat(Eval.evaluate(logic, ctx)).isEqualTo("6");
    // '#' and '//' inside text or after a value on the same line are not comments.
    assertThat(Eval.test("[a] = '#x//y'", MapContext.row().with("a", "#x//y"))).isTrue();
    assertThat(parseFailure("[a] = 1 # trailing").getMessage())
        .isEqualTo("unexpected character '#' at position 9");
  }

  private static LogicException parseFailure(String logic) {
    try {
      Logic.parse(logic);
    } catch (LogicException e) {
      return e;
    }
    throw new AssertionError("expected a LogicException for " + logic);
  }
}
