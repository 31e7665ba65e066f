package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What text counts as a number, and how calc values are written. */
class NumbersTest {

  @ParameterizedTest(name = "\"{0}\" numeric: {1}")
  @CsvSource(
      quoteCharacter = '`',
      textBlock =
          """
          0, true
          -12, true
          +5, true
          1., true
          .5, true
          -.5, true
          007, true
          1e5, true
          2.5E-3, true
          ``, false
          -, false
          ., false
          ` 5`, false
          `5 `, false
          `1,5`, false
          0x10, false
          Infinity, false
          NaN, false
          1e400, false
          12abc, false
          """)
  void recognisesNumbers(String text, boolean numeric) {
    assertThat(Numbers.isNumeric(text == null ? "" : text)).isEqualTo(numeric);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "-0.0, 0",
    "20.0, 20",
    "22.1, 22.1",
    "-3.25, -3.25",
    "12.938129834911, 12.938129834911",
    "0.30000000000000004, 0.3",
    "0.3333333333333333, 0.33333333333333",
    "100000000000000000000, 100000000000000000000",
    "123456789012345678, 123456789012350000",
    "0.00000015, 0.00000015",
    "1.0E-10, 0.0000000001",
  })
  void formatsLikeAStoredCalc(double value, String stored) {
    assertThat(Numbers.format(value)).isEqualTo(stored);
  }

  @Test
  void refusesToFormatNonFiniteNumbers() {
    assertThatIllegalArgumentException().isThrownBy(() -> Numbers.format(Double.NaN));
    assertThatIllegalArgumentException().isThrownBy(() -> Numbers.format(Double.POSITIVE_INFINITY));
  }

  @Test
  void roundsFromTheShortestDecimalText() {
    assertThat(Numbers.round(1.005, 2, RoundingMode.HALF_UP)).isEqualTo(1.01);
    assertThat(Numbers.round(2.675, 2, RoundingMode.HALF_UP)).isEqualTo(2.68);
    assertThat(Numbers.round(-2.5, 0, RoundingMode.HALF_UP)).isEqualTo(-3.0);
    assertThat(Numbers.round(0.1 + 0.2, 1, RoundingMode.DOWN)).isEqualTo(0.3);
  }
}
