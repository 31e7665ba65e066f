package org.redcapjdbc.model;

import java.time.LocalDate;
import java.util.Map;

/** DATE columns ({@code date_ymd|mdy|dmy}): always {@code YYYY-MM-DD} on the wire. */
final class DateConverter extends WireConverter {
  private static final String NOT_A_DATE = "is not a date (YYYY-MM-DD)";

  DateConverter(String column, Map<String, String> missingDataCodes) {
    super(column, SqlType.DATE, missingDataCodes);
  }

  @Override
  public Object fromWire(String wire, ValueProblemSink problems) {
    if (wire == null || wire.isEmpty()) {
      return null;
    }
    if (wire.length() == 10) {
      int day = WireTime.epochDay(wire, 0);
      if (day != WireTime.NOT_A_DATE) {
        return day;
      }
    }
    return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, NOT_A_DATE);
  }

  @Override
  public String toWire(Object value) {
    if (value == null) {
      return "";
    }
    LocalDate date;
    if (value instanceof Integer days) {
      date = LocalDate.ofEpochDay(days);
    } else if (value instanceof LocalDate d) {
      date = d;
    } else if (value instanceof java.sql.Date d) {
      date = d.toLocalDate();
    } else if (value instanceof CharSequence text) {
      Object parsed = parseForWrite(text.toString());
      if (parsed == null) {
        return "";
      }
      date = LocalDate.ofEpochDay((Integer) parsed);
    } else {
      throw cannotWrite(value, "it takes a DATE");
    }
    return format(date, value);
  }

  private String format(LocalDate date, Object original) {
    if (date.getYear() < 0 || date.getYear() > 9999) {
      throw cannotWrite(original, "REDCap dates have four-digit years");
    }
    return date.toString();
  }
}
