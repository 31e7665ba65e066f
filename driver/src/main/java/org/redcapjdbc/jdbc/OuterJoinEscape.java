package org.redcapjdbc.jdbc;

/**
 * Removes the JDBC outer-join escape, {@code {oj <table reference>}}, which report tools (Crystal
 * Reports, Excel's Microsoft Query, some BI tools) wrap around every outer join. Calcite's parser
 * knows the {@code {fn ...}}, {@code {d ...}}, {@code {t ...}} and {@code {ts ...}} escapes but
 * not this one. The escape means nothing beyond its contents (JDBC 4.3 §13.4.3), so the braces
 * and the keyword become blanks of the same width: error positions Calcite reports still point at
 * the right column. String literals, quoted identifiers and comments are left alone; other braces
 * ({@code {fn ...}} inside an {@code {oj ...}}) are kept for Calcite.
 */
final class OuterJoinEscape {
  private OuterJoinEscape() {}

  /** {@code sql} without its {@code {oj ...}} escapes; the same string when it has none. */
  static String strip(String sql) {
    if (sql == null || sql.indexOf('{') < 0) {
      return sql;
    }
    char[] out = sql.toCharArray();
    // For each open brace, whether it opened an {oj ...} escape (the deepest is on top).
    boolean[] ojStack = new boolean[sql.length()];
    int depth = 0;
    boolean changed = false;
    int i = 0;
    while (i < out.length) {
      char c = out[i];
      if (c == '\'' || c == '"' || c == '`') {
        i = endOfQuoted(sql, i, c);
      } else if (c == '[') {
        i = endOfQuoted(sql, i, ']');
      } else if (c == '-' && i + 1 < out.length && out[i + 1] == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? out.length : eol + 1;
      } else if (c == '/' && i + 1 < out.length && out[i + 1] == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? out.length : end + 2;
      } else if (c == '{') {
        int keyword = i + 1;
        while (keyword < out.length && Character.isWhitespace(out[keyword])) {
          keyword++;
        }
        boolean oj =
            keyword + 2 < out.length
                && sql.regionMatches(true, keyword, "oj", 0, 2)
                && Character.isWhitespace(out[keyword + 2]);
        ojStack[depth++] = oj;
        if (oj) {
          for (int k = i; k < keyword + 2; k++) {
            out[k] = ' ';
          }
          changed = true;
          i = keyword + 2;
        } else {
          i++;
        }
      } else if (c == '}') {
        if (depth > 0 && ojStack[--depth]) {
          out[i] = ' ';
        }
        i++;
      } else {
        i++;
      }
    }
    return changed ? new String(out) : sql;
  }

  /** The index after the quoted text starting at {@code start} (a doubled closer escapes it). */
  private static int endOfQuoted(String sql, int start, char closer) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == closer) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == closer) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
