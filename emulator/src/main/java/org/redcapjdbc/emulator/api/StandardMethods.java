package org.redcapjdbc.emulator.api;

import org.redcapjdbc.emulator.api.record.NextRecordName;
import org.redcapjdbc.emulator.api.record.RecordDelete;
import org.redcapjdbc.emulator.api.record.RecordExport;
import org.redcapjdbc.emulator.api.record.RecordImport;
import org.redcapjdbc.emulator.api.record.RecordRename;

/** Registers the API methods this emulator implements. */
public final class StandardMethods {
  /** The REDCap version the emulator reports. */
  public static final String VERSION = "15.2.1";

  private StandardMethods() {}

  public static void register(MethodRegistry r) {
    r.register("record", "export", new RecordExport());
    r.register("record", "import", new RecordImport());
    r.register("record", "delete", new RecordDelete());
    r.register("record", "rename", new RecordRename());
    r.register("generateNextRecordName", "export", new NextRecordName());
    r.register("version", "export", call -> call.sendPlain(VERSION));
  }
}
