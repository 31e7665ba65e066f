package org.redcapjdbc.client;

/** {@code rawOrLabel} / {@code rawOrLabelHeaders}: codes or labels in exports. */
public enum RawOrLabel {
  RAW("raw"),
  LABEL("label");

  private final String wire;

  RawOrLabel(String wire) {
    this.wire = wire;
  }

  /** The value sent to REDCap. */
  public String wire() {
    return wire;
  }
}
