package org.redcapjdbc.model;

import java.time.LocalTime;
import java.util.Map;

/**
 * TIME columns: {@code time} fields ({@code HH:MM}) and {@code time_hh_mm_ss} fields
 * ({@code HH:MM:SS}). Reads either form; writes the field's own.
 */
final class TimeConverter extends WireConverter {
  private static final String NOT_A_TIME = "is not a time of day (HH:MM or HH:MM:SS)";

  private final boolean withSeconds;

  TimeConverter(String column, boolean withSeconds, Map<String, String> missingDataCodes) {
    super(column, SqlType.TIME, missingDataCodes);
    this.withSeconds = withSeconds;
  }

  @Override
  public Object fromWire(String wire, ValueProblemSink problems) {
    if (wire == null || wire.isEmpty()) {
      return null;
    }
    int millis = WireTime.millisOfDay(wire, 0, wire.length());
    if (millis == WireTime.NOT_A_TIME) {
      return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, NOT_A_TIME);
    }
    return millis;
  }

  @Override
  public String toWire(Object value) {
    if (value == null) {
      return "";
    }
    int millis;
    if (value instanceof Integer m) {
      if (m < 0 || m >= WireTime.MILLIS_PER_DAY) {
        throw cannotWrite(value, "a TIME is 0 to 86399999 milliseconds of the day");
      }
      millis = m;
    } else if (value instanceof LocalTime t) {
      if (t.getNano() % 1_000_000 != 0) {
        throw cannotWrite(value, "REDCap stores whole seconds");
      }
      millis = (int) (t.toNanoOfDay() / 1_000_000);
    } else if (value instanceof java.sql.Time t) {
      millis = (int) (t.toLocalTime().toNanoOfDay() / 1_000_000);
    } else if (value instanceof CharSequence text) {
      Object parsed = parseForWrite(text.toString());
      if (parsed == null) {
        return "";
      }
      millis = (Integer) parsed;
    } else {
      throw cannotWrite(value, "it takes a TIME");
    }
    return format(millis, value);
  }

  private String format(int millis, Object original) {
    if (millis % 1000 != 0) {
      throw cannotWrite(original, "REDCap stores whole seconds");
    }
    int seconds = millis / 1000;
    if (!withSeconds && seconds % 60 != 0) {
      throw cannotWrite(original, "this field stores hours and minutes (HH:MM) only");
    }
    return formatClock(seconds, withSeconds);
  }

  /** {@code HH:MM} or {@code HH:MM:SS} of a second of the day. */
  static String formatClock(int secondOfDay, boolean withSeconds) {
    int hour = secondOfDay / 3600;
    int minute = secondOfDay / 60 % 60;
    StringBuilder s = new StringBuilder(8);
    twoDigits(s, hour).append(':');
    twoDigits(s, minute);
    if (withSeconds) {
      twoDigits(s.append(':'), secondOfDay % 60);
    }
    return s.toString();
  }

  private static StringBuilder twoDigits(StringBuilder s, int value) {
    return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
