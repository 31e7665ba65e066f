package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * datediff(date1, date2, unit[, format][, signed]): date2 - date1 in years of 365.2425 days,
 * months of 30.44 days, days, hours, minutes or seconds; unsigned unless asked.
 */
class DateDiffTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2024, 6, 15, 13, 45, 30);

  private static MapContext ctx() {
    return MapContext.row()
        .with("dob", "2000-01-01")
        .with("visit", "2024-06-01")
        .with("start", "2024-06-01 08:00")
        .with("end", "2024-06-02 09:30:15")
        .with("bad", "2024-02-30")
        .with("legacy", "before validation 1")
        .now(NOW);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          datediff([dob], [visit], 'd')                    | 8918
          datediff([visit], [dob], 'd')                    | 8918
          datediff([visit], [dob], 'd', true)              | -8918
          datediff([dob], [visit], 'd', true)              | 8918
          datediff([visit], [dob], 'd', false)             | 8918
          datediff([visit], [dob], 'd', 'true')            | -8918
          datediff([visit], [dob], 'd', 'ymd')             | 8918
          datediff([visit], [dob], 'd', 'ymd', true)       | -8918
          datediff([visit], [dob], "d", "YMD", true)       | -8918
          datediff([dob], [visit], 'y')                    | 24.416654688324
          rounddown(datediff([dob], [visit], 'y'))         | 24
          datediff([dob], [visit], 'M')                    | 292.96977660972
          datediff('2024-01-01', '2024-01-02', 'h')        | 24
          datediff('2024-01-01', '2024-01-02', 'm')        | 1440
          datediff('2024-01-01', '2024-01-02', 's')        | 86400
          datediff([start], [end], 'h')                    | 25.504166666667
          datediff([start], [end], 'm')                    | 1530.25
          datediff([start], [end], 's')                    | 91815
          datediff([start], [end], 'd')                    | 1.0626736111111
          datediff([visit], 'today', 'd')                  | 14
          datediff('today', [visit], 'd', true)            | -14
          datediff([visit], 'now', 'h')                    | 349.75833333333
          datediff("today", [dob], "y", "ymd")             | 24.454985386421
          datediff([visit], [z], 'd')                      | ``
          datediff([z], 'today', 'd')                      | ``
          datediff([bad], 'today', 'd')                    | ``
          datediff([legacy], 'today', 'd')                 | ``
          datediff([visit], 'today', [z])                  | ``
          datediff([visit], '06/15/2024', 'd', 'mdy')      | 14
          datediff([visit], '15/06/2024', 'd', 'dmy')      | 14
          datediff([visit], '15-06-2024', 'd', 'dmy', true) | 14
          datediff([visit], '06/15/2024', 'd')             | ``
          """)
  void computesDifferences(String logic, String expected) {
    assertThat(Eval.evaluate(logic, ctx())).isEqualTo(expected);
  }

  @Test
  void ageCalcFromTheFixturesUsesWholeYears() {
    // rounddown(datediff([dob],'today','y')): the day before the birthday is still 23.
    MapContext before = ctx().now(LocalDateTime.of(2023, 12, 31, 23, 59));
    MapContext on = ctx().now(LocalDateTime.of(2024, 1, 1, 0, 0));
    String age = "rounddown(datediff([dob],'today','y'))";
    assertThat(Eval.evaluate(age, before)).isEqualTo("23");
    assertThat(Eval.evaluate(age, on)).isEqualTo("24");
  }

  @Test
  void worksInBranchingLogicComparisons() {
    assertThat(Eval.test("datediff([visit], 'today', 'd') > 10", ctx())).isTrue();
    assertThat(Eval.test("datediff([visit], 'today', 'd') > 30", ctx())).isFalse();
    assertThat(Eval.test("datediff([z], 'today', 'd') < 30", ctx())).isFalse();
    assertThat(Eval.test("datediff([visit], [dob], 'd', true) < 0", ctx())).isTrue();
  }
}
