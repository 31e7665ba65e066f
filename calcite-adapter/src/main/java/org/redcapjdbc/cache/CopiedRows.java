package org.redcapjdbc.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One immutable version of a project's copied records: the wire columns of a full flat export,
 * and for each record, in export order, its rows as the export's text (null for blank). A refresh
 * makes a new version ({@link #with}) that shares the unchanged records' rows; statements keep
 * reading the version they started with.
 */
public final class CopiedRows {
  private final List<String> columns;
  private final Map<String, Integer> index;
  private final Set<String> absent;
  private final Set<String> unknown;
  private final List<String> order;
  private final Map<String, String[][]> rows;
  private final long rowCount;

  private CopiedRows(
      List<String> columns,
      Map<String, Integer> index,
      Set<String> absent,
      Set<String> unknown,
      List<String> order,
      Map<String, String[][]> rows) {
    this.columns = columns;
    this.index = index;
    this.absent = absent;
    this.unknown = unknown;
    this.order = order;
    this.rows = rows;
    long n = 0;
    for (String id : order) {
      String[][] r = rows.get(id);
      n += r == null ? 0 : r.length;
    }
    this.rowCount = n;
  }

  /**
   * A first version.
   *
   * @param columns the wire columns every row has, in order
   * @param absent bound columns no row of the export carried (fields the token may not export)
   * @param unknown keys the export carried that were not bound (the structure moved on)
   * @param order record IDs in export order
   * @param rows each record's rows, values in {@code columns} order
   */
  public static CopiedRows of(
      List<String> columns,
      Collection<String> absent,
      Collection<String> unknown,
      List<String> order,
      Map<String, String[][]> rows) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i), i);
    }
    return new CopiedRows(
        List.copyOf(columns),
        index,
        Set.copyOf(absent),
        new LinkedHashSet<>(unknown),
        List.copyOf(order),
        new HashMap<>(rows));
  }

  /**
   * The next version: records in {@code newOrder}, with {@code replaced}'s rows for the records
   * it names and this version's rows for the others; records not in {@code newOrder} are gone.
   */
  public CopiedRows with(
      List<String> newOrder, Map<String, String[][]> replaced, Collection<String> moreUnknown) {
    Map<String, String[][]> next = new HashMap<>(newOrder.size() * 2);
    for (String id : newOrder) {
      String[][] r = replaced.containsKey(id) ? replaced.get(id) : rows.get(id);
      next.put(id, r == null ? new String[0][] : r);
    }
    Set<String> unknownNow = new LinkedHashSet<>(unknown);
    unknownNow.addAll(moreUnknown);
    return new CopiedRows(columns, index, absent, unknownNow, List.copyOf(newOrder), next);
  }

  public List<String> columns() {
    return columns;
  }

  /** The position of wire column {@code name}, or -1. */
  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  public Set<String> absent() {
    return absent;
  }

  public Set<String> unknown() {
    return unknown;
  }

  /** Record IDs in export order. */
  public List<String> order() {
    return order;
  }

  /** A record's rows (never null; empty for an unknown record). */
  public String[][] rows(String record) {
    String[][] r = rows.get(record);
    return r == null ? new String[0][] : r;
  }

  public boolean contains(String record) {
    return rows.containsKey(record);
  }

  public long rowCount() {
    return rowCount;
  }

  public int recordCount() {
    return order.size();
  }

  /**
   * The shape of a record's rows: each row's key columns (event, repeat instrument, repeat
   * instance, DAG) in order. A record whose shape in the record-ID list differs from the copy's
   * lost or gained rows, or moved group, and is fetched again.
   */
  public String shape(String record, int[] keySlots) {
    return shapeOf(rows(record), keySlots);
  }

  /** See {@link #shape}; {@code keySlots} index into each row, -1 for a column not present. */
  public static String shapeOf(String[][] recordRows, int[] keySlots) {
    StringBuilder b = new StringBuilder();
    for (String[] row : recordRows) {
      for (int slot : keySlots) {
        String v = slot < 0 ? null : row[slot];
        b.append(v == null ? "" : v).append('\u0001');
      }
      b.append('\u0002');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "CopiedRows{" + order.size() + " records, " + rowCount + " rows}";
  }

  /** Equality of content, for tests: same columns, order and values. */
  public boolean sameContent(CopiedRows other) {
    if (!columns.equals(other.columns) || !order.equals(other.order)) {
      return false;
    }
    for (String id : order) {
      if (!java.util.Arrays.deepEquals(rows(id), other.rows(id))) {
        return false;
      }
    }
    return Objects.equals(absent, other.absent);
  }

  /** Copies of the record order, for building the next version. */
  public List<String> orderCopy() {
    return new ArrayList<>(order);
  }
}
