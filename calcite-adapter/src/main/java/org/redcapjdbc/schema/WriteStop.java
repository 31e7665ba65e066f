package org.redcapjdbc.schema;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * Whether a write spread over several calls must stop before its next call: the statement was
 * cancelled ({@code Statement.cancel()}) or ran past its query timeout. A call already sent is
 * never interrupted (its outcome would be unknown); the statement stops between calls and says
 * what earlier calls wrote.
 */
final class WriteStop {
  /** Never stops: for batches flushed after their statements ran. */
  static final WriteStop NEVER = new WriteStop(null, 0);

  private final AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final long deadlineNanos;

  private WriteStop(AtomicBoolean cancelFlag, long timeoutMillis) {
    this.cancelFlag = cancelFlag;
    this.timeoutMillis = timeoutMillis;
    this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
  }

  /** The statement's cancel flag and query timeout, counted from now. */
  static WriteStop of(DataContext root) {
    Object timeout = root.get(DataContext.Variable.TIMEOUT.camelName);
    return new WriteStop(GeneratedKeys.flag(root), timeout instanceof Long t ? t : 0);
  }

  /** The statement owning {@code cancelFlag}, without a timeout. */
  static WriteStop of(AtomicBoolean cancelFlag) {
    return new WriteStop(cancelFlag, 0);
  }

  /** Why the statement must stop now, or null. */
  String reason() {
    if (cancelFlag != null && cancelFlag.get()) {
      return "it was cancelled (Statement.cancel())";
    }
    if (timeoutMillis > 0 && System.nanoTime() - deadlineNanos >= 0) {
      return "it ran longer than its timeout of "
          + timeoutMillis / 1000.0
          + " s (Statement.setQueryTimeout)";
    }
    return null;
  }
}
