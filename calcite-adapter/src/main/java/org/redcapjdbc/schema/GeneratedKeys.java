package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * The record IDs REDCap assigned to the rows of a statement's last auto-numbered INSERT (or
 * batch), carried from the write code deep inside Calcite's generated code to the JDBC
 * {@code Statement.getGeneratedKeys()}. Keyed, like {@link QueryWarnings}, by the statement's
 * cancel flag, which Calcite puts into every execution's {@link DataContext}; keys are weak.
 */
public final class GeneratedKeys {
  private static final Map<AtomicBoolean, Keys> KEYS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private GeneratedKeys() {
  }

  /** The assigned IDs of one statement, in the order of its rows, under the record-ID column. */
  public record Keys(String column, List<String> values) {
    public Keys {
      values = List.copyOf(values);
    }
  }

  /** The keys of the statement owning {@code cancelFlag}'s last write; empty when it made none. */
  public static Keys of(AtomicBoolean cancelFlag) {
    Keys k = cancelFlag == null ? null : KEYS.get(cancelFlag);
    return k == null ? new Keys("record_id", List.of()) : k;
  }

  /** Forgets the statement's keys: a new execution (or batch) starts. */
  public static void clear(AtomicBoolean cancelFlag) {
    if (cancelFlag != null) {
      KEYS.remove(cancelFlag);
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
    KEYS.merge(cancelFlag, new Keys(column, ids), (old, added) -> {
      List<String> all = new ArrayList<>(old.values());
      all.addAll(added.values());
      return new Keys(column, all);
    });
  }

  static AtomicBoolean flag(DataContext root) {
    Object flag = root == null ? null : root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    return flag instanceof AtomicBoolean ? (AtomicBoolean) flag : null;
  }
}
