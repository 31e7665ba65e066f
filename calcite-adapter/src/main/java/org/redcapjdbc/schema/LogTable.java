package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.client.LogRequest;
import org.redcapjdbc.client.LogType;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RedcapException.Kind;
import org.redcapjdbc.filter.FilterTranslator;
import org.redcapjdbc.filter.TimeRange;
import org.redcapjdbc.plan.RuleRegisteringTable;
import org.redcapjdbc.plan.TableWriter;
import org.redcapjdbc.plan.WritableTable;

/**
 * {@code meta.log}: REDCap's logging export ({@code content=log}), one row per log entry. REDCap
 * filters the log by time ({@code beginTime}/{@code endTime}, whole minutes), user, record, data
 * access group and log type, and this table sends each of those that a query's WHERE clause
 * implies; Calcite still applies the exact predicates to what comes back. A whole project's log
 * is large and REDCap can time out producing it, so a query is read in {@link #WINDOW} time
 * windows from the project's creation time (or the query's lower bound) on, one request per
 * window, each window read only when the rows before it were consumed. Needs the Logging right.
 */
final class LogTable extends AbstractTable
    implements ProjectableFilterableTable, RuleRegisteringTable, RedcapTableInfo, WritableTable {
  /** The time span of one logging request when a query reads a longer span (README). */
  static final Duration WINDOW = Duration.ofDays(30);

  static final List<String> COLUMNS =
      List.of("timestamp", "username", "action", "details", "record", "logtype", "dag");
  private static final int TIMESTAMP = 0;
  private static final int USERNAME = 1;
  private static final int RECORD = 4;
  private static final int LOGTYPE = 5;
  private static final int DAG = 6;

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProjectSession session;

  LogTable(ProjectSession session) {
    this.session = requireNonNull(session, "session");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    b.add("timestamp", f.createSqlType(SqlTypeName.TIMESTAMP, 0));
    for (String name : COLUMNS.subList(1, COLUMNS.size())) {
      b.add(name, RelTypes.nullable(f, SqlTypeName.VARCHAR));
    }
    return b.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(10_000d, List.of());
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }

  @Override
  public String remarks() {
    return "The project's log (content=log), one row per entry; needs the Logging right. WHERE on"
        + " timestamp, username, record, logtype and dag is sent to REDCap; other reads go in"
        + " 30-day windows";
  }

  @Override
  public String columnRemarks(String column) {
    switch (column.toLowerCase(Locale.ROOT)) {
      case "timestamp":
        return "When, in the REDCap server's local time, to the minute";
      case "username":
        return "Who (a user name, or [survey respondent] and the like)";
      case "action":
        return "REDCap's action text, e.g. Update record (API) 12 or Manage/Design";
      case "details":
        return "What changed (field = 'value', ...) or what was done";
      case "record":
        return "The record concerned; NULL for other entries";
      case "logtype":
        return "The category of REDCap's logtype filter the action belongs to (record_add,"
            + " record_edit, record_delete, export, manage, user, lock_record, page_view),"
            + " derived from the action text; NULL when none fits";
      case "dag":
        return "The data access group asked for in WHERE dag = ... (REDCap's dag filter: entries"
            + " by that group's users); NULL when the query names none";
      default:
        return null;
    }
  }

  @Override
  public List<String> primaryKey() {
    return List.of();
  }

  @Override
  public List<Integer> matchedRowColumns() {
    return List.of(TIMESTAMP);
  }

  @Override
  public TableWriter writer(TableModify.Operation operation, List<String> updateColumns) {
    String name = session.metaSchema() + ".log";
    return new RefusedWrite(
        operation + " on " + name,
        name + " is read-only: REDCap's log is written by REDCap",
        "0A000");
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    int[] columns = projects != null ? projects : new int[] {0, 1, 2, 3, 4, 5, 6};
    TimeRange time = TimeRange.ALL;
    Set<String> users = null;
    Set<String> records = null;
    Set<String> types = null;
    Set<String> dags = null;
    for (RexNode entry : filters) {
      for (RexNode conjunct : RelOptUtil.conjunctions(entry)) {
        // The DAG is not in the rows: its filter must reach REDCap, pushdown or not.
        Optional<Set<String>> d = FilterTranslator.equalityValues(conjunct, DAG, root::get);
        if (d.isPresent()) {
          dags = intersect(dags, d.get());
        }
        if (!session.config().pushdown()) {
          continue;
        }
        Optional<TimeRange> t = TimeRange.of(conjunct, TIMESTAMP, root::get);
        if (t.isPresent()) {
          time = time.and(t.get());
        }
        users = narrowed(users, conjunct, USERNAME, root);
        records = narrowed(records, conjunct, RECORD, root);
        types = narrowed(types, conjunct, LOGTYPE, root);
      }
    }
    if (time.isEmpty() || isEmpty(users) || isEmpty(records) || isEmpty(types) || isEmpty(dags)) {
      return Linq4j.emptyEnumerable();
    }
    LogRequest.Builder base = LogRequest.builder();
    String pushedType = null;
    // One value each is what REDCap's filters take; with more, Calcite filters what comes back.
    if (users != null && users.size() == 1) {
      base.user(users.iterator().next());
    }
    if (records != null && records.size() == 1) {
      base.record(records.iterator().next());
    }
    if (types != null && types.size() == 1) {
      LogType type = logType(types.iterator().next());
      if (type == null) {
        return Linq4j.emptyEnumerable(); // a category no entry has
      }
      base.logType(type);
      pushedType = type.wire();
    }
    List<String> groups = dags == null ? java.util.Arrays.asList((String) null) : List.copyOf(dags);
    List<TimeRange> windows = windows(time, creationTime(), LocalDateTime.now(), WINDOW);
    return new LogRows(base, pushedType, groups, windows, columns, root);
  }

  private static Set<String> narrowed(
      Set<String> current, RexNode conjunct, int column, DataContext root) {
    Optional<Set<String>> v = FilterTranslator.equalityValues(conjunct, column, root::get);
    return v.isPresent() ? intersect(current, v.get()) : current;
  }

  private static Set<String> intersect(Set<String> current, Set<String> more) {
    if (current == null) {
      return new LinkedHashSet<>(more);
    }
    current.retainAll(more);
    return current;
  }

  private static boolean isEmpty(Set<String> set) {
    return set != null && set.isEmpty();
  }

  private static LogType logType(String category) {
    for (LogType t : LogType.values()) {
      if (t.wire().equals(category) && t != LogType.RECORD) {
        return t;
      }
    }
    return null;
  }

  /** The project's creation time from the snapshot's project info; null when unknown. */
  private LocalDateTime creationTime() {
    String created = session.model().projectInfo().get("creation_time");
    if (created == null || created.length() < 16) {
      return null;
    }
    try {
      return LocalDateTime.parse(created.substring(0, 16), MINUTES);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The requests' time windows, oldest first: from the range's lower bound (or the project's
   * creation, or without a lower bound when neither is known) to its upper bound, in spans of
   * {@code window}. The last window has no end when the range has none, so entries stamped after
   * this machine's "now" (a server clock ahead) are not missed. Bounds are whole minutes: REDCap
   * takes {@code HH:MM}, and an end time covers its whole minute, so window {@code i} ends one
   * minute before window {@code i + 1} begins.
   */
  static List<TimeRange> windows(
      TimeRange range, LocalDateTime created, LocalDateTime now, Duration window) {
    LocalDateTime start = range.lower() != null ? range.lower() : created;
    LocalDateTime end = range.upper();
    start = start == null ? null : start.truncatedTo(ChronoUnit.MINUTES);
    end = end == null ? null : end.truncatedTo(ChronoUnit.MINUTES);
    List<TimeRange> out = new ArrayList<>();
    if (start == null) {
      out.add(new TimeRange(null, end));
      return out;
    }
    LocalDateTime last = end != null ? end : now;
    LocalDateTime from = start;
    while (true) {
      LocalDateTime next = from.plus(window);
      if (!next.isBefore(last)) {
        out.add(new TimeRange(from, end));
        return out;
      }
      out.add(new TimeRange(from, next.minusMinutes(1)));
      from = next;
    }
  }

  /**
   * The logtype category of an action, for the categories REDCap's filter has: the action texts
   * of REDCap 11 to 15 (docs/redcap-api.md §2.11); null when none fits.
   */
  static String category(String action) {
    if (action == null) {
      return null;
    }
    String a = action.strip().toLowerCase(Locale.ROOT);
    if (a.startsWith("manage/design")) {
      return "manage";
    }
    if (a.startsWith("data export")) {
      return "export";
    }
    if (a.startsWith("create record") || a.startsWith("created record")) {
      return "record_add";
    }
    if (a.startsWith("update record") || a.startsWith("updated record")) {
      return "record_edit";
    }
    if (a.startsWith("delete record") || a.startsWith("deleted record")) {
      return "record_delete";
    }
    if (a.startsWith("lock/unlock")
        || a.startsWith("lock record")
        || a.startsWith("unlock record")) {
      return "lock_record";
    }
    if (a.startsWith("page view")) {
      return "page_view";
    }
    if (a.matches(".*\\buser\\b.*") || a.startsWith("switch data access group")) {
      return "user";
    }
    return null;
  }

  /** The rows of one scan: one request per (group, window), each made when its rows are due. */
  private final class LogRows extends AbstractEnumerable<Object[]> {
    private final LogRequest.Builder base;

    /**
     * The category REDCap was asked for, or null. REDCap's classification of what it returns is
     * authoritative: the rows carry it rather than the one read from their action text, so that
     * Calcite's re-check never drops an entry REDCap put in the category.
     */
    private final String pushedType;

    private final List<String> groups;
    private final List<TimeRange> windows;
    private final int[] columns;
    private final DataContext root;

    LogRows(
        LogRequest.Builder base,
        String pushedType,
        List<String> groups,
        List<TimeRange> windows,
        int[] columns,
        DataContext root) {
      this.base = base;
      this.pushedType = pushedType;
      this.groups = groups;
      this.windows = windows;
      this.columns = columns;
      this.root = root;
    }

    @Override
    public Enumerator<Object[]> enumerator() {
      QueryCancel cancel = QueryCancel.of(root, "content=log");
      return new Enumerator<>() {
        private int nextRequest;
        private String group;
        private Iterator<Map<String, String>> rows = java.util.Collections.emptyIterator();
        private Object[] current;

        @Override
        public Object[] current() {
          if (current == null) {
            throw new NoSuchElementException();
          }
          return current;
        }

        @Override
        public boolean moveNext() {
          while (!rows.hasNext()) {
            if (nextRequest >= groups.size() * windows.size()) {
              current = null;
              return false;
            }
            cancel.check();
            group = groups.get(nextRequest / windows.size());
            TimeRange w = windows.get(nextRequest % windows.size());
            nextRequest++;
            LogRequest request = base.dag(group).beginTime(w.lower()).endTime(w.upper()).build();
            rows = session.client().project().exportLogging(request).iterator();
          }
          current = row(rows.next(), group);
          return true;
        }

        @Override
        public void reset() {
          throw new UnsupportedOperationException("meta.log is read once per scan");
        }

        @Override
        public void close() {
          rows = java.util.Collections.emptyIterator();
        }
      };
    }

    private Object[] row(Map<String, String> entry, String group) {
      Object[] row = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        String name = COLUMNS.get(columns[i]);
        switch (columns[i]) {
          case TIMESTAMP:
            row[i] = millis(entry.get(name));
            break;
          case LOGTYPE:
            row[i] = pushedType != null ? pushedType : category(entry.get("action"));
            break;
          case DAG:
            row[i] = group;
            break;
          default:
            String v = entry.get(name);
            row[i] = v == null || v.isEmpty() ? null : v;
        }
      }
      return row;
    }
  }

  /** A log timestamp as Calcite's TIMESTAMP value; a missing or malformed one fails the query. */
  private static long millis(String timestamp) {
    try {
      String t = timestamp.strip();
      LocalDateTime time =
          t.length() > 16
              ? LocalDateTime.parse(t.replace(' ', 'T'))
              : LocalDateTime.parse(t, MINUTES);
      return time.toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (RuntimeException e) {
      throw new RedcapException(
          Kind.PROTOCOL,
          200,
          "content=log",
          null,
          "REDCap's log export has an entry whose timestamp is "
              + (timestamp == null ? "missing" : "'" + timestamp + "'")
              + ", not YYYY-MM-DD HH:MM: the answer is not one this driver can read.",
          e);
    }
  }
}
