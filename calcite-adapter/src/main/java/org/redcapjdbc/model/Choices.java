package org.redcapjdbc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses REDCap choice lists: {@code select_choices_or_calculations} of radio, dropdown and
 * checkbox fields, and the project's {@code missing_data_codes}.
 *
 * <p>Rules (docs/redcap-api.md §2.4): choices are separated by {@code |}, with spaces around it in
 * the web-UI dictionary ({@code " | "}) and without in the API; each choice splits on its
 * <em>first</em> comma into code and label ({@code 12ab, alpha, numeric} gives code {@code 12ab});
 * a choice without a comma is a legacy label-only choice whose code is its label. Codes and labels
 * are trimmed; labels are otherwise kept as written, HTML included.
 */
public final class Choices {
  private Choices() {}

  /** The choices in dictionary order; empty for a blank list. */
  public static List<Choice> parse(String list) {
    List<Choice> choices = new ArrayList<>();
    int start = 0;
    int length = list.length();
    while (start <= length) {
      int bar = list.indexOf('|', start);
      int end = bar < 0 ? length : bar;
      String part = list.substring(start, end).trim();
      if (!part.isEmpty()) {
        int comma = part.indexOf(',');
        if (comma < 0) {
          choices.add(new Choice(part, part));
        } else {
          choices.add(
              new Choice(part.substring(0, comma).trim(), part.substring(comma + 1).trim()));
        }
      }
      if (bar < 0) {
        break;
      }
      start = bar + 1;
    }
    return List.copyOf(choices);
  }
}
