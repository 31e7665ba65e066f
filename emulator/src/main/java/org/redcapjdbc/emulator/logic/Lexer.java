package org.redcapjdbc.emulator.logic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits logic text into tokens.
 *
 * <p>REDCap logic has no escape sequences inside strings: a value holding a single quote is
 * written in double quotes and vice versa, and a backslash is an ordinary character. Comments
 * are whole lines whose first non-blank characters are {@code #} or {@code //} (REDCap 13+).
 */
final class Lexer {
  private final String text;
  private int pos;
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) throws LogicException {
    Lexer lexer = new Lexer(text);
    lexer.run();
    return lexer.tokens;
  }

  private void run() throws LogicException {
    boolean lineStart = true;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n' || c == '\r') {
        lineStart = true;
        pos++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      if (lineStart && (c == '#' || text.startsWith("//", pos))) {
        skipToEndOfLine();
        continue;
      }
      lineStart = false;
      int start = pos;
      if (c == '\'' || c == '"') {
        readString(c);
      } else if (c == '[') {
        readBracket();
      } else if (isDigit(c)
          || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
        readNumber();
      } else if (isWordChar(c)) {
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
          pos++;
        }
        add(Token.Type.WORD, text.substring(start, pos), start);
      } else if (c == '(') {
        pos++;
        add(Token.Type.LPAREN, "(", start);
      } else if (c == ')') {
        pos++;
        add(Token.Type.RPAREN, ")", start);
      } else if (c == ',') {
        pos++;
        add(Token.Type.COMMA, ",", start);
      } else {
        readOperator(c);
      }
    }
    tokens.add(new Token(Token.Type.END, "", text.length(), text.length()));
  }

  private void skipToEndOfLine() {
    while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
      pos++;
    }
  }

  private void readString(char quote) throws LogicException {
    int start = pos;
    int close = text.indexOf(quote, pos + 1);
    if (close < 0) {
      throw LogicException.at(
          "text starting with " + quote + " is never closed; add the closing " + quote, start);
    }
    pos = close + 1;
    add(Token.Type.STRING, text.substring(start + 1, close), start);
  }

  private void readBracket() throws LogicException {
    int start = pos;
    int close = text.indexOf(']', pos + 1);
    int nestedOpen = text.indexOf('[', pos + 1);
    if (close < 0 || (nestedOpen >= 0 && nestedOpen < close)) {
      throw LogicException.at("'[' is never closed with ']'", start);
    }
    pos = close + 1;
    add(Token.Type.BRACKET, text.substring(start + 1, close), start);
  }

  private void readNumber() throws LogicException {
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length() && isWordChar(text.charAt(pos))) {
      int wordEnd = pos;
      while (wordEnd < text.length() && isWordChar(text.charAt(wordEnd))) {
        wordEnd++;
      }
      throw LogicException.at(
          "'"
              + text.substring(start, wordEnd)
              + "' is neither a number nor a name; "
              + "put text values in quotes",
          start);
    }
    add(Token.Type.NUMBER, text.substring(start, pos), start);
  }

  private void readOperator(char c) throws LogicException {
    int start = pos;
    String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
    switch (two) {
      case "<>":
      case "<=":
      case ">=":
      case "!=":
      case "==":
      case "&&":
      case "||":
        pos += 2;
        add(Token.Type.OPERATOR, two, start);
        return;
      default:
        break;
    }
    switch (c) {
      case '=':
      case '<':
      case '>':
      case '+':
      case '-':
      case '*':
      case '/':
      case '^':
        pos++;
        add(Token.Type.OPERATOR, String.valueOf(c), start);
        return;
      case '!':
        throw LogicException.at(
            "'!' (not) is not part of REDCap logic; invert the comparison instead "
                + "(= and <>, < and >=, > and <=)",
            start);
      case ']':
        throw LogicException.at("']' has no matching '['", start);
      default:
        throw LogicException.at("unexpected character '" + c + "'", start);
    }
  }

  private void add(Token.Type type, String tokenText, int start) {
    tokens.add(new Token(type, tokenText, start, pos));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
  }
}
