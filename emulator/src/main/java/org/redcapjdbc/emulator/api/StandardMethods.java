package org.redcapjdbc.emulator.api;

import org.redcapjdbc.emulator.api.access.DagMappingMethods;
import org.redcapjdbc.emulator.api.access.DagMethods;
import org.redcapjdbc.emulator.api.access.RoleMappingMethods;
import org.redcapjdbc.emulator.api.access.RoleMethods;
import org.redcapjdbc.emulator.api.access.UserMethods;
import org.redcapjdbc.emulator.api.file.FileRepositoryMethods;
import org.redcapjdbc.emulator.api.log.LogExport;
import org.redcapjdbc.emulator.api.project.PdfExport;
import org.redcapjdbc.emulator.api.project.ProjectSettingsImport;
import org.redcapjdbc.emulator.api.record.FileMethods;
import org.redcapjdbc.emulator.api.record.NextRecordName;
import org.redcapjdbc.emulator.api.record.RecordDelete;
import org.redcapjdbc.emulator.api.record.RecordExport;
import org.redcapjdbc.emulator.api.record.RecordImport;
import org.redcapjdbc.emulator.api.record.RecordRename;
import org.redcapjdbc.emulator.api.record.ReportExport;
import org.redcapjdbc.emulator.api.structure.ArmMethods;
import org.redcapjdbc.emulator.api.structure.EventMethods;
import org.redcapjdbc.emulator.api.structure.FieldNamesExport;
import org.redcapjdbc.emulator.api.structure.InstrumentExport;
import org.redcapjdbc.emulator.api.structure.MappingMethods;
import org.redcapjdbc.emulator.api.structure.MetadataMethods;
import org.redcapjdbc.emulator.api.structure.ProjectInfoExport;
import org.redcapjdbc.emulator.api.structure.ProjectXmlExport;
import org.redcapjdbc.emulator.api.structure.RepeatingMethods;
import org.redcapjdbc.emulator.api.survey.SurveyMethods;

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
    r.register("user", "export", new UserMethods.Export());
    r.register("user", "import", new UserMethods.Import());
    r.register("user", "delete", new UserMethods.Delete());
    r.register("userRole", "export", new RoleMethods.Export());
    r.register("userRole", "import", new RoleMethods.Import());
    r.register("userRole", "delete", new RoleMethods.Delete());
    r.register("userRoleMapping", "export", new RoleMappingMethods.Export());
    r.register("userRoleMapping", "import", new RoleMappingMethods.Import());
    r.register("dag", "export", new DagMethods.Export());
    r.register("dag", "import", new DagMethods.Import());
    r.register("dag", "delete", new DagMethods.Delete());
    r.register("dag", "switch", new DagMethods.Switch());
    r.register("userDagMapping", "export", new DagMappingMethods.Export());
    r.register("userDagMapping", "import", new DagMappingMethods.Import());
    r.register("log", "export", new LogExport());
    r.register("project_settings", "import", new ProjectSettingsImport());
    r.register("pdf", "export", new PdfExport());
    // Creating a project needs the super token (the dispatcher handles it before any project
    // token).
    r.register(
        "project",
        "import",
        call -> {
          throw ApiException.forbidden(ApiDispatcher.NO_PERMISSION);
        });
    // Randomization is out of this emulator's scope.
    r.register(
        "record",
        "randomize",
        call -> {
          throw new ApiException(501, "The requested method is not implemented.");
        });
    r.register("report", "export", new ReportExport());
    r.register("surveyLink", "export", new SurveyMethods.Link());
    r.register("surveyQueueLink", "export", new SurveyMethods.QueueLink());
    r.register("surveyReturnCode", "export", new SurveyMethods.ReturnCode());
    r.register("surveyAccessCode", "export", new SurveyMethods.AccessCode());
    r.register("participantList", "export", new SurveyMethods.ParticipantList());
    r.register("file", "export", new FileMethods.Export());
    r.register("file", "import", new FileMethods.Import());
    r.register("file", "delete", new FileMethods.Delete());
    r.register("fileRepository", "list", new FileRepositoryMethods.ListFiles());
    r.register("fileRepository", "export", new FileRepositoryMethods.Export());
    r.register("fileRepository", "import", new FileRepositoryMethods.Import());
    r.register("fileRepository", "delete", new FileRepositoryMethods.Delete());
    r.register("fileRepository", "createFolder", new FileRepositoryMethods.CreateFolder());
  }
}
