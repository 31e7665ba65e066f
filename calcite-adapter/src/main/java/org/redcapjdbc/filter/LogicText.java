package org.redcapjdbc.filter;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes pieces of REDCap logic. REDCap's string literals have no escape sequences: a value is
 * written in the quote kind it does not contain, and a value that cannot be written safely is
 * refused ({@code null}), so that no data value can ever change the meaning of the logic.
 */
final class LogicText {
  /** Longest number written; anything longer is not worth the risk of a parser limit. */
  private static final int MAX_NUMBER_LENGTH = 40;

  private LogicText() {}

  /**
   * {@code value} as a quoted literal, or null when it holds both quote kinds, a backslash, a
   * square bracket (which REDCap may read as a field reference) or a control character.
   */
  static String quote(String value) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        single = true;
      } else if (c == '"') {
        dbl = true;
      } else if (c == '\\'
          || c == '['
          || c == ']'
          || c < 0x20
          || c == 0x7f
          || c == '\u2028'
          || c == '\u2029') {
        return null;
      }
    }
    if (single && dbl) {
      return null;
    }
    char q = single ? '"' : '\'';
    return q + value + q;
  }

  /** A plain decimal number ({@code -12.5}), or null when it would be unreasonably long. */
  static String number(BigDecimal value) {
    BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    String text = v.toPlainString();
    return text.length() > MAX_NUMBER_LENGTH ? null : text;
  }

  /** {@code [field]}. */
  static String field(String name) {
    return "[" + name + "]";
  }

  /**
   * {@code [field(code)]} for a checkbox option, or null for a code that cannot sit inside the
   * brackets unambiguously.
   */
  static String checkbox(String field, String code) {
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      if (!ok) {
        return null;
      }
    }
    return code.isEmpty() ? null : "[" + field + "(" + code + ")]";
  }

  /** The disjunction of {@code parts}, parenthesised when there is more than one. */
  static String or(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" or ", parts) + ")";
  }

  /** The conjunction of {@code parts}, parenthesised when there is more than one. */
  static String and(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" and ", parts) + ")";
  }
}
