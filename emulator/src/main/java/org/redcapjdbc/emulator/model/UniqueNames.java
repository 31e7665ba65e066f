package org.redcapjdbc.emulator.model;

import java.util.Collection;
import java.util.Locale;

/**
 * REDCap's derived unique names: lower-case, every run of characters that are not letters or
 * digits turned into one {@code _}, cut to 18 characters; events add {@code _arm_N}; a clash adds
 * {@code b}, {@code c}, … ({@code Deadline to opt out of study} → {@code deadline_to_opt_ou_arm_2}).
 */
public final class UniqueNames {
  private static final int MAX_BASE = 18;

  private UniqueNames() {}

  static String base(String label) {
    String lower = label.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    boolean underscore = false;
    for (int i = 0; i < lower.length(); i++) {
      char ch = lower.charAt(i);
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        sb.append(ch);
        underscore = false;
      } else if (!underscore && sb.length() > 0) {
        sb.append('_');
        underscore = true;
      }
    }
    String s = sb.toString();
    if (s.length() > MAX_BASE) {
      s = s.substring(0, MAX_BASE);
    }
    while (s.endsWith("_")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** A new unique event name for {@code eventName} in arm {@code arm}, avoiding {@code taken}. */
  public static String event(String eventName, int arm, Collection<String> taken) {
    String base = base(eventName);
    if (base.isEmpty()) {
      base = "event";
    }
    return avoid(base + "_arm_" + arm, taken);
  }

  /** A new unique group name for a DAG called {@code name}, avoiding {@code taken}. */
  public static String dag(String name, Collection<String> taken) {
    String base = base(name);
    return avoid(base.isEmpty() ? "dag" : base, taken);
  }

  private static String avoid(String name, Collection<String> taken) {
    if (!taken.contains(name)) {
      return name;
    }
    for (char suffix = 'b'; suffix <= 'z'; suffix++) {
      if (!taken.contains(name + suffix)) {
        return name + suffix;
      }
    }
    int n = 2;
    while (taken.contains(name + n)) {
      n++;
    }
    return name + n;
  }
}
