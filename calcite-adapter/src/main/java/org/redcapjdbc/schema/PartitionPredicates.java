package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits the record-ID space into at most {@code n} ranges holding about the same number of
 * records, written as SQL predicates on the record-ID column that a Spark
 * {@code read.jdbc(url, table, predicates, properties)} can use as they are. The first range is
 * open below and the last open above, so together they cover every possible ID exactly once,
 * including IDs created after the split. Bounds compare as Calcite compares VARCHAR values
 * ({@link String#compareTo}).
 */
final class PartitionPredicates {
  /** One partition: its predicate and the records it held when it was computed. */
  record Partition(int number, String predicate, long records) {}

  private PartitionPredicates() {}

  /**
   * @param column the record-ID column's name
   * @param ids the project's record IDs (any order; duplicates ignored)
   * @param n partitions wanted, at least 1; fewer come back when there are fewer records
   */
  static List<Partition> split(String column, List<String> ids, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("The number of partitions must be at least 1, not " + n);
    }
    List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
    int parts = Math.max(1, Math.min(n, sorted.size()));
    String id = identifier(column);
    List<Partition> out = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) sorted.size() * p / parts);
      int to = (int) ((long) sorted.size() * (p + 1) / parts);
      String lower = p == 0 ? null : id + " >= " + literal(sorted.get(from));
      String upper = p == parts - 1 ? null : id + " < " + literal(sorted.get(to));
      String predicate;
      if (lower == null && upper == null) {
        predicate = id + " IS NOT NULL"; // one partition: every record (an ID is never NULL)
      } else if (lower == null) {
        predicate = upper;
      } else if (upper == null) {
        predicate = lower;
      } else {
        predicate = lower + " AND " + upper;
      }
      out.add(new Partition(p + 1, predicate, to - from));
    }
    return out;
  }

  /** A double-quoted identifier (the driver's SQL dialect), inner quotes doubled. */
  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted string literal, inner quotes doubled. */
  static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }
}
