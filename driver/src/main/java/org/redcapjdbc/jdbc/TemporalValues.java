package org.redcapjdbc.jdbc;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * The {@code java.sql.Date} and {@code java.sql.Timestamp} values Avatica's {@code getObject}
 * makes of a DATE (days since 1970) or TIMESTAMP (milliseconds) column, made faster for one
 * result set. Avatica 1.28 builds each through {@code java.time} and the deprecated
 * calendar-field constructors ({@code Date.valueOf(LocalDate)}, {@code
 * Timestamp.valueOf(LocalDateTime)}) and then normalises them: about a fifth of the client CPU of
 * reading a wide table whose dates and timestamps are read with {@code getObject}.
 *
 * <p>The values stay exactly Avatica's: a date's milliseconds are Avatica's own result for that
 * day, remembered; a timestamp is Avatica's result for the start of its day plus the time of day,
 * used only for days on which that is exact (no offset change of the JVM's or the result set's
 * time zone, nor of the zone Avatica took as the JVM's when it loaded, within two days, checked against both Avatica's result at the day's last
 * millisecond and the zones' rules); on other days every value goes through Avatica.
 *
 * <p>Not thread-safe: one per result set, as the result set itself.
 */
public final class TemporalValues {
  private static final long DAY = 86_400_000L;

  /** Enough distinct days for decades of data; beyond it, values are computed uncached. */
  private static final int MAX_DAYS = 1 << 16;

  private static final long NOT_LINEAR = Long.MIN_VALUE;

  private final Calendar calendar;
  private final ZoneRules[] zones;
  private final Map<Integer, Long> dateMillis = new HashMap<>();
  private final Map<Long, Long> dayStartMillis = new HashMap<>();

  /**
   * @param calendar the result set's calendar, the one Avatica's {@code getObject} passes (null
   *     for none)
   */
  public TemporalValues(Calendar calendar) {
    this.calendar = calendar;
    // Avatica's arithmetic involves the JVM's zone now, the one it saw first, and the calendar's.
    List<ZoneRules> rules = new ArrayList<>();
    rules.add(TimeZone.getDefault().toZoneId().getRules());
    rules.add(DateTimeUtils.DEFAULT_ZONE.toZoneId().getRules());
    if (calendar != null) {
      rules.add(calendar.getTimeZone().toZoneId().getRules());
    }
    this.zones = rules.toArray(new ZoneRules[0]);
  }

  /** What Avatica's {@code getObject} returns for a DATE column holding {@code day}. */
  public Date date(int day) {
    Long millis = dateMillis.get(day);
    if (millis == null) {
      millis = DateTimeUtils.unixDateToSqlDate(day, calendar).getTime();
      if (dateMillis.size() < MAX_DAYS) {
        dateMillis.put(day, millis);
      }
    }
    return new Date(millis);
  }

  /** What Avatica's {@code getObject} returns for a TIMESTAMP column holding {@code millis}. */
  public Timestamp timestamp(long millis) {
    long day = Math.floorDiv(millis, DAY);
    Long start = dayStartMillis.get(day);
    if (start == null) {
      start = linearDayStart(day);
      if (dayStartMillis.size() < MAX_DAYS) {
        dayStartMillis.put(day, start);
      }
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
    for (ZoneRules rules : zones) {
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
}
