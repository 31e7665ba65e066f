package org.redcapjdbc.schema;

import org.redcapjdbc.client.RedcapException;

/**
 * A REDCap export stopped because its statement ran past its query timeout
 * ({@code Statement.setQueryTimeout}). A {@link RedcapException.Kind#CANCELLED} like a cancel, so
 * nothing retries it; its own type lets {@link SqlErrors} report it as JDBC's timeout rather than
 * as a cancel, without reading its message.
 */
public final class QueryTimeoutException extends RedcapException {
  QueryTimeoutException(String apiMethod, String message, Throwable cause) {
    super(Kind.CANCELLED, 0, apiMethod, null, message, cause);
  }
}
