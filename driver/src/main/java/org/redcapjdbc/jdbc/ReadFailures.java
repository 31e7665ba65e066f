package org.redcapjdbc.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.schema.UnreadableValueException;

/**
 * Turns a failure while rows are being read ({@code ResultSet.next()}) into the
 * {@link SQLException} JDBC callers catch. Avatica lets the unchecked exceptions of the row
 * iterator through as they are, so a REDCap export that breaks off after the first rows, a
 * {@code strictTypes} value or a failed CAST would otherwise reach the caller as a
 * {@code RuntimeException} that tools do not expect from {@code next()}.
 *
 * <p>The message is the cause's own (REDCap's text verbatim, what to do, never the token); the
 * SQLState says what kind of failure it was, as for writes.
 *
 * <p>Public only for the connection's result sets, which live in {@code org.apache.calcite.jdbc}
 * (docs/architecture.md §1.2); it needs no Calcite access itself.
 */
public final class ReadFailures {
  private ReadFailures() {
  }

  public static SQLException of(String sql, RuntimeException e) {
    String prefix = "Error while reading the rows of SQL \"" + sql + "\": ";
    RedcapException redcap = find(e, RedcapException.class);
    if (redcap != null) {
      String message = prefix + redcap.getMessage();
      switch (redcap.kind()) {
        case CANCELLED:
          return redcap.getMessage().contains("timeout")
              ? new SQLTimeoutException(message, "HYT00", e)
              : new SQLException(message, "57014", e);
        case AUTH:
          return new SQLNonTransientException(message, "42501", e);
        case VALIDATION:
          return new SQLNonTransientException(message, "22000", e);
        default:
          // Server errors, broken or incomplete responses: running the query again may work.
          return new SQLTransientConnectionException(message, "08000", e);
      }
    }
    UnreadableValueException unreadable = find(e, UnreadableValueException.class);
    if (unreadable != null) {
      return new SQLDataException(prefix + unreadable.getMessage(), "22018", e);
    }
    String what = e.getMessage() == null ? e.getClass().getName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new SQLException(prefix + what, null, e);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
