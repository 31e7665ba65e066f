package org.redcapjdbc.client;

/** {@code logtype} filter of the logging export. */
public enum LogType {
  EXPORT("export"),
  MANAGE("manage"),
  USER("user"),
  RECORD("record"),
  RECORD_ADD("record_add"),
  RECORD_EDIT("record_edit"),
  RECORD_DELETE("record_delete"),
  LOCK_RECORD("lock_record"),
  PAGE_VIEW("page_view");

  private final String wire;

  LogType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
