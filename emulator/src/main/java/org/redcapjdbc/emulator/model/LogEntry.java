package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * One entry of a project's log (REDCap's audit trail).
 *
 * @param id increasing with time
 * @param timestamp server-local time of the change
 * @param username who made it
 * @param type the {@code logtype} it answers to: {@code export}, {@code manage}, {@code user},
 *     {@code record_add}, {@code record_edit} or {@code record_delete}
 * @param action REDCap's action text ({@code Create record (API) 12}, {@code Manage/Design }…)
 * @param details what changed ({@code age = '42', sex = '1'}) or what was done
 * @param record the record concerned, blank for other entries
 * @param groupId the DAG of the user who made the change, or null
 */
public record LogEntry(
    long id,
    LocalDateTime timestamp,
    String username,
    String type,
    String action,
    String details,
    String record,
    Integer groupId) {
  public static final String EXPORT = "export";
  public static final String MANAGE = "manage";
  public static final String USER = "user";
  public static final String RECORD_ADD = "record_add";
  public static final String RECORD_EDIT = "record_edit";
  public static final String RECORD_DELETE = "record_delete";

  /** REDCap's action text for design and management entries, trailing space included (observed). */
  public static final String MANAGE_DESIGN = "Manage/Design ";

  public LogEntry {
    requireNonNull(timestamp, "timestamp");
    requireNonNull(username, "username");
    requireNonNull(type, "type");
    requireNonNull(action, "action");
    details = details == null ? "" : details;
    record = record == null ? "" : record;
  }
}
