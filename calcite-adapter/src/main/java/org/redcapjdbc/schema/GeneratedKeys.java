package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * The record IDs REDCap assigned to the rows of a statement's last auto-numbered INSERT (or
 * batch), carried from the write code deep inside Calcite's generated code to the JDBC
 * {@code Statement.getGeneratedKeys()}. Kept in the statement's {@link StatementState}.
 */
public final class GeneratedKeys {
  private GeneratedKeys() {}

  /** The assigned IDs of one statement, in the order of its rows, under the record-ID column. */
  public record Keys(String column, List<String> values) {
    public Keys {
      values = List.copyOf(values);
    }
  }

  /** The keys of the statement owning {@code cancelFlag}'s last write; empty when it made none. */
  public static Keys of(AtomicBoolean cancelFlag) {
    StatementState state = StatementState.find(cancelFlag);
    Keys k = null;
    if (state != null) {
      synchronized (state) {
        k = state.keys;
      }
    }
    return k == null ? new Keys("record_id", List.of()) : k;
  }

  /** Forgets the statement's keys: a new execution (or batch) starts. */
  public static void clear(AtomicBoolean cancelFlag) {
    StatementState state = StatementState.find(cancelFlag);
    if (state != null) {
      synchronized (state) {
        state.keys = null;
      }
    }
  }

  static void clear(DataContext root) {
    clear(flag(root));
  }

  /** Appends assigned IDs for the statement running in {@code root}. */
  static void add(AtomicBoolean cancelFlag, String column, List<String> ids) {
    if (cancelFlag == null || ids.isEmpty()) {
      return;
    }
    StatementState state = StatementState.of(cancelFlag);
    synchronized (state) {
      List<String> all = new ArrayList<>(state.keys == null ? List.of() : state.keys.values());
      all.addAll(ids);
      state.keys = new Keys(column, all);
    }
  }

  static AtomicBoolean flag(DataContext root) {
    return StatementState.flag(root);
  }
}
