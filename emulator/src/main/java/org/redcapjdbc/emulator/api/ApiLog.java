package org.redcapjdbc.emulator.api;

import java.util.HashMap;
import java.util.Map;
import org.redcapjdbc.emulator.model.LogEntry;

/**
 * The log entry a method leaves when it does not write its own: API exports log themselves in
 * REDCap ({@code Export Logging (API)}, {@code Export DAGs (API)}…, under {@code Manage/Design }),
 * data exports under the {@code export} log type, and structural changes as design entries.
 * Record, user, role, DAG and file changes write their own, more detailed entries.
 */
final class ApiLog {
  /** A default entry: log type and details (the action is {@code Manage/Design } or {@code Data export}). */
  record Default(String type, String details) {}

  private static final Map<String, Default> DEFAULTS = new HashMap<>();

  static {
    manage("metadata/export", "Export data dictionary (API)");
    manage("metadata/import", "Upload data dictionary (API)");
    manage("exportFieldNames/export", "Export list of export field names (API)");
    manage("instrument/export", "Export instruments (API)");
    manage("formEventMapping/export", "Export instrument-event mappings (API)");
    manage("formEventMapping/import", "Import instrument-event mappings (API)");
    manage("arm/export", "Export arms (API)");
    manage("arm/import", "Import arms (API)");
    manage("arm/delete", "Delete arms (API)");
    manage("event/export", "Export events (API)");
    manage("event/import", "Import events (API)");
    manage("event/delete", "Delete events (API)");
    manage("repeatingFormsEvents/export", "Export repeating instruments and events (API)");
    manage("repeatingFormsEvents/import", "Set up repeating instruments and events (API)");
    manage("project/export", "Export project information (API)");
    manage("project_settings/import", "Modify project settings (API)");
    manage("project_xml/export", "Export project XML (API)");
    manage("user/export", "Export users (API)");
    manage("userRole/export", "Export user roles (API)");
    manage("userRoleMapping/export", "Export user-role assignments (API)");
    manage("dag/export", "Export DAGs (API)");
    manage("userDagMapping/export", "Export user-DAG assignments (API)");
    manage("log/export", "Export Logging (API)");
    manage("fileRepository/list", "Export list of files in the File Repository (API)");
    manage("surveyLink/export", "Export survey link (API)");
    manage("surveyQueueLink/export", "Export survey queue link (API)");
    manage("surveyReturnCode/export", "Export survey return code (API)");
    manage("surveyAccessCode/export", "Export survey access code (API)");
    manage("participantList/export", "Export survey participant list (API)");
    export("record/export", "Export records (API)");
    export("report/export", "Export report (API)");
    export("pdf/export", "Download PDF of instruments (API)");
    export("file/export", "Download uploaded document (API)");
    export("fileRepository/export", "Download file from the File Repository (API)");
  }

  private ApiLog() {}

  private static void manage(String key, String details) {
    DEFAULTS.put(key, new Default(LogEntry.MANAGE, details));
  }

  private static void export(String key, String details) {
    DEFAULTS.put(key, new Default(LogEntry.EXPORT, details));
  }

  /** The default entry of a method key, or null when it logs nothing by default. */
  static Default of(String methodKey) {
    return DEFAULTS.get(methodKey);
  }

  static String action(Default d) {
    return d.type().equals(LogEntry.EXPORT) ? "Data export" : LogEntry.MANAGE_DESIGN;
  }
}
