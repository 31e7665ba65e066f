package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every special function, with blanks, numbers and text as arguments. */
class FunctionsTest {

  /** Context for the table: a=5, b=-2.5, t='Taylor', blank z, d=1985-03-17, dt=2024-06-15 08:30. */
  private static MapContext ctx() {
    return MapContext.row()
        .with("a", "5")
        .with("b", "-2.5")
        .with("t", "Taylor")
        .with("d", "1985-03-17")
        .with("dt", "2024-06-15 08:30")
        .with("code", "UNK")
        .missingCodes("UNK", "NASK")
        .now(LocalDateTime.of(2024, 6, 15, 13, 45, 30));
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          if([a] > 3, 44, 11)                    | 44
          if([a] > 9, 44, 11)                    | 11
          if([z] > 9, 44, 11)                    | 11
          if([z] = '', 1, 2)                     | 1
          if([a] > 3, if([b] < 0, 1, 2), 3)      | 1
          if([a], 'x', 'y') = 'x'                | 1
          round(14.384, 1)                       | 14.4
          round(14.35, 1)                        | 14.4
          round(2.5)                             | 3
          round(-2.5)                            | -3
          round(2.4)                             | 2
          round(1.005, 2)                        | 1.01
          round(1234.5678, -2)                   | 1200
          round(22.05, 1)                        | 22.1
          round([z])                             | ``
          round('abc')                           | ``
          round(2.567, 'x')                      | ``
          round(2.567, [z])                      | ``
          roundup(14.384, 1)                     | 14.4
          roundup(14.301)                        | 15
          roundup(-1.21, 1)                      | -1.3
          rounddown(14.384, 1)                   | 14.3
          rounddown(14.999)                      | 14
          rounddown(-1.29, 1)                    | -1.2
          abs(-7.1)                              | 7.1
          abs(45)                                | 45
          abs([z])                               | ``
          sqrt(16)                               | 4
          sqrt(-1)                               | ``
          sqrt([a] * 5)                          | 5
          exponential(0)                         | 1
          round(exponential(1), 5)               | 2.71828
          log(100, 10)                           | 2
          round(log(10), 4)                      | 2.3026
          log(8, 'x') = log(8)                   | 1
          log(0)                                 | ``
          log(8, 1)                              | ``
          mod(10, 4)                             | 2
          mod(-7, 3)                             | -1
          mod(10, 0)                             | ``
          min([a], [b], 3)                       | -2.5
          max([a], [b], 3)                       | 5
          max([a], [z])                          | 5
          min([z], [z])                          | ``
          max([a], 't')                          | ``
          sum([a], [b], [z])                     | 2.5
          sum([z], [z])                          | 0
          sum([a])                               | 5
          mean([a], [b], [z])                    | 1.25
          mean(1, 2, 3, 4)                       | 2.5
          mean([z])                              | ``
          median(3, 1, 2)                        | 2
          median(4, 1, 3, 2)                     | 2.5
          median([z], 7)                         | 7
          stdev(2, 4, 4, 4, 5, 5, 7, 9)          | 2.1380899352994
          stdev(5)                               | ``
          isnumber([a])                          | 1
          isnumber([b])                          | 1
          isnumber([t])                          | 0
          isnumber([z])                          | 0
          isnumber('1e3')                        | 1
          isinteger([a])                         | 1
          isinteger([b])                         | 0
          isinteger('5.0')                       | 0
          isinteger('-12')                       | 1
          isinteger([z])                         | 0
          isinteger(4 / 2)                       | 1
          isblankormissingcode([z])              | 1
          isblankormissingcode([code])           | 1
          isblankormissingcode([a])              | 0
          isblanknotmissingcode([z])             | 1
          isblanknotmissingcode([code])          | 0
          ismissingcode([code])                  | 1
          ismissingcode([z])                     | 0
          ismissingcode([t])                     | 0
          hasmissingcode([code], 'NASK,UNK')     | 1
          hasmissingcode([code], 'NASK')         | 0
          hasmissingcode([t], 'Taylor')          | 0
          contains([t], 'AYL')                   | 1
          contains([t], 'x')                     | 0
          contains([z], 'x')                     | 0
          contains([t], '')                      | 1
          not_contain([t], 'smith')              | 1
          not_contain([t], 'tay')                | 0
          starts_with([t], 'tay')                | 1
          starts_with([t], 'lor')                | 0
          ends_with([t], 'LOR')                  | 1
          ends_with([t], 'tay')                  | 0
          find('y', [t])                         | 3
          find('Y', [t])                         | 3
          find('q', [t])                         | 0
          find('', [t])                          | 0
          left([t], 3) = 'Tay'                   | 1
          left([t], 30) = 'Taylor'               | 1
          right([t], 4) = 'ylor'                 | 1
          mid([t], 2, 3) = 'ayl'                 | 1
          mid([t], 5, 10) = 'or'                 | 1
          mid([t], 0, 2)                         | ``
          length([t])                            | 6
          length([z])                            | 0
          length('12.50')                        | 5
          trim('  hi  ') = 'hi'                  | 1
          upper([t]) = 'TAYLOR'                  | 1
          lower([t]) = 'taylor'                  | 1
          replace_text([t], 'lor', 'x') = 'Tayx' | 1
          concat([t], '-', [a]) = 'Taylor-5'     | 1
          concat([z], [z]) = ''                  | 1
          concat('00', [a])                      | 5
          right(concat('00', [a]), 3) = '005'    | 1
          concat_ws(' and ', 'Peas', [z], 'Carrots') = 'Peas and Carrots' | 1
          year([d])                              | 1985
          month([d])                             | 3
          day([d])                               | 17
          year('today')                          | 2024
          month('now')                           | 6
          day([dt])                              | 15
          dayoftheweek([d])                      | 7
          dayoftheweek('2024-06-17')             | 1
          year([z])                              | ``
          year([t])                              | ``
          age_at_date([d], '2024-03-16')         | 38
          age_at_date([d], '2024-03-17')         | 39
          age_at_date([d], 'today')              | 39
          age_at_date('2024-01-01', '2024-07-02', true) | 0.5
          age_at_date([d], '1980-01-01')         | ``
          age_at_date([z], 'today')              | ``
          """)
  void evaluates(String logic, String expected) {
    assertThat(Eval.evaluate(logic, ctx())).isEqualTo(expected);
  }

  @Test
  void ifEvaluatesOnlyTheChosenBranch() {
    // The unchosen branch divides by zero; only the chosen one decides the result.
    assertThat(Eval.evaluate("if(1 = 1, 7, 1 / 0)")).isEqualTo("7");
    assertThat(Eval.evaluate("if(1 = 2, 1 / 0, 8)")).isEqualTo("8");
  }

  @Test
  void functionNamesAreCaseInsensitive() {
    assertThat(Eval.evaluate("ROUND(2.25, 1)")).isEqualTo("2.3");
    assertThat(Eval.parse("Sum(1, 2)").toString()).isEqualTo("sum(1, 2)");
  }

  @Test
  void textFunctionResultsAreTextNotCalcValues() {
    // A calc stores numbers only: text results evaluate to blank but still test as true.
    LogicExpression e = Eval.parse("concat('a', 'b')");
    assertThat(e.evaluate(ctx())).isEmpty();
    assertThat(e.test(ctx())).isTrue();
  }
}
