package org.redcapjdbc.client;

/** {@code overwriteBehavior} of record imports. */
public enum OverwriteBehavior {
  /** Blank values in the import leave stored values alone. */
  NORMAL("normal"),
  /** Blank values in the import erase stored values. */
  OVERWRITE("overwrite");

  private final String wire;

  OverwriteBehavior(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
