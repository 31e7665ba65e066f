package org.redcapjdbc.emulator.api;

import org.redcapjdbc.emulator.api.record.NextRecordName;
import org.redcapjdbc.emulator.api.record.RecordDelete;
import org.redcapjdbc.emulator.api.record.RecordExport;
import org.redcapjdbc.emulator.api.record.RecordImport;
import org.redcapjdbc.emulator.api.record.RecordRename;
import org.redcapjdbc.emulator.api.structure.ArmMethods;
import org.redcapjdbc.emulator.api.structure.EventMethods;
import org.redcapjdbc.emulator.api.structure.FieldNamesExport;
import org.redcapjdbc.emulator.api.structure.InstrumentExport;
import org.redcapjdbc.emulator.api.structure.MappingMethods;
import org.redcapjdbc.emulator.api.structure.MetadataMethods;
import org.redcapjdbc.emulator.api.structure.ProjectInfoExport;
import org.redcapjdbc.emulator.api.structure.ProjectXmlExport;
import org.redcapjdbc.emulator.api.structure.RepeatingMethods;

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
    r.register("metadata", "export", new MetadataMethods.Export());
    r.register("metadata", "import", new MetadataMethods.Import());
    r.register("exportFieldNames", "export", new FieldNamesExport());
    r.register("instrument", "export", new InstrumentExport());
    r.register("formEventMapping", "export", new MappingMethods.Export());
    r.register("formEventMapping", "import", new MappingMethods.Import());
    r.register("arm", "export", new ArmMethods.Export());
    r.register("arm", "import", new ArmMethods.Import());
    r.register("arm", "delete", new ArmMethods.Delete());
    r.register("event", "export", new EventMethods.Export());
    r.register("event", "import", new EventMethods.Import());
    r.register("event", "delete", new EventMethods.Delete());
    r.register("repeatingFormsEvents", "export", new RepeatingMethods.Export());
    r.register("repeatingFormsEvents", "import", new RepeatingMethods.Import());
    r.register("project", "export", new ProjectInfoExport());
    r.register("project_xml", "export", new ProjectXmlExport());
    r.register("version", "export", call -> call.sendPlain(VERSION));
  }
}
