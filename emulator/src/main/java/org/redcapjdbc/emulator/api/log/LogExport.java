package org.redcapjdbc.emulator.api.log;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redcapjdbc.emulator.api.Access;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.store.LogStore;

/**
 * {@code content=log} (docs/redcap-api.md §2.11, docs/redcap-wire-samples.md §19): the project's
 * log, oldest first, as {@code timestamp} (minute precision), {@code username}, {@code action},
 * {@code details}, {@code record}; filtered by {@code logtype}, {@code user}, {@code record},
 * {@code dag} (group id or unique name) and {@code beginTime}/{@code endTime}
 * ({@code YYYY-MM-DD HH:MM}, seconds optional, hour 24 accepted). A user in a DAG sees only entries
 * made by users of that DAG. Needs the Logging right besides API export.
 */
public final class LogExport extends ExportMethod {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Pattern TIME =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

  private static final Map<String, Set<String>> TYPES =
      Map.of(
          "export", Set.of(LogEntry.EXPORT),
          "manage", Set.of(LogEntry.MANAGE),
          "user", Set.of(LogEntry.USER),
          "record", Set.of(LogEntry.RECORD_ADD, LogEntry.RECORD_EDIT, LogEntry.RECORD_DELETE),
          "record_add", Set.of(LogEntry.RECORD_ADD),
          "record_edit", Set.of(LogEntry.RECORD_EDIT),
          "record_delete", Set.of(LogEntry.RECORD_DELETE),
          "lock_record", Set.of("lock_record"),
          "page_view", Set.of("page_view"));

  @Override
  public void handle(ApiCall call) throws Exception {
    Access.require(call, "logging", "API Export", "Logging");
    Params p = call.params();
    Set<String> types = null;
    String logtype = p.get("logtype");
    if (logtype != null) {
      types = TYPES.get(logtype.strip().toLowerCase(Locale.ROOT));
      if (types == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"logtype\" is not valid. It must be one of the"
                + " following: export, manage, user, record, record_add, record_edit, record_delete, lock_record,"
                + " page_view");
      }
    }
    Integer group = null;
    String dag = p.get("dag");
    if (dag != null) {
      Dag d = call.definition().dag(dag.strip());
      if (d == null) {
        try {
          d = call.definition().dag(Integer.parseInt(dag.strip()));
        } catch (NumberFormatException e) {
          d = null;
        }
      }
      if (d == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"dag\" is not valid: '"
                + dag
                + "' is not a data access group of this project.");
      }
      group = d.id();
    }
    if (call.user().inDag()) {
      if (group != null && !group.equals(call.user().groupId())) {
        group = -1; // another group's entries: none visible
      } else {
        group = call.user().groupId();
      }
    }
    LogStore.Query q =
        new LogStore.Query(
            types,
            p.get("user"),
            p.get("record"),
            group,
            time(p, "beginTime", false),
            time(p, "endTime", true));
    int projectId = call.definition().id();
    List<LogEntry> entries = call.database().read(c -> LogStore.read(c, projectId, q));
    TableWriter w = call.table(List.of("timestamp", "username", "action", "details", "record"));
    for (LogEntry e : entries) {
      w.row(
          new Object[] {
            e.timestamp().format(MINUTES), e.username(), e.action(), e.details(), e.record()
          });
    }
    w.finish();
  }

  /** {@code YYYY-MM-DD HH:MM[:SS]} or a date; an end without seconds covers its whole minute. */
  static LocalDateTime time(Params p, String name, boolean end) throws ApiException {
    String v = p.get(name);
    if (v == null) {
      return null;
    }
    Matcher m = TIME.matcher(v.strip());
    if (!m.matches()) {
      throw ApiException.badRequest(
          "The value of the parameter \""
              + name
              + "\" is not valid: it must be a date and"
              + " time in the format YYYY-MM-DD HH:MM.");
    }
    try {
      LocalDateTime t = LocalDate.parse(m.group(1)).atStartOfDay();
      if (m.group(2) == null) {
        return end ? t.plusDays(1).minusSeconds(1) : t;
      }
      int hour = Integer.parseInt(m.group(2));
      int minute = Integer.parseInt(m.group(3));
      if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) {
        throw new IllegalArgumentException();
      }
      t = t.plusHours(hour).plusMinutes(minute);
      if (m.group(4) != null) {
        return t.plusSeconds(Integer.parseInt(m.group(4)));
      }
      return end ? t.plusSeconds(59) : t;
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "The value of the parameter \""
              + name
              + "\" is not valid: it must be a date and"
              + " time in the format YYYY-MM-DD HH:MM.");
    }
  }
}
