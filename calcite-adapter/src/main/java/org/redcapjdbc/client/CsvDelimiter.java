package org.redcapjdbc.client;

/** {@code csvDelimiter} for CSV exports and imports. */
public enum CsvDelimiter {
  COMMA(","),
  TAB("tab"),
  SEMICOLON(";"),
  PIPE("|"),
  CARET("^");

  private final String wire;

  CsvDelimiter(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
