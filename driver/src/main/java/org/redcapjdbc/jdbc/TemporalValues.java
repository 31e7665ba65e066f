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

  /**
   * Days are first looked at in blocks of 64: almost every block lies between two offset changes,
   * and then one remembered start serves all its days (a project's dates span decades, more days
   * than a table of single days holds).
   */
  private static final int BLOCK_SHIFT = 6;

  private static final int BLOCK_DAYS = 1 << BLOCK_SHIFT;

  /** Blocks remembered per time-zone setting, direct-mapped: about 700 years. */
  private static final int BLOCKS = 1 << 12;

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
    int block = day >> BLOCK_SHIFT;
    Entry b = days.dateBlocks[block & (BLOCKS - 1)];
    if (b == null || b.day != block) {
      b = new Entry(block, linearDateBlock(block));
      days.dateBlocks[block & (BLOCKS - 1)] = b;
    }
    if (b.millis != NOT_LINEAR) {
      return new Date(b.millis + (long) (day - (block << BLOCK_SHIFT)) * DAY);
    }
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
    long block = day >> BLOCK_SHIFT;
    Entry b = days.timestampBlocks[(int) block & (BLOCKS - 1)];
    if (b == null || b.day != block) {
      b = new Entry(block, linearTimestampBlock(block));
      days.timestampBlocks[(int) block & (BLOCKS - 1)] = b;
    }
    if (b.millis != NOT_LINEAR) {
      return new Timestamp(b.millis + (millis - (block << BLOCK_SHIFT) * DAY));
    }
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
   * Avatica's milliseconds for the first date of a block of {@link #BLOCK_DAYS} days, if each of
   * its dates is that plus whole days: the first, middle and last dates agree, and no zone changes
   * its offset within two days of the block. Else {@link #NOT_LINEAR}: the block's dates are
   * remembered one by one. (Before 1583 Avatica's dates follow the Julian calendar, whose jumps
   * the three dates catch.)
   */
  private long linearDateBlock(int block) {
    int first = block << BLOCK_SHIFT;
    long start = DateTimeUtils.unixDateToSqlDate(first, calendar).getTime();
    long middle = DateTimeUtils.unixDateToSqlDate(first + BLOCK_DAYS / 2, calendar).getTime();
    long last = DateTimeUtils.unixDateToSqlDate(first + BLOCK_DAYS - 1, calendar).getTime();
    boolean linear =
        middle - start == (BLOCK_DAYS / 2) * DAY
            && last - start == (BLOCK_DAYS - 1) * DAY
            && steadyOffsets(start, last);
    return linear ? start : NOT_LINEAR;
  }

  /**
   * Avatica's milliseconds for the first instant of a block of {@link #BLOCK_DAYS} days, if every
   * instant of the block is that plus its distance from the block's start (checked as for
   * {@link #linearDateBlock}); else {@link #NOT_LINEAR}: the block goes day by day.
   */
  private long linearTimestampBlock(long block) {
    long first = (block << BLOCK_SHIFT) * DAY;
    long span = BLOCK_DAYS * DAY;
    long start = DateTimeUtils.unixTimestampToSqlTimestamp(first, calendar).getTime();
    long middle = DateTimeUtils.unixTimestampToSqlTimestamp(first + span / 2, calendar).getTime();
    long last = DateTimeUtils.unixTimestampToSqlTimestamp(first + span - 1, calendar).getTime();
    boolean linear =
        middle - start == span / 2 && last - start == span - 1 && steadyOffsets(start, last);
    return linear ? start : NOT_LINEAR;
  }

  /** Whether no zone involved changes its offset from two days before {@code from} to after {@code to}. */
  private boolean steadyOffsets(long from, long to) {
    for (ZoneRules rules : days.zones) {
      if (changesBetween(rules, from - 2 * DAY, to + 3 * DAY)) {
        return false;
      }
    }
    return true;
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
    return steadyOffsets(start, start) ? start : NOT_LINEAR;
  }

  /** Whether the zone's offset changes after {@code from} and at or before {@code to}. */
  private static boolean changesBetween(ZoneRules rules, long from, long to) {
    if (rules.isFixedOffset()) {
      return false;
    }
    ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochMilli(from));
    return next != null && next.getInstant().toEpochMilli() <= to;
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
    final Entry[] dateBlocks = new Entry[BLOCKS];
    final Entry[] timestampBlocks = new Entry[BLOCKS];
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
