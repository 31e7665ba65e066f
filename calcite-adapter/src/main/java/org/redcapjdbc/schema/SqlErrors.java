package org.redcapjdbc.schema;

import java.net.URI;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.redcapjdbc.client.RedcapException;

/**
 * The one place where failures of the REDCap client become what JDBC callers catch: the
 * {@link SQLException} (class, SQLState, message) of a connection that cannot be opened and of rows
 * that cannot be read, and the SQLState of a write REDCap refused. Each message is the cause's own
 * (REDCap's text verbatim, what to do, never the token) after a sentence naming what failed.
 *
 * <p>The same kind of failure maps differently in each phase, on purpose: a server error while
 * connecting is a failed connection ({@code 08001}), while reading it is a broken one
 * ({@code 08000}, worth running the query again); a query timeout while reading is JDBC's
 * {@link SQLTimeoutException} ({@code HYT00}), known by its type ({@link QueryTimeoutException}),
 * never by its text.
 */
public final class SqlErrors {
  private SqlErrors() {}

  /**
   * The exception for a connection that could not be opened, after a sentence saying which server
   * could not be used.
   */
  static SQLException connectFailure(URI url, RuntimeException e) {
    String prefix = "Cannot open the REDCap project at " + url + ": ";
    if (e instanceof RedcapException r) {
      switch (r.kind()) {
        case AUTH:
          return new SQLInvalidAuthorizationSpecException(
              prefix + r.getMessage(), "28000", r.httpStatus(), r);
        case TRANSPORT:
          return new SQLNonTransientConnectionException(
              "Cannot reach the REDCap server "
                  + url.getHost()
                  + (url.getPort() > 0 ? ":" + url.getPort() : "")
                  + " ("
                  + url
                  + "): "
                  + r.getMessage(),
              "08001",
              r);
        case SERVER:
          return new SQLTransientConnectionException(prefix + r.getMessage(), "08001", r);
        case CANCELLED:
          return new SQLException(prefix + r.getMessage(), "57014", r);
        default:
          return new SQLNonTransientConnectionException(prefix + r.getMessage(), "08001", r);
      }
    }
    if (e instanceof IllegalArgumentException) {
      // The client's setup checks (http policy, trust store, proxy) and a model that does not fit
      // together: both say what to change.
      return new SQLNonTransientConnectionException(prefix + e.getMessage(), "08001", e);
    }
    return new SQLException(prefix + e, "08001", e);
  }

  /**
   * The exception for a failure while the rows of {@code sql} are being read
   * ({@code ResultSet.next()}). Avatica lets the unchecked exceptions of the row iterator through
   * as they are, so a REDCap export that breaks off after the first rows, a {@code strictTypes}
   * value or a failed CAST would otherwise reach the caller as a {@code RuntimeException} that
   * tools do not expect from {@code next()}.
   */
  public static SQLException readFailure(String sql, RuntimeException e) {
    String prefix = "Error while reading the rows of SQL \"" + sql + "\": ";
    RedcapException redcap = find(e, RedcapException.class);
    if (redcap != null) {
      String message = prefix + redcap.getMessage();
      if (redcap instanceof QueryTimeoutException) {
        return new SQLTimeoutException(message, "HYT00", e);
      }
      switch (redcap.kind()) {
        case CANCELLED:
          return new SQLException(message, "57014", e);
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
    String what =
        e.getMessage() == null
            ? e.getClass().getName()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new SQLException(prefix + what, null, e);
  }

  /** The SQLState of a write REDCap refused or that could not be completed. */
  static String writeState(RedcapException e) {
    switch (e.kind()) {
      case VALIDATION:
        return "22000";
      case AUTH:
        return "42501";
      case CANCELLED:
        return "57014";
      default:
        return "08000";
    }
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
