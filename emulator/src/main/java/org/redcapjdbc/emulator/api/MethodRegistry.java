package org.redcapjdbc.emulator.api;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * API methods keyed by {@code content/action} ({@code record/export}, {@code arm/delete}…).
 * New methods are added by registering a handler; nothing dispatches on a big switch.
 */
public final class MethodRegistry {
  /** Every {@code content} value real REDCap servers accept (docs/redcap-api.md §1.2). */
  public static final Set<String> REDCAP_CONTENTS =
      Set.of(
          "record",
          "metadata",
          "exportFieldNames",
          "instrument",
          "formEventMapping",
          "arm",
          "event",
          "repeatingFormsEvents",
          "project",
          "project_settings",
          "project_xml",
          "version",
          "user",
          "userRole",
          "userRoleMapping",
          "dag",
          "userDagMapping",
          "file",
          "fileRepository",
          "log",
          "report",
          "pdf",
          "generateNextRecordName",
          "surveyLink",
          "surveyQueueLink",
          "surveyReturnCode",
          "surveyAccessCode",
          "participantList");

  private final Map<String, ApiMethod> methods = new LinkedHashMap<>();

  public MethodRegistry register(String content, String action, ApiMethod method) {
    requireNonNull(method, "method");
    String key = key(content, action);
    if (methods.putIfAbsent(key, method) != null) {
      throw new IllegalStateException("API method " + key + " is registered twice");
    }
    return this;
  }

  public static String key(String content, String action) {
    return content + "/" + action;
  }

  public ApiMethod get(String content, String action) {
    return methods.get(key(content, action));
  }

  /** Whether some action of {@code content} is registered. */
  public boolean knowsContent(String content) {
    String prefix = content + "/";
    for (String k : methods.keySet()) {
      if (k.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public Set<String> keys() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(methods.keySet()));
  }
}
