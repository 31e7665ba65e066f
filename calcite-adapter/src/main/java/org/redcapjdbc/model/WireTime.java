package org.redcapjdbc.model;

/**
 * Parsing REDCap's fixed-width date and time text without allocating: {@code YYYY-MM-DD} and
 * {@code HH:MM[:SS]}. Each method returns a sentinel instead of throwing, for the scan loop.
 */
final class WireTime {
  /** Returned by {@link #epochDay} for text that is not a calendar date. */
  static final int NOT_A_DATE = Integer.MIN_VALUE;

  /** Returned by {@link #millisOfDay} for text that is not a time of day. */
  static final int NOT_A_TIME = -1;

  static final long MILLIS_PER_DAY = 86_400_000L;

  private WireTime() {}

  /** The day number since 1970-01-01 of {@code YYYY-MM-DD} at {@code s[from, from+10)}. */
  static int epochDay(String s, int from) {
    int year = digits(s, from, 4);
    if (year < 0 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') {
      return NOT_A_DATE;
    }
    int month = digits(s, from + 5, 2);
    int day = digits(s, from + 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return NOT_A_DATE;
    }
    return daysFromCivil(year, month, day);
  }

  /** Milliseconds of the day of {@code HH:MM} ({@code length} 5) or {@code HH:MM:SS} (8). */
  static int millisOfDay(String s, int from, int length) {
    if (length != 5 && length != 8) {
      return NOT_A_TIME;
    }
    int hour = digits(s, from, 2);
    int minute = digits(s, from + 3, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || s.charAt(from + 2) != ':') {
      return NOT_A_TIME;
    }
    int second = 0;
    if (length == 8) {
      second = digits(s, from + 6, 2);
      if (second < 0 || second > 59 || s.charAt(from + 5) != ':') {
        return NOT_A_TIME;
      }
    }
    return ((hour * 60 + minute) * 60 + second) * 1000;
  }

  /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 in the proleptic Gregorian calendar (the one java.time uses). */
  private static int daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
