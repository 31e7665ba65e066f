package org.redcapjdbc.it.correctness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Asserts that the driver's result equals H2's, and says how they differ when not. */
final class Comparison {
  private static final int SHOWN = 8;

  private Comparison() {}

  static void assertSame(
      String what, String sql, QueryResult expected, QueryResult actual, boolean ordered) {
    if (expected.columnCount() != actual.columnCount()) {
      throw new AssertionError(
          what
              + ": the driver answered "
              + actual.columnCount()
              + " columns, H2 "
              + expected.columnCount()
              + "\n  "
              + sql);
    }
    List<String> want = expected.rowsComparableWith(actual, ordered);
    List<String> got = actual.rowsComparableWith(expected, ordered);
    if (want.equals(got)) {
      return;
    }
    StringBuilder m =
        new StringBuilder(what)
            .append(": the driver's ")
            .append(got.size())
            .append(" rows differ from H2's ")
            .append(want.size())
            .append("\n  ")
            .append(sql);
    List<String> missing = minus(want, got);
    List<String> extra = minus(got, want);
    if (missing.isEmpty() && extra.isEmpty()) {
      m.append("\n  the same rows in another order; first difference at row ")
          .append(firstDifference(want, got))
          .append(":\n    H2:     ")
          .append(want.get(firstDifference(want, got)))
          .append("\n    driver: ")
          .append(got.get(firstDifference(want, got)));
    } else {
      append(m, "only in H2", missing);
      append(m, "only from the driver", extra);
    }
    throw new AssertionError(m.toString());
  }

  private static int firstDifference(List<String> a, List<String> b) {
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
      i++;
    }
    return Math.min(i, Math.min(a.size(), b.size()) - 1);
  }

  private static void append(StringBuilder m, String label, List<String> rows) {
    if (rows.isEmpty()) {
      return;
    }
    m.append("\n  ").append(rows.size()).append(" row(s) ").append(label).append(':');
    for (int i = 0; i < Math.min(SHOWN, rows.size()); i++) {
      m.append("\n    ").append(rows.get(i));
    }
    if (rows.size() > SHOWN) {
      m.append("\n    ...");
    }
  }

  /** {@code a} minus {@code b} as multisets. */
  private static List<String> minus(List<String> a, List<String> b) {
    Map<String, Integer> counts = new HashMap<>();
    for (String s : b) {
      counts.merge(s, 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    for (String s : a) {
      Integer c = counts.get(s);
      if (c == null || c == 0) {
        out.add(s);
      } else {
        counts.put(s, c - 1);
      }
    }
    return out;
  }
}
