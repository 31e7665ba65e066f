package org.redcapjdbc.emulator.logic;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates inside date functions. Stored values are always {@code YYYY-MM-DD}, {@code YYYY-MM-DD
 * HH:MM} or {@code YYYY-MM-DD HH:MM:SS} whatever the field's display format; {@code 'today'} is
 * midnight of the context's date and {@code 'now'} its date and time.
 */
final class Dates {
  private static final Pattern YMD =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

  /** Literal dates written in a datediff's legacy format argument: 12/31/2016, 31-12-2016. */
  private static final Pattern DAY_FIRST_OR_MONTH_FIRST =
      Pattern.compile(
          "(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

  /** Seconds in REDCap's datediff units; a year is 365.2425 days and a month 30.44 days. */
  private static final double SECONDS_PER_DAY = 86_400;

  private Dates() {}

  /**
   * Parses a date function argument; null when blank or not a valid date.
   *
   * @param format {@code ymd} (default), {@code mdy} or {@code dmy}: only literal dates that do
   *     not parse as Y-M-D are read in this order, since stored values are always Y-M-D
   */
  static LocalDateTime parse(Value value, String format, LocalDateTime now) {
    String s = value.asText().trim();
    if (s.isEmpty()) {
      return null;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals("today")) {
      return now.toLocalDate().atStartOfDay();
    }
    if (lower.equals("now")) {
      return now;
    }
    try {
      Matcher ymd = YMD.matcher(s);
      if (ymd.matches()) {
        return build(ymd.group(1), ymd.group(2), ymd.group(3), ymd, 4);
      }
      Matcher other = DAY_FIRST_OR_MONTH_FIRST.matcher(s);
      if (other.matches()) {
        if ("mdy".equals(format)) {
          return build(other.group(3), other.group(1), other.group(2), other, 4);
        }
        if ("dmy".equals(format)) {
          return build(other.group(3), other.group(2), other.group(1), other, 4);
        }
      }
    } catch (DateTimeException e) {
      return null; // 2021-02-30 and the like: not a date, so the function is blank
    }
    return null;
  }

  private static LocalDateTime build(String y, String m, String d, Matcher time, int hourGroup) {
    LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    if (time.group(hourGroup) == null) {
      return date.atStartOfDay();
    }
    int seconds =
        time.group(hourGroup + 2) == null ? 0 : Integer.parseInt(time.group(hourGroup + 2));
    return date.atTime(
        LocalTime.of(
            Integer.parseInt(time.group(hourGroup)),
            Integer.parseInt(time.group(hourGroup + 1)),
            seconds));
  }

  /**
   * {@code to - from} in {@code unit}; null for an unknown unit. Not rounded: a calc wraps it
   * in rounddown() for whole years.
   */
  static Double difference(LocalDateTime from, LocalDateTime to, String unit) {
    double seconds = ChronoUnit.SECONDS.between(from, to);
    switch (unit) {
      case "y":
        return seconds / SECONDS_PER_DAY / 365.2425;
      case "M":
        return seconds / SECONDS_PER_DAY / 30.44;
      case "d":
        return seconds / SECONDS_PER_DAY;
      case "h":
        return seconds / 3600;
      case "m":
        return seconds / 60;
      case "s":
        return seconds;
      default:
        return null;
    }
  }

  static boolean isUnit(String unit) {
    return unit.length() == 1 && "yMdhms".contains(unit);
  }

  static boolean isFormat(String format) {
    return format.equals("ymd") || format.equals("mdy") || format.equals("dmy");
  }

  /** Whole years from {@code birth} to {@code at}, birthdays counted on the calendar. */
  static long ageInYears(LocalDate birth, LocalDate at) {
    return ChronoUnit.YEARS.between(birth, at);
  }

  /**
   * Age with a fraction, for {@code at} on or after {@code birth}: whole years plus the share of
   * the days from the last birthday to the next that has passed.
   */
  static double ageWithFraction(LocalDate birth, LocalDate at) {
    long years = ageInYears(birth, at);
    LocalDate lastBirthday = birth.plusYears(years);
    double span = ChronoUnit.DAYS.between(lastBirthday, birth.plusYears(years + 1));
    double done = ChronoUnit.DAYS.between(lastBirthday, at);
    return years + done / span;
  }
}
