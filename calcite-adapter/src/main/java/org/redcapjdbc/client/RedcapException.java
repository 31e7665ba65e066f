package org.redcapjdbc.client;

import java.util.Objects;

/**
 * A REDCap API call failed.
 *
 * <p>Unchecked, because the row cursors run inside Calcite enumerators whose methods cannot throw
 * checked exceptions; the SQL layer wraps it in an {@code SQLException}. {@link #kind()} says what
 * class of failure it was, {@link #httpStatus()} the HTTP status (0 when no response arrived),
 * {@link #apiMethod()} the call ({@code content=record, action=delete}), and
 * {@link #redcapMessage()} the text REDCap itself sent, verbatim. {@link #getMessage()} combines
 * them with advice on what to do next. The API token never appears in any of them.
 */
public class RedcapException extends RuntimeException {

  /** What class of failure this is; the SQL layer maps it to an SQLState. */
  public enum Kind {
    /** HTTP 401/403: bad token or missing API rights. */
    AUTH,
    /** HTTP 400: REDCap rejected a parameter or a value (import validation, unknown field). */
    VALIDATION,
    /** HTTP 429, 5xx, or an error body REDCap sent with status 200. */
    SERVER,
    /** No usable response: unreachable host, refused connection, TLS failure, time-out, reset. */
    TRANSPORT,
    /** A response that is not a REDCap answer: empty, truncated, HTML, malformed, 404 page. */
    PROTOCOL,
    /** The caller cancelled or closed the call. */
    CANCELLED
  }

  private final Kind kind;
  private final int httpStatus;
  private final String apiMethod;
  private final String redcapMessage;

  /**
   * @param kind failure class
   * @param httpStatus HTTP status, or 0 when no response was received
   * @param apiMethod the API call, e.g. {@code content=record}; may be empty
   * @param redcapMessage REDCap's own message verbatim, or null when it sent none
   * @param message the full message: what failed and what to do
   * @param cause underlying exception, or null
   */
  public RedcapException(
      Kind kind,
      int httpStatus,
      String apiMethod,
      String redcapMessage,
      String message,
      Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.httpStatus = httpStatus;
    this.apiMethod = apiMethod == null ? "" : apiMethod;
    this.redcapMessage = redcapMessage;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status code, or 0 if the failure happened before a response arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The API method, as {@code content=…[, action=…]}. */
  public String apiMethod() {
    return apiMethod;
  }

  /** REDCap's error text exactly as sent (without the {@code ERROR: } prefix), or null. */
  public String redcapMessage() {
    return redcapMessage;
  }
}
