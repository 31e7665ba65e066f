package org.redcapjdbc.client;

/** {@code decimalCharacter}: rewrites the decimal mark of number and calc fields on export. */
public enum DecimalCharacter {
  PERIOD("."),
  COMMA(",");

  private final String wire;

  DecimalCharacter(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
