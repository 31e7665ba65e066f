package org.redcapjdbc.model;

/**
 * REDCap's rule for naming the export column of one checkbox option
 * (docs/redcap-api.md §2.5, §3.3): {@code field + "___" + code}, with the code lower-cased and
 * every character that is not an ASCII letter or digit replaced by {@code _}. So {@code -99} gives {@code race____99},
 * {@code k>=9} gives {@code ___k__9}, {@code ABC} gives {@code ___abc}, {@code 1.5} gives
 * {@code ___1_5}.
 *
 * <p>The rule is not reversible ({@code x___y} is ambiguous), so the way back from a column name
 * to field and code goes through {@link ProjectModel#exportFieldName(String)}, which is built from
 * the dictionary.
 */
public final class CheckboxNames {
  /** What REDCap puts between the field name and the option code. */
  public static final String SEPARATOR = "___";

  private CheckboxNames() {}

  /** The export column name of option {@code code} of checkbox field {@code fieldName}. */
  public static String exportName(String fieldName, String code) {
    StringBuilder name = new StringBuilder(fieldName.length() + SEPARATOR.length() + code.length());
    name.append(fieldName).append(SEPARATOR);
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        name.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        name.append(c);
      } else {
        name.append('_');
      }
    }
    return name.toString();
  }
}
