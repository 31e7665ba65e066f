package org.redcapjdbc.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Turns the server's clock into a safe {@code dateRangeBegin}. REDCap compares it with its log in
 * <em>server local time</em>, without a zone, at minute resolution (docs/redcap-api.md §4.15,
 * docs/snapshot-cache.md §3). The instant of a check is the server's own, read from the HTTP
 * {@code Date} header of the check's first answer (so the client's clock and its skew play no
 * part); its local time needs the server's zone: configured ({@code serverTimeZone}) or, when
 * unknown, the earliest local time any zone has at that instant (UTC−12), which can only widen
 * the range.
 */
public final class ServerClock {
  /** Slack under the computed begin: minute rounding of the log and the request's own time. */
  public static final Duration OVERLAP = Duration.ofMinutes(2);

  /** The westernmost offset in use: no server's local time is earlier than UTC−12. */
  static final ZoneOffset EARLIEST = ZoneOffset.ofHours(-12);

  /**
   * Allowance under a begin computed with an offset learnt from the log: the offset was right when
   * learnt, and a daylight-saving change since can have moved local time back by an hour.
   */
  public static final Duration LEARNT_OFFSET_ALLOWANCE = Duration.ofHours(1);

  private ServerClock() {}

  /**
   * The server's UTC offset, from the latest time stamp of its log ({@code YYYY-MM-DD HH:MM},
   * server local time, minute resolution) read just after a request of ours was logged, against
   * the server's instant {@code serverNow} (its {@code Date} header): rounded to the quarter hour
   * every zone's offset is a multiple of. Null when there is no usable time stamp or the result is
   * not a real offset.
   */
  public static ZoneOffset offsetFromLog(Iterable<String> timestamps, Instant serverNow) {
    LocalDateTime latest = null;
    for (String t : timestamps) {
      if (t == null || t.length() < 16) {
        continue;
      }
      try {
        LocalDateTime v = LocalDateTime.parse(t.substring(0, 16).replace(' ', 'T'));
        if (latest == null || v.isAfter(latest)) {
          latest = v;
        }
      } catch (DateTimeParseException e) {
        // not a time stamp: skip
      }
    }
    if (latest == null) {
      return null;
    }
    long seconds =
        Duration.between(LocalDateTime.ofInstant(serverNow, ZoneOffset.UTC), latest).getSeconds();
    long quarters = Math.round(seconds / 900.0);
    if (quarters < -12 * 4 || quarters > 14 * 4) {
      return null;
    }
    return ZoneOffset.ofTotalSeconds((int) (quarters * 900));
  }

  /** The instant of an HTTP {@code Date} header (RFC 1123), or null when absent or malformed. */
  public static Instant parseDate(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The {@code dateRangeBegin} that lists every record changed at or after {@code checkedAt} (a
   * server instant): its local time in {@code zone} (or the earliest of any zone when null),
   * moved back over any backward clock change (end of daylight saving) between then and {@code
   * now}, cut to the minute and less {@link #OVERLAP}.
   */
  public static LocalDateTime rangeBegin(Instant checkedAt, ZoneId zone, Instant now) {
    LocalDateTime local;
    if (zone == null) {
      local = LocalDateTime.ofInstant(checkedAt, EARLIEST);
    } else if (zone instanceof ZoneOffset) {
      // Learnt from the log, not configured: allow for a daylight-saving change since.
      local = LocalDateTime.ofInstant(checkedAt, zone).minus(LEARNT_OFFSET_ALLOWANCE);
    } else {
      local = LocalDateTime.ofInstant(checkedAt, zone);
      ZoneRules rules = zone.getRules();
      ZoneOffsetTransition t = rules.nextTransition(checkedAt.minus(OVERLAP));
      while (t != null && !t.getInstant().isAfter(now)) {
        if (t.isOverlap()) {
          local = local.minus(t.getDuration().abs()); // local times repeat: go back by the jump
        }
        t = rules.nextTransition(t.getInstant());
      }
    }
    return local.truncatedTo(ChronoUnit.MINUTES).minus(OVERLAP);
  }
}
