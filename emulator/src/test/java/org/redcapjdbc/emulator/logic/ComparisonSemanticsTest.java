package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The comparison rules the SQL driver's filterLogic translation relies on: numeric when both
 * sides are numbers, case-sensitive text otherwise, and a blank that is neither a number nor
 * ordered against anything.
 */
class ComparisonSemanticsTest {

  /** {@code <blank>} stands for the empty string stored for an unanswered field. */
  @ParameterizedTest(name = "[a] = \"{1}\": {0} is {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          # blank compared with numbers and with blank
          [a] > 30          | <blank>    | false
          [a] < 30          | <blank>    | false
          [a] >= 0          | <blank>    | false
          [a] <= 0          | <blank>    | false
          [a] = 0           | <blank>    | false
          [a] <> 0          | <blank>    | true
          [a] <> 5          | <blank>    | true
          [a] = ''          | <blank>    | true
          [a] = ""          | <blank>    | true
          '' = [a]          | <blank>    | true
          [a] <> ''         | <blank>    | false
          [a] = '0'         | <blank>    | false
          [a] > ''          | <blank>    | false
          [a] + 1 > 2       | <blank>    | false
          [a] + 1 <= 2      | <blank>    | false
          [a] * 0 = 0       | <blank>    | false
          -[a] < 0          | <blank>    | false
          [a]               | <blank>    | false
          # blank compared with text
          [a] = 'x'         | <blank>    | false
          [a] <> 'x'        | <blank>    | true
          [a] < 'x'         | <blank>    | false
          # numbers: numeric when both sides are numeric, quoted or not
          [a] > 30          | 31         | true
          [a] > 30          | 30         | false
          [a] >= 30         | 30.0       | true
          [a] = 1           | 1.0        | true
          [a] = '1'         | 1.0        | true
          [a] = '1.0'       | 1          | true
          [a] = 1           | 01         | true
          [a] > 9           | 10         | true
          [a] > '9'         | 10         | true
          [a] < 9.5         | 10         | false
          [a] = -2.5        | -2.50      | true
          [a] = .5          | 0.5        | true
          [a] = 0.5         | .5         | true
          [a] > -1          | -0.5       | true
          [a] = '1e3'       | 1000       | true
          [a] = 0           | 0          | true
          [a] = 0           | -0         | true
          [a] = ''          | 0          | false
          [a] <> ''         | 0          | true
          [a] <> 0          | 0.0        | false
          [a] == 5          | 5          | true
          [a] != 5          | 5          | false
          [a] != 5          | 6          | true
          [a]               | 0          | false
          [a]               | 0.0        | false
          [a]               | 2          | true
          [a]               | -1         | true
          # text: case-sensitive, ordered by character code
          [a] = 'abc'       | abc        | true
          [a] = 'ABC'       | abc        | false
          [a] <> 'ABC'      | abc        | true
          [a] < 'b'         | abc        | true
          [a] > 'B'         | abc        | true
          [a] = 5           | abc        | false
          [a] <> 5          | abc        | true
          [a] > 5           | abc        | true
          [a] = ' 5'        | 5          | false
          [a] = 'John Lee'  | John Lee   | true
          [a] = "O'Brien"   | O'Brien    | true
          [a] = 'say "hi"'  | `say "hi"` | true
          [a] = 'a\\b'      | a\\b       | true
          [a]               | abc        | true
          [a] + 1 = 2       | abc        | false
          # dates are text in Y-M-D order, so text order is date order
          [a] > '2020-01-01'  | 2021-03-04 | true
          [a] < '2020-01-01'  | 2019-12-31 | true
          [a] >= '2020-01-01' | 2020-01-01 | true
          [a] > '2020-01-01'  | 2020-01-01 08:00 | true
          """)
  void comparesLikeRedcap(String logic, String value, boolean expected) {
    String stored = value.equals("<blank>") ? "" : value;
    assertThat(Eval.test(logic, MapContext.row().with("a", stored))).isEqualTo(expected);
  }

  @Test
  void twoBlankFieldsAreEqualButNotOrdered() {
    MapContext ctx = MapContext.row();
    assertThat(Eval.test("[a] = [b]", ctx)).isTrue();
    assertThat(Eval.test("[a] <> [b]", ctx)).isFalse();
    assertThat(Eval.test("[a] <= [b]", ctx)).isFalse();
    assertThat(Eval.test("[a] >= [b]", ctx)).isFalse();
  }

  @Test
  void comparesTwoFieldsNumericallyOnlyWhenBothAreNumbers() {
    MapContext ctx = MapContext.row().with("a", "10").with("b", "9").with("c", "9x");
    assertThat(Eval.test("[a] > [b]", ctx)).isTrue();
    // "10" against "9x" is text order, where '1' sorts before '9'
    assertThat(Eval.test("[a] > [c]", ctx)).isFalse();
  }

  @Test
  void comparesComputedValuesWithLiterals() {
    MapContext ctx = MapContext.row().with("w", "80").with("h", "160");
    assertThat(Eval.test("[w] / [h] = 0.5", ctx)).isTrue();
    assertThat(Eval.test("[w] / [h] = '0.5'", ctx)).isTrue();
    assertThat(Eval.test("(1 < 2) = 1", ctx)).isTrue();
    assertThat(Eval.test("(1 < 2) = true", ctx)).isTrue();
    assertThat(Eval.test("(1 > 2) = '0'", ctx)).isTrue();
    assertThat(Eval.test("contains('abc', 'b') = 1", ctx)).isTrue();
  }

  @Test
  void checkboxOptionsCompareWithQuotedOrUnquotedOneAndZero() {
    MapContext ctx = MapContext.row().checked("race", "2", "-99");
    assertThat(Eval.test("[race(2)] = '1'", ctx)).isTrue();
    assertThat(Eval.test("[race(2)] = 1", ctx)).isTrue();
    assertThat(Eval.test("[race(2)] = \"1\"", ctx)).isTrue();
    assertThat(Eval.test("[race(2)] <> '0'", ctx)).isTrue();
    assertThat(Eval.test("[race(3)] = '0'", ctx)).isTrue();
    assertThat(Eval.test("[race(3)] = 0", ctx)).isTrue();
    assertThat(Eval.test("[race(3)] = '1'", ctx)).isFalse();
    assertThat(Eval.test("[race(-99)] = '1'", ctx)).isTrue();
    assertThat(Eval.test("[race(2)]", ctx)).isTrue();
    assertThat(Eval.test("[race(3)]", ctx)).isFalse();
    assertThat(Eval.test("[race(2)] + [race(3)] + [race(-99)] = 2", ctx)).isTrue();
  }
}
