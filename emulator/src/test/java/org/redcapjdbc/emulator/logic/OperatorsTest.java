package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arithmetic, precedence, associativity, boolean operators and calc formatting. */
class OperatorsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          1 + 2                | 3
          7 - 10               | -3
          2 * 3.5              | 7
          10 / 4               | 2.5
          1 + 2 * 3            | 7
          (1 + 2) * 3          | 9
          2 - 3 - 4            | -5
          16 / 4 / 2           | 2
          16 / (4 / 2)         | 8
          2 * 3 / 4            | 1.5
          (2)^(3)              | 8
          2^3                  | 8
          (2)^(3)^(2)          | 512
          ((2)^(3))^(2)        | 64
          -(2)^(2)             | -4
          (-2)^(2)             | 4
          2^-1                 | 0.5
          (4)^(0.5)            | 2
          2 * 3^2              | 18
          -3                   | -3
          --3                  | 3
          +3                   | 3
          - - 3                | 3
          -(1 + 2)             | -3
          1 - -1               | 2
          .5 + .25             | 0.75
          5. + 1               | 6
          '2' + '3'            | 5
          '1.5' * 2            | 3
          true + 1             | 2
          false * 5            | 0
          1 < 2                | 1
          1 > 2                | 0
          1 = 1 and 2 = 3      | 0
          10 / 0               | ``
          0 / 0                | ``
          'abc' + 1            | ``
          1 + ''               | ``
          (-8)^(0.5)           | ``
          1 / 3                | 0.33333333333333
          2 / 3                | 0.66666666666667
          0.1 + 0.2            | 0.3
          100000 * 100000      | 10000000000
          1000000 * 1000000 * 1000 | 1000000000000000
          1 / 1000000000       | 0.000000001
          0 * -1               | 0
          3+4                  | 7
          22.10                | 22.1
          20.0                 | 20
          'abc'                | ``
          '007'                | 7
          if(1 = 1, 'x', 'y')  | ``
          """)
  void evaluatesArithmeticAsACalcStoresIt(String logic, String expected) {
    assertThat(Eval.evaluate(logic)).isEqualTo(expected);
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(Eval.test("1 = 1 or 1 = 2 and 1 = 2")).isTrue();
    assertThat(Eval.test("(1 = 1 or 1 = 2) and 1 = 2")).isFalse();
    assertThat(Eval.test("1 = 2 and 1 = 2 or 1 = 1")).isTrue();
    assertThat(Eval.test("1 = 2 and (1 = 2 or 1 = 1)")).isFalse();
  }

  @Test
  void acceptsWordAndSymbolBooleanOperatorsInAnyCase() {
    assertThat(Eval.test("1 = 1 AND 2 = 2")).isTrue();
    assertThat(Eval.test("1 = 1 And 2 = 3")).isFalse();
    assertThat(Eval.test("1 = 2 OR 2 = 2")).isTrue();
    assertThat(Eval.test("1 = 1 && 2 = 2")).isTrue();
    assertThat(Eval.test("1 = 1 && 2 = 3")).isFalse();
    assertThat(Eval.test("1 = 2 || 2 = 2")).isTrue();
    assertThat(Eval.test("1 = 2 || 2 = 3")).isFalse();
    assertThat(Eval.test("[a]='1'and[b]='2'", MapContext.row().with("a", "1").with("b", "2")))
        .isTrue();
  }

  @Test
  void comparisonBindsLooserThanArithmeticAndTighterThanAnd() {
    MapContext ctx = MapContext.row().with("a", "3").with("b", "4");
    assertThat(Eval.test("[a] + 1 = [b] and [b] * 2 = 8", ctx)).isTrue();
    assertThat(Eval.test("[a] + 1 = [b] - 0 and [b] / 2 > [a] - 2", ctx)).isTrue();
  }

  @Test
  void truthinessOfBareValues() {
    assertThat(Eval.test("true")).isTrue();
    assertThat(Eval.test("false")).isFalse();
    assertThat(Eval.test("TRUE")).isTrue();
    assertThat(Eval.test("1")).isTrue();
    assertThat(Eval.test("0")).isFalse();
    assertThat(Eval.test("''")).isFalse();
    assertThat(Eval.test("'0'")).isFalse();
    assertThat(Eval.test("'no'")).isTrue();
    assertThat(Eval.test("10 / 0")).isFalse();
    assertThat(Eval.test("[a] or [b]", MapContext.row().with("b", "x"))).isTrue();
  }

  @Test
  void andOrShortCircuitLeftToRight() {
    ReadRecorder ctx = new ReadRecorder(MapContext.row().with("a", "0").with("c", "1"));
    assertThat(Eval.test("[a] = 1 and [b] = 1", ctx)).isFalse();
    assertThat(ctx.reads).containsExactly("a");
    ctx.reads.clear();
    assertThat(Eval.test("[c] = 1 or [b] = 1", ctx)).isTrue();
    assertThat(ctx.reads).containsExactly("c");
    ctx.reads.clear();
    assertThat(Eval.test("[a] = 1 or [b] = 1 or [c] = 1", ctx)).isTrue();
    assertThat(ctx.reads).containsExactly("a", "b", "c");
  }

  @Test
  void longOrChainsEvaluateWithoutDeepRecursion() {
    StringBuilder logic = new StringBuilder("[x] = '0'");
    for (int i = 1; i < 20_000; i++) {
      logic.append(" or [x] = '").append(i).append('\'');
    }
    LogicExpression e = Eval.parse(logic.toString());
    assertThat(e.test(MapContext.row().with("x", "19999"))).isTrue();
    assertThat(e.test(MapContext.row().with("x", "20000"))).isFalse();
    assertThat(e.referencedFields()).containsExactly("x");
  }

  @Test
  void longArithmeticChainsWithinTheLimitEvaluate() {
    StringBuilder logic = new StringBuilder("1");
    for (int i = 0; i < Parser.MAX_CHAIN; i++) {
      logic.append(" + 1");
    }
    assertThat(Eval.evaluate(logic.toString())).isEqualTo(String.valueOf(Parser.MAX_CHAIN + 1));
  }

  /** Records which fields an evaluation reads, to observe short-circuiting. */
  private static final class ReadRecorder implements LogicContext {
    final List<String> reads = new ArrayList<>();
    private final LogicContext delegate;

    ReadRecorder(LogicContext delegate) {
      this.delegate = delegate;
    }

    @Override
    public String value(String event, String field) {
      reads.add(field);
      return delegate.value(event, field);
    }

    @Override
    public String checkbox(String event, String field, String code) {
      reads.add(field);
      return delegate.checkbox(event, field, code);
    }

    @Override
    public boolean isCheckbox(String field) {
      return delegate.isCheckbox(field);
    }

    @Override
    public String recordId() {
      return delegate.recordId();
    }

    @Override
    public String currentEvent() {
      return delegate.currentEvent();
    }

    @Override
    public Integer currentInstance() {
      return delegate.currentInstance();
    }

    @Override
    public java.time.LocalDateTime now() {
      return delegate.now();
    }
  }
}
