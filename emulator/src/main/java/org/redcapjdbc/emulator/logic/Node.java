package org.redcapjdbc.emulator.logic;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax tree of a parsed expression. Records give structural equality, which the round-trip
 * tests rely on: {@code parse(print(tree))} equals {@code tree}.
 */
sealed interface Node
    permits Node.NumberLiteral,
        Node.StringLiteral,
        Node.BooleanLiteral,
        Node.FieldRef,
        Node.SmartVariable,
        Node.Negate,
        Node.Arithmetic,
        Node.Comparison,
        Node.Logical,
        Node.Call {

  // Binding strength, loosest first; the printer adds parentheses from these.
  int OR = 1;
  int AND = 2;
  int COMPARE = 3;
  int ADD = 4;
  int MULTIPLY = 5;
  int UNARY = 6;
  int POWER = 7;
  int PRIMARY = 8;

  Value eval(LogicContext ctx);

  int precedence();

  /** Appends canonical REDCap logic text for this node. */
  void print(StringBuilder out);

  static String print(Node node) {
    StringBuilder out = new StringBuilder();
    node.print(out);
    return out.toString();
  }

  /** Prints {@code child}, in parentheses when it binds looser than {@code minPrecedence}. */
  static void print(StringBuilder out, Node child, int minPrecedence) {
    if (child.precedence() < minPrecedence) {
      out.append('(');
      child.print(out);
      out.append(')');
    } else {
      child.print(out);
    }
  }

  /** A number as written, e.g. {@code 2.50} or {@code .5}; kept as text so printing is exact. */
  record NumberLiteral(String text) implements Node {
    public NumberLiteral {
      Objects.requireNonNull(text, "text");
      if (Numbers.parse(text) == null) {
        throw new IllegalArgumentException("not a number literal: " + text);
      }
    }

    @Override
    public Value eval(LogicContext ctx) {
      return Value.number(Numbers.parse(text));
    }

    @Override
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public void print(StringBuilder out) {
      out.append(text);
    }
  }

  /** Quoted text; {@code ''} is blank. */
  record StringLiteral(String value) implements Node {
    public StringLiteral {
      Objects.requireNonNull(value, "value");
      if (value.indexOf('\'') >= 0 && value.indexOf('"') >= 0) {
        throw new IllegalArgumentException(
            "REDCap logic cannot quote text holding both ' and \": " + value);
      }
    }

    @Override
    public Value eval(LogicContext ctx) {
      return Value.text(value);
    }

    @Override
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public void print(StringBuilder out) {
      char quote = value.indexOf('\'') >= 0 ? '"' : '\'';
      out.append(quote).append(value).append(quote);
    }
  }

  record BooleanLiteral(boolean value) implements Node {
    @Override
    public Value eval(LogicContext ctx) {
      return Value.bool(value);
    }

    @Override
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public void print(StringBuilder out) {
      out.append(value);
    }
  }

  /**
   * {@code [field]}, {@code [field(code)]}, {@code [event][field]} or {@code
   * [event][field(code)]}.
   *
   * @param event unique event name, or null for the row's own event
   * @param checkboxCode the option code, or null for a plain field reference
   */
  record FieldRef(String event, String field, String checkboxCode) implements Node {
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?[0-9]*,[0-9]+");

    public FieldRef {
      Objects.requireNonNull(field, "field");
    }

    @Override
    public Value eval(LogicContext ctx) {
      // A checkbox has no single value and only a checkbox has options: the mismatched forms
      // read as blank rather than as whatever the storage happens to hold.
      boolean checkbox = ctx.isCheckbox(field);
      if (checkboxCode != null) {
        return checkbox ? Value.text(ctx.checkbox(event, field, checkboxCode)) : Value.BLANK;
      }
      if (checkbox) {
        return Value.BLANK;
      }
      String raw = ctx.value(event, field);
      if (raw != null && ctx.isCommaDecimal(field) && COMMA_DECIMAL.matcher(raw).matches()) {
        // Calcs and logic read "1,54" in a *_comma_decimal field as 1.54.
        raw = raw.replace(',', '.');
      }
      return Value.text(raw);
    }

    @Override
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public void print(StringBuilder out) {
      if (event != null) {
        out.append('[').append(event).append(']');
      }
      out.append('[').append(field);
      if (checkboxCode != null) {
        out.append('(').append(checkboxCode).append(')');
      }
      out.append(']');
    }

    FieldReference toReference() {
      return new FieldReference(event, field, checkboxCode);
    }
  }

  /** {@code [record-name]}, {@code [event-name]}, {@code [current-instance]}, {@code [arm-number]}. */
  record SmartVariable(String name) implements Node {
    static final List<String> SUPPORTED =
        List.of("record-name", "event-name", "current-instance", "arm-number");
    private static final Pattern ARM_SUFFIX = Pattern.compile("_arm_([0-9]+)$");

    public SmartVariable {
      if (!SUPPORTED.contains(name)) {
        throw new IllegalArgumentException("unsupported smart variable: " + name);
      }
    }

    @Override
    public Value eval(LogicContext ctx) {
      switch (name) {
        case "record-name":
          return Value.text(ctx.recordId());
        case "event-name":
          return Value.text(ctx.currentEvent());
        case "current-instance":
          Integer instance = ctx.currentInstance();
          return instance == null ? Value.BLANK : Value.number(instance);
        case "arm-number":
          // Every unique event name ends in _arm_N, even in single-arm projects.
          String event = ctx.currentEvent();
          Matcher arm = event == null ? null : ARM_SUFFIX.matcher(event);
          return arm != null && arm.find() ? Value.text(arm.group(1)) : Value.BLANK;
        default:
          throw new AssertionError(name);
      }
    }

    @Override
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public void print(StringBuilder out) {
      out.append('[').append(name).append(']');
    }
  }

  /** Unary minus; blank stays blank. */
  record Negate(Node operand) implements Node {
    public Negate {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public Value eval(LogicContext ctx) {
      Double d = operand.eval(ctx).asNumber();
      return d == null ? Value.BLANK : Value.number(-d);
    }

    @Override
    public int precedence() {
      return UNARY;
    }

    @Override
    public void print(StringBuilder out) {
      out.append('-');
      Node.print(out, operand, UNARY);
    }
  }

  enum ArithmeticOperator {
    ADD("+", Node.ADD),
    SUBTRACT("-", Node.ADD),
    MULTIPLY("*", Node.MULTIPLY),
    DIVIDE("/", Node.MULTIPLY),
    POWER("^", Node.POWER);

    final String symbol;
    final int precedence;

    ArithmeticOperator(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    double apply(double a, double b) {
      switch (this) {
        case ADD:
          return a + b;
        case SUBTRACT:
          return a - b;
        case MULTIPLY:
          return a * b;
        case DIVIDE:
          return a / b; // x/0 is infinite or NaN, which Value.number turns into blank
        case POWER:
          return Math.pow(a, b);
        default:
          throw new AssertionError(this);
      }
    }
  }

  /** {@code + - * / ^}: blank or non-numeric operands give blank, never zero. */
  record Arithmetic(ArithmeticOperator operator, Node left, Node right) implements Node {
    public Arithmetic {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public Value eval(LogicContext ctx) {
      Double a = left.eval(ctx).asNumber();
      if (a == null) {
        return Value.BLANK;
      }
      Double b = right.eval(ctx).asNumber();
      if (b == null) {
        return Value.BLANK;
      }
      return Value.number(operator.apply(a, b));
    }

    @Override
    public int precedence() {
      return operator.precedence;
    }

    @Override
    public void print(StringBuilder out) {
      if (operator == ArithmeticOperator.POWER) {
        // REDCap's documented form wraps both sides: (base)^(exponent).
        out.append('(');
        left.print(out);
        out.append(")^(");
        right.print(out);
        out.append(')');
        return;
      }
      Node.print(out, left, operator.precedence);
      out.append(' ').append(operator.symbol).append(' ');
      Node.print(out, right, operator.precedence + 1);
    }
  }

  enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    final String symbol;

    ComparisonOperator(String symbol) {
      this.symbol = symbol;
    }

    boolean test(int comparison) {
      switch (this) {
        case EQUAL:
          return comparison == 0;
        case NOT_EQUAL:
          return comparison != 0;
        case LESS:
          return comparison < 0;
        case LESS_OR_EQUAL:
          return comparison <= 0;
        case GREATER:
          return comparison > 0;
        case GREATER_OR_EQUAL:
          return comparison >= 0;
        default:
          throw new AssertionError(this);
      }
    }
  }

  /**
   * A comparison. Numeric when both sides are numbers; otherwise case-sensitive text. A blank
   * equals only a blank, differs from everything else, and is neither less nor greater than
   * anything.
   */
  record Comparison(ComparisonOperator operator, Node left, Node right) implements Node {
    public Comparison {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public Value eval(LogicContext ctx) {
      return Value.bool(compare(operator, left.eval(ctx), right.eval(ctx)));
    }

    static boolean compare(ComparisonOperator operator, Value a, Value b) {
      if (a.isBlank() || b.isBlank()) {
        boolean bothBlank = a.isBlank() && b.isBlank();
        switch (operator) {
          case EQUAL:
            return bothBlank;
          case NOT_EQUAL:
            return !bothBlank;
          default:
            return false;
        }
      }
      Double x = a.asNumber();
      Double y = b.asNumber();
      int comparison;
      if (x != null && y != null) {
        double dx = x;
        double dy = y;
        comparison = dx < dy ? -1 : dx > dy ? 1 : 0;
      } else {
        comparison = a.asText().compareTo(b.asText());
      }
      return operator.test(comparison);
    }

    @Override
    public int precedence() {
      return COMPARE;
    }

    @Override
    public void print(StringBuilder out) {
      Node.print(out, left, ADD);
      out.append(' ').append(operator.symbol).append(' ');
      Node.print(out, right, ADD);
    }
  }

  /**
   * {@code and} / {@code or} over two or more operands, evaluated left to right with
   * short-circuit. A chain such as {@code a or b or c} is one node, so the long chains a SQL
   * {@code IN} list turns into never nest deeply.
   */
  record Logical(boolean and, List<Node> operands) implements Node {
    public Logical {
      operands = List.copyOf(operands);
      if (operands.size() < 2) {
        throw new IllegalArgumentException("and/or needs two or more operands");
      }
    }

    @Override
    public Value eval(LogicContext ctx) {
      for (Node operand : operands) {
        boolean value = operand.eval(ctx).truthy();
        if (value != and) {
          return Value.bool(value); // false ends an and, true ends an or
        }
      }
      return Value.bool(and);
    }

    @Override
    public int precedence() {
      return and ? AND : OR;
    }

    @Override
    public void print(StringBuilder out) {
      for (int i = 0; i < operands.size(); i++) {
        if (i > 0) {
          out.append(and ? " and " : " or ");
        }
        // A nested chain of the same kind keeps its parentheses, so printing round-trips.
        Node.print(out, operands.get(i), precedence() + 1);
      }
    }
  }

  /** A special function such as {@code datediff(...)}; the name is lower case. */
  record Call(String function, List<Node> arguments) implements Node {
    public Call {
      Objects.requireNonNull(function, "function");
      arguments = List.copyOf(arguments);
      if (!function.equals(function.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("function names are stored in lower case: " + function);
      }
    }

    @Override
    public Value eval(LogicContext ctx) {
      return Functions.call(function, arguments, ctx);
    }

    @Override
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public void print(StringBuilder out) {
      out.append(function).append('(');
      for (int i = 0; i < arguments.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        arguments.get(i).print(out);
      }
      out.append(')');
    }
  }
}
