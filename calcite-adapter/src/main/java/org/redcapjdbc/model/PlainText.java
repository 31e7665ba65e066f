package org.redcapjdbc.model;

import org.jsoup.Jsoup;

/**
 * Turns a REDCap label, which may hold HTML ({@code <b>}, {@code <span style=...>},
 * {@code &nbsp;}), into the plain text JDBC REMARKS show. Whitespace runs, line breaks included,
 * become one space.
 */
final class PlainText {
  private PlainText() {}

  static String of(String label) {
    if (label.indexOf('<') < 0 && label.indexOf('&') < 0) {
      // Most labels hold no markup: skip the HTML parser (wide projects have tens of thousands).
      return collapseWhitespace(label);
    }
    return Jsoup.parse(label).text();
  }

  private static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
