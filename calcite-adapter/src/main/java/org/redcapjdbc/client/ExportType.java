package org.redcapjdbc.client;

/**
 * {@code type}: flat (one row per record, event and repeat instance) or EAV (one row per
 * non-blank value, columns {@code record, field_name, value} plus event and repeat columns).
 */
public enum ExportType {
  FLAT("flat"),
  EAV("eav");

  private final String wire;

  ExportType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
