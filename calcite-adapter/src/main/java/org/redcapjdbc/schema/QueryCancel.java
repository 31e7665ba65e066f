package org.redcapjdbc.schema;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * The cancel flag of the statement a read belongs to ({@link StatementState#flag}), checked
 * between the rows of the tables that are not record exports (those go through {@link
 * ScanWatchdog}, which also aborts a blocked HTTP read).
 */
final class QueryCancel {
  private final AtomicBoolean flag;
  private final String method;

  private QueryCancel(AtomicBoolean flag, String method) {
    this.flag = flag;
    this.method = method;
  }

  /** The cancel flag of the query {@code root} belongs to, for reads of API {@code method}. */
  static QueryCancel of(DataContext root, String method) {
    return new QueryCancel(StatementState.flag(root), method);
  }

  /** Whether {@code Statement.cancel()} was called. */
  boolean requested() {
    return flag != null && flag.get();
  }

  /** @throws RedcapException of kind CANCELLED once {@code Statement.cancel()} was called */
  void check() {
    if (requested()) {
      throw exception();
    }
  }

  /** The failure a cancelled read ends with. */
  RedcapException exception() {
    return new RedcapException(
        Kind.CANCELLED, 0, method, null, "The query was cancelled (Statement.cancel()).", null);
  }
}
