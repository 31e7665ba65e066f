package org.redcapjdbc.model;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * TIMESTAMP columns: {@code datetime_*} fields ({@code YYYY-MM-DD HH:MM}) and
 * {@code datetime_seconds_*} fields ({@code YYYY-MM-DD HH:MM:SS}), local time with no zone.
 * Reads either form; writes the field's own.
 */
final class TimestampConverter extends WireConverter {
  private static final String NOT_A_TIMESTAMP =
      "is not a date-time (YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS)";

  private final boolean withSeconds;

  TimestampConverter(String column, boolean withSeconds, Map<String, String> missingDataCodes) {
    super(column, SqlType.TIMESTAMP, missingDataCodes);
    this.withSeconds = withSeconds;
  }

  @Override
  public Object fromWire(String wire, ValueProblemSink problems) {
    if (wire == null || wire.isEmpty()) {
      return null;
    }
    int length = wire.length();
    if ((length == 16 || length == 19) && wire.charAt(10) == ' ') {
      int day = WireTime.epochDay(wire, 0);
      int millis = WireTime.millisOfDay(wire, 11, length - 11);
      if (day != WireTime.NOT_A_DATE && millis != WireTime.NOT_A_TIME) {
        return day * WireTime.MILLIS_PER_DAY + millis;
      }
    }
    return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, NOT_A_TIMESTAMP);
  }

  @Override
  public String toWire(Object value) {
    if (value == null) {
      return "";
    }
    LocalDateTime dateTime;
    if (value instanceof Long millis) {
      dateTime =
          LocalDateTime.ofEpochSecond(
              Math.floorDiv(millis, 1000L),
              (int) Math.floorMod(millis, 1000L) * 1_000_000,
              ZoneOffset.UTC);
    } else if (value instanceof LocalDateTime t) {
      dateTime = t;
    } else if (value instanceof java.sql.Timestamp t) {
      dateTime = t.toLocalDateTime();
    } else if (value instanceof CharSequence text) {
      Object parsed = parseForWrite(text.toString());
      if (parsed == null) {
        return "";
      }
      return toWire(parsed);
    } else {
      throw cannotWrite(value, "it takes a TIMESTAMP");
    }
    if (dateTime.getNano() != 0) {
      throw cannotWrite(value, "REDCap stores whole seconds");
    }
    if (!withSeconds && dateTime.getSecond() != 0) {
      throw cannotWrite(value, "this field stores date, hours and minutes (YYYY-MM-DD HH:MM) only");
    }
    if (dateTime.getYear() < 0 || dateTime.getYear() > 9999) {
      throw cannotWrite(value, "REDCap dates have four-digit years");
    }
    return dateTime.toLocalDate()
        + " "
        + TimeConverter.formatClock(dateTime.toLocalTime().toSecondOfDay(), withSeconds);
  }
}
