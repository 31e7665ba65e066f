package org.redcapjdbc.emulator.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser. Precedence, loosest first: {@code or ||}; {@code and &&}; one
 * comparison ({@code = == <> != < <= > >=}, not chainable); {@code + -}; {@code * /}; unary
 * minus; {@code ^} (right-associative, so {@code -(2)^(2)} is -4); primaries.
 */
final class Parser {
  /** Deep enough for any real logic, shallow enough that the JVM stack never overflows. */
  static final int MAX_NESTING = 200;

  static final int MAX_CHAIN = 2000;

  private static final Pattern FIELD =
      Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(?:\\(([^()\\s\\[\\]]+)\\))?");
  private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern INSTANCE = Pattern.compile("[0-9]+");
  private static final List<String> INSTANCE_SMART_VARIABLES =
      List.of(
          "current-instance",
          "previous-instance",
          "next-instance",
          "first-instance",
          "last-instance",
          "new-instance");

  private final List<Token> tokens;
  private int index;
  private int nesting;
  private final List<Node.FieldRef> references = new ArrayList<>();

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** The parsed tree and the field references in order of appearance. */
  record Result(Node root, List<Node.FieldRef> references) {}

  static Result parse(String text) throws LogicException {
    List<Token> tokens = Lexer.tokenize(text);
    if (tokens.get(0).type() == Token.Type.END) {
      throw new LogicException("the logic is empty; send no filterLogic to export every row");
    }
    Parser parser = new Parser(tokens);
    Node root = parser.parseOr();
    Token rest = parser.peek();
    if (rest.type() == Token.Type.RPAREN) {
      throw LogicException.at("')' has no matching '('", rest.start());
    }
    if (rest.type() != Token.Type.END) {
      throw LogicException.at(
          "expected an operator (such as =, <>, +, and, or) or the end of the logic but found "
              + rest.describe(),
          rest.start());
    }
    return new Result(root, List.copyOf(parser.references));
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token advance() {
    return tokens.get(index++);
  }

  private boolean peekOperator(String... symbols) {
    Token t = peek();
    if (t.type() != Token.Type.OPERATOR) {
      return false;
    }
    for (String symbol : symbols) {
      if (t.text().equals(symbol)) {
        return true;
      }
    }
    return false;
  }

  private boolean peekWord(String word) {
    Token t = peek();
    return t.type() == Token.Type.WORD && t.text().equalsIgnoreCase(word);
  }

  private void enter(Token at) throws LogicException {
    if (++nesting > MAX_NESTING) {
      throw LogicException.at(
          "the logic is nested more than " + MAX_NESTING + " levels deep", at.start());
    }
  }

  private Node parseOr() throws LogicException {
    enter(peek());
    List<Node> operands = new ArrayList<>();
    operands.add(parseAnd());
    while (peekWord("or") || peekOperator("||")) {
      advance();
      operands.add(parseAnd());
    }
    nesting--;
    return operands.size() == 1 ? operands.get(0) : new Node.Logical(false, operands);
  }

  private Node parseAnd() throws LogicException {
    List<Node> operands = new ArrayList<>();
    operands.add(parseComparison());
    while (peekWord("and") || peekOperator("&&")) {
      advance();
      operands.add(parseComparison());
    }
    return operands.size() == 1 ? operands.get(0) : new Node.Logical(true, operands);
  }

  private Node parseComparison() throws LogicException {
    Node left = parseAdditive();
    Node.ComparisonOperator operator = comparisonOperator(peek());
    if (operator == null) {
      return left;
    }
    advance();
    Node right = parseAdditive();
    Token next = peek();
    if (comparisonOperator(next) != null) {
      throw LogicException.at(
          "comparisons cannot be chained (a < b < c); join them with and (a < b and b < c)",
          next.start());
    }
    return new Node.Comparison(operator, left, right);
  }

  private static Node.ComparisonOperator comparisonOperator(Token t) {
    if (t.type() != Token.Type.OPERATOR) {
      return null;
    }
    switch (t.text()) {
      case "=":
      case "==":
        return Node.ComparisonOperator.EQUAL;
      case "<>":
      case "!=":
        return Node.ComparisonOperator.NOT_EQUAL;
      case "<":
        return Node.ComparisonOperator.LESS;
      case "<=":
        return Node.ComparisonOperator.LESS_OR_EQUAL;
      case ">":
        return Node.ComparisonOperator.GREATER;
      case ">=":
        return Node.ComparisonOperator.GREATER_OR_EQUAL;
      default:
        return null;
    }
  }

  private Node parseAdditive() throws LogicException {
    Node left = parseMultiplicative();
    int chain = 0;
    while (peekOperator("+", "-")) {
      checkChain(++chain, peek());
      Node.ArithmeticOperator operator =
          advance().text().equals("+")
              ? Node.ArithmeticOperator.ADD
              : Node.ArithmeticOperator.SUBTRACT;
      left = new Node.Arithmetic(operator, left, parseMultiplicative());
    }
    return left;
  }

  private Node parseMultiplicative() throws LogicException {
    Node left = parseUnary();
    int chain = 0;
    while (peekOperator("*", "/")) {
      checkChain(++chain, peek());
      Node.ArithmeticOperator operator =
          advance().text().equals("*")
              ? Node.ArithmeticOperator.MULTIPLY
              : Node.ArithmeticOperator.DIVIDE;
      left = new Node.Arithmetic(operator, left, parseUnary());
    }
    return left;
  }

  /** Arithmetic chains nest to the left; bounding them keeps evaluation off the stack limit. */
  private static void checkChain(int length, Token at) throws LogicException {
    if (length > MAX_CHAIN) {
      throw LogicException.at(
          "more than " + MAX_CHAIN + " arithmetic operators in one chain; use sum() instead",
          at.start());
    }
  }

  private Node parseUnary() throws LogicException {
    if (peekOperator("-", "+")) {
      Token sign = advance();
      enter(sign);
      Node operand = parseUnary();
      nesting--;
      return sign.text().equals("-") ? new Node.Negate(operand) : operand;
    }
    return parsePower();
  }

  private Node parsePower() throws LogicException {
    Node base = parsePrimary();
    if (peekOperator("^")) {
      Token caret = advance();
      enter(caret);
      Node exponent = parseUnary();
      nesting--;
      return new Node.Arithmetic(Node.ArithmeticOperator.POWER, base, exponent);
    }
    return base;
  }

  private Node parsePrimary() throws LogicException {
    Token t = peek();
    switch (t.type()) {
      case NUMBER:
        advance();
        return new Node.NumberLiteral(t.text());
      case STRING:
        advance();
        return new Node.StringLiteral(t.text());
      case BRACKET:
        return parseReference();
      case WORD:
        return parseWord();
      case LPAREN:
        {
          advance();
          Node inner = parseOr();
          expectClose("'(' at position " + (t.start() + 1) + " is never closed with ')'");
          return inner;
        }
      case END:
        throw LogicException.at("expected a value but the logic ends", t.start());
      default:
        throw LogicException.at("expected a value but found " + t.describe(), t.start());
    }
  }

  private void expectClose(String problem) throws LogicException {
    Token t = peek();
    if (t.type() != Token.Type.RPAREN) {
      throw LogicException.at(problem + "; found " + t.describe(), t.start());
    }
    advance();
  }

  private Node parseWord() throws LogicException {
    Token word = advance();
    String name = word.text().toLowerCase(Locale.ROOT);
    boolean call = peek().type() == Token.Type.LPAREN;
    if (name.equals("true") || name.equals("false")) {
      if (!call) {
        return new Node.BooleanLiteral(name.equals("true"));
      }
    }
    if (name.equals("not")) {
      throw LogicException.at(
          "'not' is not part of REDCap logic; invert the comparison instead "
              + "(= and <>, < and >=, > and <=)",
          word.start());
    }
    if (name.equals("and") || name.equals("or")) {
      throw LogicException.at("'" + word.text() + "' needs a condition before it", word.start());
    }
    if (!call) {
      throw LogicException.at(
          "unquoted text '"
              + word.text()
              + "'; put text values in quotes ('"
              + word.text()
              + "') and field names in brackets (["
              + word.text()
              + "])",
          word.start());
    }
    if (!Functions.isFunction(name)) {
      throw LogicException.at(
          "unknown function '"
              + word.text()
              + "'; supported functions: "
              + String.join(", ", Functions.names()),
          word.start());
    }
    Token open = advance();
    enter(open);
    List<Node> args = new ArrayList<>();
    if (peek().type() != Token.Type.RPAREN) {
      args.add(parseOr());
      while (peek().type() == Token.Type.COMMA) {
        advance();
        args.add(parseOr());
      }
    }
    expectClose("expected ',' or ')' in the arguments of " + name + "()");
    nesting--;
    Functions.check(name, args, word.start());
    return new Node.Call(name, args);
  }

  /**
   * Adjacent bracket groups form one reference: {@code [field]}, {@code [field(code)]}, {@code
   * [event][field]}, {@code [event-name][field]}, an optional {@code [current-instance]} suffix,
   * or a standalone smart variable.
   */
  private Node parseReference() throws LogicException {
    List<Token> parts = new ArrayList<>();
    parts.add(advance());
    while (peek().type() == Token.Type.BRACKET
        && peek().start() == parts.get(parts.size() - 1).end()) {
      parts.add(advance());
    }
    for (Token part : parts) {
      checkBracketContent(part);
    }
    Token first = parts.get(0);
    String head = first.text().toLowerCase(Locale.ROOT);
    if (isSmartVariable(head)) {
      if (!head.equals("event-name") || parts.size() == 1) {
        if (!Node.SmartVariable.SUPPORTED.contains(head)) {
          throw unsupportedSmartVariable(first);
        }
        if (parts.size() > 1) {
          throw LogicException.at(
              "[" + first.text() + "] cannot be followed by [" + parts.get(1).text() + "]",
              parts.get(1).start());
        }
        return new Node.SmartVariable(head);
      }
      // [event-name][field]: the row's own event, the same as [field].
      return fieldWithInstance(null, parts.subList(1, parts.size()));
    }
    if (parts.size() >= 2 && !isInstanceQualifier(parts.get(1))) {
      if (!EVENT.matcher(first.text()).matches()) {
        throw LogicException.at(
            "["
                + first.text()
                + "] is not a unique event name, so it cannot come before ["
                + parts.get(1).text()
                + "]",
            first.start());
      }
      return fieldWithInstance(head, parts.subList(1, parts.size()));
    }
    return fieldWithInstance(null, parts);
  }

  private Node fieldWithInstance(String event, List<Token> parts) throws LogicException {
    Token fieldToken = parts.get(0);
    if (isSmartVariable(fieldToken.text().toLowerCase(Locale.ROOT))) {
      throw LogicException.at(
          "expected a field name after the event but found [" + fieldToken.text() + "]",
          fieldToken.start());
    }
    Matcher m = FIELD.matcher(fieldToken.text());
    if (!m.matches()) {
      throw LogicException.at(
          "["
              + fieldToken.text()
              + "] is not a field name; names are letters, digits and "
              + "underscores starting with a letter, optionally followed by a checkbox code "
              + "as in [field(code)]",
          fieldToken.start());
    }
    if (parts.size() > 2) {
      throw LogicException.at(
          "unexpected ["
              + parts.get(2).text()
              + "] after ["
              + fieldToken.text()
              + "]["
              + parts.get(1).text()
              + "]",
          parts.get(2).start());
    }
    if (parts.size() == 2) {
      Token instance = parts.get(1);
      if (!isInstanceQualifier(instance)) {
        throw LogicException.at(
            "unexpected [" + instance.text() + "] after [" + fieldToken.text() + "]",
            instance.start());
      }
      if (!instance.text().equalsIgnoreCase("current-instance")) {
        throw LogicException.at(
            "instance references such as ["
                + fieldToken.text()
                + "]["
                + instance.text()
                + "] are not supported; a field always reads the row's own instance "
                + "([current-instance])",
            instance.start());
      }
    }
    Node.FieldRef ref = new Node.FieldRef(event, m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    references.add(ref);
    return ref;
  }

  private static void checkBracketContent(Token part) throws LogicException {
    String content = part.text();
    if (content.isEmpty()) {
      throw LogicException.at("empty brackets []", part.start());
    }
    if (content.indexOf(':') >= 0) {
      throw LogicException.at(
          "["
              + content
              + "]: modifiers and parameters after ':' (such as :label or :value) "
              + "are not supported in logic",
          part.start());
    }
    if (content.chars().anyMatch(Character::isWhitespace)) {
      throw LogicException.at(
          "[" + content + "] contains spaces; names in brackets have none", part.start());
    }
  }

  private static boolean isSmartVariable(String lowerCaseContent) {
    // Field and event names cannot contain '-', smart variables always do.
    return lowerCaseContent.indexOf('-') >= 0 && lowerCaseContent.indexOf('(') < 0;
  }

  private static boolean isInstanceQualifier(Token t) {
    String s = t.text().toLowerCase(Locale.ROOT);
    return INSTANCE.matcher(s).matches() || INSTANCE_SMART_VARIABLES.contains(s);
  }

  private static LogicException unsupportedSmartVariable(Token t) {
    StringBuilder supported = new StringBuilder();
    for (String name : Node.SmartVariable.SUPPORTED) {
      supported.append(supported.length() == 0 ? "" : ", ").append('[').append(name).append(']');
    }
    return LogicException.at(
        "smart variable [" + t.text() + "] is not supported; supported: " + supported, t.start());
  }
}
