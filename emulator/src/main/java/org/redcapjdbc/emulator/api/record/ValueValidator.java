package org.redcapjdbc.emulator.api.record;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redcapjdbc.emulator.model.Field;

/**
 * Validates and normalizes imported values of text fields by their validation type. Dates are
 * accepted as {@code Y-M-D} always and in the {@code dateFormat} given ({@code M/D/Y} or
 * {@code D/M/Y}, leading zeros optional), and stored as {@code YYYY-MM-DD}; datetimes likewise
 * with {@code HH:MM[:SS]}. Numbers keep their text ({@code number_1dp} wants exactly one
 * decimal: {@code 22} fails, as redcapAPI #217 saw). Min/max are not enforced (soft in REDCap).
 */
final class ValueValidator {
  /** What an import's {@code dateFormat} says slash dates are. */
  enum DateFormat {
    YMD,
    MDY,
    DMY
  }

  private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern YMD_SLASH = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
  private static final Pattern TIME_HM = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern TIME_HMS = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})");
  private static final Pattern TIME_MS = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern NUMBER_COMMA = Pattern.compile("[-+]?(\\d+(,\\d*)?|,\\d+)");
  private static final Pattern NUMBER_DP = Pattern.compile("number_(\\d)dp(_comma_decimal)?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE =
      Pattern.compile(
          "\\(?\\d{3}\\)?[\\s.-]*\\d{3}[\\s.-]*\\d{4}(\\s*(#|x\\.?|ext\\.?|extension)\\s*\\d+)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PHONE_AU = Pattern.compile("(\\+?61|0)?[\\s-]?\\d([\\s-]?\\d){7,8}");
  private static final Pattern ZIPCODE = Pattern.compile("\\d{5}(-\\d{4})?");
  private static final Pattern ALPHA = Pattern.compile("[A-Za-z]+");
  private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
  private static final Pattern MRN_10 = Pattern.compile("\\d{10}");
  private static final Pattern MRN_GENERIC = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern VMRN = Pattern.compile("\\d{1,12}");
  private static final Pattern POSTAL_AU = Pattern.compile("\\d{4}");
  private static final Pattern POSTAL_5 = Pattern.compile("\\d{5}");
  private static final Pattern POSTAL_CA = Pattern.compile("[A-Za-z]\\d[A-Za-z]\\s?\\d[A-Za-z]\\d");

  private ValueValidator() {}

  /**
   * The value to store for {@code raw} in a text field, or null when it fails the field's
   * validation.
   */
  static String normalize(Field field, String raw, DateFormat dateFormat) {
    String v = field.validation().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return raw;
    }
    if (v.startsWith("datetime_seconds")) {
      return dateTime(raw, dateFormat, true);
    }
    if (v.startsWith("datetime")) {
      return dateTime(raw, dateFormat, false);
    }
    if (v.startsWith("date")) {
      return date(raw.strip(), dateFormat);
    }
    Matcher dp = NUMBER_DP.matcher(v);
    if (dp.matches()) {
      char mark = dp.group(2) == null ? '.' : ',';
      String pattern = "[-+]?\\d+" + (mark == '.' ? "\\." : ",") + "\\d{" + dp.group(1) + "}";
      return raw.matches(pattern) ? raw : null;
    }
    switch (v) {
      case "time":
        return time(raw, TIME_HM, false);
      case "time_hh_mm_ss":
        return time(raw, TIME_HMS, true);
      case "time_mm_ss":
        Matcher ms = TIME_MS.matcher(raw);
        return ms.matches() && Integer.parseInt(ms.group(2)) < 60 ? raw : null;
      case "integer":
      case "int":
        return INTEGER.matcher(raw).matches() ? raw : null;
      case "number":
      case "float":
        return NUMBER.matcher(raw).matches() ? raw : null;
      case "number_comma_decimal":
        return NUMBER_COMMA.matcher(raw).matches() ? raw : null;
      case "email":
        return EMAIL.matcher(raw).matches() ? raw : null;
      case "phone":
        return PHONE.matcher(raw.strip()).matches() ? raw : null;
      case "phone_australia":
        return PHONE_AU.matcher(raw.strip()).matches() ? raw : null;
      case "zipcode":
        return ZIPCODE.matcher(raw).matches() ? raw : null;
      case "alpha_only":
        return ALPHA.matcher(raw).matches() ? raw : null;
      case "ssn":
        return SSN.matcher(raw).matches() ? raw : null;
      case "mrn_10d":
        return MRN_10.matcher(raw).matches() ? raw : null;
      case "mrn_generic":
        return MRN_GENERIC.matcher(raw).matches() ? raw : null;
      case "vmrn":
        return VMRN.matcher(raw).matches() ? raw : null;
      case "postalcode_australia":
        return POSTAL_AU.matcher(raw).matches() ? raw : null;
      case "postalcode_french":
      case "postalcode_germany":
        return POSTAL_5.matcher(raw).matches() ? raw : null;
      case "postalcode_canada":
        return POSTAL_CA.matcher(raw).matches() ? raw.toUpperCase(Locale.ROOT) : null;
      default:
        // Validation types this emulator does not know are accepted as text.
        return raw;
    }
  }

  static String date(String raw, DateFormat format) {
    int y;
    int m;
    int d;
    Matcher ymd = YMD.matcher(raw);
    Matcher ymdSlash = YMD_SLASH.matcher(raw);
    Matcher slash = SLASH.matcher(raw);
    if (ymd.matches()) {
      y = Integer.parseInt(ymd.group(1));
      m = Integer.parseInt(ymd.group(2));
      d = Integer.parseInt(ymd.group(3));
    } else if (ymdSlash.matches()) {
      y = Integer.parseInt(ymdSlash.group(1));
      m = Integer.parseInt(ymdSlash.group(2));
      d = Integer.parseInt(ymdSlash.group(3));
    } else if (slash.matches() && format != DateFormat.YMD) {
      int a = Integer.parseInt(slash.group(1));
      int b = Integer.parseInt(slash.group(2));
      y = Integer.parseInt(slash.group(3));
      m = format == DateFormat.MDY ? a : b;
      d = format == DateFormat.MDY ? b : a;
    } else {
      return null;
    }
    try {
      return LocalDate.of(y, m, d).toString();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static String dateTime(String raw, DateFormat format, boolean seconds) {
    String s = raw.strip();
    int space = s.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String date = date(s.substring(0, space), format);
    String time = time(s.substring(space + 1).strip(), seconds ? TIME_HMS : TIME_HM, seconds);
    return date == null || time == null ? null : date + " " + time;
  }

  private static String time(String raw, Pattern pattern, boolean seconds) {
    Matcher m = pattern.matcher(raw.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      LocalTime t =
          LocalTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              seconds ? Integer.parseInt(m.group(3)) : 0);
      return seconds
          ? String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
          : String.format("%02d:%02d", t.getHour(), t.getMinute());
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
