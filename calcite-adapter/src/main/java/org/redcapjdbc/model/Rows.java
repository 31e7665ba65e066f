package org.redcapjdbc.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading API rows by column name, so that columns REDCap adds or drops between versions do not
 * matter: a missing column reads as blank, an extra one is ignored.
 */
final class Rows {
  private Rows() {}

  /**
   * Copies rows into string-valued maps. JSON exports carry some values as numbers
   * ({@code arm_num}, {@code event_id}), so numbers and booleans become their wire text
   * ({@code true} is {@code 1}) and null becomes blank.
   */
  static List<Map<String, String>> copy(List<? extends Map<String, ?>> rows, String what) {
    List<Map<String, String>> copy = new ArrayList<>(rows.size());
    for (Map<String, ?> row : rows) {
      if (row == null) {
        throw new IllegalArgumentException("A row of the " + what + " is null");
      }
      copy.add(copyRow(row));
    }
    return Collections.unmodifiableList(copy);
  }

  static Map<String, String> copyRow(Map<String, ?> row) {
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : row.entrySet()) {
      if (e.getKey() != null) {
        copy.put(e.getKey(), text(e.getValue()));
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    return value.toString();
  }

  /** The value of {@code column}, blank when the row does not have it. */
  static String get(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null ? "" : value;
  }

  /** The value of {@code column}, trimmed; fails when it is missing or blank. */
  static String require(Map<String, String> row, String column, String what, int index) {
    String value = get(row, column).trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "Row "
              + (index + 1)
              + " of the "
              + what
              + " has no "
              + column
              + "; its columns are "
              + row.keySet());
    }
    return value;
  }

  /** REDCap's yes flags: {@code y} in the dictionary, {@code 1} in project info. */
  static boolean isYes(String value) {
    String v = value.trim();
    return v.equalsIgnoreCase("y")
        || v.equals("1")
        || v.equalsIgnoreCase("yes")
        || v.equalsIgnoreCase("true");
  }
}
