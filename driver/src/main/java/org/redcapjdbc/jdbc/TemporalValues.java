package org.redcapjdbc.jdbc;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * The {@code java.sql.Date} and {@code java.sql.Timestamp} values Avatica's {@code getObject}
 * makes of a DATE (days since 1970) or TIMESTAMP (milliseconds) column, made cheaply. Avatica 1.28 builds each through {@code java.time} and the deprecated
 * calendar-field constructors ({@code Date.valueOf(LocalDate)}, {@code
 * Timestamp.valueOf(LocalDateTime)}) and then normalises them: about a fifth of the client CPU of
 * reading a wide table whose dates and timestamps are read with {@code getObject}.
 *
 * <p>The values stay exactly Avatica's: a date's milliseconds are Avatica's own result for that
 * day, remembered; a timestamp is Avatica's result for the start of its day plus the time of day,
 * used only for days on which that is exact: Avatica's result at the day's last millisecond
 * agrees, and neither the JVM's zone, the zone Avatica took as the JVM's when it loaded, nor the
 * result set calendar's zone changes its offset within two days. On other days every value goes
 * through Avatica.
 *
 * <p>What is remembered is shared by every result set with the same time zones (about a megabyte
 * each at most), since a day's dates repeat across queries more than within one. An instance is
 * used by one result set at a time, as the result set itself.
 */
public final class TemporalValues {
  private static final long DAY = 86_400_000L;
  private static final long NOT_LINEAR = Long.MIN_VALUE;

  /** Days remembered per time-zone setting, direct-mapped: about 90 years without collisions. */
  private static final int TABLE_SIZE = 1 << 15;

  /** The remembered days of each time-zone setting, shared by all result sets. */
  private static final ConcurrentHashMap<String, Days> BY_ZONES = new ConcurrentHashMap<>();

  private final Calendar calendar;
  private final Days days;

  /**
   * @param calendar the result set's calendar, the one Avatica's {@code getObject} passes (null
   *     for none)
   */
  public TemporalValues(Calendar calendar) {
    this.calendar = calendar;
    TimeZone local = TimeZone.getDefault();
    // Avatica's arithmetic involves the JVM's zone now, the one it saw when it loaded, and the
    // calendar's: the remembered values belong to that combination.
    String key =
        local.getID()
            + '|'
            + DateTimeUtils.DEFAULT_ZONE.getID()
            + '|'
            + (calendar == null ? "" : calendar.getTimeZone().getID());
    this.days = BY_ZONES.computeIfAbsent(key, k -> new Days(local, calendar));
  }

  /** What Avatica's {@code getObject} returns for a DATE column holding {@code day}. */
  public Date date(int day) {
    Entry e = days.dates[day & (TABLE_SIZE - 1)];
    long millis;
    if (e != null && e.day == day) {
      millis = e.millis;
    } else {
      millis = DateTimeUtils.unixDateToSqlDate(day, calendar).getTime();
      days.dates[day & (TABLE_SIZE - 1)] = new Entry(day, millis);
    }
    return new Date(millis);
  }

  /** What Avatica's {@code getObject} returns for a TIMESTAMP column holding {@code millis}. */
  public Timestamp timestamp(long millis) {
    long day = Math.floorDiv(millis, DAY);
    int slot = (int) day & (TABLE_SIZE - 1);
    Entry e = days.dayStarts[slot];
    long start;
    if (e != null && e.day == day) {
      start = e.millis;
    } else {
      start = linearDayStart(day);
      days.dayStarts[slot] = new Entry(day, start);
    }
    if (start == NOT_LINEAR) {
      return DateTimeUtils.unixTimestampToSqlTimestamp(millis, calendar);
    }
    return new Timestamp(start + Math.floorMod(millis, DAY));
  }

  /**
   * Avatica's milliseconds for the start of {@code day}, if every value of the day is that plus
   * its time of day; else {@link #NOT_LINEAR}.
   */
  private long linearDayStart(long day) {
    long first = day * DAY;
    long start = DateTimeUtils.unixTimestampToSqlTimestamp(first, calendar).getTime();
    long end = DateTimeUtils.unixTimestampToSqlTimestamp(first + DAY - 1, calendar).getTime();
    if (start == NOT_LINEAR || end - start != DAY - 1) {
      return NOT_LINEAR;
    }
    for (ZoneRules rules : days.zones) {
      if (changesNear(rules, start)) {
        return NOT_LINEAR;
      }
    }
    return start;
  }

  /** Whether the zone's offset changes within two days of {@code instant}. */
  private static boolean changesNear(ZoneRules rules, long instant) {
    if (rules.isFixedOffset()) {
      return false;
    }
    ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochMilli(instant - 2 * DAY));
    return next != null && next.getInstant().toEpochMilli() <= instant + 3 * DAY;
  }

  /** A remembered day: immutable, so a racing reader sees it whole or not at all. */
  private record Entry(long day, long millis) {}

  /**
   * The days remembered for one time-zone setting. Slots are written without locks: a reader
   * sees an older entry, a newer one, or none, each of which it checks by its day.
   */
  private static final class Days {
    final Entry[] dates = new Entry[TABLE_SIZE];
    final Entry[] dayStarts = new Entry[TABLE_SIZE];
    final ZoneRules[] zones;

    Days(TimeZone local, Calendar calendar) {
      List<ZoneRules> rules = new ArrayList<>();
      rules.add(local.toZoneId().getRules());
      rules.add(DateTimeUtils.DEFAULT_ZONE.toZoneId().getRules());
      if (calendar != null) {
        rules.add(calendar.getTimeZone().toZoneId().getRules());
      }
      this.zones = rules.toArray(new ZoneRules[0]);
    }
  }
}
