package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random expressions: printing then parsing gives back the same tree, evaluation never throws,
 * and random text either parses or fails with a {@link LogicException}, nothing else.
 */
class RoundTripTest {
  private static final long SEED = 20_240_615L;
  private static final String[] NUMBERS = {
    "0", "1", "2.5", ".5", "10", "007", "3.", "12.938129834911"
  };
  private static final String[] STRINGS = {
    "", "a", "A", "O'Brien", "say \"hi\"", "1", "1.0", "x y", "#x", "//", "2024-06-01", "a\\b"
  };
  private static final String[] FIELDS = {"a", "b", "dob", "race"};
  private static final String[] EVENTS = {"baseline_arm_1", "visit_2_arm_2"};
  private static final String[] FUNCTIONS = {
    "if",
    "datediff",
    "round",
    "roundup",
    "rounddown",
    "abs",
    "min",
    "max",
    "sum",
    "mean",
    "median",
    "stdev",
    "sqrt",
    "isnumber",
    "isinteger",
    "isblankormissingcode",
    "contains",
    "not_contain",
    "starts_with",
    "ends_with",
    "left",
    "right",
    "mid",
    "length",
    "concat",
    "concat_ws",
    "year",
    "mod",
    "log",
    "find",
    "upper",
    "replace_text",
    "age_at_date"
  };

  @Test
  void printedExpressionsParseBackToTheSameTree() throws Exception {
    Random random = new Random(SEED);
    for (int i = 0; i < 600; i++) {
      Node tree = node(random, 5);
      String printed = Node.print(tree);
      LogicExpression parsed = Logic.parse(printed);
      assertThat(((ParsedExpression) parsed).root()).as(printed).isEqualTo(tree);
      assertThat(parsed.toString()).isEqualTo(printed);
    }
  }

  @Test
  void evaluatingRandomExpressionsNeverThrows() throws Exception {
    Random random = new Random(SEED + 1);
    List<MapContext> contexts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      contexts.add(context(random));
    }
    for (int i = 0; i < 600; i++) {
      LogicExpression e = Logic.parse(Node.print(node(random, 5)));
      for (MapContext ctx : contexts) {
        assertThatCode(() -> e.test(ctx)).as(e.toString()).doesNotThrowAnyException();
        String value = e.evaluate(ctx);
        // A stored calc value is blank or a plain number, never an exponent or NaN.
        assertThat(value).as(e.toString()).matches("|-?[0-9]+(\\.[0-9]*[1-9])?");
      }
    }
  }

  @Test
  void randomTextEitherParsesOrFailsWithALogicException() {
    String[] pieces = {
      "[a]",
      "[b(1)]",
      "[ev_arm_1]",
      "[event-name]",
      "[a][2]",
      "[",
      "]",
      "(",
      ")",
      ",",
      "'x'",
      "\"y\"",
      "'",
      "1",
      "2.5",
      ".",
      "=",
      "==",
      "<>",
      "!=",
      "<",
      "<=",
      ">",
      ">=",
      "+",
      "-",
      "*",
      "/",
      "^",
      "and",
      "or",
      "&&",
      "||",
      "!",
      "not",
      "if",
      "round",
      "datediff",
      "sum",
      "true",
      " ",
      " ",
      "\n",
      "#",
      "//",
      "$",
      "[record-name]",
      "'today'",
      "'y'",
      "x"
    };
    Random random = new Random(SEED + 2);
    int parsed = 0;
    for (int i = 0; i < 5000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      try {
        LogicExpression e = Logic.parse(text.toString());
        parsed++;
        assertThat(Logic.parse(e.toString())).as(text.toString()).isEqualTo(e);
        e.test(MapContext.row().with("a", "1"));
      } catch (LogicException expected) {
        assertThat(expected.getMessage()).isNotBlank();
        if (expected.position() == -1) {
          // Only blank or comment-only text has no position to point at.
          assertThat(expected.getMessage()).startsWith("the logic is empty");
        } else {
          assertThat(expected.position()).isBetween(1, text.length() + 1);
        }
      }
    }
    assertThat(parsed).as("some random texts are valid logic").isGreaterThan(50);
  }

  private static MapContext context(Random random) {
    MapContext ctx =
        MapContext.row()
            .record(String.valueOf(random.nextInt(100)))
            .event(random.nextBoolean() ? null : EVENTS[random.nextInt(EVENTS.length)])
            .instance(random.nextBoolean() ? null : 1 + random.nextInt(3))
            .now(LocalDateTime.of(2024, 6, 15, 13, 45, 30))
            .missingCodes("UNK");
    for (String field : FIELDS) {
      ctx.with(field, pickValue(random));
      for (String event : EVENTS) {
        ctx.withIn(event, field, pickValue(random));
      }
    }
    if (random.nextBoolean()) {
      ctx.checked("race", "1");
    }
    return ctx;
  }

  private static String pickValue(Random random) {
    String[] values = {
      "",
      "",
      "0",
      "1",
      "-3.5",
      "abc",
      "UNK",
      "2000-02-29",
      "2024-06-01 08:30",
      "1e400",
      "99999999999999999999"
    };
    return values[random.nextInt(values.length)];
  }

  private static Node node(Random random, int depth) {
    if (depth == 0 || random.nextInt(4) == 0) {
      return leaf(random);
    }
    switch (random.nextInt(6)) {
      case 0:
        return new Node.Negate(node(random, depth - 1));
      case 1:
        {
          Node.ArithmeticOperator[] ops = Node.ArithmeticOperator.values();
          return new Node.Arithmetic(
              ops[random.nextInt(ops.length)], node(random, depth - 1), node(random, depth - 1));
        }
      case 2:
        {
          Node.ComparisonOperator[] ops = Node.ComparisonOperator.values();
          return new Node.Comparison(
              ops[random.nextInt(ops.length)], node(random, depth - 1), node(random, depth - 1));
        }
      case 3:
        {
          List<Node> operands = new ArrayList<>();
          int n = 2 + random.nextInt(3);
          for (int i = 0; i < n; i++) {
            operands.add(node(random, depth - 1));
          }
          return new Node.Logical(random.nextBoolean(), operands);
        }
      default:
        return call(random, depth);
    }
  }

  private static Node call(Random random, int depth) {
    String function = FUNCTIONS[random.nextInt(FUNCTIONS.length)];
    int[] arity = arity(function);
    int n = arity[0] + random.nextInt(arity[1] - arity[0] + 1);
    List<Node> args = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      args.add(node(random, depth - 1));
    }
    if (function.equals("datediff")) {
      String[] units = {"y", "M", "d", "h", "m", "s"};
      args.set(2, new Node.StringLiteral(units[random.nextInt(units.length)]));
      if (n == 5 || (n == 4 && args.get(3) instanceof Node.StringLiteral)) {
        // A literal 4th argument must be a date format or true/false.
        args.set(3, new Node.StringLiteral(random.nextBoolean() ? "ymd" : "mdy"));
      }
    }
    return new Node.Call(function, args);
  }

  private static int[] arity(String function) {
    switch (function) {
      case "if":
      case "mid":
      case "replace_text":
        return new int[] {3, 3};
      case "datediff":
        return new int[] {3, 5};
      case "round":
      case "roundup":
      case "rounddown":
      case "log":
        return new int[] {1, 2};
      case "age_at_date":
        return new int[] {2, 3};
      case "min":
      case "max":
      case "sum":
      case "mean":
      case "median":
      case "stdev":
      case "concat":
        return new int[] {1, 4};
      case "concat_ws":
      case "contains":
      case "not_contain":
      case "starts_with":
      case "ends_with":
      case "left":
      case "right":
      case "mod":
      case "find":
        return function.equals("concat_ws") ? new int[] {2, 4} : new int[] {2, 2};
      default:
        return new int[] {1, 1};
    }
  }

  private static Node leaf(Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return new Node.NumberLiteral(NUMBERS[random.nextInt(NUMBERS.length)]);
      case 1:
        return new Node.StringLiteral(STRINGS[random.nextInt(STRINGS.length)]);
      case 2:
        return new Node.BooleanLiteral(random.nextBoolean());
      case 3:
        return new Node.SmartVariable(
            Node.SmartVariable.SUPPORTED.get(random.nextInt(Node.SmartVariable.SUPPORTED.size())));
      default:
        {
          String event = random.nextInt(3) == 0 ? EVENTS[random.nextInt(EVENTS.length)] : null;
          String field = FIELDS[random.nextInt(FIELDS.length)];
          String code = field.equals("race") ? (random.nextBoolean() ? "1" : "-99") : null;
          return new Node.FieldRef(event, field, code);
        }
    }
  }
}
