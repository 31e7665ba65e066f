package org.redcapjdbc.emulator.api;

import org.redcapjdbc.emulator.api.record.RecordExport;

/** Registers the API methods this emulator implements. */
public final class StandardMethods {
  /** The REDCap version the emulator reports. */
  public static final String VERSION = "15.2.1";

  private StandardMethods() {}

  public static void register(MethodRegistry r) {
    r.register("record", "export", new RecordExport());
    r.register("version", "export", call -> call.sendPlain(VERSION));
  }
}
