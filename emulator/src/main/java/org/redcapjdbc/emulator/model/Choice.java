package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One option of a dropdown, radio or checkbox field.
 *
 * @param code the raw value stored and exported
 * @param label the text shown for it
 * @param labelOnly true for legacy lists without codes ({@code Mr. | Mrs.}), where code = label
 */
public record Choice(String code, String label, boolean labelOnly) {
  public Choice {
    requireNonNull(code, "code");
    requireNonNull(label, "label");
  }

  public Choice(String code, String label) {
    this(code, label, false);
  }

  /**
   * Parses {@code code, label|code, label} (API style) or {@code code, label | code, label}
   * (web-UI dictionary style). Each choice is split on its first comma.
   */
  public static List<Choice> parseList(String text) {
    List<Choice> choices = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return choices;
    }
    for (String part : text.split("\\|")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      int comma = item.indexOf(',');
      if (comma < 0) {
        choices.add(new Choice(item, item, true));
      } else {
        choices.add(
            new Choice(item.substring(0, comma).strip(), item.substring(comma + 1).strip()));
      }
    }
    return choices;
  }

  /** Formats choices the way the API exports them: {@code code, label|code, label}. */
  public static String formatList(List<Choice> choices) {
    StringBuilder sb = new StringBuilder();
    for (Choice c : choices) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(c.labelOnly ? c.label : c.code + ", " + c.label);
    }
    return sb.toString();
  }

  /**
   * The suffix of a checkbox export column: the code lower-cased, with every character that is
   * not a letter or digit replaced by {@code _} ({@code -99} gives {@code _99}).
   */
  public String checkboxSuffix() {
    String lower = code.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char ch = lower.charAt(i);
      sb.append((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : '_');
    }
    return sb.toString();
  }
}
