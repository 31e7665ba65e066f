package org.redcapjdbc.emulator.logic;

/**
 * One lexical token of a logic text.
 *
 * @param type what kind of token
 * @param text the token's text: the operator, the number as written, the string without its
 *     quotes, the word, or the content between square brackets
 * @param start 0-based offset of the token's first character in the logic text
 * @param end 0-based offset just after the token's last character
 */
record Token(Type type, String text, int start, int end) {

  enum Type {
    NUMBER,
    STRING,
    /** {@code [...]}: a field, event, checkbox option, instance or smart variable. */
    BRACKET,
    WORD,
    LPAREN,
    RPAREN,
    COMMA,
    OPERATOR,
    END
  }

  /** A human description for error messages: {@code ')'}, {@code number 12}, {@code end of text}. */
  String describe() {
    switch (type) {
      case END:
        return "end of text";
      case NUMBER:
        return "number " + text;
      case STRING:
        return "text '" + text + "'";
      case BRACKET:
        return "[" + text + "]";
      default:
        return "'" + text + "'";
    }
  }
}
