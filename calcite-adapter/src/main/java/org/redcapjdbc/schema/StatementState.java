package org.redcapjdbc.schema;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * What the executions of one JDBC statement leave for the driver, gathered in one object: the
 * warnings of its reads ({@link QueryWarnings}), the record IDs its last auto-numbered INSERT got
 * ({@link GeneratedKeys}), and the write batch it is buffering ({@link WriteBatch}).
 *
 * <p>The code that produces them runs deep inside Calcite's generated code, which hands it nothing
 * of the statement but its {@link DataContext}. The one per-statement object in every execution's
 * {@code DataContext} is the statement's cancel flag (Calcite puts that very {@link AtomicBoolean}
 * there, and the driver can find it from the statement), so the state is found by it: no other
 * state has to be threaded through Calcite. The key is weak, so a forgotten statement leaves
 * nothing behind.
 */
final class StatementState {
  private static final Map<AtomicBoolean, StatementState> STATES =
      Collections.synchronizedMap(new WeakHashMap<>());

  final QueryWarnings.Bucket warnings = new QueryWarnings.Bucket();

  /** The keys of the last write, or null when it made none; guarded by this. */
  GeneratedKeys.Keys keys;

  /** The batch being buffered, or null; guarded by this. */
  WriteBatch batch;

  private StatementState() {}

  /** The state of the statement owning {@code cancelFlag}, made on first use. */
  static StatementState of(AtomicBoolean cancelFlag) {
    return STATES.computeIfAbsent(cancelFlag, k -> new StatementState());
  }

  /** The state of the statement owning {@code cancelFlag}, or null when it has none yet. */
  static StatementState find(AtomicBoolean cancelFlag) {
    return cancelFlag == null ? null : STATES.get(cancelFlag);
  }

  /** The cancel flag of the statement running the query that {@code root} belongs to, or null. */
  static AtomicBoolean flag(DataContext root) {
    Object flag = root == null ? null : root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    return flag instanceof AtomicBoolean ? (AtomicBoolean) flag : null;
  }
}
