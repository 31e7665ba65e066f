package org.redcapjdbc.emulator.store;

/**
 * Record-name ordering. REDCap lists records numeric-aware ({@code 2} before {@code 10});
 * the sort key encodes each run of digits with its length first, so that plain string order in
 * H2 is natural order.
 */
public final class RecordNames {
  private RecordNames() {}

  public static String sortKey(String record) {
    StringBuilder sb = new StringBuilder(record.length() + 8);
    int i = 0;
    int n = record.length();
    while (i < n) {
      char ch = record.charAt(i);
      if (ch >= '0' && ch <= '9') {
        int start = i;
        while (i < n && record.charAt(i) >= '0' && record.charAt(i) <= '9') {
          i++;
        }
        String digits = record.substring(start, i).replaceFirst("^0+(?=.)", "");
        sb.append(String.format("%02d", Math.min(digits.length(), 99))).append(digits);
      } else {
        sb.append(ch);
        i++;
      }
    }
    // Ties ("01" and "1") are broken by the name itself.
    return sb.append('\u0000').append(record).toString();
  }

  /** Compares two record names the way exports order them. */
  public static int compare(String a, String b) {
    return sortKey(a).compareTo(sortKey(b));
  }
}
