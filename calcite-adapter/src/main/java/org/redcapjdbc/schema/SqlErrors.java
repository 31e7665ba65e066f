package org.redcapjdbc.schema;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.redcapjdbc.client.RedcapException;

/** Turns failures of the REDCap client into the {@link SQLException}s JDBC callers expect. */
final class SqlErrors {
  private SqlErrors() {
  }

  /**
   * The exception for a connection that could not be opened: the cause's message (REDCap's own
   * text verbatim, never the token) after a sentence saying which server could not be used.
   */
  static SQLException connectFailure(URI url, RuntimeException e) {
    String prefix = "Cannot open the REDCap project at " + url + ": ";
    if (e instanceof RedcapException r) {
      switch (r.kind()) {
        case AUTH:
          return new SQLInvalidAuthorizationSpecException(prefix + r.getMessage(), "28000",
              r.httpStatus(), r);
        case TRANSPORT:
          return new SQLNonTransientConnectionException("Cannot reach the REDCap server "
              + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + " (" + url
              + "): " + r.getMessage(), "08001", r);
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
}
